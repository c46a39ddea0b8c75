// @vitest-environment node
// Node's Blob and DOMException, which fake-indexeddb stores and throws (jsdom's Blob is refused by structuredClone).
/**
 * Storage faults during an import (issue 7, item 7), injected below Dexie, in IndexedDB itself: a `put`
 * that throws QuotaExceededError as a full disk makes it, a transaction aborted under the import, and
 * the page dropped in the middle of the write (database closed, transaction gone) then opened again.
 * Each time the library must be exactly as before, consistent (stored count, index queue, postings and
 * dictionary agree with the articles), and the error a LibraryError whose message says what to do.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport, type ImportReport } from '../../transfer';
import { fixture, jsdomWindow } from '../../transfer/__tests__/helpers';
import { ARTICLE_COUNT_KEY } from '../counts';
import { readQueue } from '../index-queue';
import { Library, LibraryError } from '../index';
import type { LibraryDB } from '../schema';
import { parseSmallRow } from '../small-segments';
import { everyTermRow } from '../term-index';
import { STORIES, articleOf, freshName } from './fixtures';

const win = jsdomWindow();
const NOW = Date.parse('2025-06-01T12:00:00Z');
const open: Library[] = [];
afterEach(() => {
  open.splice(0).forEach((l) => l.close());
});

// ---- faults, injected into fake-indexeddb's object stores ----

type Fault = (store: IDBObjectStore) => void;
let fault: { store: string; after: number; seen: number; act: Fault } | null = null;
const originals = { put: IDBObjectStore.prototype.put, add: IDBObjectStore.prototype.add };

beforeEach(() => {
  fault = null;
  for (const method of ['put', 'add'] as const) {
    const original = originals[method];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      if (fault && this.name === fault.store && ++fault.seen > fault.after) fault.act(this);
      return original.apply(this, args);
    };
  }
  return () => {
    IDBObjectStore.prototype.put = originals.put;
    IDBObjectStore.prototype.add = originals.add;
  };
});

/** From the (after + 1)-th write into `store` on, `act` runs first. */
function injectFault(store: string, after: number, act: Fault) {
  fault = { store, after, seen: 0, act };
}

const quotaExceeded: Fault = () => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};
const abortTransaction: Fault = (store) => store.transaction.abort();

// ---- what "exactly as before" and "consistent" mean ----

async function snapshot(db: LibraryDB) {
  const tables = [
    'articles',
    'bodies',
    'postings',
    'terms',
    'smallSegs',
    'segments',
    'trash',
    'vocab',
    'meta',
  ] as const;
  const rows = await Promise.all(tables.map((t) => db.table(t).toArray()));
  const images = (await db.images.toArray()).map(({ articleId, url, blob }) => ({ articleId, url, size: blob.size }));
  return { ...Object.fromEntries(tables.map((t, i) => [t, rows[i]])), images };
}

