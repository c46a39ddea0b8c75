/** Turning what the user saves into rows, and rows back into what pages show. */
import type { Article } from '../extract/types';
import { headTermsOf } from './indexer';
import type { ArticleRow } from './schema';
import type { Highlight, LinkToSave } from './types';
import { normalizeUrl, titleFromUrl } from './url';

/** What a re-save keeps from the item it updates: the user's own marks. */
export type UserMarks = Pick<ArticleRow, 'favourite' | 'tags' | 'readingPosition' | 'highlights' | 'note'>;

const NO_MARKS: UserMarks = { favourite: 0, tags: [], readingPosition: null, highlights: [], note: null };

/** The `articles` row of an extracted article. A re-save is "read this again": it comes back unread, on top. */
export function articleRow(article: Article, now: number, marks: UserMarks = NO_MARKS): Omit<ArticleRow, 'id'> {
  const title = article.title.trim() || titleFromUrl(article.url);
  return {
    url: article.url,
    normalizedUrl: normalizeUrl(article.url),
    title,
    byline: article.byline,
    siteName: article.siteName,
    lang: article.lang,
    dir: article.dir,
    publishedTime: article.publishedTime,
    excerpt: article.excerpt,
    leadImage: article.leadImage,
    wordCount: article.wordCount,
    readingMinutes: article.readingMinutes,
    savedAt: now,
    updatedAt: now,
    state: 'unread',
    ...marks,
    downloaded: true,
    headTerms: headTermsOf({
      title,
      siteName: article.siteName,
      byline: article.byline,
      tags: marks.tags,
      url: article.url,
    }),
  };
}

/** The row of a link saved without visiting it: its URL, its text as title, nothing downloaded. */
export function linkRow(link: LinkToSave, now: number): Omit<ArticleRow, 'id'> {
  const url = link.url.trim();
  const title = link.title?.replace(/\s+/g, ' ').trim() || titleFromUrl(url);
  return {
    url,
    normalizedUrl: normalizeUrl(url),
    title,
    byline: null,
    siteName: null,
    lang: null,
    dir: null,
    publishedTime: null,
    excerpt: null,
    leadImage: null,
    wordCount: 0,
    readingMinutes: 0,
    savedAt: now,
    updatedAt: now,
    state: 'unread',
    ...NO_MARKS,
    downloaded: false,
    headTerms: headTermsOf({ title, siteName: null, byline: null, tags: [], url }),
  };
}

/** Longest tag kept; longer ones are cut. */
export const MAX_TAG_LENGTH = 50;

/** Cleans a tag list: trimmed, inner spaces collapsed, no empties, no case-insensitive repeats (first spelling wins). */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_LENGTH);
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/**
 * Highlights as stored: quotes trimmed of outer white space and non-empty, each passage once (the same
 * text ignoring white space; the first keeps its place and takes a date or note a repeat brings).
 */
export function cleanHighlights(highlights: readonly Highlight[]): Highlight[] {
  const out: Highlight[] = [];
  const at = new Map<string, number>();
  for (const h of highlights) {
    const quote = h.quote.trim();
    if (!quote) continue;
    const key = quote.replace(/\s+/g, ' ');
    const i = at.get(key);
    const createdAt = h.createdAt ?? null;
    const note = cleanNote(h.note);
    if (i === undefined) {
      at.set(key, out.length);
      out.push({ quote, createdAt, note });
    } else {
      out[i] = { quote: out[i].quote, createdAt: out[i].createdAt ?? createdAt, note: out[i].note ?? note };
    }
  }
  return out;
}

/** A note as stored: null when absent or blank, otherwise the text as written. */
export function cleanNote(note: string | null | undefined): string | null {
  return typeof note === 'string' && note.trim() ? note : null;
}
