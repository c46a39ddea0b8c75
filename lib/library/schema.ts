/**
 * The library's IndexedDB schema, every version of it, and the migrations between them. One Dexie
 * database per extension origin: the background, the popup, the reader and library pages share it.
 *
 * Layout (version 4), and why it is split:
 * - `articles`: one row per saved article, without its body, so the library's first page reads 50 small
 *   rows instead of 50 bodies of up to a megabyte. `headTerms` (title, site, byline, tags, host) is kept
 *   on the row but no longer indexed (v4): search reads `terms`.
 * - `bodies`: the sanitised HTML and plain text of each article under the same id.
 * - `terms`: the inverted index, one row per term per segment (term-index.ts): the articles holding the
 *   term and a BM25 weight for each. One term is one range read, whatever the library's size.
 * - `segments`: one row per segment of `terms` (a batch of indexed articles), with its size, so small
 *   segments are merged (term-index.ts).
 * - `postings`: each article's distinct indexed terms, not indexed: what to take out of `terms` when the
 *   article is indexed again or purged. A save queues the article (index-queue.ts); the indexer writes
 *   its terms just after (see indexer.ts for why).
 * - `images`: an article's pictures as Blobs, when the offline-images setting is on (images.ts).
 * - `trash`: deleted article rows, kept 30 days; their bodies and images stay until purged.
 * - `vocab`: every term indexed, in chunks, for prefix and fuzzy expansion of query words
 *   (see vocab-store.ts).
 * - `meta`: small key/value facts, such as the tokenizer version the index was built with.
 * An article's rows are always written in one transaction, so a failure leaves none of them changed.
 */
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type { LibraryItem } from './types';
import { normalizeUrl } from './url';
import { ARTICLE_COUNT_KEY } from './counts';
import { INDEX_QUEUE_KEY, type QueueEntry } from './index-queue';
import { SEARCH_VERSION_KEY } from './indexer';
import { TOKENIZER_VERSION } from './tokenize';

export const DB_NAME = 'clean-reader-library';

/** An `articles` row: a LibraryItem whose flag is a number (IndexedDB cannot index booleans) plus index terms. */
export interface ArticleRow extends Omit<LibraryItem, 'favourite'> {
  favourite: 0 | 1;
  headTerms: string[];
}

export interface BodyRow {
  id: number;
  contentHtml: string;
  text: string;
}

/** An article's entry in the full-text index: its distinct terms (body, head, notes), as written to `terms`. */
export interface PostingRow {
  id: number;
  terms: string[];
  /** The weight stored in `terms` for each term, in the same order (absent in rows from before v4). */
  weights?: number[];
}

/**
 * One term's postings in one segment: the articles (ascending ids) and, for each, its BM25 weight for
 * the term (term frequency saturated and normalised by length, times 1,000; see term-index.ts).
 * Typed arrays: structured clone stores them as raw bytes, 6 bytes a posting.
 */
export interface TermRow {
  term: string;
  seg: number;
  ids: Uint32Array;
  weights: Uint16Array;
}

/**
 * A `terms` row as stored: `ids` packed as delta varints (term-index.ts `packIds`, about 1.1 bytes an id
 * instead of 4), or a Uint32Array in rows written before packing. Same store, same key: no schema
 * version; old rows are read as they are and rewritten packed in the background (`mergeOnce`).
 */
export interface StoredTermRow {
  term: string;
  seg: number;
  ids: Uint8Array | Uint32Array;
  weights: Uint16Array;
}

/** A segment of `terms`: how many articles it was written for (merging works by size). */
export interface SegmentRow {
  id: number;
  docs: number;
  /** 1 once every row of the segment is known to be packed (see `StoredTermRow`). */
  packed?: 1;
}

/**
 * A segment of fewer than 64 articles as one row (schema v5, small-segments.ts): its articles, its
 * terms joined by '\n', per term how many of the articles hold it, per posting its article's place in
 * `docs` and its weight.
 */
export interface SmallSegmentRow {
  seg: number;
  docs: Uint32Array;
  terms: string;
  counts: Uint8Array;
  ids: Uint8Array;
  weights: Uint16Array;
}

/** One picture of an article, kept for offline reading. */
export interface ImageRow {
  articleId: number;
  url: string;
  blob: Blob;
}

