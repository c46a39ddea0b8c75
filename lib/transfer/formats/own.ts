/**
 * Our own export (see `export.ts`), read back. Records come back as they were written, with
 * `contentHtml` restored from `content/<id>.html` and passed through the sanitiser again: an export
 * file is as untrusted as any download, and sanitising our own output leaves it as it was.
 */
import { sanitize } from '../../extract/sanitize';
import { decodeText } from '../bytes';
import { TransferError } from '../errors';
import { CONTENT_MARKER, EXPORT_FORMAT } from '../export';
import { checkArticleRow, checkBodyRow } from '../../library/validate';
import { mergeFieldsOf } from '../library-record';
import { invalid, type PreparedImport, type RowOutcome } from '../source';
import type { ImportItem, ImportWindow } from '../types';
import { checkUrl } from '../values';
import type { ZipEntries } from '../zip';

export const OWN_MANIFEST = 'library.json';

export interface OwnImportOptions {
  /** The library's current schema version: a newer export is refused rather than misread. */
  schemaVersion?: number;
}

export function prepareOwnZip(
  entries: ZipEntries,
  win: ImportWindow,
  options: OwnImportOptions = {},
): PreparedImport & { schemaVersion: number } {
  const bytes = entries.get(OWN_MANIFEST);
  if (!bytes)
    throw new TransferError(
      'bad-export',
      'This ZIP has no library.json, so it is not a Clean Reader export. Nothing was imported.',
    );
  let manifest: unknown;
  try {
    manifest = JSON.parse(decodeText(bytes));
  } catch (cause) {
    throw new TransferError('not-json', 'The library.json in this export is not valid JSON, so nothing was imported.', {
      cause,
    });
  }
  const m = manifest as Partial<Record<string, unknown>> | null;
  if (
    !m ||
    typeof m !== 'object' ||
    m.format !== EXPORT_FORMAT ||
    !Array.isArray(m.records) ||
    !Number.isInteger(m.schemaVersion)
  ) {
    throw new TransferError(
      'bad-export',
      'The library.json in this ZIP is not a Clean Reader library export, so nothing was imported.',
    );
  }
  const schemaVersion = m.schemaVersion as number;
  if (options.schemaVersion !== undefined && schemaVersion > options.schemaVersion) {
    throw new TransferError(
      'newer-version',
      'This export was made by a newer version of Clean Reader. Update the extension, then import it again. Nothing was imported.',
    );
  }
  const records = m.records as unknown[];
  const contentFiles = (m.contentFiles && typeof m.contentFiles === 'object' ? m.contentFiles : {}) as Record<
    string,
    unknown
  >;
  return {
    format: 'clean-reader-zip',
    schemaVersion,
    total: records.length,
    convert: (index) => ownItem(index + 1, records[index], contentFiles, entries, win),
  };
}

function ownItem(
  row: number,
  value: unknown,
  contentFiles: Record<string, unknown>,
  entries: ZipEntries,
  win: ImportWindow,
): RowOutcome {
  const file = OWN_MANIFEST;
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return invalid(file, row, 'bad-record', `Record ${row} is not a library record.`);
  const record: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  // The library's own check of a stored row: an export is read as strictly as the database is.
  const checked = checkArticleRow(record);
  if (!checked.ok) return invalid(file, row, 'bad-record', `Record ${row} is damaged (${checked.reason}).`);
  const url = checkUrl(checked.value.url);
  if ('problem' in url) return invalid(file, row, 'bad-url', `Record ${row} ${url.problem}.`);

  const path = contentFiles[String(checked.value.id)];
  if (typeof path === 'string') {
    const bytes = entries.get(path);
    if (!bytes) return invalid(file, row, 'bad-record', `Record ${row}'s article (${path}) is missing from the ZIP.`);
    record.contentHtml = sanitize(contentOf(decodeText(bytes)), win);
  } else if (typeof record.contentHtml === 'string' && record.contentHtml) {
    record.contentHtml = sanitize(record.contentHtml, win);
  }
  const body = checkBodyRow(typeof record.contentHtml === 'string' ? record : undefined, checked.value.downloaded);
  if (!body.ok) return invalid(file, row, 'bad-record', `Record ${row} is damaged (${body.reason}).`);

  // The row check read highlights and note too (none in exports from before they existed).
  const fields = mergeFieldsOf({ ...checked.value, ...body.value });
  const item: ImportItem = { ...fields, source: { format: 'clean-reader-zip', file, row }, record };
  return { item };
}

/** The record's HTML: everything after our marker, or the whole file when someone rewrote it. */
function contentOf(page: string): string {
  const at = page.indexOf(CONTENT_MARKER);
  return at < 0 ? page : page.slice(at + CONTENT_MARKER.length);
}
