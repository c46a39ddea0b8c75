/**
 * Pocket's export (2025): a ZIP of `part_NNNNNN.csv` files with the columns
 * `title,url,time_added,tags,status` (older files add `cursor`), and `annotations/part_NNNNNN.json`
 * holding `[{url, title, highlights: [{quote, created_at}]}]`. A lone CSV is read the same way.
 *
 * - `time_added` is Unix seconds: the saved date.
 * - `tags` are separated by `|`; `status` is `unread` or `archive`.
 * - A title equal to the URL means Pocket had none.
 * - Highlights travel with their article, matched by URL; highlights whose article is missing from the
 *   list still arrive, as an item of their own, rather than being lost.
 */
import { parseCsv, type CsvRow } from '../csv';
import { decodeText } from '../bytes';
import { TransferError } from '../errors';
import { normalizeUrl } from '../../library/url';
import { blankItem, invalid, type PreparedImport, type RowOutcome } from '../source';
import type { ImportFormat, ImportHighlight } from '../types';
import { checkUrl, cleanTags, cleanTitle, fromUnixSeconds, parseDate, textOrNull } from '../values';
import { entriesNamed, type ZipEntries } from '../zip';

export const POCKET_REQUIRED_COLUMNS = ['url', 'time_added'] as const;
const WHAT = 'a Pocket export (title, url, time_added, tags, status)';

export const POCKET_PART = /^part_\d+\.csv$/i;
export const POCKET_ANNOTATIONS = /^part_\d+\.json$/i;

interface Annotated {
  url: string;
  title: string;
  highlights: ImportHighlight[];
  file: string;
  row: number;
}

type PocketUnit = { kind: 'csv'; file: string; row: CsvRow } | { kind: 'annotation'; entry: Annotated };

export function preparePocketCsv(fileName: string, bytes: Uint8Array): PreparedImport {
  const table = parseCsv(decodeText(bytes), POCKET_REQUIRED_COLUMNS, WHAT);
  return pocketImport(
    'pocket-csv',
    table.rows.map((row) => ({ kind: 'csv', file: fileName, row })),
    new Map(),
  );
}

export function preparePocketZip(entries: ZipEntries): PreparedImport {
  const parts = entriesNamed(entries, POCKET_PART);
  const units: PocketUnit[] = [];
  for (const part of parts) {
    const table = parseCsv(decodeText(entries.get(part)!), POCKET_REQUIRED_COLUMNS, `${WHAT} (${part})`);
    for (const row of table.rows) units.push({ kind: 'csv', file: part, row });
  }
  const annotations = new Map<string, Annotated>();
  for (const name of entriesNamed(entries, POCKET_ANNOTATIONS).filter((n) => /(^|\/)annotations\//i.test(n))) {
    readAnnotations(name, entries.get(name)!, annotations);
  }
  // Highlights whose article is not among the CSV rows become items of their own, after the rows.
  const listed = new Set<string>();
  for (const unit of units) if (unit.kind === 'csv') listed.add(normalizeUrl(unit.row.get('url')));
  for (const entry of annotations.values()) {
    if (!listed.has(normalizeUrl(entry.url))) units.push({ kind: 'annotation', entry });
  }
  return pocketImport('pocket-zip', units, annotations);
}

function pocketImport(format: ImportFormat, units: PocketUnit[], annotations: Map<string, Annotated>): PreparedImport {
  return {
    format,
    total: units.length,
    convert(index): RowOutcome {
      const unit = units[index];
      if (unit.kind === 'annotation') return annotationItem(format, unit.entry);
      return csvItem(format, unit.file, unit.row, annotations);
    },
  };
}

function csvItem(format: ImportFormat, file: string, row: CsvRow, annotations: Map<string, Annotated>): RowOutcome {
  if (row.problem) return invalid(file, row.row, 'bad-row', `Row ${row.row} ${row.problem}.`);
  const checked = checkUrl(row.get('url'));
  if ('problem' in checked)
    return invalid(file, row.row, row.get('url') ? 'bad-url' : 'missing-url', `Row ${row.row} ${checked.problem}.`);
  const item = blankItem(checked.url, { format, file, row: row.row });
  item.title = cleanTitle(row.get('title'), checked.url);
  item.savedAt = fromUnixSeconds(row.get('time_added'));
  item.tags = cleanTags(row.get('tags').split('|'));
  item.state = row.get('status').toLowerCase() === 'archive' ? 'archived' : 'unread';
  item.highlights = [...(annotations.get(normalizeUrl(checked.url))?.highlights ?? [])];
  return { item };
}

function annotationItem(format: ImportFormat, entry: Annotated): RowOutcome {
  const checked = checkUrl(entry.url);
  if ('problem' in checked)
    return invalid(
      entry.file,
      entry.row,
      entry.url ? 'bad-url' : 'missing-url',
      `Highlights entry ${entry.row} ${checked.problem}.`,
    );
  const item = blankItem(checked.url, { format, file: entry.file, row: entry.row });
  item.title = cleanTitle(entry.title, checked.url);
  item.highlights = entry.highlights;
  return { item };
}

function readAnnotations(name: string, bytes: Uint8Array, into: Map<string, Annotated>): void {
  let data: unknown;
  try {
    data = JSON.parse(decodeText(bytes));
  } catch (cause) {
    throw new TransferError(
      'not-json',
      `The highlights file ${name} in this Pocket export is not valid JSON, so nothing was imported.`,
      { cause },
    );
  }
  if (!Array.isArray(data)) {
    throw new TransferError(
      'bad-export',
      `The highlights file ${name} in this Pocket export is not a list of articles, so nothing was imported.`,
    );
  }
  data.forEach((entry: unknown, i) => {
    if (!entry || typeof entry !== 'object') return;
    const record = entry as Record<string, unknown>;
    const url = typeof record.url === 'string' ? record.url.trim() : '';
    const highlights = Array.isArray(record.highlights) ? record.highlights.flatMap(toHighlight) : [];
    const key = normalizeUrl(url);
    const existing = into.get(key);
    if (existing) {
      existing.highlights.push(...highlights);
    } else {
      into.set(key, {
        url,
        title: typeof record.title === 'string' ? record.title : '',
        highlights,
        file: name,
        row: i + 1,
      });
    }
  });
}

function toHighlight(value: unknown): ImportHighlight[] {
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const quote = textOrNull(record.quote);
  if (!quote) return [];
  return [{ quote, createdAt: parseDate(record.created_at), note: null }];
}
