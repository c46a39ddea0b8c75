/**
 * What the popup and the injected script (`entrypoints/extract.ts`) say to each other. A file injected
 * with `scripting.executeScript({ files })` takes no arguments, so when the request is not the default
 * (a selection, or the page's body for the best effort) the popup first sets it on the extension's
 * isolated world of the page (shared by everything this extension injects there, never seen by the
 * page's own scripts), and the injected script takes it from there. A plain article read sets nothing
 * (utils/begin-read.ts): no request means the page half of the article, and the script takes, and so
 * clears, any request a failed injection left behind.
 */
import type { ExtractResult } from '@/lib/extract';
import type { BodyHalf, PageHalf } from '@/lib/extract/pipeline';

/** `article`: the pipeline picks the article. `selection`: the article is what the user selected. */
export type ExtractMode = 'article' | 'selection';

export interface ExtractRequest {
  mode: ExtractMode;
  /**
   * `/extract.js` only. Absent: the page half of the extraction (`PageHalf`). 'body': the page's body
   * for the best effort (`BodyHalf`), asked for when the extension half found the article too short.
   */
  part?: 'body';
}

export const EXTRACT_REQUEST_KEY = '__cleanReaderExtractRequest';

/** What the injected script returns: the pipeline's result, or why there is none. */
export type InjectedResult =
  | ExtractResult
  /** The tab shows a document that is not a web page (a PDF in the viewer, an image, JSON). */
  | { kind: 'unsupported-document'; contentType: string }
  /** Selection mode, and nothing is selected. */
  | { kind: 'no-selection' }
  /** The pipeline threw; the message is for the user's bug report. */
  | { kind: 'error'; message: string };

/**
 * What `/extract.js` returns: the page half of the extraction, which the extension finishes
 * (utils/finish-page-half.ts), or the page's body when asked for it; or an answer that needs no
 * finishing (a 'too-large' verdict, no selection, an error).
 */
export type PageAnswer = PageHalf | BodyHalf | InjectedResult;

/** Reads and clears the pending request; with none, the article is extracted. */
export function takeExtractRequest(scope: Record<string, unknown>): ExtractRequest {
  const request = scope[EXTRACT_REQUEST_KEY] as ExtractRequest | undefined;
  delete scope[EXTRACT_REQUEST_KEY];
  const mode: ExtractMode = request?.mode === 'selection' ? 'selection' : 'article';
  return request?.part === 'body' ? { mode, part: 'body' } : { mode };
}
