/** The library's pages of items, newest first, and the trash. */
import { articleCount } from './counts';
import { isOpenFilter, newestFirst, rowPasses } from './filters';
import type { LibraryDB } from './schema';
import type { LibraryItem, ListOptions, ListPage, SkippedRecord, TrashedItem } from './types';
import { checkArticleRow } from './validate';

export const PAGE_SIZE = 50;
/** Search results come fewer at a time: each is a row read one by one, a search's largest cost. */
export const SEARCH_PAGE_SIZE = 20;

function checkRows(rows: unknown[], skipped: SkippedRecord[]): LibraryItem[] {
  const items: LibraryItem[] = [];
  for (const row of rows) {
    const checked = checkArticleRow(row);
    if (checked.ok) items.push(checked.value);
    else skipped.push({ id: (row as { id?: unknown } | null)?.id, reason: checked.reason });
  }
  return items;
}

export async function listItems(db: LibraryDB, options: ListOptions = {}): Promise<ListPage> {
  const offset = options.offset ?? 0;
  const limit = options.limit ?? PAGE_SIZE;
  const skipped: SkippedRecord[] = [];

  if (options.tag) {
    // A tag's items are few: read them all through the tag index and sort here.
    const rows = (await db.articles.where('tags').equals(options.tag).toArray()).filter((row) =>
      rowPasses(row, options),
    );
    const items = checkRows(rows, skipped).sort((a, b) => b.savedAt - a.savedAt);
    return { items: items.slice(offset, offset + limit), total: items.length, skipped };
  }

  return db.transaction('r', db.articles, db.meta, async () => {
    const [total, rows] = await Promise.all([
      // Counting walks the rows in Chromium: the whole library's count is kept in `meta` instead.
      isOpenFilter(options) ? articleCount(db) : newestFirst(db, options).count(),
      newestFirst(db, options).offset(offset).limit(limit).toArray(),
    ]);
    const items = checkRows(rows, skipped);
    // Damaged rows of this page were counted in `total`.
    return { items, total: total - skipped.length, skipped };
  });
}

/**
 * Rows missing from the date index (a saved date that is not a valid key) never appear in any list.
 * Only when the table's and the index's counts differ are the rows found and reported. Both counts
 * walk the library, so pages run this after the first page is on screen (`Library.check`).
 */
export async function unindexedRows(db: LibraryDB): Promise<SkippedRecord[]> {
  const [all, dated] = await Promise.all([db.articles.count(), db.articles.orderBy('savedAt').count()]);
  if (all === dated) return [];
  const datedKeys = new Set(await db.articles.orderBy('savedAt').primaryKeys());
  const missing = (await db.articles.toCollection().primaryKeys()).filter((id) => !datedKeys.has(id));
  const rows = await db.articles.bulkGet(missing as number[]);
  return rows.map((row, i) => {
    const checked = checkArticleRow(row);
    return { id: missing[i], reason: checked.ok ? 'saved date is missing' : checked.reason };
  });
}

export async function listTrash(db: LibraryDB): Promise<{ items: TrashedItem[]; skipped: SkippedRecord[] }> {
  const rows = await db.trash.orderBy('deletedAt').reverse().toArray();
  const skipped: SkippedRecord[] = [];
  const items: TrashedItem[] = [];
  for (const row of rows) {
    const checked = checkArticleRow(row);
    if (checked.ok) items.push({ ...checked.value, deletedAt: row.deletedAt });
    else skipped.push({ id: row.id, reason: checked.reason });
  }
  return { items, skipped };
}

/** Every tag in use, in alphabetical order for people (IndexedDB's order puts every capital first). */
export async function listTags(db: LibraryDB): Promise<string[]> {
  const tags = (await db.articles.orderBy('tags').uniqueKeys()) as string[];
  return tags.sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}
