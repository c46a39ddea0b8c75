/**
 * Rows read back from IndexedDB are checked before a page sees them: storage can hold what an older
 * version, another extension build or a half-finished write left there. A row that fails is skipped and
 * reported with its reason, never passed on to crash a page.
 */
import type { ArticleRow, BodyRow } from './schema';
import type { Highlight, LibraryItem, ReadingPosition, ReadState } from './types';

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const STATES: ReadonlySet<string> = new Set<ReadState>(['unread', 'archived']);

const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrOrNull = (v: unknown): v is string | null => v === null || v === undefined || typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function position(v: unknown): ReadingPosition | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object') return undefined;
  const p = v as Partial<ReadingPosition>;
  if (!isNum(p.progress) || !isNum(p.updatedAt)) return undefined;
  return { progress: Math.min(1, Math.max(0, p.progress)), updatedAt: p.updatedAt };
}

/** Rows written before highlights existed have none: absent reads as an empty list. */
function highlightList(v: unknown): Highlight[] | undefined {
  if (v === null || v === undefined) return [];
  if (!Array.isArray(v)) return undefined;
  const out: Highlight[] = [];
  for (const entry of v) {
    if (!entry || typeof entry !== 'object') return undefined;
    const h = entry as Partial<Record<keyof Highlight, unknown>>;
    if (!isStr(h.quote) || !isStrOrNull(h.createdAt) || !isStrOrNull(h.note)) return undefined;
    out.push({ quote: h.quote, createdAt: h.createdAt ?? null, note: h.note ?? null });
  }
  return out;
}

/** Checks an `articles` (or `trash`) row and turns it into the item pages show. */
export function checkArticleRow(row: unknown): Checked<LibraryItem> {
  if (!row || typeof row !== 'object') return { ok: false, reason: 'not an object' };
  const r = row as Partial<Record<keyof ArticleRow, unknown>>;
  if (!isNum(r.id)) return { ok: false, reason: 'missing id' };
  if (!isStr(r.url)) return { ok: false, reason: 'missing url' };
  if (!isStr(r.title)) return { ok: false, reason: 'missing title' };
  if (!isNum(r.savedAt)) return { ok: false, reason: 'missing saved date' };
  if (!isStr(r.state) || !STATES.has(r.state)) return { ok: false, reason: `unknown state ${String(r.state)}` };
  if (!Array.isArray(r.tags) || !r.tags.every(isStr)) return { ok: false, reason: 'tags are not a list of words' };
  for (const key of ['byline', 'siteName', 'lang', 'dir', 'publishedTime', 'excerpt', 'leadImage'] as const) {
    if (!isStrOrNull(r[key])) return { ok: false, reason: `${key} is not text` };
  }
  const readingPosition = position(r.readingPosition);
  if (readingPosition === undefined) return { ok: false, reason: 'reading position is malformed' };
  const highlights = highlightList(r.highlights);
  if (highlights === undefined) return { ok: false, reason: 'highlights are malformed' };
  if (!isStrOrNull(r.note)) return { ok: false, reason: 'note is not text' };
  return {
    ok: true,
    value: {
      id: r.id,
      url: r.url,
      normalizedUrl: isStr(r.normalizedUrl) ? r.normalizedUrl : r.url,
      title: r.title,
      byline: (r.byline as string | null | undefined) ?? null,
      siteName: (r.siteName as string | null | undefined) ?? null,
      lang: (r.lang as string | null | undefined) ?? null,
      dir: (r.dir as string | null | undefined) ?? null,
      publishedTime: (r.publishedTime as string | null | undefined) ?? null,
      excerpt: (r.excerpt as string | null | undefined) ?? null,
      leadImage: (r.leadImage as string | null | undefined) ?? null,
      wordCount: isNum(r.wordCount) ? r.wordCount : 0,
      readingMinutes: isNum(r.readingMinutes) ? r.readingMinutes : 0,
      savedAt: r.savedAt,
      updatedAt: isNum(r.updatedAt) ? r.updatedAt : r.savedAt,
      state: r.state as ReadState,
      favourite: r.favourite === 1 || r.favourite === true,
      tags: r.tags as string[],
      readingPosition,
      downloaded: r.downloaded !== false,
      highlights,
      note: (r.note as string | null | undefined) ?? null,
    },
  };
}

/** Checks a `bodies` row. A missing body is fine for a link saved without visiting it. */
export function checkBodyRow(row: unknown, downloaded: boolean): Checked<Pick<BodyRow, 'contentHtml' | 'text'>> {
  if (row === undefined)
    return downloaded ? { ok: false, reason: 'body is missing' } : { ok: true, value: { contentHtml: '', text: '' } };
  if (!row || typeof row !== 'object') return { ok: false, reason: 'body is not an object' };
  const r = row as Partial<BodyRow>;
  if (!isStr(r.contentHtml) || !isStr(r.text)) return { ok: false, reason: 'body is not text' };
  return { ok: true, value: { contentHtml: r.contentHtml, text: r.text } };
}
