import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library, LibraryError } from '@/lib/library';
import { STORIES, articleOf, freshName } from '@/lib/library/__tests__/fixtures';
import { SaveButton } from './SaveButton';
import { click, waitFor } from './test-helpers';

let root: HTMLElement;
let library: Library;
beforeEach(async () => {
  root = document.createElement('div');
  document.body.append(root);
  library = await Library.open({ name: freshName('save-button') });
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
  library.close();
});

const button = () => root.querySelector<HTMLButtonElement>('[data-testid="save-button"]')!;

describe('SaveButton', () => {
  it('offers Save for a new article, saves it on click, then shows Saved', async () => {
    act(() => render(<SaveButton article={articleOf(STORIES.harbour)} library={Promise.resolve(library)} />, root));
    await waitFor(() => expect(button().dataset.state).toBe('unsaved'));
    expect(button().textContent).toBe('Save');
    click(button());
    await waitFor(() => expect(button().dataset.state).toBe('saved'));
    expect(button().getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Saved to your library.');
    expect((await library.findByUrl(STORIES.harbour.url))?.title).toBe(STORIES.harbour.title);
  });

  it('shows at once that the page is already saved (the popup on a saved page)', async () => {
    await library.save(articleOf(STORIES.harbour));
    act(() =>
      render(
        <SaveButton
          article={articleOf(STORIES.harbour, { url: `${STORIES.harbour.url}?utm_source=feed#top` })}
          library={Promise.resolve(library)}
        />,
        root,
      ),
    );
    await waitFor(() => expect(button().dataset.state).toBe('saved'));
    expect(button().textContent).toBe('Saved');
  });

  it('says why a save failed, and keeps the button usable', async () => {
    const failing = {
      findByUrl: async () => null,
      save: async () => Promise.reject(new LibraryError('quota')),
    } as unknown as Library;
    act(() => render(<SaveButton article={articleOf(STORIES.harbour)} library={Promise.resolve(failing)} />, root));
    await waitFor(() => expect(button().dataset.state).toBe('unsaved'));
    click(button());
    await waitFor(() =>
      expect(root.querySelector('[data-testid="save-error"]')?.textContent).toMatch(/not enough storage space/),
    );
    expect(button().disabled).toBe(false);
  });
});
