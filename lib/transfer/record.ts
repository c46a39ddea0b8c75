/**
 * The library record as transfer sees it: the few fields export and merge read. Interim: `lib/library`
 * owns the record (issue 4); these names follow `ImportItem` and are to be aligned with it once it
 * lands. Every other field of a record travels through export and import untouched.
 */
import type { ImportHighlight, ReadState } from './types';

export interface TransferRecord {
  id: string | number;
  url: string;
  title?: string | null;
  excerpt?: string | null;
  byline?: string | null;
  siteName?: string | null;
  tags?: readonly string[];
  state?: ReadState;
  favourite?: boolean;
  /** ISO 8601, or epoch milliseconds. */
  savedAt?: string | number | null;
  publishedAt?: string | number | null;
  readingProgress?: number;
  /** Sanitised HTML; null or absent when not downloaded. */
  contentHtml?: string | null;
  highlights?: readonly ImportHighlight[];
}

/** ISO 8601 from either form a record may hold a date in. */
export function isoDate(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}
