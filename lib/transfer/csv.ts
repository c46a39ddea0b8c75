/**
 * CSV through Papa Parse, with columns found by header name. Export files have changed their column
 * order over the years (Pocket's older files put `cursor` in the middle), so no parser here ever reads
 * a column by position.
 */
import Papa from 'papaparse';
import { TransferError } from './errors';

export interface CsvRow {
  /** 1-based spreadsheet row: the header is row 1. */
  row: number;
  /** Looks a column up by its lower-cased header name; '' when the column is absent. */
  get(column: string): string;
  /** Why the row cannot be read as a record, or null. */
  problem: string | null;
}

export interface CsvTable {
  /** Header names, trimmed and lower-cased. */
  columns: string[];
  rows: CsvRow[];
}

/**
 * Parses `text` and checks its header holds every column in `required` (lower-case). A file without
 * them is refused whole ('wrong-columns'), naming what it has and what it lacks.
 */
export function parseCsv(text: string, required: readonly string[], what: string): CsvTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
  const data = parsed.data;
  const headerIndex = data.findIndex((fields) => !isBlank(fields));
  const columns = headerIndex < 0 ? [] : data[headerIndex].map((name) => name.trim().toLowerCase());
  const missing = required.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    const found =
      columns.length > 0 ? `It has the columns ${columns.map((c) => `"${c}"`).join(', ')}` : 'It has no header row';
    throw new TransferError(
      'wrong-columns',
      `This is not ${what}: ${found}, but ${missing.map((c) => `"${c}"`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing. Nothing was imported.`,
    );
  }

  const index = new Map<string, number>();
  columns.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  const quoteProblems = new Map<number, string>();
  for (const error of parsed.errors) {
    if (error.type === 'Quotes' && error.row !== undefined)
      quoteProblems.set(error.row, 'has a quote that is never closed');
  }

  const rows: CsvRow[] = [];
  for (let i = headerIndex + 1; i < data.length; i++) {
    const fields = data[i];
    if (isBlank(fields)) continue;
    let problem = quoteProblems.get(i) ?? null;
    if (!problem && fields.length !== columns.length) {
      problem = `has ${fields.length} fields where the header has ${columns.length}`;
    }
    rows.push({
      row: i + 1,
      get: (column) => {
        const at = index.get(column);
        return at === undefined ? '' : (fields[at] ?? '').trim();
      },
      problem,
    });
  }
  return { columns, rows };
}

function isBlank(fields: string[]): boolean {
  return fields.length === 0 || (fields.length === 1 && fields[0].trim() === '');
}

/** The header row of a CSV text, lower-cased, without parsing the rest: for format detection. */
export function csvHeader(text: string): string[] {
  const firstLine =
    text
      .replace(/^\uFEFF/, '')
      .trimStart()
      .split(/\r?\n/, 1)[0] ?? '';
  const parsed = Papa.parse<string[]>(firstLine, { header: false });
  return (parsed.data[0] ?? []).map((name) => name.trim().toLowerCase());
}
