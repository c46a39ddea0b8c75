/**
 * Import, step by step: `importFile` checks and reads the whole file before its first batch, so a file
 * refused is refused whole, then converts rows in small batches and hands control back to the page
 * between them (a 10,000-row file keeps the progress bar moving and the page responsive).
 */
import { decodeText } from './bytes';
import { detectFormat } from './detect';
import { isTransferError } from './errors';
import { prepareBookmarksHtml, preparePocketHtml } from './formats/bookmarks';
import { prepareInstapaperCsv } from './formats/instapaper';
import { prepareOmnivoreZip } from './formats/omnivore';
import { prepareOwnZip } from './formats/own';
import { preparePocketCsv, preparePocketZip } from './formats/pocket';
import type { PreparedImport } from './source';
import type { ImportBatch, ImportFormat, ImportItem, ImportWindow, InvalidRow } from './types';
import { readZip } from './zip';

export interface ImportOptions {
  /** The window whose `DOMParser` reads bookmark files and whose DOMPurify sanitises article HTML. */
  win: ImportWindow;
  /** The library's schema version, so a newer own export is refused. */
  schemaVersion?: number;
  /** Most rows per batch. Default 500. */
  batchSize?: number;
  /** Longest a batch may run before yielding, in ms. Default 12 (most of a 60 Hz frame). */
  batchBudgetMs?: number;
  /** Awaited between batches. Default: a zero-delay timer, which lets the page paint and take input. */
  pause?: () => Promise<void>;
}

/** Checks and reads the whole file; throws `TransferError` when it is refused. */
export function prepareImport(fileName: string, bytes: Uint8Array, options: ImportOptions): PreparedImport {
  const format = detectFormat(fileName, bytes);
  const { win } = options;
  switch (format) {
    case 'pocket-csv':
      return preparePocketCsv(fileName, bytes);
    case 'instapaper-csv':
      return prepareInstapaperCsv(fileName, bytes);
    case 'bookmarks-html':
      return prepareBookmarksHtml(fileName, decodeText(bytes), win);
    case 'pocket-html':
      return preparePocketHtml(fileName, decodeText(bytes), win);
    case 'pocket-zip':
      return preparePocketZip(readZip(bytes));
    case 'omnivore-zip':
      return prepareOmnivoreZip(readZip(bytes), win);
    case 'clean-reader-zip':
      return prepareOwnZip(readZip(bytes), win, { schemaVersion: options.schemaVersion });
  }
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Yields the file's items batch by batch. The first `next()` throws a `TransferError` for a refused
 * file, before any batch. An empty file of a known format yields one empty batch, so callers always
 * learn the format.
 */
export async function* importFile(
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions,
): AsyncGenerator<ImportBatch, void, undefined> {
  const prepared = prepareImport(fileName, bytes, options);
  const maxRows = Math.max(1, options.batchSize ?? 500);
  const budget = options.batchBudgetMs ?? 12;
  const pause = options.pause ?? nextTask;
  let index = 0;
  do {
    const started = now();
    const items: ImportItem[] = [];
    const invalid: InvalidRow[] = [];
    const end = Math.min(prepared.total, index + maxRows);
    while (index < end) {
      const row = index++;
      try {
        const outcome = prepared.convert(row);
        if ('item' in outcome) items.push(outcome.item);
        else invalid.push(outcome.invalid);
      } catch (error) {
        // One unreadable row never sinks the rest; a refusal of the whole file only comes from prepare.
        if (isTransferError(error)) throw error;
        invalid.push({
          file: fileName,
          row: row + 1,
          code: 'bad-record',
          reason: `Item ${row + 1} could not be read (${String(error)}).`,
        });
      }
      if (now() - started > budget) break;
    }
    yield { format: prepared.format, items, invalid, done: index, total: prepared.total };
    if (index < prepared.total) await pause();
  } while (index < prepared.total);
}

export interface ImportResult {
  format: ImportFormat;
  items: ImportItem[];
  invalid: InvalidRow[];
  total: number;
}

/** The whole file at once, for callers that do not show progress (tests, the command line). */
export async function importAll(fileName: string, bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const items: ImportItem[] = [];
  const invalid: InvalidRow[] = [];
  let last: ImportBatch | null = null;
  for await (const batch of importFile(fileName, bytes, options)) {
    items.push(...batch.items);
    invalid.push(...batch.invalid);
    last = batch;
  }
  // importFile always yields at least one batch for a file it accepts.
  return { format: last!.format, total: last!.total, items, invalid };
}
