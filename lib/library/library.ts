/**
 * The library: the one API pages and the background use to save, list, search, edit and delete articles.
 * Only this folder talks to IndexedDB. Every write is one transaction over all the rows it touches
 * (article, body, search terms), so a failure changes nothing; failures come out as LibraryError with a
 * message for the user. Nothing here uses `browser.*`: it runs in extension pages, the background and Node.
 */
import type { Table } from 'dexie';
import type { Article } from '../extract/types';
import { ChangeNotifier, subscribe, type LibraryChange } from './changes';
import { LibraryError, toLibraryError } from './errors';
import { ARTICLE_COUNT_KEY, adjustArticleCount, articleCount } from './counts';
import { enqueue, INDEX_QUEUE_KEY, queueOf, withQueued } from './index-queue';
import { headTermsOf, indexPending, isSearchIndexCurrent, markAllPending, mergeSegments } from './indexer';
import { downloadImages, imageUrls, OFFLINE_IMAGES_KEY, type FetchLike, type ImageDownload } from './images';
import { allItems, writeImport, type ImportedArticle, type ImportedUpdate } from './import';
import { listItems, listTags, listTrash, unindexedRows } from './list';
import { articleRow, cleanHighlights, cleanNote, cleanTags, linkRow, type UserMarks } from './rows';
import { DB_NAME, LibraryDB, type ArticleRow } from './schema';
import { searchArticles } from './search';
import { removeDocs } from './term-index';
import type {
  ItemChanges,
  LibraryItem,
  LinkToSave,
  ListOptions,
  ListPage,
  SavedArticle,
  SearchOptions,
  SearchResult,
  SkippedRecord,
  TrashedItem,
} from './types';
import { normalizeUrl } from './url';
import { checkArticleRow, checkBodyRow } from './validate';
import { VocabStore } from './vocab-store';

/** How long deleted items stay in the trash. */
export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface LibraryOptions {
  /** Database name. Default `DB_NAME`; tests use one per test. */
  name?: string;
  /** An existing database (tests add failure-injecting middleware to it before opening). */
  db?: LibraryDB;
  /** The clock. Default `Date.now`. */
  now?: () => number;
  /** The BroadcastChannel name for change notices. Default: one per database name. */
  channel?: string;
  /**
   * Articles per indexing transaction. Default `INDEX_BATCH` (short transactions keep saves from
   * waiting); the benchmark's bulk fill uses more, since each batch is one segment of the index.
   */
  indexBatch?: number;
}

function toItem(row: ArticleRow): LibraryItem {
  const checked = checkArticleRow(row);
  if (!checked.ok) throw new LibraryError('corrupt', undefined, `This saved article is damaged (${checked.reason}).`);
  return checked.value;
}

export class Library {
  readonly db: LibraryDB;
  private readonly now: () => number;
  private readonly notifier: ChangeNotifier;
  private readonly channelName: string;
  private readonly vocab: VocabStore;
  private readonly indexBatch: number | undefined;
  private indexReady: Promise<void> | null = null;
  private rebuilding: Promise<void> | null = null;
  private indexing: Promise<number> | null = null;
  private indexTimer: ReturnType<typeof setTimeout> | null = null;
  private merging: Promise<void> | null = null;
  private mergeTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  private constructor(db: LibraryDB, options: LibraryOptions) {
    this.db = db;
    this.now = options.now ?? Date.now;
    this.channelName = options.channel ?? `${db.name}-changes`;
    this.notifier = new ChangeNotifier(this.channelName);
    this.vocab = new VocabStore(db);
    this.indexBatch = options.indexBatch;
  }

  /** Opens (and migrates) the library. Throws LibraryError('unavailable') when IndexedDB cannot be used. */
  static async open(options: LibraryOptions = {}): Promise<Library> {
    const db = options.db ?? new LibraryDB(options.name ?? DB_NAME);
    try {
      await db.open();
    } catch (err) {
      throw toLibraryError(err, true);
    }
    return new Library(db, options);
  }

  close(): void {
    this.closed = true;
    if (this.indexTimer !== null) clearTimeout(this.indexTimer);
    if (this.mergeTimer !== null) clearTimeout(this.mergeTimer);
    this.notifier.close();
    this.db.close();
  }

