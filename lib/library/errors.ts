/**
 * Errors the library reports to the user. Every write runs in one transaction, so each of these means
 * "nothing was changed"; the message says what happened and what to do, in plain words.
 */

export type LibraryErrorCode = 'quota' | 'aborted' | 'not-found' | 'corrupt' | 'unavailable' | 'invalid' | 'unknown';

const MESSAGES: Record<LibraryErrorCode, string> = {
  quota:
    'There is not enough storage space to save this. Empty the trash or delete some articles, then try again. Nothing was changed.',
  aborted: 'The library could not finish writing, so it kept everything as it was. Try again.',
  'not-found': 'This article is not in the library (it may have been deleted).',
  corrupt: 'This saved article is damaged and cannot be opened.',
  unavailable:
    'The library cannot be opened in this browser window (storage may be disabled, or the browser is in a private mode that blocks it).',
  invalid: 'This cannot be saved: it has no address.',
  unknown: 'Something went wrong in the library. Nothing was changed.',
};

export class LibraryError extends Error {
  readonly code: LibraryErrorCode;

  /** `cause` is the storage error behind this one, kept for the console. */
  constructor(code: LibraryErrorCode, cause?: unknown, message: string = MESSAGES[code]) {
    super(message, { cause });
    this.name = 'LibraryError';
    this.code = code;
  }
}

/** Names of IndexedDB/Dexie errors, following Dexie's `inner` chain to the DOMException that started it. */
function errorNames(err: unknown): string[] {
  const names: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const e = current as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
    if (typeof e.name === 'string') names.push(e.name);
    if (Array.isArray(e.failures) && e.failures.length) names.push(...errorNames(e.failures[0]));
    current = e.inner ?? e.cause;
  }
  return names;
}

/**
 * Turns whatever a storage call threw into a LibraryError with a message a user can act on. `opening`
 * is true for errors from opening the database, where anything but a full disk means storage is not
 * usable here (Firefox's private windows refuse with InvalidStateError, for instance).
 */
export function toLibraryError(err: unknown, opening = false): LibraryError {
  if (err instanceof LibraryError) return err;
  const names = errorNames(err);
  if (names.includes('QuotaExceededError')) return new LibraryError('quota', err);
  if (opening || names.some((n) => n === 'MissingAPIError' || n === 'SecurityError'))
    return new LibraryError('unavailable', err);
  // DatabaseClosedError: the connection went away under the call (the page is closing, or the browser
  // closed it while clearing site data); nothing was written, and trying again is the answer.
  if (
    names.some(
      (n) =>
        n === 'AbortError' ||
        n === 'TransactionInactiveError' ||
        n === 'InvalidStateError' ||
        n === 'ConstraintError' ||
        n === 'DatabaseClosedError',
    )
  ) {
    return new LibraryError('aborted', err);
  }
  return new LibraryError('unknown', err);
}
