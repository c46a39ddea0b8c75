/**
 * `popup.html?tabId=N` reads tab N; without it the popup reads the active tab. The same page serves
 * the toolbar popup, "open in a tab", and the browser tests.
 */
export interface ReaderParams {
  tabId?: number;
}

export function parseReaderParams(search: string): ReaderParams {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return {};
  const tabId = Number(raw);
  return Number.isSafeInteger(tabId) ? { tabId } : {};
}

/** The reader page for a tab, as an extension URL. */
export function readerPageUrl(tabId: number): string {
  return `${browser.runtime.getURL('/popup.html')}?tabId=${tabId}`;
}
