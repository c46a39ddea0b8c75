/**
 * What the library page says about an import, in the UI's language. lib/transfer words its refusals and
 * left-out rows as precise English sentences (they name the columns found, the link's scheme...); other
 * languages get one sentence per stable `code` from the catalogue, since a catalogue cannot carry those
 * details. English keeps lib/transfer's own sentence.
 */
import { isTransferError, type InvalidRow } from '@/lib/transfer';
import { t, uiLang, type MessageKey } from '@/utils/i18n';

const english = () => uiLang() === 'en';

/** `bad-url` -> `badUrl`: the browser's message names allow only letters, digits, `_` and `@`. */
const camel = (code: string) => code.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** Why a whole file was refused, or why an import failed. */
export function refusalText(error: unknown): string {
  if (isTransferError(error)) return english() ? error.userMessage : t(`refused_${camel(error.code)}` as MessageKey);
  // Library write failures (LibraryError) carry a message for the user; anything else is a bug.
  return error instanceof Error && error.message ? error.message : t('importFailed');
}

/** One left-out row: its file, where it is, and why. */
export function invalidRowText(row: InvalidRow): string {
  if (english()) return `${row.file}: ${row.reason}`;
  return `${row.file}, ${t('importRow', row.row)}: ${t(`invalid_${camel(row.code)}` as MessageKey)}`;
}

/** A count as the UI's language writes numbers. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(uiLang()).format(n);
}
