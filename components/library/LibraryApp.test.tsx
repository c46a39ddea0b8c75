import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Library } from '@/lib/library';
import { STORIES, articleOf, freshName, numberedArticle } from '@/lib/library/__tests__/fixtures';
import { LibraryApp } from './LibraryApp';
import { click, texts, type, waitFor } from './test-helpers';

let root: HTMLElement;
let library: Library;

beforeEach(async () => {
  root = document.createElement('div');
  document.body.append(root);
  let clock = Date.UTC(2024, 2, 1);
  library = await Library.open({ name: freshName('app'), now: () => (clock += 60_000) });
});

afterEach(() => {
  act(() => render(null, root));
  root.remove();
  library.close();
});

const titles = () => texts(root, '[data-testid="library-item"] .item-title');
const mount = () => act(() => render(<LibraryApp library={library} locales={['en-GB']} searchDelayMs={0} />, root));

/**
 * With the index row of "pontoon" damaged: mounts the page (`count` articles listed), searches
 * "pontoon" and expects the damaged-index notice, and no saved item said to be damaged; the next
 * search waits for the rebuild and reads an index without damage.
 */
async function searchPastDamagedIndex(count: number) {
  mount();
  await waitFor(() => expect(titles()).toHaveLength(count));
  type(root.querySelector('[data-testid="library-search"]'), 'pontoon');
  await waitFor(() =>
    expect(root.querySelector('[data-testid="index-damaged-notice"]')?.textContent).toContain(
      'The search index was damaged and is being rebuilt',
    ),
  );
  expect(root.querySelector('[data-testid="skipped-notice"]')).toBeNull();
  const after = await library.search('pontoon');
  expect([after.total, after.skipped]).toEqual([1, []]);
}