  /** Calls `listener` whenever any context changes the library. Returns the unsubscribe. */
  onChange(listener: (change: LibraryChange) => void): () => void {
    return subscribe(listener, this.channelName);
  }

  // ---- saving ----

  /** Saves an extracted article; saving the same article again (same normalised URL) updates it. */
  async save(article: Article): Promise<LibraryItem> {
    return (await this.saveMany([article]))[0];
  }

  /**
   * Saves several articles in one transaction: all land or none does. Later entries with the same
   * normalised URL update earlier ones, as separate saves would. For imports and the benchmark's fill.
   */
  async saveMany(articles: readonly Article[]): Promise<LibraryItem[]> {
    if (articles.some((article) => !article.url?.trim())) throw new LibraryError('invalid');
    const now = this.now();
    const rows = await this.write(
      'saved',
      async () => {
        const out: ArticleRow[] = [];
        for (const article of articles) out.push(await this.putArticle(article, now));
        return out;
      },
      undefined,
      (result) => result.map((row) => row.id),
    );
    this.scheduleIndexing();
    return rows.map(toItem);
  }

  /**
   * Inside a write: the article's row and body, updating the item already saved under its key.
   * Two round trips to the database: in Chromium each request is a round trip to the browser process,
   * and they, not the bytes written, made a save cost twice the bare two-put baseline. The first round
   * issues the duplicate lookup, the queue and count rows, and the new row itself together: IndexedDB
   * runs a transaction's requests in the order they were issued, so the lookup sees the library as it
   * was before this save, and the row's new id comes back with it. The second writes the body, queue
   * and count. When the lookup finds the article already saved (rare: a save of a new article is the
   * common case, and the one users wait for), the new row is deleted in that same second round and the
   * saved one updated in its place, so an update costs no more round trips than a new save; its id only
   * leaves a gap in the key generator, as a purge does.
   */
  private async putArticle(article: Article, now: number): Promise<ArticleRow> {
    const { db } = this;
    const fresh = articleRow(article, now);
    const [previous, [queueRow, countRow], newId] = await Promise.all([
      this.findAny(fresh.normalizedUrl),
      db.meta.bulkGet([INDEX_QUEUE_KEY, ARTICLE_COUNT_KEY]),
      db.articles.add(fresh as ArticleRow),
    ]);
    const writes: Promise<unknown>[] = [];
    let row: ArticleRow = { ...fresh, id: newId };
    if (previous) {
      // Rows written before highlights and notes existed lack them.
      const marks: UserMarks = {
        favourite: previous.row.favourite,
        tags: previous.row.tags,
        readingPosition: previous.row.readingPosition,
        highlights: previous.row.highlights ?? [],
        note: previous.row.note ?? null,
      };
      row = { ...articleRow(article, now, marks), id: previous.row.id };
      writes.push(db.articles.delete(newId), db.articles.put(row));
    }
    const { id } = row;
    writes.push(
      db.bodies.put({ id, contentHtml: article.contentHtml, text: article.text }),
      db.meta.put({ key: INDEX_QUEUE_KEY, value: withQueued(queueOf(queueRow), [id]) }),
    );
    if (!previous || previous.inTrash) {
      writes.push(
        typeof countRow?.value === 'number'
          ? db.meta.put({ key: ARTICLE_COUNT_KEY, value: countRow.value + 1 })
          : adjustArticleCount(db, 1),
      );
    }
    if (previous?.inTrash) writes.push(db.trash.delete(id));
    // Pictures kept for an earlier version may not be this one's; `keepImages` fetches them again.
    if (previous) writes.push(db.images.where('articleId').equals(id).delete());
    await Promise.all(writes);
    return row;
  }

  /**
   * Saves a link without visiting it. When the article is already in the library (downloaded or not),
   * it is returned unchanged: a link never replaces a body.
   */
  async saveLink(link: LinkToSave): Promise<LibraryItem> {
    if (!link.url?.trim()) throw new LibraryError('invalid');
    const next = linkRow(link, this.now());
    const { db } = this;
    const row = await this.write('saved', async () => {
      const previous = await this.findAny(next.normalizedUrl);
      if (previous && !previous.inTrash) return previous.row;
      const id = await db.articles.put((previous ? { ...next, id: previous.row.id } : next) as ArticleRow);
      if (previous) await db.trash.delete(previous.row.id);
      await enqueue(db, [id]);
      await adjustArticleCount(db, 1);
      return { ...next, id } as ArticleRow;
    });
    this.scheduleIndexing();
    return toItem(row);
  }

