/**
 * The contract between `import.ts` and each format. A format's `prepare` reads and checks the whole file
 * first (so a file that is not what it claims is refused before anything is yielded), and hands back
 * rows that are converted later, batch by batch, where the slow work (sanitising HTML) happens.
 */
import type { ImportFormat, ImportItem, ImportSource, InvalidCode, InvalidRow } from './types';

export type RowOutcome = { item: ImportItem } | { invalid: InvalidRow };

export interface PreparedImport {
  format: ImportFormat;
  /** How many rows `convert` accepts: 0 to total - 1. */
  total: number;
  convert(index: number): RowOutcome;
}

/** An item with every optional field empty, for parsers to fill in. */
export function blankItem(url: string, source: ImportSource): ImportItem {
  return {
    url,
    title: '',
    excerpt: null,
    byline: null,
    tags: [],
    state: 'unread',
    favourite: false,
    savedAt: null,
    publishedAt: null,
    readingProgress: 0,
    contentHtml: null,
    highlights: [],
    note: null,
    source,
  };
}

export function invalid(file: string, row: number, code: InvalidCode, reason: string): RowOutcome {
  return { invalid: { file, row, code, reason } };
}
