/**
 * The side panel opened from the browser's own menu (Chromium's side panel button or menu, Firefox's
 * sidebar menu) has no `?tabId=N`: nobody told it which page to read. It reads the tab in front of its
 * window, when the browser lets it: `activeTab` is granted by a click on Clean Reader's toolbar button
 * (or its shortcut) on that page, never by opening the panel. When it is not, the panel says exactly
 * that, instead of the popup's generic "no access", and looks again when the user switches tabs or the
 * page changes.
 */

export type PanelTarget =
  /** The front tab, and the browser lets the extension read it (or will say why not, specifically). */
  | { kind: 'tab'; tabId: number }
  /** The front tab exists, but reading it needs the user's click on the toolbar button first. */
  | { kind: 'needs-click'; tabId: number }
  /** The window has no tab in front (it is closing, or the question failed). */
  | { kind: 'no-tab' };

/** What browsers say when an extension may not script a tab (always English, from the browser). */
const NO_PERMISSION = /cannot access|missing host permission|permission to access|not allowed to access|cannot be scripted/i;

/**
 * The tab in front of the panel's window, and whether it may be read now. A harmless probe injection
 * asks the browser, as the reader's own injection would; any other failure is left to the reader,
 * which explains it (a closed tab, a page that does not answer).
 */
export async function panelTarget(): Promise<PanelTarget> {
  let tabId: number | undefined;
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    tabId = tab?.id;
  } catch {
    return { kind: 'no-tab' };
  }
  if (typeof tabId !== 'number') return { kind: 'no-tab' };
  try {
    await browser.scripting.executeScript({ target: { tabId }, func: () => true });
    return { kind: 'tab', tabId };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return NO_PERMISSION.test(message) ? { kind: 'needs-click', tabId } : { kind: 'tab', tabId };
  }
}

/**
 * Calls `onChange` when the panel's window brings another tab to the front, or its front tab loads a
 * new page (which ends what `activeTab` granted). Returns the unsubscribe.
 */
export function watchPanelWindow(onChange: () => void): () => void {
  let windowId: number | undefined;
  // Until the window is known (or if the question fails), every window's changes count: a spare look.
  void Promise.resolve()
    .then(() => browser.windows.getCurrent())
    .then((w) => {
      windowId = w?.id;
    })
    .catch(() => undefined);
  const activated = (info: { tabId: number; windowId: number }) => {
    if (windowId === undefined || info.windowId === windowId) onChange();
  };
  const updated = (_tabId: number, change: { status?: string }, tab: { active?: boolean; windowId?: number }) => {
    if (change.status === 'complete' && tab.active && (windowId === undefined || tab.windowId === windowId)) onChange();
  };
  browser.tabs.onActivated.addListener(activated);
  browser.tabs.onUpdated.addListener(updated);
  return () => {
    browser.tabs.onActivated.removeListener(activated);
    browser.tabs.onUpdated.removeListener(updated);
  };
}