  /**
   * Writes an import planned by lib/transfer: every add and update in one transaction, all or nothing.
   * `importTarget()` below adapts this to transfer's `ImportTarget`.
   */
  async importArticles(adds: readonly ImportedArticle[], updates: readonly ImportedUpdate[]): Promise<number[]> {
    const ids = await this.write(
      'saved',
      () => writeImport(this.db, adds, updates),
      undefined,
      (written) => written,
    );
    this.scheduleIndexing();
    return ids;
  }

  /**
   * What lib/transfer's `runImport` reads and writes the library through. `loadTrashedUrls` gives the
   * duplicate keys of the trash: an import leaves an article the user deleted where it is (see README).
   */
  importTarget(): {
    loadItems: () => Promise<LibraryItem[]>;
    loadTrashedUrls: () => Promise<string[]>;
    write: (adds: readonly ImportedArticle[], updates: readonly ImportedUpdate[]) => Promise<void>;
  } {
    return {
      loadItems: () => this.read(() => allItems(this.db)),
      loadTrashedUrls: () =>
        this.read(async () => (await this.db.trash.orderBy('normalizedUrl').uniqueKeys()) as string[]),
      write: async (adds, updates) => {
        await this.importArticles(adds, updates);
      },
    };
  }

  // ---- reading ----

  /** The saved item for `url` (by its normalised form), or null. Trashed items do not count. */
  async findByUrl(url: string): Promise<LibraryItem | null> {
    try {
      const rows = await this.db.articles.where('normalizedUrl').equals(normalizeUrl(url)).toArray();
      const row = newest(rows);
      return row ? toItem(row) : null;
    } catch (err) {
      throw toLibraryError(err);
    }
  }

  /** One article with its body. Throws LibraryError 'not-found' or 'corrupt'. */
  async get(id: number): Promise<SavedArticle> {
    let row: ArticleRow | undefined;
    let body: unknown;
    try {
      [row, body] = await this.db.transaction('r', this.db.articles, this.db.bodies, () =>
        Promise.all([this.db.articles.get(id), this.db.bodies.get(id)]),
      );
    } catch (err) {
      throw toLibraryError(err);
    }
    if (!row) throw new LibraryError('not-found');
    const item = toItem(row);
    const checkedBody = checkBodyRow(body, item.downloaded);
    if (!checkedBody.ok)
      throw new LibraryError('corrupt', undefined, `This saved article is damaged (${checkedBody.reason}).`);
    return { ...item, ...checkedBody.value };
  }

  /**
   * Several articles with their bodies in one read (for the export: a few hundred ids at a time keeps
   * memory flat). In the order of `ids`; null where an article is gone or damaged, which the caller
   * leaves out, as `get` would have thrown for it.
   */
  async getMany(ids: readonly number[]): Promise<(SavedArticle | null)[]> {
    const { db } = this;
    const [rows, bodies] = await this.read(() =>
      db.transaction('r', db.articles, db.bodies, () =>
        Promise.all([db.articles.bulkGet([...ids]), db.bodies.bulkGet([...ids])]),
      ),
    );
    return rows.map((row, i) => {
      if (!row) return null;
      const item = checkArticleRow(row);
      if (!item.ok) return null;
      const body = checkBodyRow(bodies[i], item.value.downloaded);
      return body.ok ? { ...item.value, ...body.value } : null;
    });
  }

  async list(options: ListOptions = {}): Promise<ListPage> {
    return this.read(() => listItems(this.db, options));
  }

  async tags(): Promise<string[]> {
    return this.read(() => listTags(this.db));
  }

  /**
   * Finds damaged rows no list can show (their saved date is not a valid key), to report them. Walks
   * the library: pages call it after the first page is on screen.
   */
  async check(): Promise<SkippedRecord[]> {
    return this.read(() => unindexedRows(this.db));
  }

  /** How many articles are saved (the trash excluded). */
  async count(): Promise<number> {
    return this.read(() => articleCount(this.db));
  }

