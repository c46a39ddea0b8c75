/**
 * Full-text search over titles, sites, authors, tags and whole bodies.
 *
 * Why the postings live in IndexedDB and not in a MiniSearch document index: measured in Node on text
 * built from the news corpus, MiniSearch indexing 2,000 articles of 5 to 50 KB took 17 s, held 177 MB of
 * heap, serialised to 34 MB of JSON and took 2.3 s to load back. At the 10,000 articles the library must
 * handle, that is minutes to rebuild and close to a gigabyte in every page that searches. So:
 * - the inverted index is on disk in IndexedDB (`terms`, term-index.ts): each term's postings packed in
 *   a few rows, with a BM25 term factor per article, written just after each save (indexer.ts); words
 *   of the title, site, author, tags and host count `HEAD_WEIGHT` times, so a title match ranks higher;
 *   the user's note and highlights are indexed like the body;
 * - the dictionary of all terms sits in memory in MiniSearch's radix tree (vocabulary.ts), which expands
 *   each query word to itself and the words it begins, or, for a word it neither holds nor begins (a
 *   typo), to its near misspellings;
 * - each expanded term is one range read (a handful of rows, at any library size); scores are BM25
 *   (idf from the postings read, the stored term factor), with MiniSearch's weights for prefix and
 *   fuzzy matches, ranked in typed arrays (rank.ts);
 * - a search is one read transaction: whether anything waits to be indexed and whether the dictionary
 *   grew elsewhere are read alongside the postings, not before them (each read is a round trip to the
 *   browser process in Chromium), and the rows of the hits are read in it too. In the rare case the
 *   index was not current, the caller indexes, reloads the dictionary and searches again.
 * Every query word must match (a search narrows); results rank by score, then newest first.
 *
 * "Show more" (`offset`) continues the last search instead of running it again: the ranking of the
 * last search (query, filters, dictionary) is kept, and the next page reads only its own rows. It is
 * kept while nothing was written: any committed write to IndexedDB in this context, or in another one
 * (Dexie announces both, `storagemutated`), drops it, and the next page's transaction also compares
 * the article count and the index's last segment with the ranking's, for a write in another context
 * whose announcement has not arrived yet. When the ranking cannot be continued, the search starts
 * over and returns the first `offset + limit` hits with `offset: 0`, to replace what was shown, never
 * a page of a different ranking to append (which could repeat or skip rows).
 */
import { Dexie } from 'dexie';
import type { LibraryDB } from './schema';
import { articleCount } from './counts';
import { idsPassing, rowPasses } from './filters';
import { INDEX_QUEUE_KEY, queueOf } from './index-queue';
import { rank, type Ranking, type WeightedTerm } from './rank';
import { uniqueTerms } from './tokenize';
import { lastVocabChunk } from './vocab-store';
import { readTerm } from './term-index';
import { readSmallSegments, termRowOf } from './small-segments';
import { checkArticleRow } from './validate';
import type { Expansion, Vocabulary } from './vocabulary';
import type { ListFilter, SearchHit, SearchOptions, SearchResult, SkippedRecord } from './types';
import { SEARCH_PAGE_SIZE } from './list';

const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
export const DEFAULT_SEARCH_LIMIT = SEARCH_PAGE_SIZE;

/** How much a matched term counts for the query word it was expanded from (1 for the word itself). */
export function matchWeight(word: string, e: Expansion): number {
  if (e.kind === 'exact') return 1;
  if (e.kind === 'prefix') return (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * (e.term.length - word.length));
  return (FUZZY_WEIGHT * word.length) / (word.length + e.distance);
}

/**
 * Inside a read transaction over `meta` and `vocab`: whether the index is behind (articles wait in the
 * queue) or the dictionary grew since the memory copy was loaded up to chunk `vocabUpTo`.
 */
async function indexBehind(db: LibraryDB, vocabUpTo: number): Promise<boolean> {
  const [queue, lastChunk] = await Promise.all([db.meta.get(INDEX_QUEUE_KEY), lastVocabChunk(db)]);
  return queueOf(queue).length > 0 || lastChunk !== vocabUpTo;
}

