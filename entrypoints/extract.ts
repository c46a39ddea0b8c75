import { extractArticle } from '@/lib/extract';

/**
 * Injected on demand with `browser.scripting.executeScript({ files: ['/extract.js'] })` when the user
 * opens the reader; never registered as a content script. Its return value is the injection result.
 */
export default defineUnlistedScript(() => {
  return extractArticle(document, location.href, { keepRemovedHtml: true });
});