export interface TrashRow extends ArticleRow {
  deletedAt: number;
}

/** Terms added by one save (or a rebuild batch, or a compaction). */
export interface VocabRow {
  id: number;
  terms: string[];
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * Version 1, the prototype: the extracted article, whole, plus `savedAt`, with its URL as written unique.
 * Kept verbatim so the migration test can seed it.
 */
export const V1_STORES = { articles: '++id, &url, savedAt' } as const;

/**
 * Version 2 as released: a save marked its article's `postings` row `pending` (with a stamp) and the
 * indexer looked them up on that index. Kept verbatim so the v2 -> v3 migration test can seed it.
 */
export const V2_STORES = {
  articles: '++id, normalizedUrl, savedAt, [state+savedAt], [favourite+savedAt], *tags, *headTerms',
  bodies: 'id',
  postings: 'id, *terms, pending',
  images: '[articleId+url], articleId',
  trash: 'id, deletedAt, normalizedUrl',
  vocab: '++id',
  meta: 'key',
} as const;

/**
 * Version 3: the indexer's to-do list is one `meta` row (index-queue.ts), not `pending` rows found by
 * an index: rows that come and go left LevelDB tombstones that made every search's "anything pending?"
 * check take 100 ms in Chromium. `meta` also keeps the article count (counts.ts).
 */
export const V3_STORES = { ...V2_STORES, postings: 'id, *terms' } as const;

/**
 * Version 4: the inverted index. v3 looked each query term up on the multi-entry index `postings.terms`,
 * one IndexedDB index entry per article holding the term, so a search cost grew with the library (a
 * common word read 1,668 entries in 536 ms at 5,000 articles in Chromium). Now `terms` holds one row per
 * term per segment, and `articles.headTerms` is no longer indexed (its entries cost every save; head
 * words are weighted in `terms`). The index is rebuilt after the upgrade (its stamp is dropped).
 */
export const V4_STORES = {
  ...V3_STORES,
  articles: '++id, normalizedUrl, savedAt, [state+savedAt], [favourite+savedAt], *tags',
  postings: 'id',
  terms: '[term+seg], seg',
  segments: '++id',
} as const;

/**
 * Version 5: a segment of fewer than 64 articles (a save's indexing, the smallest merges) is one
 * `smallSegs` row, keyed by its segment id, instead of a `terms` row per term (small-segments.ts).
 * Nothing is moved: `terms` rows of small segments written before are read and merged as before.
 */
export const V5_STORES = { ...V4_STORES, smallSegs: 'seg' } as const;

/** The version this code writes. Exports carry it; an export from a newer version is refused. */
export const SCHEMA_VERSION = 5;

export class LibraryDB extends Dexie {
  articles!: EntityTable<ArticleRow, 'id'>;
  bodies!: EntityTable<BodyRow, 'id'>;
  postings!: EntityTable<PostingRow, 'id'>;
  terms!: Table<StoredTermRow, [string, number]>;
  segments!: EntityTable<SegmentRow, 'id'>;
  smallSegs!: Table<SmallSegmentRow, number>;
  images!: Table<ImageRow, [number, string]>;
  trash!: EntityTable<TrashRow, 'id'>;
  vocab!: EntityTable<VocabRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(V1_STORES);
    this.version(2).stores(V2_STORES).upgrade(upgradeV1toV2);
    this.version(3).stores(V3_STORES).upgrade(upgradeV2toV3);
    this.version(4).stores(V4_STORES).upgrade(upgradeV3toV4);
    this.version(SCHEMA_VERSION).stores(V5_STORES);
    // A new database starts with an empty index that saves keep current: stamp it as built by this
    // tokenizer, so the first search does not rebuild. Migrated databases get no stamp and are rebuilt.
    this.on('populate', (tx) =>
      tx.table('meta').bulkAdd([
        { key: SEARCH_VERSION_KEY, value: TOKENIZER_VERSION },
        { key: ARTICLE_COUNT_KEY, value: 0 },
      ]),
    );
  }
}

