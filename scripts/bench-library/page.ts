/**
 * The in-page half of `npm run bench:library`: runs in Chromium on a 127.0.0.1 page, so the library
 * uses Chromium's real, on-disk IndexedDB. scripts/bench-library.ts bundles this file, serves it and
 * calls the functions on `window.libraryBench` one step at a time. Every timed library call alternates
 * with its baseline (bare IndexedDB doing the least work that gives the same answer), so load on the
 * machine falls on both alike.
 */
import type { Article } from '../../lib/extract/types';
import { Library, SEARCH_PAGE_SIZE } from '../../lib/library';
import { Library as AgainstLibrary } from './against-library';
import { uniqueTerms } from '../../lib/library/tokenize';
import { fromStored } from '../../lib/library/term-index';
import type { StoredTermRow } from '../../lib/library/schema';
import { seededRandom as random } from '../../tests/unit/seeded-random';

const DB = 'bench-library';

let paragraphs: string[] = [];
let library: Library | null = null;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Article n: 5 to 50 KB of text made of real news paragraphs (the corpus' ground truth) in a random
 * order, with headings every few paragraphs, as the extractor would return it.
 */
function makeArticle(n: number): Article {
  const rnd = random(n + 1);
  const target = 5_000 + Math.floor(rnd() * 45_000);
  const parts: string[] = [];
  const html: string[] = [];
  let length = 0;
  while (length < target) {
    const p = paragraphs[Math.floor(rnd() * paragraphs.length)];
    if (parts.length % 7 === 6) {
      const heading = p.split(/[.!?]/)[0].slice(0, 60);
      parts.push(heading);
      html.push(`<h2>${escapeHtml(heading)}</h2>`);
    }
    parts.push(p);
    html.push(`<p>${escapeHtml(p)}</p>`);
    length += p.length + 2;
  }
  const text = parts.join('\n\n');
  const title = paragraphs[Math.floor(rnd() * paragraphs.length)].split(/[.!?]/)[0].slice(0, 90);
  const words = text.split(/\s+/).length;
  return {
    kind: 'article',
    url: `https://site${n % 97}.example/news/${n}-${title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 40)}`,
    title,
    byline: `Staff writer ${n % 13}`,
    siteName: `Example Site ${n % 97}`,
    lang: 'en',
    dir: 'ltr',
    publishedTime: new Date(1_600_000_000_000 + n * 3_600_000).toISOString(),
    excerpt: parts[0].slice(0, 200),
    leadImage: null,
    contentHtml: html.join('\n'),
    text,
    wordCount: words,
    readingMinutes: Math.max(1, Math.round(words / 230)),
    removed: [],
  };
}

/** Articles per indexing transaction (one index segment each): the fill indexes in bulk. */
const FILL_INDEX_BATCH = 500;

async function lib(): Promise<Library> {
  library ??= await Library.open({ name: DB, indexBatch: FILL_INDEX_BATCH });
  return library;
}

const time = async (fn: () => Promise<unknown>) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

/** Resolves when an IndexedDB request or transaction finishes. */
const done = (target: IDBRequest | IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    if ('oncomplete' in target) {
      target.oncomplete = () => resolve();
      target.onabort = target.onerror = () => reject(target.error);
    } else {
      target.onsuccess = () => resolve();
      target.onerror = () => reject(target.error);
    }
  });