/** The derived data agrees with the articles: the stored count, the index queue, postings and the dictionary. */
async function expectConsistent(library: Library) {
  const { db } = library;
  const live = new Set((await db.articles.toCollection().primaryKeys()) as number[]);
  const trashed = new Set((await db.trash.toCollection().primaryKeys()) as number[]);
  expect((await db.meta.get(ARTICLE_COUNT_KEY))?.value).toBe(live.size);
  expect(await library.count()).toBe(live.size);
  for (const id of (await db.bodies.toCollection().primaryKeys()) as number[])
    expect(live.has(id) || trashed.has(id)).toBe(true);
  const queued = (await readQueue(db)).map((e) => e.id);
  expect(new Set(queued).size).toBe(queued.length);
  for (const id of queued) expect(live.has(id) || trashed.has(id)).toBe(true);
  const postings = await db.postings.toArray();
  for (const p of postings) expect(live.has(p.id) || trashed.has(p.id)).toBe(true);
  // Every live article is indexed or waiting to be.
  const indexed = new Set(postings.map((p) => p.id));
  for (const id of live)
    expect(indexed.has(id) || queued.includes(id), `article ${id} is neither indexed nor queued`).toBe(true);
  // Every indexed term is in the dictionary that prefix and fuzzy search expand from.
  const vocab = new Set((await db.vocab.toArray()).flatMap((c) => c.terms));
  const missing = postings.flatMap((p) => p.terms).filter((t) => !vocab.has(t));
  expect(missing).toEqual([]);
  // The inverted index (`terms` rows and small segments, as search reads it) holds exactly what `postings`
  // says each article was indexed under, in live segments, and no row of it is damaged.
  const segments = new Set((await db.segments.toCollection().primaryKeys()) as number[]);
  const stored = await db.terms.toArray();
  const smallSegs = await db.smallSegs.toArray();
  for (const row of stored) expect(segments.has(row.seg), `terms row ${row.term}@${row.seg}`).toBe(true);
  for (const row of smallSegs) {
    expect(segments.has(row.seg), `small segment ${row.seg}`).toBe(true);
    expect(parseSmallRow(row)).toMatchObject({ ok: true });
  }
  // Nothing is left out as damaged: a row per stored `terms` row and per term of each small segment.
  const rows = await everyTermRow(db);
  const smallTerms = smallSegs.reduce((n, row) => n + (row.terms ? row.terms.split('\n').length : 0), 0);
  expect(rows.length).toBe(stored.length + smallTerms);
  const inverted = new Map<number, string[]>();
  for (const row of rows) {
    expect(segments.has(row.seg)).toBe(true);
    for (const id of row.ids) inverted.set(id, [...(inverted.get(id) ?? []), row.term]);
  }
  expect(new Map([...inverted].map(([id, terms]) => [id, terms.sort()]))).toEqual(
    new Map(postings.map((p) => [p.id, [...p.terms].sort()])),
  );
}

/** A library that already holds work: saved and indexed articles, a note, one in the trash. */
async function libraryWithArticles(name = freshName('faults')) {
  const library = await Library.open({ name, now: () => NOW });
  open.push(library);
  const harbour = await library.save(articleOf(STORIES.harbour));
  await library.setNote(harbour.id, 'Ask about the pontoon grant.');
  await library.save(articleOf(STORIES.tokyo));
  const gone = await library.save(articleOf(STORIES.moscow));
  await library.remove(gone.id);
  await library.indexPending();
  return library;
}

const importOmnivore = (library: Library): Promise<ImportReport> =>
  runImport('omnivore-export.zip', fixture('omnivore-export.zip'), library.importTarget(), { win, now: () => NOW });

describe('storage faults during an import', () => {
  it('quota exceeded on the third article: nothing of the import is written, and the user is told what to do', async () => {
    const library = await libraryWithArticles();
    const before = await snapshot(library.db);
    await expectConsistent(library);

    injectFault('articles', 2, quotaExceeded);
    const error = await importOmnivore(library).catch((e: unknown) => e);
    fault = null;
    expect(error).toBeInstanceOf(LibraryError);
    expect(error).toMatchObject({ code: 'quota' });
    expect((error as Error).message).toMatch(/not enough storage space/i);
    expect((error as Error).message).toMatch(/empty the trash or delete some articles/i);
    expect((error as Error).message).toMatch(/nothing was changed/i);

    expect(await snapshot(library.db)).toEqual(before);
    await expectConsistent(library);
    expect((await library.search('sandbags')).hits).toEqual([]);

    // With space again, the same import lands whole, once.
    const report = await importOmnivore(library);
    expect(report.counts).toEqual({ added: 4, updated: 0, skipped: 0 });
    expect((await library.search('sandbags')).hits).toHaveLength(1);
    await expectConsistent(library);
  });

  it('quota exceeded on the index queue, the import’s last write: the rows written before it are rolled back', async () => {
    const library = await libraryWithArticles();
    const before = await snapshot(library.db);
    // meta: the stored count, then the queue. Fail the queue.
    injectFault('meta', 1, quotaExceeded);
    await expect(importOmnivore(library)).rejects.toMatchObject({ name: 'LibraryError', code: 'quota' });
    fault = null;
    expect(await snapshot(library.db)).toEqual(before);
    await expectConsistent(library);
  });

  it('a transaction aborted under the import leaves the library as it was, with a message to try again', async () => {
    const library = await libraryWithArticles();
    const before = await snapshot(library.db);
    injectFault('bodies', 1, abortTransaction);
    const error = await importOmnivore(library).catch((e: unknown) => e);
    fault = null;
    expect(error).toBeInstanceOf(LibraryError);
    expect(error).toMatchObject({ code: 'aborted' });
    expect((error as Error).message).toMatch(/kept everything as it was\. Try again/);
    expect(await snapshot(library.db)).toEqual(before);
    await expectConsistent(library);
  });

  it('indexing that hits the quota after an import loses nothing: the articles stay queued and a later search finds them', async () => {
    const library = await libraryWithArticles();
    await importOmnivore(library);
    const saved = await snapshot(library.db);
    injectFault('postings', 0, quotaExceeded);
    await expect(library.indexPending()).rejects.toMatchObject({ code: 'quota' });
    fault = null;
    expect(await snapshot(library.db)).toEqual(saved);
    await expectConsistent(library);
    expect((await library.search('sandbags')).hits).toHaveLength(1);
    expect(await readQueue(library.db)).toEqual([]);
  });
});

