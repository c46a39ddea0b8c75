import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '@/lib/library';
import { STORIES, articleOf, freshName } from '@/lib/library/__tests__/fixtures';
import { SavedArticleView } from './SavedArticleView';
import { click, texts, type, waitFor } from './test-helpers';

let root: HTMLElement;
let library: Library;
beforeEach(async () => {
  root = document.createElement('div');
  document.body.append(root);
  library = await Library.open({ name: freshName('saved-view') });
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
  library.close();
});

const state = () => root.querySelector('[data-testid="saved-reader"]')?.getAttribute('data-state');
const mount = (id: number | null) =>
  act(() => render(<SavedArticleView library={Promise.resolve(library)} id={id} />, root));

describe('SavedArticleView', () => {
  it('renders the saved article in the Reader, sanitised again on the way in', async () => {
    const item = await library.save(
      articleOf(STORIES.harbour, {
        contentHtml:
          '<p>The council confirmed the timetable.</p><img src="x" onerror="window.__pwned = 1"><script>window.__pwned = 2</script>',
      }),
    );
    mount(item.id);
    await waitFor(() => expect(state()).toBe('article'));
    expect(root.querySelector('[data-testid="reader-title"]')?.textContent).toBe(STORIES.harbour.title);
    const body = root.querySelector('[data-testid="reader-body"]')!;
    expect(body.textContent).toContain('The council confirmed the timetable.');
    expect(body.querySelector('script')).toBeNull();
    expect(body.querySelector('img')?.hasAttribute('onerror')).toBe(false);
    expect(document.title).toBe(`${STORIES.harbour.title} · Clean Reader`);
  });

  it('toggles favourite and archive from its toolbar', async () => {
    const item = await library.save(articleOf(STORIES.election));
    mount(item.id);
    await waitFor(() => expect(state()).toBe('article'));
    click(root.querySelector('[data-testid="reader-favourite"]'));
    click(root.querySelector('[data-testid="reader-archive"]'));
    await waitFor(async () => expect(await library.get(item.id)).toMatchObject({ favourite: true, state: 'archived' }));
    await waitFor(() =>
      expect(root.querySelector('[data-testid="reader-archive"]')?.getAttribute('aria-pressed')).toBe('true'),
    );
  });

  it('explains a link saved without its page and offers to open it', async () => {
    const item = await library.saveLink({ url: 'https://guides.example.org/winter-cycling', title: 'Winter cycling' });
    mount(item.id);
    await waitFor(() => expect(state()).toBe('link'));
    expect(root.querySelector('[data-testid="open-link"]')?.getAttribute('href')).toBe(
      'https://guides.example.org/winter-cycling',
    );
    expect(root.textContent).toContain('saved without its page');
  });

  it('says so when the article is not in the library, or the address names none', async () => {
    mount(404);
    await waitFor(() => expect(state()).toBe('error'));
    expect(root.querySelector('[data-testid="saved-error"] .status-title')?.textContent).toBe(
      'This article is not in your library',
    );
    mount(null);
    await waitFor(() => expect(root.textContent).toContain('No saved article was named in this address.'));
  });

  it('shows the highlights after the article, and keeps the note the user writes', async () => {
    const item = await library.save(articleOf(STORIES.harbour));
    await library.update(item.id, {
      highlights: [
        { quote: 'The wall was finished before the spring tides.', createdAt: '2024-03-08T12:00:00.000Z', note: null },
        { quote: 'Volunteers carried sandbags all night.', createdAt: null, note: 'Ask the council for the count.' },
      ],
    });
    mount(item.id);
    await waitFor(() => expect(state()).toBe('article'));
    const notes = root.querySelector('[data-testid="article-notes"]')!;
    // After the article, not inside it.
    expect(root.querySelector('[data-testid="reader"]')!.compareDocumentPosition(notes)).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    expect(texts(notes, '[data-testid="highlights"] blockquote')).toEqual([
      'The wall was finished before the spring tides.',
      'Volunteers carried sandbags all night.',
    ]);
    expect(texts(notes, '.highlight-note')).toEqual(['Ask the council for the count.']);

    const save = () => root.querySelector<HTMLButtonElement>('[data-testid="save-note"]')!;
    expect(save().disabled).toBe(true);
    type(root.querySelector('[data-testid="article-note"]'), 'Follow up in spring.');
    expect(save().disabled).toBe(false);
    click(save());
    await waitFor(async () => expect((await library.get(item.id)).note).toBe('Follow up in spring.'));
    await waitFor(() => expect(root.querySelector('[data-testid="note-status"]')?.textContent).toBe('Note saved.'));

    act(() => render(null, root));
    mount(item.id);
    await waitFor(() =>
      expect(root.querySelector<HTMLTextAreaElement>('[data-testid="article-note"]')?.value).toBe('Follow up in spring.'),
    );
  });

  it('offers a note but no highlights section for an article without highlights', async () => {
    const item = await library.save(articleOf(STORIES.election));
    mount(item.id);
    await waitFor(() => expect(state()).toBe('article'));
    expect(root.querySelector('[data-testid="highlights"]')).toBeNull();
    expect(root.querySelector('[data-testid="article-note"]')).not.toBeNull();
  });
});
