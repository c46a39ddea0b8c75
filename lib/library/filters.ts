/**
 * The library's filters (state, favourite, tag) as IndexedDB index queries. Lists walk one index in date
 * order; search intersects the id sets these return with its matches.
 */
import { Dexie, type Collection, type InsertType } from 'dexie';
import type { ArticleRow, LibraryDB } from './schema';
import type { ListFilter } from './types';

/** True when the filter keeps every item. */
export function isOpenFilter(filter: ListFilter): boolean {
  return (filter.state ?? 'all') === 'all' && !filter.favourite && !filter.tag;
}

/** Whether a row passes the filter (for rows already read by another index). */
export function rowPasses(row: ArticleRow, filter: ListFilter): boolean {
  const state = filter.state ?? 'all';
  if (state !== 'all' && row.state !== state) return false;
  if (filter.favourite && row.favourite !== 1) return false;
  if (filter.tag && !(Array.isArray(row.tags) && row.tags.includes(filter.tag))) return false;
  return true;
}

/**
 * The rows passing the state and favourite parts of `filter`, newest first, as a Dexie collection on the
 * most selective index (favourites, then state, else the date index). Tags are not handled here: a tag
 * is usually rare, so `list` reads it through the tag index instead of walking every date. Rows whose
 * fields are not valid keys are absent from these indexes: `list` finds and reports them separately.
 */
export function newestFirst(
  db: LibraryDB,
  filter: Omit<ListFilter, 'tag'>,
): Collection<ArticleRow, number, InsertType<ArticleRow, 'id'>> {
  const state = filter.state ?? 'all';
  if (filter.favourite) {
    return db.articles
      .where('[favourite+savedAt]')
      .between([1, Dexie.minKey], [1, Dexie.maxKey])
      .reverse()
      .filter((row) => rowPasses(row, { state }));
  }
  if (state !== 'all') {
    return db.articles.where('[state+savedAt]').between([state, Dexie.minKey], [state, Dexie.maxKey]).reverse();
  }
  return db.articles.orderBy('savedAt').reverse();
}

/** Ids of the rows passing `filter`, or null when the filter keeps everything. */
export async function idsPassing(db: LibraryDB, filter: ListFilter): Promise<Set<number> | null> {
  const sets: number[][] = [];
  const state = filter.state ?? 'all';
  if (filter.tag) sets.push((await db.articles.where('tags').equals(filter.tag).primaryKeys()) as number[]);
  if (filter.favourite) {
    sets.push(
      (await db.articles
        .where('[favourite+savedAt]')
        .between([1, Dexie.minKey], [1, Dexie.maxKey])
        .primaryKeys()) as number[],
    );
  }
  if (state !== 'all') {
    sets.push(
      (await db.articles
        .where('[state+savedAt]')
        .between([state, Dexie.minKey], [state, Dexie.maxKey])
        .primaryKeys()) as number[],
    );
  }
  if (!sets.length) return null;
  sets.sort((a, b) => a.length - b.length);
  let result = new Set(sets[0]);
  for (const other of sets.slice(1)) {
    const keep = new Set(other);
    result = new Set([...result].filter((id) => keep.has(id)));
  }
  return result;
}