  /**
   * Full-text search (see search.ts). First rebuilds the index if it is missing or stale, and indexes
   * whatever saves left pending, so results always cover every saved article. With the dictionary
   * loaded, that check is made inside the search's own transaction; only when it fails (something
   * waits to be indexed, or another page grew the dictionary) does the search index, reload and run again.
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResult> {
    let start = performance.now();
    await this.ensureSearchIndex();
    // A rebuild set off by a damaged index row (`rebuildIndex`) is waited for, then indexed below.
    if (this.rebuilding) await this.rebuilding;
    // A run already under way (this page's last save) is joined, as before.
    if (this.indexing) await this.indexing;
    const loaded = this.vocab.snapshot();
    const prepared = (timings: Record<string, number> | undefined) => {
      if (timings) timings.prepare = (timings.prepare ?? 0) + performance.now() - start;
    };
    // A damaged index row the search read (reported in `skipped`) has the index rebuilt.
    const answered = (result: SearchResult) => {
      if (result.skipped.some((s) => s.kind === 'index')) this.rebuildIndex();
      return result;
    };
    if (loaded) {
      prepared(options.timings);
      const result = await this.read(() => searchArticles(this.db, loaded.vocab, query, options, loaded.upTo));
      if (result) return answered(result);
      start = performance.now();
    }
    await this.indexPending();
    const vocab = await this.read(() => this.vocab.current());
    prepared(options.timings);
    return answered((await this.read(() => searchArticles(this.db, vocab, query, options)))!);
  }

  /**
   * A search read a damaged `terms` row (reported in its `skipped`): the index is rebuilt from the
   * articles, as after a migration (`markAllPending`), in the background; the next search waits for
   * it. Why the whole index: a damaged row's ids cannot be read, and which articles held its term is
   * only in their `postings` rows, which are not indexed by term (finding them is a walk of every
   * row), and a rebuild is the path already tested. Such damage is rare; a search never throws on it.
   * A failure leaves the damaged row, so the next search that reads it tries again.
   */
  private rebuildIndex(): void {
    if (this.closed) return;
    this.rebuilding ??= (async () => {
      // An indexing run under way finishes first: its batch's dictionary chunk would go in the cleared store.
      if (this.indexing) await this.indexing.catch(() => undefined);
      await markAllPending(this.db);
      this.vocab.reset();
    })()
      .catch(() => undefined)
      .finally(() => {
        this.rebuilding = null;
        this.scheduleIndexing();
      });
  }

  /**
   * Marks the whole index for rebuilding when it was built by another tokenizer version or never
   * (after a migration). Checked once per Library; `search` waits for it.
   */
  ensureSearchIndex(): Promise<void> {
    this.indexReady ??= (async () => {
      if (await isSearchIndexCurrent(this.db)) return;
      await markAllPending(this.db);
      this.vocab.reset();
    })().catch((err) => {
      this.indexReady = null;
      throw toLibraryError(err);
    });
    return this.indexReady;
  }

  /**
   * Indexes the articles waiting for it (see indexer.ts). One run at a time per page; returns how many
   * were indexed. Saves schedule it; search awaits it.
   */
  indexPending(onProgress?: (done: number) => void): Promise<number> {
    this.indexing ??= indexPending(this.db, this.vocab, onProgress, this.indexBatch)
      .then((done) => {
        if (done) this.scheduleMerge();
        return done;
      })
      .catch((err: unknown) => {
        throw toLibraryError(err);
      })
      .finally(() => {
        this.indexing = null;
      });
    return this.indexing;
  }

  /**
   * Merges the index's segments while a size class is full (term-index.ts). Runs by itself after
   * indexing, off the path of saves and searches; best effort (unmerged segments stay correct). Returns
   * when no merge is running.
   */
  mergeIndex(): Promise<void> {
    this.merging ??= mergeSegments(this.db).finally(() => {
      this.merging = null;
    });
    return this.merging;
  }

  private scheduleMerge(): void {
    if (this.closed || this.mergeTimer !== null) return;
    this.mergeTimer = setTimeout(() => {
      this.mergeTimer = null;
      if (!this.closed) void this.mergeIndex();
    }, 0);
  }

  /** Indexes soon after a save, off the save's path; a failure is left for the next search to retry. */
  private scheduleIndexing(): void {
    if (this.closed || this.indexTimer !== null) return;
    this.indexTimer = setTimeout(() => {
      this.indexTimer = null;
      if (!this.closed) this.indexPending().catch(() => undefined);
    }, 0);
  }