/** A search whose next page can be read without ranking again (see above). */
interface Continuation {
  db: LibraryDB;
  vocab: Vocabulary;
  /** The query's words and the filters. */
  key: string;
  /** The database's count in `writes` when the ranking was read. */
  writes: number | undefined;
  /** The article count and last segment when the ranking was read (`indexStamp`). */
  stamp: string;
  ranking: Ranking;
  filter: ListFilter;
  /** Hits returned so far. */
  given: number;
  /** Ranked ids passed over: their row was gone, no longer passed the filters, or was damaged. */
  dropped: number;
}

/** The last search, the only one kept: a few arrays the size of its matches. */
let last: Continuation | null = null;
/**
 * Committed writes seen per database searched, in this context or another: a ranking read before one
 * is not continued. Dexie names each written part `idb://<database>/<table>/<index>`.
 */
const writes = new Map<string, number>();
let watching = false;

function watchWrites(name: string): void {
  if (!writes.has(name)) writes.set(name, 0);
  if (watching) return;
  watching = true;
  Dexie.on('storagemutated', (parts) => {
    const keys = Object.keys(parts);
    for (const [db, n] of writes) {
      if (!keys.some((k) => k.startsWith(`idb://${db}/`))) continue;
      writes.set(db, n + 1);
      if (last?.db.name === db) last = null;
    }
  });
}

/** Drops the kept ranking (tests, and a library closed or deleted). */
export function forgetLastSearch(): void {
  last = null;
}

/** What a ranking depends on that a write elsewhere changes: the article count, the index's newest segment. */
function stampOf(count: number, lastSegment: unknown): string {
  return `${count}/${String(lastSegment)}`;
}

async function indexStamp(db: LibraryDB): Promise<string> {
  const [count, segment] = await Promise.all([articleCount(db), lastSegment(db)]);
  return stampOf(count, segment);
}

function lastSegment(db: LibraryDB) {
  return db.segments.toCollection().lastKey();
}

/**
 * Reads the rows of the next `limit` valid hits of `c` (inside the search's transaction). A body
 * indexed under an id whose row is gone, or a row that no longer passes the filters (edited since the
 * ranking), is passed over; a damaged row is passed over and reported. Rows are read a page at a time.
 */
async function readHits(
  db: LibraryDB,
  c: Continuation,
  limit: number,
): Promise<{ hits: SearchHit[]; skipped: SkippedRecord[] }> {
  const hits: SearchHit[] = [];
  const skipped: SkippedRecord[] = [];
  for (let page = c.ranking.next(limit); page.length; page = c.ranking.next(limit - hits.length)) {
    const rows = await db.articles.bulkGet(page.map((h) => h.id));
    rows.forEach((row, j) => {
      const checked = row === undefined ? null : checkArticleRow(row);
      if (checked?.ok && rowPasses(row!, c.filter)) hits.push({ item: checked.value, score: page[j].score });
      else {
        c.dropped++;
        if (checked && !checked.ok) skipped.push({ id: page[j].id, reason: checked.reason });
      }
    });
    if (hits.length >= limit) break;
  }
  c.given += hits.length;
  return { hits, skipped };
}

/**
 * Searches with the dictionary `vocab`. With `vocabUpTo` (the last dictionary chunk `vocab` holds), also
 * checks in the same transaction that the index is current, and returns null when it is not (see above).
 * A damaged `terms` row is left out of the ranking (the other rows still answer) and reported in
 * `skipped` by its key, `[term, segment]`, as `kind: 'index'`, for the caller to have the index rebuilt
 * (a read transaction cannot); a damaged small segment (small-segments.ts) likewise, as `['*', segment]`.
 */
