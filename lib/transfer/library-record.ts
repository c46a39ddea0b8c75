/**
 * Between transfer's neutral fields and the library's `SavedArticle` (lib/library/types.ts): what a
 * merge reads from a saved article, and what a planned add or update writes back. The library applies
 * the result in its own transaction; nothing here touches storage. Highlights and the article's note
 * are part of the saved article, so they merge, export and come back like any other field.
 */
import { parseInertDocument } from '../extract/sanitize';
import { blockText, textStats } from '../extract/text';
import { normalizeUrl, titleFromUrl } from '../library/url';
import type { LibraryItem, SavedArticle } from '../library/types';
import type { MergeFields, PlannedUpdate } from './merge';
import type { ImportItem, ImportWindow } from './types';

/** A saved article, its highlights and note included. */
export type TransferArticle = SavedArticle;

/** A saved article without its body, as lists read it: all a merge needs (see `STORED_BODY`). */
export type TransferItem = LibraryItem;

/**
 * Stands for "the library holds a body" when a merge is planned from items without their bodies. A
 * stored body is never replaced by an import, so the merge only needs to know that it exists; the
 * marker can never reach a write (`articleChanges` writes a body only where there was none).
 */
export const STORED_BODY = '\u0000stored-body';

/** What a merge compares: the saved article (with or without its body) in transfer's terms. */
export function mergeFieldsOf(article: TransferItem | TransferArticle): MergeFields {
  const body = 'contentHtml' in article ? article.contentHtml : STORED_BODY;
  return {
    url: article.url,
    // The stand-in title of a link saved without one is derived, not data: a real title may replace it.
    title: article.title === titleFromUrl(article.url) ? '' : article.title,
    excerpt: article.excerpt,
    byline: article.byline,
    tags: [...article.tags],
    state: article.state,
    favourite: article.favourite,
    savedAt: new Date(article.savedAt).toISOString(),
    publishedAt: article.publishedTime,
    readingProgress: article.readingPosition?.progress ?? 0,
    contentHtml: article.downloaded && body ? body : null,
    // Records of exports from before highlights existed have none.
    highlights: article.highlights ? [...article.highlights] : [],
    note: article.note ?? null,
  };
}

/** A new article from an imported item, without an id (the library assigns one). */
export function newArticle(
  item: ImportItem | MergeFields,
  win: ImportWindow,
  now: number,
): Omit<TransferArticle, 'id'> {
  const body = bodyOf(item.contentHtml, win);
  const savedAt = item.savedAt ? Date.parse(item.savedAt) : NaN;
  return {
    url: item.url,
    normalizedUrl: normalizeUrl(item.url),
    // The library never shows an empty title; it uses the same stand-in for links saved without text.
    title: item.title || titleFromUrl(item.url),
    byline: item.byline,
    siteName: null,
    lang: null,
    dir: null,
    publishedTime: item.publishedAt,
    excerpt: item.excerpt,
    leadImage: null,
    ...body,
    savedAt: Number.isFinite(savedAt) ? savedAt : now,
    updatedAt: now,
    state: item.state,
    favourite: item.favourite,
    tags: [...item.tags],
    readingPosition: item.readingProgress > 0 ? { progress: item.readingProgress, updatedAt: now } : null,
    highlights: [...item.highlights],
    note: item.note,
  };
}

/** The fields of a saved article that a planned update changes, in the library's names. */
export function articleChanges(update: PlannedUpdate, win: ImportWindow, now: number): Partial<TransferArticle> {
  const { after } = update;
  const out: Partial<TransferArticle> = { updatedAt: now };
  for (const field of update.changed) {
    switch (field) {
      case 'url':
        break;
      case 'title':
        out.title = after.title;
        break;
      case 'excerpt':
        out.excerpt = after.excerpt;
        break;
      case 'byline':
        out.byline = after.byline;
        break;
      case 'tags':
        out.tags = [...after.tags];
        break;
      case 'state':
        out.state = after.state;
        break;
      case 'favourite':
        out.favourite = after.favourite;
        break;
      case 'savedAt':
        if (after.savedAt) out.savedAt = Date.parse(after.savedAt);
        break;
      case 'publishedAt':
        out.publishedTime = after.publishedAt;
        break;
      case 'readingProgress':
        out.readingPosition = { progress: after.readingProgress, updatedAt: now };
        break;
      case 'contentHtml':
        if (after.contentHtml !== STORED_BODY) Object.assign(out, bodyOf(after.contentHtml, win));
        break;
      case 'highlights':
        out.highlights = [...after.highlights];
        break;
      case 'note':
        out.note = after.note;
        break;
    }
  }
  return out;
}

/** Body, plain text and counts of already-sanitised HTML; an empty body for a link not downloaded. */
function bodyOf(
  html: string | null,
  win: ImportWindow,
): Pick<SavedArticle, 'contentHtml' | 'text' | 'wordCount' | 'readingMinutes' | 'downloaded'> {
  if (!html) return { contentHtml: '', text: '', wordCount: 0, readingMinutes: 0, downloaded: false };
  // An inert document (runs no script, loads nothing); the HTML is sanitised already.
  const text = blockText(parseInertDocument(html, win).body);
  return { contentHtml: html, text, ...textStats(text), downloaded: true };
}