  // ---- editing ----

  async update(id: number, changes: ItemChanges): Promise<LibraryItem> {
    const { db } = this;
    const row = await this.write('updated', async () => {
      const current = await db.articles.get(id);
      if (!current) throw new LibraryError('not-found');
      const next: ArticleRow = { ...current, updatedAt: this.now() };
      if (changes.state) next.state = changes.state;
      if (changes.favourite !== undefined) next.favourite = changes.favourite ? 1 : 0;
      if (changes.tags) {
        next.tags = cleanTags(changes.tags);
        next.headTerms = headTermsOf(next);
        await enqueue(db, [id]);
      }
      if (changes.note !== undefined) next.note = cleanNote(changes.note);
      if (changes.highlights) next.highlights = cleanHighlights(changes.highlights);
      // The note and highlights are searchable: index the article again when they change.
      if (!changes.tags && (changes.note !== undefined || changes.highlights)) await enqueue(db, [id]);
      toItem(next);
      await db.articles.put(next);
      return next;
    });
    if (changes.tags || changes.note !== undefined || changes.highlights) this.scheduleIndexing();
    return toItem(row);
  }

  /** The article's note (`get` and `list` return it too); null when it has none. */
  async note(id: number): Promise<string | null> {
    const row = await this.read(() => this.db.articles.get(id));
    if (!row) throw new LibraryError('not-found');
    return toItem(row).note;
  }

  /** Sets the article's note; null or blank text removes it. Same as `update(id, { note })`. */
  async setNote(id: number, note: string | null): Promise<LibraryItem> {
    return this.update(id, { note });
  }

