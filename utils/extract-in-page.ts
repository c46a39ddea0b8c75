/**
 * The injected scripts' work, apart from their wiring so it can be tested on a jsdom page: run the
 * extraction on the live document (or on the user's selection) and return a result that can be sent
 * back to the extension. `/extract.js` runs the page half only (`extractHalfInPage`); the background's
 * `/extract-sanitized.js` the whole pipeline (`extractInPage`). Never throws: a failure comes back as
 * `{ kind: 'error' }`.
 */
import type { ExtractOptions } from '@/lib/extract';
import { extractArticleWith, extractPageHalf, pageBodyHalf, type ToFragment } from '@/lib/extract/pipeline';
import { sanitizeToFragment } from '@/lib/extract/sanitize';
import type { ExtractMode, ExtractRequest, InjectedResult, PageAnswer } from './extract-protocol';
import { hiddenBlockTest } from './hidden-blocks';
import { selectionDocument } from './selection-document';

/**
 * Readability's element budget. Long news pages have 2,000 to 10,000 elements; past 50,000 the page is
 * an endless feed or a generated dump, which would not finish within the popup's 5 s anyway.
 */
export const MAX_ELEMS_TO_PARSE = 50_000;

const HTML_TYPES = /^(?:text\/html|text\/plain|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml)$/i;

/** The extraction with DOMPurify in the page: for a caller that cannot sanitise the answer itself. */
export function extractInPage(doc: Document, win: Window & typeof globalThis, mode: ExtractMode): InjectedResult {
  return extractInPageWith(sanitizeToFragment, doc, win, mode);
}

/**
 * The extraction with another `toFragment` (`extractArticleWith`): `entrypoints/extract.ts` passes an
 * inert parse and leaves sanitising to the extension, which does it on arrival.
 */
export function extractInPageWith(
  toFragment: ToFragment,
  doc: Document,
  win: Window & typeof globalThis,
  mode: ExtractMode,
): InjectedResult {
  return inPage(doc, win, mode, (d, url, options) => extractArticleWith(toFragment, d, url, options));
}

/**
 * `/extract.js`'s work: the page half of the extraction (`extractPageHalf`), which the extension
 * finishes (utils/finish-page-half.ts); with `part: 'body'`, the page's body for the best effort.
 */
export function extractHalfInPage(doc: Document, win: Window & typeof globalThis, request: ExtractRequest): PageAnswer {
  return inPage<PageAnswer>(doc, win, request.mode, (d, url, options) =>
    request.part === 'body'
      ? (pageBodyHalf(d, url, options) ?? { kind: 'error', message: 'The page has no body.' })
      : extractPageHalf(d, url, options),
  );
}

/** The page (or the selection) handed to `run` with the options every extraction in a page uses. */
function inPage<T>(
  doc: Document,
  win: Window & typeof globalThis,
  mode: ExtractMode,
  run: (doc: Document, url: string, options: ExtractOptions) => T,
): T | InjectedResult {
  try {
    const contentType = doc.contentType || 'text/html';
    if (!HTML_TYPES.test(contentType)) return { kind: 'unsupported-document', contentType };

    const url = doc.location?.href ?? doc.URL;
    if (mode === 'selection') {
      const selected = selectionDocument(doc, win.getSelection());
      if (!selected) return { kind: 'no-selection' };
      // The selection is the user's choice of article: hidden-block pruning reads the live page's
      // styles, which the detached copy does not have, so it is not applied here.
      return run(selected, url, {
        sanitizeWindow: win,
        keepRemovedHtml: true,
        maxElemsToParse: MAX_ELEMS_TO_PARSE,
      });
    }
    return run(doc, url, {
      sanitizeWindow: win,
      isHidden: hiddenBlockTest(win),
      keepRemovedHtml: true,
      maxElemsToParse: MAX_ELEMS_TO_PARSE,
    });
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
