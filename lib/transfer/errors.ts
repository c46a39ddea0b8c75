/**
 * A file refused whole. Import never half-applies a file that is not what it claims to be: the parsers
 * throw this before the first batch is yielded, so nothing reaches the library.
 */

export type TransferErrorCode =
  | 'empty-file'
  | 'broken-zip'
  | 'too-large'
  | 'unknown-zip'
  | 'not-json'
  | 'wrong-columns'
  | 'unknown-format'
  | 'not-bookmarks'
  | 'newer-version'
  | 'bad-export';

export class TransferError extends Error {
  readonly code: TransferErrorCode;
  /** One or two plain sentences the library page can show as they are. */
  readonly userMessage: string;

  constructor(code: TransferErrorCode, userMessage: string, options?: { cause?: unknown }) {
    super(userMessage, options);
    this.name = 'TransferError';
    this.code = code;
    this.userMessage = userMessage;
  }
}

export function isTransferError(value: unknown): value is TransferError {
  return value instanceof TransferError;
}
