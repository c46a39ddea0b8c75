/**
 * What the library page says about an import, in the UI's language. lib/transfer words its refusals and
 * left-out rows as precise English sentences (they name the columns found, the link's scheme...); other
 * languages get one sentence per stable `code` from the catalogue, since a catalogue cannot carry those
 * details. English keeps lib/transfer's own sentence.
 */
import { isTransferError, type InvalidCode, type InvalidRow, type TransferErrorCode } from '@/lib/transfer';
import { t, uiLang, type MessageKey } from '@/utils/i18n';

const english = () => uiLang() === 'en';

/**
 * One message per code, written out (not built from the code's name), so the type-checker holds every
 * code to a message and the catalogue test sees each key used.
 */
const REFUSED: Record<TransferErrorCode, MessageKey> = {
  'empty-file': 'refused_emptyFile',
  'broken-zip': 'refused_brokenZip',
  'too-large': 'refused_tooLarge',
  'unknown-zip': 'refused_unknownZip',
  'not-json': 'refused_notJson',
  'wrong-columns': 'refused_wrongColumns',
  'unknown-format': 'refused_unknownFormat',
  'not-bookmarks': 'refused_notBookmarks',
  'newer-version': 'refused_newerVersion',
  'bad-export': 'refused_badExport',
};

const INVALID: Record<InvalidCode, MessageKey> = {
  'missing-url': 'invalid_missingUrl',
  'bad-url': 'invalid_badUrl',
  'bad-row': 'invalid_badRow',
  'bad-record': 'invalid_badRecord',
  deleted: 'invalid_deleted',
};

/** Why a whole file was refused, or why an import failed. */
export function refusalText(error: unknown): string {
  if (isTransferError(error)) return english() ? error.userMessage : t(REFUSED[error.code]);
  // Library write failures (LibraryError) carry a message for the user; anything else is a bug.
  return error instanceof Error && error.message ? error.message : t('importFailed');
}

/** One left-out row: its file, where it is, and why. */
export function invalidRowText(row: InvalidRow): string {
  if (english()) return `${row.file}: ${row.reason}`;
  return `${row.file}, ${t('importRow', row.row)}: ${t(INVALID[row.code])}`;
}

/** A count as the UI's language writes numbers. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(uiLang()).format(n);
}