function openRaw(name: string, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = upgrade ? indexedDB.open(name, 1) : indexedDB.open(name);
    if (upgrade) req.onupgradeneeded = () => upgrade(req.result);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * The baselines: the same work done with bare IndexedDB calls, on the same disk in the same run, so
 * every library figure also reads as a ratio that machine load cancels out of. A save's baseline writes
 * the article's row and body to a plain two-store database (no duplicate check, index or queue); the
 * reads' baselines read the library's own database with the fewest requests that give the same answer.
 */
const BASELINE_DB = 'bench-library-baseline';
/** Where the fill mark is kept (see `setFillMark`). */
const MARK_DB = 'bench-library-mark';
const openMarkDb = () => openRaw(MARK_DB, (db) => db.createObjectStore('mark'));
let baseline: IDBDatabase | null = null;

async function baselineSave(article: Article): Promise<void> {
  baseline ??= await openRaw(BASELINE_DB, (db) => {
    db.createObjectStore('articles', { keyPath: 'id', autoIncrement: true });
    db.createObjectStore('bodies', { keyPath: 'id' });
  });
  const { contentHtml, text, removed: _removed, kind: _kind, ...meta } = article;
  const tx = baseline.transaction(['articles', 'bodies'], 'readwrite');
  const req = tx.objectStore('articles').put({ ...meta, savedAt: Date.now() });
  req.onsuccess = () => tx.objectStore('bodies').put({ id: req.result, contentHtml, text });
  await done(tx);
}

/** The library's first page the bare way: open the database, read the 50 newest rows off the date index. */
async function baselineFirstPage(): Promise<void> {
  const db = await openRaw(DB);
  const rows: unknown[] = [];
  await new Promise<void>((resolve, reject) => {
    const req = db.transaction('articles').objectStore('articles').index('savedAt').openCursor(null, 'prev');
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor || rows.length === 50) return resolve();
      rows.push(cursor.value);
      cursor.continue();
    };
    req.onerror = () => reject(req.error);
  });
  db.close();
  if (rows.length !== 50) throw new Error(`baseline first page had ${rows.length} rows`);
}

let raw: IDBDatabase | null = null;

/**
 * A search the bare way: the postings of the query's first term as typed (one range read of the
 * library's `terms` store, no expansion, no ranking), then the rows of its first articles, as many as
 * a page of search results shows (`SEARCH_PAGE_SIZE`).
 */
async function baselineSearch(query: string): Promise<number> {
  raw ??= await openRaw(DB);
  const term = uniqueTerms(query)[0] ?? '';
  const tx = raw.transaction(['terms', 'articles']);
  const rowsReq = tx.objectStore('terms').getAll(IDBKeyRange.bound([term, -Infinity], [term, Infinity]));
  await done(rowsReq);
  // Ids packed (term-index.ts) or, in rows written before packing, a Uint32Array.
  const ids = (rowsReq.result as StoredTermRow[]).flatMap((r) => [...fromStored(r).ids]);
  await Promise.all(ids.slice(0, SEARCH_PAGE_SIZE).map((id) => done(tx.objectStore('articles').get(id))));
  return ids.length;
}

/** Opening an article the bare way: its row and body in one transaction. */
async function baselineOpen(id: number): Promise<void> {
  raw ??= await openRaw(DB);
  const tx = raw.transaction(['articles', 'bodies']);
  await Promise.all([done(tx.objectStore('articles').get(id)), done(tx.objectStore('bodies').get(id))]);
}

/** Query n of a deterministic mix built from the library's own text: whole words, prefixes, one typo, two words. */
function makeQueries(count: number, total: number): { kind: string; query: string }[] {
  const rnd = random(4242 + total);
  const words = (n: number) =>
    makeArticle(n)
      .text.split(/[^\p{L}]+/u)
      .filter((w) => w.length >= 6);
  const queries: { kind: string; query: string }[] = [];
  for (let i = 0; i < count; i++) {
    const ws = words(Math.floor(rnd() * total));
    const w = ws[Math.floor(rnd() * ws.length)];
    const kind = ['word', 'prefix', 'typo', 'two words'][i % 4];
    const query =
      kind === 'word'
        ? w
        : kind === 'prefix'
          ? w.slice(0, 4)
          : kind === 'typo'
            ? w.slice(0, 2) + w[3] + w[2] + w.slice(4)
            : `${w} ${ws[Math.floor(rnd() * ws.length)]}`;
    queries.push({ kind, query });
  }
  return queries;
}

function closeAll() {
  library?.close();
  library = null;
  raw?.close();
  raw = null;
}