  /** Records where the user stopped reading (0..1). Call it throttled (see throttle.ts). */
  async setReadingPosition(id: number, progress: number): Promise<void> {
    const readingPosition = {
      progress: Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0)),
      updatedAt: this.now(),
    };
    // Announced like any edit, so an open library page shows "N% read" as the reader scrolls.
    await this.write(
      'updated',
      async () => {
        const changed = await this.db.articles.update(id, { readingPosition });
        if (!changed) throw new LibraryError('not-found');
      },
      [id],
    );
  }

  // ---- offline images ----

  /** Whether the user asked to keep pictures for offline reading. Off by default. */
  async offlineImages(): Promise<boolean> {
    return this.read(async () => (await this.db.meta.get(OFFLINE_IMAGES_KEY))?.value === true);
  }

  async setOfflineImages(on: boolean): Promise<void> {
    await this.read(() => this.db.meta.put({ key: OFFLINE_IMAGES_KEY, value: on }));
  }

  /**
   * Downloads the pictures of a saved article (at most `MAX_IMAGE_BYTES`) and keeps them beside it,
   * replacing any kept before. The downloads happen outside the transaction; the write is one
   * transaction, skipped if the article was deleted or saved again meanwhile.
   */
  async keepImages(id: number, fetchImage: FetchLike = (url) => fetch(url)): Promise<ImageDownload> {
    const before = await this.get(id);
    const download = await downloadImages(imageUrls(before.contentHtml), fetchImage);
    const { db } = this;
    await this.write(
      'updated',
      async () => {
        const now = await db.articles.get(id);
        if (!now || now.updatedAt !== before.updatedAt) return;
        await db.images.where('articleId').equals(id).delete();
        await db.images.bulkPut(download.images.map((image) => ({ articleId: id, ...image })));
      },
      [id],
    );
    return download;
  }

  /** The pictures kept for an article, by their web address. */
  async images(id: number): Promise<Map<string, Blob>> {
    const rows = await this.read(() => this.db.images.where('articleId').equals(id).toArray());
    return new Map(rows.map((row) => [row.url, row.blob]));
  }

  // ---- deleting ----

  /** Moves an item to the trash, where it stays `TRASH_DAYS` days; `restore` is the undo. */
  async remove(id: number): Promise<void> {
    const { db } = this;
    await this.write(
      'removed',
      async () => {
        const row = await db.articles.get(id);
        if (!row) throw new LibraryError('not-found');
        await db.trash.put({ ...row, deletedAt: this.now() });
        await db.articles.delete(id);
        await adjustArticleCount(db, -1);
      },
      [id],
    );
  }

  /** Brings an item back from the trash, as it was. */
  async restore(id: number): Promise<LibraryItem> {
    const { db } = this;
    const row = await this.write(
      'restored',
      async () => {
        const trashed = await db.trash.get(id);
        if (!trashed) throw new LibraryError('not-found');
        const { deletedAt: _deletedAt, ...rest } = trashed;
        const next: ArticleRow = { ...rest, headTerms: headTermsOf(rest) };
        await db.articles.put(next);
        await db.trash.delete(id);
        await adjustArticleCount(db, 1);
        // Its terms may predate a rebuild (which skips the trash): index it again to be sure.
        await enqueue(db, [id]);
        return next;
      },
      [id],
    );
    this.scheduleIndexing();
    return toItem(row);
  }

  async trash(): Promise<{ items: TrashedItem[]; skipped: SkippedRecord[] }> {
    return this.read(() => listTrash(this.db));
  }

  /** Deletes trashed items for good: those older than `TRASH_DAYS` by default, or the ids given. */
  async purgeTrash(ids?: number[]): Promise<number> {
    const { db } = this;
    let purged: number[] = [];
    // The only write that touches the index itself, so the only one whose transaction covers it.
    await this.write(
      'purged',
      async () => {
        purged = ids
          ? (await db.trash.bulkGet(ids)).filter(Boolean).map((row) => row!.id)
          : ((await db.trash
              .where('deletedAt')
              .below(this.now() - TRASH_DAYS * DAY_MS)
              .primaryKeys()) as number[]);
        await db.trash.bulkDelete(purged);
        await db.bodies.bulkDelete(purged);
        // Out of the inverted index too: the rows of the terms each article had.
        const indexed = await db.postings.bulkGet(purged);
        await removeDocs(
          db,
          indexed.flatMap((p) => (p && Array.isArray(p.terms) ? [{ id: p.id, terms: p.terms }] : [])),
        );
        await db.postings.bulkDelete(purged);
        await db.images.where('articleId').anyOf(purged).delete();
      },
      undefined,
      undefined,
      [db.postings, db.terms, db.segments, db.smallSegs],
    );
    return purged.length;
  }

  async emptyTrash(): Promise<number> {
    return this.purgeTrash((await this.read(() => this.db.trash.toCollection().primaryKeys())) as number[]);
  }

  // ---- internals ----

  /** The live row for a duplicate key, else a trashed one (saving again brings it back). */
  private async findAny(key: string): Promise<{ row: ArticleRow; inTrash: boolean } | null> {
    // Both read at once (one round trip); the trash only counts when no live row has the key.
    const [liveRows, trashedRows] = await Promise.all([
      this.db.articles.where('normalizedUrl').equals(key).toArray(),
      this.db.trash.where('normalizedUrl').equals(key).toArray(),
    ]);
    const live = newest(liveRows);
    if (live) return { row: live, inTrash: false };
    const trashed = newest(trashedRows);
    if (!trashed) return null;
    const { deletedAt: _deletedAt, ...row } = trashed;
    return { row, inTrash: true };
  }

  private async read<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toLibraryError(err);
    }
  }

  /**
   * Runs `fn` in one read-write transaction over the library's tables, then tells other pages what
   * changed. The index's tables (`postings`, `terms`) only when `index` names them: saves and edits
   * leave the index to the indexer, and must not wait for its transactions or a merge.
   */
  private async write<T>(
    kind: LibraryChange['kind'],
    fn: () => Promise<T>,
    ids?: number[],
    idsOf?: (result: T) => number[],
    index: Table[] = [],
  ): Promise<T> {
    const { db } = this;
    let result: T;
    try {
      result = await db.transaction('rw', [db.articles, db.bodies, db.trash, db.images, db.meta, ...index], fn);
    } catch (err) {
      throw toLibraryError(err);
    }
    const changedId = (result as { id?: unknown } | undefined)?.id;
    this.notifier.notify({ kind, ids: ids ?? idsOf?.(result) ?? (typeof changedId === 'number' ? [changedId] : []) });
    return result;
  }
}

function newest<T extends { updatedAt: number }>(rows: T[]): T | undefined {
  return rows.reduce<T | undefined>((best, row) => (!best || row.updatedAt > best.updatedAt ? row : best), undefined);
}
