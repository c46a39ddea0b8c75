import { extractInPage } from '@/utils/extract-in-page';
import { takeExtractRequest } from '@/utils/extract-protocol';

/**
 * The extraction with DOMPurify in the page, for a caller that has no DOM to sanitise the answer with:
 * Chrome's background service worker ("save page for later" from the menu or the shortcut). The
 * reader injects the smaller `/extract.js` and sanitises on arrival.
 */
export default defineUnlistedScript(() => {
  const { mode } = takeExtractRequest(globalThis as unknown as Record<string, unknown>);
  return extractInPage(document, window, mode);
});