describe('LibraryApp', () => {
  it('says the library is empty, with how to fill it', async () => {
    mount();
    await waitFor(() => expect(root.querySelector('[data-testid="library-empty"]')).not.toBeNull());
    expect(root.textContent).toContain('Save page for later');
  });

  it('lists saved articles newest first with site, reading time, saved date and state', async () => {
    await library.save(articleOf(STORIES.harbour));
    await library.save(articleOf(STORIES.ecole));
    await library.saveLink({ url: 'https://guides.example.org/winter-cycling', title: 'Winter cycling' });
    mount();
    await waitFor(() => expect(titles()).toEqual(['Winter cycling', STORIES.ecole.title, STORIES.harbour.title]));
    const harbour = root.querySelectorAll('[data-testid="library-item"]')[2];
    expect(harbour.querySelector('.item-title')?.getAttribute('href')).toMatch(/^\/reader\.html\?id=\d+$/);
    const meta = harbour.querySelector('.item-meta')?.textContent ?? '';
    expect(meta).toContain('Example Coast News');
    expect(meta).toContain('1 min read');
    expect(meta).toContain('Saved 1 Mar 2024');
    expect(meta).toContain('Unread');
    expect(harbour.querySelector('.item-excerpt')?.textContent).toContain(
      'harbour ferries will run every forty minutes',
    );
    expect(root.querySelectorAll('[data-testid="library-item"]')[0].textContent).toContain('Link only');
    expect(root.querySelector('[data-testid="library-count"]')?.textContent).toBe('3 articles');
  });

  it('finds an article by a word from its body, and shows all again when the search is cleared', async () => {
    await library.save(articleOf(STORIES.harbour));
    await library.save(articleOf(STORIES.election));
    mount();
    await waitFor(() => expect(titles()).toHaveLength(2));
    type(root.querySelector('[data-testid="library-search"]'), 'pontoon');
    await waitFor(() => expect(titles()).toEqual([STORIES.harbour.title]));
    expect(root.querySelector('[data-testid="library-count"]')?.textContent).toBe('1 result for “pontoon”');
    type(root.querySelector('[data-testid="library-search"]'), 'zeppelin');
    await waitFor(() => expect(root.querySelector('[data-testid="library-no-results"]')).not.toBeNull());
    type(root.querySelector('[data-testid="library-search"]'), '');
    await waitFor(() => expect(titles()).toHaveLength(2));
  });

  it('shows search results 20 at a time: "Show more" appends the next ones, the count is all of them', async () => {
    for (let i = 1; i <= 25; i++) await library.save(numberedArticle(i));
    await library.indexPending();
    await library.mergeIndex();
    const ranked = (await library.search('survey', { limit: 25 })).hits.map((h) => h.item.title);
    const search = vi.spyOn(library, 'search');
    mount();
    await waitFor(() => expect(titles()).toHaveLength(25));
    type(root.querySelector('[data-testid="library-search"]'), 'survey');
    await waitFor(() => expect(titles()).toEqual(ranked.slice(0, 20)));
    expect(root.querySelector('[data-testid="library-count"]')?.textContent).toBe('25 results for “survey”');
    const firstRows = [...root.querySelectorAll('[data-testid="library-item"]')];
    click(root.querySelector('[data-testid="show-more"]'));
    await waitFor(() => expect(titles()).toEqual(ranked));
    // Appended: the rows already shown stay as they were, and only the next page was asked for.
    expect([...root.querySelectorAll('[data-testid="library-item"]')].slice(0, 20)).toEqual(firstRows);
    expect(search.mock.calls.map(([, options]) => [options?.offset ?? 0, options?.limit])).toEqual([
      [0, 20],
      [20, 20],
    ]);
    expect((await search.mock.results[1].value).offset).toBe(20);
    expect(root.querySelector('[data-testid="library-count"]')?.textContent).toBe('25 results for “survey”');
    expect(root.querySelector('[data-testid="show-more"]')).toBeNull();
  });

  it('"Show more" after a change starts the results over instead of appending stale ones', async () => {
    for (let i = 1; i <= 25; i++) await library.save(numberedArticle(i));
    mount();
    type(root.querySelector('[data-testid="library-search"]'), 'survey');
    await waitFor(() => expect(titles()).toHaveLength(20));
    const shown = titles();
    // Deleted elsewhere (another page): this page hears of it, and shows the results again.
    const other = await Library.open({ name: library.db.name });
    const gone = (await other.search('survey', { limit: 25 })).hits[22].item;
    await other.remove(gone.id);
    other.close();
    click(root.querySelector('[data-testid="show-more"]'));
    await waitFor(() => expect(titles()).toHaveLength(24));
    expect(titles().slice(0, 20)).toEqual(shown);
    expect(titles()).not.toContain(gone.title);
    expect(new Set(titles()).size).toBe(24);
    expect(root.querySelector('[data-testid="library-count"]')?.textContent).toBe('24 results for “survey”');
  });

  it('deletes with undo: the item leaves the list, Undo brings it back', async () => {
    await library.save(articleOf(STORIES.harbour));
    await library.save(articleOf(STORIES.election));
    mount();
    await waitFor(() => expect(titles()).toHaveLength(2));
    click(root.querySelector('[data-testid="library-item"] [data-testid="item-delete"]'));
    await waitFor(() => expect(titles()).toEqual([STORIES.harbour.title]));
    expect(root.querySelector('[data-testid="toast"]')?.textContent).toContain(`Deleted “${STORIES.election.title}”.`);
    click(root.querySelector('[data-testid="undo"]'));
    await waitFor(() => expect(titles()).toEqual([STORIES.election.title, STORIES.harbour.title]));
    expect((await library.trash()).items).toEqual([]);
  });

  it('undoes a delete with Ctrl+Z too', async () => {
    await library.save(articleOf(STORIES.harbour));
    mount();
    await waitFor(() => expect(titles()).toHaveLength(1));
    click(root.querySelector('[data-testid="item-delete"]'));
    await waitFor(() => expect(titles()).toHaveLength(0));
    act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true }));
    });
    await waitFor(() => expect(titles()).toEqual([STORIES.harbour.title]));
  });

  it('archives, favourites and filters by state', async () => {
    await library.save(articleOf(STORIES.harbour));
    await library.save(articleOf(STORIES.election));
    mount();
    await waitFor(() => expect(titles()).toHaveLength(2));
    const [election, harbour] = root.querySelectorAll('[data-testid="library-item"]');
    click(harbour.querySelector('[data-testid="item-archive"]'));
    click(election.querySelector('[data-testid="item-favourite"]'));
    await waitFor(async () => expect((await library.list({ state: 'archived' })).total).toBe(1));
    click(root.querySelector('[data-testid="view-archived"]'));
    await waitFor(() => expect(titles()).toEqual([STORIES.harbour.title]));
    click(root.querySelector('[data-testid="view-favourites"]'));
    await waitFor(() => expect(titles()).toEqual([STORIES.election.title]));
    expect(root.querySelector('[data-testid="item-favourite"]')?.getAttribute('aria-pressed')).toBe('true');
    click(root.querySelector('[data-testid="view-unread"]'));
    await waitFor(() => expect(titles()).toEqual([STORIES.election.title]));
  });

  it('edits tags inline and filters by a tag', async () => {
    await library.save(articleOf(STORIES.harbour));
    await library.save(articleOf(STORIES.election));
    mount();
    await waitFor(() => expect(titles()).toHaveLength(2));
    const harbour = root.querySelectorAll('[data-testid="library-item"]')[1];
    click(harbour.querySelector('[data-testid="item-tags"]'));
    const input = harbour.querySelector('[data-testid="tag-input"]');
    expect(document.activeElement).toBe(input);
    type(input, 'transport, local');
    act(() => {
      harbour.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await waitFor(() => expect(texts(root, '.tag-chip')).toEqual(['transport', 'local']));
    click(root.querySelector('.tag-chip'));
    await waitFor(() => expect(titles()).toEqual([STORIES.harbour.title]));
    expect((root.querySelector('[data-testid="tag-filter"]') as HTMLSelectElement).value).toBe('transport');
  });

  it('shows the trash, restores from it and empties it', async () => {
    const a = await library.save(articleOf(STORIES.harbour));
    const b = await library.save(articleOf(STORIES.election));
    await library.remove(a.id);
    await library.remove(b.id);
    mount();
    await waitFor(() => expect(root.querySelector('[data-testid="library-empty"]')).not.toBeNull());
    click(root.querySelector('[data-testid="view-trash"]'));
    await waitFor(() => expect(texts(root, '[data-testid="trash-item"] .item-title')).toHaveLength(2));
    click(root.querySelector('[data-testid="trash-item"] [data-testid="restore"]'));
    await waitFor(() => expect(texts(root, '[data-testid="trash-item"] .item-title')).toHaveLength(1));
    click(root.querySelector('[data-testid="empty-trash"]'));
    await waitFor(() => expect(root.querySelector('[data-testid="trash-empty"]')).not.toBeNull());
    expect(await library.count()).toBe(1);
  });

  it('shows what another page saved without a reload', async () => {
    mount();
    await waitFor(() => expect(root.querySelector('[data-testid="library-empty"]')).not.toBeNull());
    const other = await Library.open({ name: library.db.name });
    await other.save(articleOf(STORIES.tokyo));
    other.close();
    await waitFor(() => expect(titles()).toEqual([STORIES.tokyo.title]));
  });

  it('reports damaged records instead of failing', async () => {
    const good = await library.save(articleOf(STORIES.harbour));
    await library.db.articles.add({
      ...(await library.db.articles.get(good.id))!,
      id: undefined,
      normalizedUrl: 'x',
      state: 'gone' as 'unread',
    });
    mount();
    await waitFor(() => expect(titles()).toEqual([STORIES.harbour.title]));
    expect(root.querySelector('[data-testid="skipped-notice"]')?.textContent).toContain('One saved item is damaged');
  });

  it('says a damaged search index row as such: no saved item hidden, the index rebuilt', async () => {
    // Eight articles saved at once are indexed in one run, as one segment of `terms` rows (a save alone
    // is a small segment, below).
    await library.saveMany([
      articleOf(STORIES.harbour),
      articleOf(STORIES.tokyo),
      ...Array.from({ length: 6 }, (_, n) => numberedArticle(n)),
    ]);
    expect((await library.search('pontoon')).total).toBe(1);
    // The row of "pontoon" loses its typed arrays (as a JSON round trip would leave it).
    const row = await library.db.terms.where('term').equals('pontoon').first();
    expect(row?.weights).toHaveLength(1);
    await library.db.terms.put({ ...row!, ids: [...row!.ids], weights: [...row!.weights] } as never);
    await searchPastDamagedIndex(8);
  });

  it("says a damaged small segment (a save's index row) as such too", async () => {
    await library.save(articleOf(STORIES.harbour));
    await library.save(articleOf(STORIES.tokyo));
    // Indexed without a search: a search would keep the row parsed, and not read it again.
    await library.indexPending();
    // The row loses its typed arrays (as a JSON round trip would leave it).
    const [row] = await library.db.smallSegs.toArray();
    expect(await library.db.terms.count()).toBe(0);
    await library.db.smallSegs.put({ ...row, ids: [...row.ids], weights: [...row.weights] } as never);
    await searchPastDamagedIndex(2);
  });

  it('"/" focuses the search box', async () => {
    mount();
    await waitFor(() => expect(root.querySelector('[data-testid="library-empty"]')).not.toBeNull());
    act(() => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true }));
    });
    expect(document.activeElement).toBe(root.querySelector('[data-testid="library-search"]'));
  });
});
