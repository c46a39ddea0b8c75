/**
 * The neutral shape every importer produces, whatever the source. An `ImportItem` is what one row,
 * bookmark or article of an export file says about one saved article; `merge.ts` decides what it does
 * to the library, and the library turns it into its own record.
 */
import type { Highlight, ReadState } from '../library/types';

export type { ReadState };

/** Every format `detectFormat` recognises. */
export type ImportFormat =
  | 'pocket-zip'
  | 'pocket-csv'
  | 'pocket-html'
  | 'instapaper-csv'
  | 'omnivore-zip'
  | 'bookmarks-html'
  | 'clean-reader-zip';

/** Where an item came from, so the result screen can point at the row. */
export interface ImportSource {
  format: ImportFormat;
  /** The file inside a ZIP (or the file name itself for a lone file). */
  file: string;
  /** 1-based: the spreadsheet row for CSV (header = row 1), the item's position for JSON and HTML. */
  row: number;
}

/** A highlight as the library keeps it (lib/library/types.ts): `{ quote, createdAt (ISO 8601 or null), note }`. */
export type ImportHighlight = Highlight;

export interface ImportItem {
  /** Absolute http(s) URL, trimmed, otherwise as the source gave it (normalising is the merge's job). */
  url: string;
  /** '' when the source had no title (Pocket writes the URL as the title then). */
  title: string;
  excerpt: string | null;
  byline: string | null;
  /** Trimmed, non-empty, unique ignoring case, in the source's order. */
  tags: string[];
  state: ReadState;
  favourite: boolean;
  /** ISO 8601; null when the source has no date (the library uses the import time). */
  savedAt: string | null;
  publishedAt: string | null;
  /** 0 to 1. */
  readingProgress: number;
  /** Sanitised by `lib/extract/sanitize.ts`; null means "not downloaded" (fetched when first opened). */
  contentHtml: string | null;
  highlights: ImportHighlight[];
  /** An article-level note (Omnivore's page notes), null when none. */
  note: string | null;
  source: ImportSource;
  /**
   * Our own export only: the library record exactly as exported, so importing it into an empty library
   * gives back the same records. Opaque here; `lib/library` owns its shape.
   */
  record?: Record<string, unknown>;
}

/** Why a row was left out. `code` is stable for the UI; `reason` is a short English sentence. */
export type InvalidCode = 'missing-url' | 'bad-url' | 'bad-row' | 'bad-record' | 'deleted';

export interface InvalidRow {
  file: string;
  row: number;
  code: InvalidCode;
  reason: string;
}

/** One step of an import: what the batch produced and how far the whole file has come. */
export interface ImportBatch {
  format: ImportFormat;
  items: ImportItem[];
  invalid: InvalidRow[];
  /** Rows handled so far (valid and invalid), and the file's total. */
  done: number;
  total: number;
}

/**
 * What the parsers need from a browser or jsdom window: `DOMParser` for bookmark files and DOMPurify's
 * window for Omnivore's article HTML. Extension pages pass `window`; tests pass a jsdom window.
 */
export type ImportWindow = Window & typeof globalThis;
