/**
 * The injected script's work, apart from its wiring so it can be tested on a jsdom page: run the
 * extraction pipeline on the live document (or on the user's selection) and return a result that can be
 * sent back to the popup. Never throws: a failure comes back as `{ kind: 'error' }`.
 */
import { extractArticleWith, type ToFragment } from '@/lib/extract/pipeline';
import { sanitizeToFragment } from '@/lib/extract/sanitize';
import type { ExtractMode, InjectedResult } from './extract-protocol';
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
  const extractArticle = (d: Document, url: string, options: Parameters<typeof extractArticleWith>[3]) =>
    extractArticleWith(toFragment, d, url, options);
  try {
    const contentType = doc.contentType || 'text/html';
    if (!HTML_TYPES.test(contentType)) return { kind: 'unsupported-document', contentType };

    const url = doc.location?.href ?? doc.URL;
    if (mode === 'selection') {
      const selected = selectionDocument(doc, win.getSelection());
      if (!selected) return { kind: 'no-selection' };
      // The selection is the user's choice of article: hidden-block pruning reads the live page's
      // styles, which the detached copy does not have, so it is not applied here.
      return extractArticle(selected, url, {
        sanitizeWindow: win,
        keepRemovedHtml: true,
        maxElemsToParse: MAX_ELEMS_TO_PARSE,
      });
    }
    return extractArticle(doc, url, {
      sanitizeWindow: win,
      isHidden: hiddenBlockTest(win),
      keepRemovedHtml: true,
      maxElemsToParse: MAX_ELEMS_TO_PARSE,
    });
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
