import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Library, SEARCH_PAGE_SIZE } from '../index';
import type { SearchOptions } from '../types';
import { numberedArticle } from './fixtures';
import { freshLibraries } from './fresh-libraries';

// "Show more" on search results: the next page continues the last ranking and reads only its rows;
// anything written between two pages makes the search start over instead.

const { fresh, track } = freshLibraries('pages');

/** A library of `n` field notes, all holding the word "survey"; ids in save order. */
async function notes(n: number): Promise<{ library: Library; ids: number[] }> {
  const library = await fresh();
  const ids: number[] = [];
  for (let i = 1; i <= n; i++) ids.push((await library.save(numberedArticle(i))).id);
  // Indexed and merged now, not in the middle of a test: a merge is a write, and drops the last ranking.
  await library.indexPending();
  await library.mergeIndex();
  return { library, ids };
}

const idsOf = (r: { hits: { item: { id: number } }[] }) => r.hits.map((h) => h.item.id);

describe('search pages', () => {
  it('page after page continues the ranking without ranking again: no repeats, no gaps', async () => {
    const { library, ids } = await notes(45);
    const whole = await library.search('survey', { limit: 45 });
    expect(whole.total).toBe(45);
    expect(new Set(idsOf(whole))).toEqual(new Set(ids));

    const first = await library.search('survey');
    expect(first.hits).toHaveLength(SEARCH_PAGE_SIZE);
    expect(first.offset).toBe(0);
    expect(first.total).toBe(45);
    const timings: Record<string, number> = {};
    const second = await library.search('survey', { offset: 20, timings });
    expect(second.offset).toBe(20);
    expect(second.total).toBe(45);
    // Only rows were read: no expansion, no postings, no scoring.
    expect(timings.rows).toBeGreaterThanOrEqual(0);
    expect(timings.score).toBeUndefined();
    expect(timings.lookups).toBeUndefined();
    const third = await library.search('survey', { offset: 40 });
    expect(third.offset).toBe(40);
    expect(third.hits).toHaveLength(5);
    expect([...idsOf(first), ...idsOf(second), ...idsOf(third)]).toEqual(idsOf(whole));
    // Past the end: nothing more, still the whole count.
    expect(await library.search('survey', { offset: 45 })).toMatchObject({ hits: [], total: 45, offset: 45 });
  });

  it('keeps filters across pages, and another query or filter is never continued', async () => {
    const { library, ids } = await notes(30);
    for (const id of ids.slice(0, 24)) await library.update(id, { state: 'archived' });
    const archived: SearchOptions = { state: 'archived', limit: 10 };
    const first = await library.search('survey', archived);
    const second = await library.search('survey', { ...archived, offset: 10 });
    const third = await library.search('survey', { ...archived, offset: 20 });
    expect([first.offset, second.offset, third.offset]).toEqual([0, 10, 20]);
    expect([...idsOf(first), ...idsOf(second), ...idsOf(third)].sort((a, b) => a - b)).toEqual(ids.slice(0, 24));
    expect(third.total).toBe(24);

    // The last search was "survey" archived: an unread page at offset 10 starts over from the top.
    const unread = await library.search('survey', { state: 'unread', limit: 10, offset: 10 });
    expect(unread.offset).toBe(0);
    expect(idsOf(unread).sort((a, b) => a - b)).toEqual(ids.slice(24));
    const other = await library.search('river', { offset: 10 });
    expect(other.offset).toBe(0);
    expect(other.hits).toHaveLength(30);
  });

  it('a save between two pages: the search starts over and the new article is in it', async () => {
    const { library } = await notes(30);
    const first = await library.search('survey');
    const added = await library.save(numberedArticle(31));
    const next = await library.search('survey', { offset: 20 });
    expect(next.offset).toBe(0);
    expect(next.total).toBe(31);
    expect(next.hits).toHaveLength(31);
    expect(new Set(idsOf(next)).size).toBe(31);
    expect(idsOf(next)).toContain(added.id);
    expect(idsOf(first).every((id) => idsOf(next).includes(id))).toBe(true);
  });

  it('a delete or an edit between two pages is never shown stale', async () => {
    const { library } = await notes(45);
    const unread: SearchOptions = { state: 'unread' };
    const whole = idsOf(await library.search('survey', { ...unread, limit: 45 }));
    const first = await library.search('survey', unread);
    expect(idsOf(first)).toEqual(whole.slice(0, 20));
    // The deleted one would have been on the next page, the archived one too.
    const [deleted, archived] = [whole[25], whole[30]];
    await library.remove(deleted);
    await library.update(archived, { state: 'archived' });
    const next = await library.search('survey', { ...unread, offset: 20 });
    expect(next.offset).toBe(0);
    expect(next.total).toBe(43);
    expect(idsOf(next)).toEqual(whole.filter((id) => id !== deleted && id !== archived).slice(0, 40));
  });

  it('an edit from another page of the extension (its own Library on the same database) too', async () => {
    const { library } = await notes(30);
    const other = track(await Library.open({ name: library.db.name }));
    const whole = idsOf(await library.search('survey', { limit: 30 }));
    const first = await library.search('survey');
    expect(idsOf(first)).toEqual(whole.slice(0, 20));
    await other.remove(whole[22]);
    const next = await library.search('survey', { offset: 20 });
    expect(next.offset).toBe(0);
    expect(next.total).toBe(29);
    expect(idsOf(next)).toEqual(whole.filter((id) => id !== whole[22]).slice(0, 29));
  });

  it('a row edited by a write this page has not heard of yet is checked against the filters', async () => {
    const { library } = await notes(30);
    const whole = idsOf(await library.search('survey', { state: 'unread', limit: 30 }));
    const first = await library.search('survey', { state: 'unread' });
    expect(idsOf(first)).toEqual(whole.slice(0, 20));
    // Straight through IndexedDB, as another context's write whose announcement is still on its way:
    // the ranking is continued, and the row read for it is checked again.
    const target = whole[22];
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(library.db.name);
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const idb = req.result;
        const tx = idb.transaction('articles', 'readwrite');
        const store = tx.objectStore('articles');
        const get = store.get(target);
        get.onsuccess = () => store.put({ ...get.result, state: 'archived' });
        tx.oncomplete = () => {
          idb.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const next = await library.search('survey', { state: 'unread', offset: 20 });
    expect(next.offset).toBe(20);
    expect(next.total).toBe(29);
    expect(idsOf(next)).toEqual(whole.slice(20).filter((id) => id !== target));
  });
});
