/** Small value cleaners shared by every parser: URLs, dates, tags, titles. */
import { cleanTags as cleanLibraryTags } from '../library/rows';

/**
 * An absolute http(s) URL, or the reason it cannot be one. Export files hold `javascript:`, `place:`
 * (Firefox smart bookmarks), `file:` and half-typed URLs; none of them can be read or fetched.
 */
export function checkUrl(raw: string): { url: string } | { problem: string } {
  const value = raw.trim();
  if (!value) return { problem: 'has no URL' };
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return { problem: `has a URL that is not a web address ("${clip(value)}")` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { problem: `has a ${parsed.protocol.replace(':', '')} link, not a web page ("${clip(value)}")` };
  }
  return { url: value };
}

function clip(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}

/** Unix seconds (as text or number) to ISO 8601; null for anything that is not a plausible time. */
export function fromUnixSeconds(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const seconds = typeof value === 'number' ? value : /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  // 0 is what exports write for "never"; anything before 1990 or far in the future is a broken value.
  if (!Number.isFinite(seconds) || seconds < 631152000 || seconds > 4102444800) return null;
  return new Date(Math.round(seconds * 1000)).toISOString();
}

/**
 * Any date an export writes, to ISO 8601: Unix seconds, ISO strings with or without a zone, and
 * "YYYY-MM-DD HH:MM:SS" (read as UTC, which is what the services that write it use). Null otherwise.
 */
export function parseDate(value: unknown): string | null {
  if (typeof value === 'number') return fromUnixSeconds(value);
  if (typeof value !== 'string' || !value.trim()) return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return fromUnixSeconds(text);
  const sqlLike = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/.exec(text);
  const ms = Date.parse(sqlLike ? `${sqlLike[1]}T${sqlLike[2]}Z` : text);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** Tags cleaned exactly as the library cleans them, so a merge compares like with like. */
export function cleanTags(tags: Iterable<string>): string[] {
  return cleanLibraryTags([...tags]);
}

/** A title worth keeping: '' when the source wrote nothing or just repeated the URL. */
export function cleanTitle(title: string | null | undefined, url: string): string {
  const text = (title ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return '';
  if (text === url || text === url.trim()) return '';
  return text;
}

/** Empty text becomes null, so "no excerpt" has one spelling. */
export function textOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text ? text : null;
}

/** A reading progress in any of the scales exports use (0-1 or 0-100), clamped to 0-1. */
export function progressFraction(value: unknown, scale: 1 | 100): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0) return 0;
  return Math.min(1, n / scale);
}
