/**
 * Writing an import into the library: what lib/transfer's `runImport` needs from it (`ImportTarget`:
 * read every item, then write all adds and updates in one transaction). The merge is planned by
 * lib/transfer; this file only turns its saved-article shapes into rows, checks them, and writes them.
 *
 * The trash: an import never brings back an article the user deleted (lib/transfer plans it as skipped
 * from `loadTrashedUrls`). An article trashed between that plan and this write is skipped here too,
 * rather than saved a second time beside its trashed copy.
 */
import { LibraryError } from './errors';
import { adjustArticleCount } from './counts';
import { enqueue } from './index-queue';
import { headTermsOf } from './indexer';
import { cleanHighlights, cleanNote, cleanTags } from './rows';
import type { ArticleRow, LibraryDB } from './schema';
import type { LibraryItem, SavedArticle } from './types';
import { normalizeUrl, titleFromUrl } from './url';
import { checkArticleRow } from './validate';

/** Highlights and note may be absent: exports from before they existed have neither. */
type Annotations = Partial<Pick<SavedArticle, 'highlights' | 'note'>>;

/** A saved article as an import brings it; `id` (from our own export) is kept when still free. */
export type ImportedArticle = Omit<SavedArticle, 'id' | 'highlights' | 'note'> & Annotations & { id?: number };

export interface ImportedUpdate {
  id: number;
  changes: Partial<SavedArticle>;
}

const META_FIELDS = [
  'url',
  'title',
  'byline',
  'siteName',
  'lang',
  'dir',
  'publishedTime',
  'excerpt',
  'leadImage',
  'wordCount',
  'readingMinutes',
  'savedAt',
  'updatedAt',
  'state',
  'favourite',
  'tags',
  'readingPosition',
  'downloaded',
  'highlights',
  'note',
] as const;

/** The row of an imported or updated article, checked as any row read back would be. */
function toRow(
  source: Omit<LibraryItem, 'id' | 'normalizedUrl' | 'highlights' | 'note'> & Annotations & { id?: number },
): Omit<ArticleRow, 'id'> & { id?: number } {
  const title = source.title?.trim() || titleFromUrl(source.url);
  const tags = cleanTags(source.tags ?? []);
  const row = {
    ...(source.id !== undefined ? { id: source.id } : {}),
    url: source.url,
    normalizedUrl: normalizeUrl(source.url),
    title,
    byline: source.byline ?? null,
    siteName: source.siteName ?? null,
    lang: source.lang ?? null,
    dir: source.dir ?? null,
    publishedTime: source.publishedTime ?? null,
    excerpt: source.excerpt ?? null,
    leadImage: source.leadImage ?? null,
    wordCount: source.wordCount ?? 0,
    readingMinutes: source.readingMinutes ?? 0,
    savedAt: source.savedAt,
    updatedAt: source.updatedAt ?? source.savedAt,
    state: source.state ?? 'unread',
    favourite: source.favourite ? (1 as const) : (0 as const),
    tags,
    readingPosition: source.readingPosition ?? null,
    downloaded: source.downloaded,
    // Exports from before highlights and notes have neither.
    highlights: cleanHighlights(source.highlights ?? []),
    note: cleanNote(source.note),
    headTerms: headTermsOf({
      title,
      siteName: source.siteName ?? null,
      byline: source.byline ?? null,
      tags,
      url: source.url,
    }),
  };
  const checked = checkArticleRow({ id: 0, ...row });
  if (!checked.ok)
    throw new LibraryError(
      'invalid',
      undefined,
      `An imported article could not be stored (${checked.reason}): ${source.url}`,
    );
  return row;
}

/** Every live item (the trash excluded), damaged rows left out: what an import is merged with. */
export async function allItems(db: LibraryDB): Promise<LibraryItem[]> {
  const rows = await db.articles.toArray();
  const items: LibraryItem[] = [];
  for (const row of rows) {
    const checked = checkArticleRow(row);
    if (checked.ok) items.push(checked.value);
  }
  return items;
}

/** Inside a read-write transaction over articles, bodies, trash and meta: writes an import. Returns the ids written. */
export async function writeImport(
  db: LibraryDB,
  adds: readonly ImportedArticle[],
  updates: readonly ImportedUpdate[],
): Promise<number[]> {
  const ids: number[] = [];
  // One read of the trash's keys, not one lookup per row: an import may bring 10,000 rows.
  const trashed = new Set((await db.trash.orderBy('normalizedUrl').uniqueKeys()) as string[]);
  for (const add of adds) {
    if (trashed.has(normalizeUrl(add.url))) continue;
    let wanted = add.id;
    if (wanted !== undefined && ((await db.articles.get(wanted)) || (await db.trash.get(wanted)))) wanted = undefined;
    const row = toRow({ ...add, id: wanted });
    const id = await db.articles.put(row as ArticleRow);
    if (add.downloaded) await db.bodies.put({ id, contentHtml: add.contentHtml ?? '', text: add.text ?? '' });
    ids.push(id);
  }
  await adjustArticleCount(db, ids.length);
  for (const { id, changes } of updates) {
    const current = await db.articles.get(id);
    if (!current)
      throw new LibraryError(
        'not-found',
        undefined,
        `An article the import meant to update is gone (id ${id}). Nothing was imported.`,
      );
    const merged: Record<string, unknown> = { ...current, favourite: current.favourite === 1 };
    for (const field of META_FIELDS) if (changes[field] !== undefined) merged[field] = changes[field];
    const row = toRow({ ...(merged as unknown as LibraryItem), id });
    await db.articles.put(row as ArticleRow);
    if (typeof changes.contentHtml === 'string' && typeof changes.text === 'string') {
      await db.bodies.put({ id, contentHtml: changes.contentHtml, text: changes.text });
    }
    ids.push(id);
  }
  await enqueue(db, ids);
  return ids;
}