describe('a reload in the middle of an import', () => {
  it('the page closes during the write: the next page finds the library exactly as before, and the import can be run again', async () => {
    const name = freshName('reload');
    const library = await libraryWithArticles(name);
    const before = await snapshot(library.db);

    // The page goes away while the import's transaction is writing its third article: the browser
    // aborts the transaction and closes the connection.
    let dropped = false;
    const running = importOmnivore(library).catch((e: unknown) => e);
    injectFault('articles', 2, (store) => {
      fault = null;
      dropped = true;
      store.transaction.abort();
      library.close();
    });
    const error = await running;
    expect(dropped).toBe(true);
    expect(error).toBeInstanceOf(LibraryError);
    expect(error).toMatchObject({ code: 'aborted' });

    const next = await Library.open({ name, now: () => NOW });
    open.push(next);
    expect(await snapshot(next.db)).toEqual(before);
    await expectConsistent(next);

    const report = await importOmnivore(next);
    expect(report.counts).toEqual({ added: 4, updated: 0, skipped: 0 });
    expect(await next.count()).toBe(2 + 4);
    await expectConsistent(next);
  });

  it('the page closes after the write, before indexing: the next page indexes the imported articles on its first search', async () => {
    const name = freshName('reload-after');
    const library = await libraryWithArticles(name);
    await importOmnivore(library);
    // Closed at once: the indexing the import scheduled never runs.
    library.close();

    const next = await Library.open({ name, now: () => NOW });
    open.push(next);
    expect((await readQueue(next.db)).length).toBe(4);
    await expectConsistent(next);
    expect((await next.search('sandbags')).hits).toHaveLength(1);
    expect((await next.search('птиц')).hits).toHaveLength(1);
    expect(await readQueue(next.db)).toEqual([]);
    await expectConsistent(next);
  });

  it('the page closes while the file is still being read: nothing was written', async () => {
    const name = freshName('reload-reading');
    const library = await libraryWithArticles(name);
    const before = await snapshot(library.db);
    let batches = 0;
    const running = runImport('omnivore-export.zip', fixture('omnivore-export.zip'), library.importTarget(), {
      win,
      batchBudgetMs: 0,
      pause: async () => {
        if (++batches === 2) library.close();
      },
    }).catch((e: unknown) => e);
    const error = await running;
    expect(batches).toBeGreaterThanOrEqual(2);
    // Were anyone still there to read it: the write found the library closed and kept everything.
    expect(error).toBeInstanceOf(LibraryError);
    expect(error).toMatchObject({ code: 'aborted', message: expect.stringMatching(/kept everything as it was/) });
    const next = await Library.open({ name, now: () => NOW });
    open.push(next);
    expect(await snapshot(next.db)).toEqual(before);
    await expectConsistent(next);
  });
});
