import { extractHalfInPage } from '@/utils/extract-in-page';
import { takeExtractRequest } from '@/utils/extract-protocol';
import { MARKS, mark } from '@/utils/perf-marks';

/**
 * Injected on demand with `browser.scripting.executeScript({ files: ['/extract.js'] })` when the user
 * opens the reader; never registered as a content script. Its return value is the injection result.
 *
 * Only the page half of the extraction runs here (what needs the live page: hidden blocks, the before
 * steps, Readability); the extension parses the answer inert and finishes it, then sanitises
 * (utils/finish-page-half.ts, utils/sanitize-injected.ts), as it must treat anything from the page as
 * untrusted anyway. That keeps the after steps and DOMPurify out of every page the user reads. A caller
 * without a DOM (the background's save) injects `/extract-sanitized.js`, which does everything here.
 */
export default defineUnlistedScript(() => {
  mark(MARKS.extractStart);
  const request = takeExtractRequest(globalThis as unknown as Record<string, unknown>);
  const result = extractHalfInPage(document, window, request);
  mark(MARKS.extractEnd);
  return result;
});
