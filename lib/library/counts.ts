/**
 * The number of live articles, kept in `meta` and adjusted by every write that adds or removes one.
 * Counting the table instead walks every row in Chromium's IndexedDB (60 ms at 10,000 articles), which
 * the library's first page and every search's ranking would pay.
 */
import type { LibraryDB } from './schema';

export const ARTICLE_COUNT_KEY = 'articleCount';

/** The count, computed once from the table when it was never stored (a migrated database). */
export async function articleCount(db: LibraryDB): Promise<number> {
  const row = await db.meta.get(ARTICLE_COUNT_KEY);
  if (typeof row?.value === 'number') return row.value;
  return db.articles.count();
}

/** Inside a read-write transaction over `articles` and `meta`: adds `delta` to the stored count. */
export async function adjustArticleCount(db: LibraryDB, delta: number): Promise<void> {
  if (!delta) return;
  const row = await db.meta.get(ARTICLE_COUNT_KEY);
  // Not stored yet: the table already holds this transaction's writes, so its count is the new total.
  const next = typeof row?.value === 'number' ? row.value + delta : await db.articles.count();
  await db.meta.put({ key: ARTICLE_COUNT_KEY, value: next });
}
