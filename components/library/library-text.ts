/**
 * The library's errors in the UI's language. lib/library words its errors in English, sometimes with a
 * detail (which record, why it is damaged); English keeps that sentence, other languages get the
 * catalogue's sentence for the error's code.
 */
import { LibraryError, type LibraryErrorCode } from '@/lib/library';
import { t, uiLang, type MessageKey } from '@/utils/i18n';

const KEYS: Record<LibraryErrorCode, MessageKey> = {
  quota: 'libErr_quota',
  aborted: 'libErr_aborted',
  'not-found': 'libErr_notFound',
  corrupt: 'libErr_corrupt',
  unavailable: 'libErr_unavailable',
  invalid: 'libErr_invalid',
  unknown: 'libErr_unknown',
};

/** What to tell the user about a failure from the library (or anything else thrown at a page). */
export function libraryErrorText(error: unknown): string {
  if (error instanceof LibraryError) return uiLang() === 'en' ? error.message : t(KEYS[error.code]);
  return error instanceof Error && error.message ? error.message : String(error);
}
