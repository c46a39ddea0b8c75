import { extractInPage } from '@/utils/extract-in-page';
import { takeExtractRequest } from '@/utils/extract-protocol';

/**
 * Injected on demand with `browser.scripting.executeScript({ files: ['/extract.js'] })` when the user
 * opens the reader; never registered as a content script. Its return value is the injection result.
 */
export default defineUnlistedScript(() => {
  const { mode } = takeExtractRequest(globalThis as unknown as Record<string, unknown>);
  return extractInPage(document, window, mode);
});
