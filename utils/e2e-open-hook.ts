/**
 * Browser tests only (`--mode e2e` builds; the background installs it behind a build-time check, so
 * production bundles do not contain it). Firefox's WebDriver BiDi refuses to navigate a tab to a
 * `moz-extension://` URL, so a test cannot open the reader, the library or a saved article itself. It
 * navigates a tab to `http://127.0.0.1:PORT/__clean-reader-e2e/open?page=/popup.html&tabFor=URL`
 * instead; this hook sees that address, opens the extension page in a new tab (extensions may open
 * their own pages) and closes the hook's tab.
 *
 * - `page`: an extension page path, `/name.html` with an optional query.
 * - `tabFor`: optional; the URL of an open tab whose id is appended as `tabId=N` (tests cannot learn
 *   browser tab ids from BiDi).
 */

export const E2E_OPEN_PATH = '/__clean-reader-e2e/open';

/**
 * The hosts the e2e build may read (wxt.config.ts adds them as `host_permissions`): the fixture server's.
 * Automation cannot click the toolbar button that grants `activeTab`, nor answer a permission prompt.
 */
export const E2E_HOST_PERMISSIONS = ['http://127.0.0.1/*', 'http://localhost/*'];

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);
const PAGE_PATH = /^\/[a-z][a-z0-9-]*\.html(?:\?[^#]*)?$/i;

export interface OpenRequest {
  page: string;
  tabFor: string | null;
}

/** The request a hook URL carries, or null for any other address (or a page path it will not open). */
export function parseOpenRequest(address: string): OpenRequest | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' || !LOCAL_HOSTS.has(url.hostname) || url.pathname !== E2E_OPEN_PATH) return null;
  const page = url.searchParams.get('page') ?? '';
  if (!PAGE_PATH.test(page)) return null;
  return { page, tabFor: url.searchParams.get('tabFor') };
}

/** The extension path to open: `page`, with `tabId=N` added when a tab was asked for. */
export function pageWithTab(page: string, tabId: number | undefined): string {
  if (tabId === undefined) return page;
  return `${page}${page.includes('?') ? '&' : '?'}tabId=${tabId}`;
}

export function installE2eOpenHook(): void {
  browser.tabs.onUpdated.addListener((hookTabId, changeInfo) => {
    const request = changeInfo.url ? parseOpenRequest(changeInfo.url) : null;
    if (!request) return;
    void openFor(hookTabId, request).catch((error: unknown) => {
      // Tests wait for the page to appear; this line in the browser's log says why it did not.
      console.warn('e2e open hook failed:', error);
    });
  });
}

async function openFor(hookTabId: number, request: OpenRequest): Promise<void> {
  let tabId: number | undefined;
  if (request.tabFor !== null) {
    // Compared by hand: match patterns cannot name a port in every browser.
    const tabs = await browser.tabs.query({});
    tabId = tabs.find((t) => t.url === request.tabFor)?.id;
    if (tabId === undefined) throw new Error(`No tab shows ${request.tabFor}`);
  }
  const path = pageWithTab(request.page, tabId) as '/popup.html';
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
  await browser.tabs.remove(hookTabId);
}