/** A v1 row as the prototype wrote it. Every field may be missing in old data: nothing here is trusted. */
interface V1Row {
  id: number;
  url?: unknown;
  title?: unknown;
  byline?: unknown;
  siteName?: unknown;
  lang?: unknown;
  dir?: unknown;
  publishedTime?: unknown;
  excerpt?: unknown;
  leadImage?: unknown;
  contentHtml?: unknown;
  text?: unknown;
  wordCount?: unknown;
  readingMinutes?: unknown;
  savedAt?: unknown;
  [other: string]: unknown;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown, otherwise: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : otherwise);

/**
 * v1 -> v2: moves each body to `bodies`, adds the duplicate key and the reading state. Every row is kept,
 * even two with one duplicate key (v1 keyed on the raw URL): merging them would lose one copy's data.
 * Search terms are not computed here: the index notices its version is missing and rebuilds after open.
 */
async function upgradeV1toV2(tx: Transaction): Promise<void> {
  const bodies: BodyRow[] = [];
  await tx
    .table('articles')
    .toCollection()
    .modify((row: V1Row) => {
      const url = str(row.url) ?? '';
      const savedAt = num(row.savedAt, Date.now());
      bodies.push({ id: row.id, contentHtml: str(row.contentHtml) ?? '', text: str(row.text) ?? '' });
      delete row.contentHtml;
      delete row.text;
      delete row.kind;
      delete row.removed;
      // As v2 wrote it: rows from before highlights and notes have neither (validate.ts reads them as none).
      const next: Omit<ArticleRow, 'id' | 'highlights' | 'note'> = {
        url,
        normalizedUrl: normalizeUrl(url),
        title: str(row.title) ?? url,
        byline: str(row.byline),
        siteName: str(row.siteName),
        lang: str(row.lang),
        dir: str(row.dir),
        publishedTime: str(row.publishedTime),
        excerpt: str(row.excerpt),
        leadImage: str(row.leadImage),
        wordCount: num(row.wordCount, 0),
        readingMinutes: num(row.readingMinutes, 0),
        savedAt,
        updatedAt: savedAt,
        state: 'unread',
        favourite: 0,
        tags: [],
        readingPosition: null,
        downloaded: true,
        headTerms: [],
      };
      Object.assign(row, next);
    });
  await tx.table('bodies').bulkPut(bodies);
}

/** A v2 `postings` row: terms once indexed, or a `pending` marker with the stamp of the save. */
interface V2PostingRow {
  id: number;
  terms?: unknown;
  pending?: unknown;
  stamp?: unknown;
}

/**
 * v2 -> v3: every `pending` marker becomes an entry of the index queue, with its stamp, and its row
 * leaves `postings` (a marker holds no terms); the article count is stored. Indexed rows, articles,
 * bodies, the trash, images, the dictionary and the index stamp are untouched, so the index stays
 * current and only what was waiting is indexed after open.
 */
async function upgradeV2toV3(tx: Transaction): Promise<void> {
  const postings = tx.table('postings');
  // No index to read them by: the upgrade drops it. One pass over the table, once.
  const pending = (await postings.filter((row: V2PostingRow) => row.pending === 1).toArray()) as V2PostingRow[];
  const meta = tx.table('meta');
  const queued = await meta.get(INDEX_QUEUE_KEY);
  const entries: QueueEntry[] = Array.isArray(queued?.value) ? (queued.value as QueueEntry[]) : [];
  const known = new Set(entries.map((e) => e.id));
  for (const row of pending) {
    if (known.has(row.id)) continue;
    entries.push({
      id: row.id,
      stamp: typeof row.stamp === 'number' ? row.stamp : Math.floor(Math.random() * 2 ** 31),
    });
  }
  await postings.bulkDelete(pending.map((row) => row.id));
  await meta.bulkPut([
    { key: INDEX_QUEUE_KEY, value: entries },
    { key: ARTICLE_COUNT_KEY, value: await tx.table('articles').count() },
  ]);
}

/**
 * v3 -> v4: `postings` loses its multi-entry index and `articles` its `headTerms` index (the stores
 * drop them); the new `terms` is empty, so the index is rebuilt: the stamp goes, `ensureSearchIndex`
 * queues every article after open. Postings rows and the dictionary are cleared by that rebuild, not
 * here; articles, bodies, trash, images and the rest of `meta` are untouched.
 */
async function upgradeV3toV4(tx: Transaction): Promise<void> {
  await tx.table('meta').delete(SEARCH_VERSION_KEY);
}
