import { extractInPageWith } from '@/utils/extract-in-page';
import { takeExtractRequest } from '@/utils/extract-protocol';
import { inertFragment } from '@/utils/inert-fragment';
import { MARKS, mark } from '@/utils/perf-marks';

/**
 * Injected on demand with `browser.scripting.executeScript({ files: ['/extract.js'] })` when the user
 * opens the reader; never registered as a content script. Its return value is the injection result.
 *
 * The article's HTML comes back unsanitised (DOMPurify stays out of every page the user reads): the
 * caller sanitises it on arrival (utils/sanitize-injected.ts), as it must treat anything from the page
 * as untrusted anyway. A caller without a DOM to sanitise with injects `/extract-sanitized.js` instead.
 */
export default defineUnlistedScript(() => {
  mark(MARKS.extractStart);
  const { mode } = takeExtractRequest(globalThis as unknown as Record<string, unknown>);
  const result = extractInPageWith(inertFragment, document, window, mode);
  mark(MARKS.extractEnd);
  return result;
});
