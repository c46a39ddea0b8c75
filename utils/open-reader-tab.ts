import { readerPageUrl } from './reader-params';

/**
 * "Open in a tab": the reader for `tabId` in a new tab right beside the article's tab, so closing it
 * brings the user back to the page. Chrome keeps the popup's `activeTab` grant for the article's tab
 * until that tab navigates, so the new reader tab can still read it.
 */
export async function openReaderTab(tabId: number): Promise<void> {
  const source = await browser.tabs.get(tabId).catch(() => undefined);
  await browser.tabs.create({
    url: readerPageUrl(tabId),
    ...(source ? { index: source.index + 1, windowId: source.windowId } : {}),
  });
}
