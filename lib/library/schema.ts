/**
 * The library's IndexedDB schema, every version of it, and the migrations between them. One Dexie
 * database per extension origin: the background, the popup, the reader and library pages share it.
 *
 * Layout (version 2), and why it is split:
 * - `articles`: one row per saved article, without its body, so the library's first page reads 50 small
 *   rows instead of 50 bodies of up to a megabyte. `headTerms` indexes title, site, byline, tags and host.
 * - `bodies`: the sanitised HTML and plain text of each article under the same id.
 * - `postings`: each article's distinct search terms (body and head) as a multi-entry index, so the
 *   full-text index lives in IndexedDB, on disk, not in memory (see search.ts for why). A save marks the
 *   article's row `pending`; the indexer fills in its terms just after (see indexer.ts for why).
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

/**
 * An article's entry in the full-text index: its distinct terms once indexed, or `pending` (with a stamp
 * that changes at every save) while waiting for the indexer.
 */
export interface PostingRow {
  id: number;
  terms?: string[];
  pending?: 1;
  stamp?: number;
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

export const V2_STORES = {
  articles: '++id, normalizedUrl, savedAt, [state+savedAt], [favourite+savedAt], *tags, *headTerms',
  bodies: 'id',
  postings: 'id, *terms, pending',
  images: '[articleId+url], articleId',
  trash: 'id, deletedAt, normalizedUrl',
  vocab: '++id',
  meta: 'key',
} as const;

export class LibraryDB extends Dexie {
  articles!: EntityTable<ArticleRow, 'id'>;
  bodies!: EntityTable<BodyRow, 'id'>;
  postings!: EntityTable<PostingRow, 'id'>;
  images!: Table<ImageRow, [number, string]>;
  trash!: EntityTable<TrashRow, 'id'>;
  vocab!: EntityTable<VocabRow, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;

  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(V1_STORES);
    this.version(2).stores(V2_STORES).upgrade(upgradeV1toV2);
    // A new database starts with an empty index that saves keep current: stamp it as built by this
    // tokenizer, so the first search does not rebuild. Migrated databases get no stamp and are rebuilt.
    this.on('populate', (tx) => tx.table('meta').add({ key: SEARCH_VERSION_KEY, value: TOKENIZER_VERSION }));
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
      const next: Omit<ArticleRow, 'id'> = {
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