export async function searchArticles(
  db: LibraryDB,
  vocab: Vocabulary,
  query: string,
  options: SearchOptions = {},
  vocabUpTo?: number,
): Promise<SearchResult | null> {
  watchWrites(db.name);
  const written = () => writes.get(db.name);
  const seen = written();
  const timings = options.timings;
  let mark = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    if (timings) timings[phase] = (timings[phase] ?? 0) + now - mark;
    mark = now;
  };
  const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const words = uniqueTerms(query);
  if (!words.length) return { hits: [], total: 0, skipped: [], offset: 0 };
  const filter: ListFilter = { state: options.state ?? 'all', favourite: !!options.favourite, tag: options.tag || null };
  // The dictionary is not in the key: it only grows by a write, which drops the last ranking anyway.
  const key = JSON.stringify([words, filter]);

  // The next page of the last search, taken so that a second call at once cannot continue it too.
  let continued: Continuation | null = null;
  if (offset > 0 && last && last.db === db && last.vocab === vocab && last.key === key && last.given === offset) {
    continued = last;
    last = null;
  }

  return db.transaction('r', [db.articles, db.terms, db.smallSegs, db.trash, db.meta, db.vocab, db.segments], async () => {
    if (continued && continued.writes === seen) {
      const c = continued;
      const [behind, stamp, page] = await Promise.all([
        vocabUpTo === undefined ? false : indexBehind(db, vocabUpTo),
        indexStamp(db),
        readHits(db, c, limit),
      ]);
      if (behind) return null;
      if (stamp === c.stamp && written() === seen) {
        lap('rows');
        if (last === null) last = c;
        return { ...page, total: c.ranking.total - c.dropped, offset };
      }
      // Written elsewhere since the ranking (not yet announced here): start over below.
    }

    // The last word may be half typed: it also stands for the words it begins. Earlier words were
    // finished, unless the dictionary does not know them.
    const weighted: WeightedTerm[][] = words.map((word, i) =>
      vocab
        .expand(word, { prefix: i === words.length - 1 || !vocab.has(word) })
        .map((e) => ({ term: e.term, factor: matchWeight(word, e) })),
    );
    const distinct = [...new Set(weighted.flat().map((e) => e.term))];
    // Rows and stored bytes of postings read, for `timings` (the benchmark's per-query figures).
    const read = { rows: 0, bytes: 0 };
    const damagedRows: SkippedRecord[] = [];
    lap('expand');

    const [behind, docCount, entries, trash, allowed, segment, smallKeys] = await Promise.all([
      vocabUpTo === undefined ? false : indexBehind(db, vocabUpTo),
      articleCount(db),
      Promise.all(distinct.map(async (term) => [term, await readTerm(db, term, read, damagedRows)] as const)),
      db.trash.toCollection().primaryKeys(),
      idsPassing(db, filter),
      lastSegment(db),
      db.smallSegs.toCollection().primaryKeys() as Promise<number[]>,
    ]);
    if (behind) return null;
    // The small segments (a save's indexing, merges into fewer than 64): read whole once per connection,
    // then from memory.
    const small = await readSmallSegments(db, smallKeys, true);
    for (const d of small.damaged) damagedRows.push({ id: ['*', d.seg], reason: d.reason });
    for (const [term, rows] of entries)
      for (const s of small.segments) {
        const row = termRowOf(s, term);
        if (!row) continue;
        rows.push(row);
        read.rows++;
        read.bytes += row.ids.length * 3;
      }
    lap('lookups');
    const indexSkipped = damagedRows.map((d) => ({
      id: d.id,
      kind: 'index' as const,
      reason: `search index row is damaged (${d.reason}); the index is rebuilt from the saved articles`,
    }));
    const trashIds = new Set(trash as number[]);
    const ranking = rank(weighted, new Map(entries), docCount, (id) => !trashIds.has(id) && (!allowed || allowed.has(id)));
    if (timings) {
      timings.terms = distinct.length;
      timings.keys = ranking.postings;
      timings.termRows = read.rows;
      timings.postingBytes = read.bytes;
    }
    lap('score');

    const c: Continuation = {
      db,
      vocab,
      key,
      writes: seen,
      stamp: stampOf(docCount, segment),
      ranking,
      filter,
      given: 0,
      dropped: 0,
    };
    // Asked for a later page of a ranking that could not be continued: everything up to it, from the top.
    const { hits, skipped } = await readHits(db, c, offset + limit);
    lap('rows');
    // Kept unless a write committed meanwhile (a newer search replaces it).
    if (written() === seen) last = c;
    return { hits, total: ranking.total - c.dropped, skipped: [...indexSkipped, ...skipped], offset: 0 };
  });
}