const api = {
  setParagraphs(list: string[]) {
    paragraphs = list;
  },
  async reset() {
    closeAll();
    baseline?.close();
    baseline = null;
    localStorage.removeItem('benchFillMark');
    for (const name of [DB, BASELINE_DB, MARK_DB]) {
      await new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase(name);
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      });
    }
  },
  /**
   * Saves articles [from, from + count) in transactions of `batch` (the library's own bulk write, as an
   * import does), then indexes them, `FILL_INDEX_BATCH` per segment; returns the ms taken and bytes of
   * text. The indexing is part of the fill, so the figures are measured on an index fully written.
   */
  async fill(from: number, count: number, batch = 100) {
    const l = await lib();
    let chars = 0;
    const start = performance.now();
    for (let i = from; i < from + count; i += batch) {
      const articles = [];
      for (let n = i; n < Math.min(from + count, i + batch); n++) articles.push(makeArticle(n));
      chars += articles.reduce((s, a) => s + a.text.length, 0);
      await l.saveMany(articles);
    }
    // Twice: the first call may join a run the saves started, which stops when it finds the queue empty.
    await l.indexPending();
    await l.indexPending();
    return { ms: performance.now() - start, chars };
  },
  /**
   * One save of a new article each time, as the reader's Save button does it, taking turns with the
   * baseline's: `save` is until the article is stored (what the user waits for), `indexed` until it is
   * also searchable. Articles numbered from `from` (beyond the fill), so each is new. Each save starts
   * on a settled library, as a user's save usually does: the segment merge the previous save's indexing
   * set off is waited for (and timed, `merged`) before the next, instead of running under it (a merge at
   * 10,000 articles takes from milliseconds to seconds, and saves measured during it measured the merge).
   * With `against`, the other tree's library saves the same article too (same body, another address, so
   * it is a new article for it as well), into the same database, and the three take turns going first
   * (`againstSave`, its own indexing and merge waited for likewise).
   * With `pause`, every other block of rounds (a block: each order of the turns once) is `settled`: each
   * turn first waits `pause` ms idle. A merge returns when its transaction commits, but LevelDB goes
   * on compacting what it and the indexing wrote (1-1.5 MB per article at 10,000), on the same two
   * cores, and a save started at once waits behind that; between a user's saves it is long done.
   */
  async saves(from: number, count: number, against = false, pause = 0) {
    const l = await lib();
    const other = against ? await AgainstLibrary.open({ name: DB, indexBatch: FILL_INDEX_BATCH }) : null;
    const save: number[] = [];
    const indexed: number[] = [];
    const merged: number[] = [];
    const base: number[] = [];
    const againstSave: number[] = [];
    const settled: boolean[] = [];
    for (let n = from; n < from + count; n++) {
      const article = makeArticle(n);
      // Built before the clock starts, like the library's article.
      const otherArticle = makeArticle(n + 1_000_000);
      const sameBody = { ...article, url: article.url.replace('/news/', '/news-against/') };
      const ours = async () => {
        const start = performance.now();
        await l.save(article);
        save.push(performance.now() - start);
        await l.indexPending();
        indexed.push(performance.now() - start);
        merged.push(await time(() => l.mergeIndex()));
      };
      const theirs = async () => {
        againstSave.push(await time(() => other!.save(sameBody)));
        await other!.indexPending();
        await other!.mergeIndex();
      };
      // The baseline never runs under the library's indexing or merge.
      const baselineTurn = async () => void base.push(await time(() => baselineSave(otherArticle)));
      // Which goes first rotates, so none always follows another's commit (all write the origin's one LevelDB).
      const turns = other ? [ours, theirs, baselineTurn] : [ours, baselineTurn];
      const shift = (n - from) % turns.length;
      const calm = pause > 0 && Math.floor((n - from) / turns.length) % 2 === 1;
      settled.push(calm);
      for (const turn of [...turns.slice(shift), ...turns.slice(0, shift)]) {
        if (calm) await new Promise((resolve) => setTimeout(resolve, pause));
        await turn();
      }
    }
    other?.close();
    return { save, indexed, merged, base, againstSave, settled };
  },
  /** The library page's first paint needs: open the database, count, read the newest 50; alternating with the baseline. */
  async firstPages(count: number) {
    closeAll();
    const ours: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < count; i++) {
      base.push(await time(baselineFirstPage));
      ours.push(
        await time(async () => {
          const fresh = await Library.open({ name: DB });
          const page = await fresh.list({ limit: 50 });
          if (page.items.length !== 50) throw new Error(`first page had ${page.items.length} items`);
          fresh.close();
        }),
      );
    }
    return { ours, base };
  },
  /**
   * Searches, each after its baseline lookup; `first` is a fresh page's first search (it loads the
   * dictionary). With `against`, each query is also searched by the other tree's library on the same
   * database, the two taking turns going first (`againstMs`, `againstTotal`).
   */
  async searches(count: number, total: number, against = false) {
    closeAll();
    const l = await lib();
    const other = against ? await AgainstLibrary.open({ name: DB }) : null;
    const queries = makeQueries(count, total);
    const first = await time(() => l.search('harbour'));
    if (other) await other.search('harbour');
    const results: {
      kind: string;
      query: string;
      ms: number;
      base: number;
      total: number;
      timings: Record<string, number>;
      againstMs?: number;
      againstTotal?: number;
    }[] = [];
    for (const [i, q] of queries.entries()) {
      let hits = 0;
      let otherHits = 0;
      const timings: Record<string, number> = {};
      const timeOther = async () => time(async () => void (otherHits = (await other!.search(q.query)).total));
      const base = await time(() => baselineSearch(q.query));
      // Whoever goes second finds the query's rows in the caches, so each kind goes first half the time:
      // kinds follow each other in fours, so turns are taken by block (i % 2 would give kinds fixed turns).
      const otherFirst = other && Math.floor(i / 4) % 2 === 1 ? await timeOther() : undefined;
      const ms = await time(async () => {
        hits = (await l.search(q.query, { timings })).total;
      });
      const againstMs = other ? (otherFirst ?? (await timeOther())) : undefined;
      results.push({ ...q, ms, base, total: hits, timings, ...(other ? { againstMs, againstTotal: otherHits } : {}) });
    }
    other?.close();
    return { first, results };
  },
  /** Opening a saved article: the reader page's read of one record with its body; alternating with the baseline. */
  async opens(count: number, total: number) {
    const l = await lib();
    const rnd = random(99 + total);
    const ids = (await l.list({ limit: total })).items.map((i) => i.id);
    const ours: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = ids[Math.floor(rnd() * ids.length)];
      base.push(await time(() => baselineOpen(id)));
      ours.push(await time(() => l.get(id)));
    }
    return { ours, base };
  },
  /** For the heap: closes everything the page holds, so the next figure is the page before the library. */
  closeAll() {
    closeAll();
  },
  /** What the library page does first: open the library and read its first page (the heap is measured after). */
  async openFirstPage() {
    const l = await lib();
    return (await l.list({ limit: 50 })).items.length;
  },
  /** The library page's first search, which loads the term dictionary into memory. */
  async searchOnce(query: string) {
    return (await (await lib()).search(query)).total;
  },
  async count() {
    return (await lib()).count();
  },
  /**
   * Where a kept profile's fill stopped: articles filled and saved by the bench, recorded after every
   * chunk, so a run stopped midway resumes instead of starting over (filling is the slow part).
   */
  async fillMark(): Promise<{ filled: number; extra: number } | null> {
    const db = await openMarkDb();
    const req = db.transaction('mark').objectStore('mark').get('fill');
    await done(req);
    db.close();
    // Profiles filled before the mark moved to IndexedDB kept it in localStorage.
    const old = localStorage.getItem('benchFillMark');
    return (req.result as { filled: number; extra: number } | undefined) ?? (old ? JSON.parse(old) : null);
  },
  /**
   * In IndexedDB, not localStorage: Chromium writes localStorage to disk lazily, so a run stopped just
   * after a chunk lost its last mark and filled that chunk again; an IndexedDB commit is on disk.
   */
  async setFillMark(filled: number, extra: number) {
    const db = await openMarkDb();
    const tx = db.transaction('mark', 'readwrite');
    tx.objectStore('mark').put({ filled, extra }, 'fill');
    await done(tx);
    db.close();
  },
  async usage() {
    const l = await lib();
    const estimate = await navigator.storage.estimate();
    const chunks = await l.db.vocab.toArray();
    const terms = new Set(chunks.flatMap((c) => c.terms));
    return {
      usage: estimate.usage ?? null,
      articles: await l.count(),
      vocabulary: terms.size,
      segments: await l.db.segments.count(),
    };
  },
};

declare global {
  interface Window {
    libraryBench: typeof api;
  }
}
window.libraryBench = api;
