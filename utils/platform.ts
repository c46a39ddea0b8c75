/**
 * Where Chromium and Firefox differ, in one place. Everything else calls these functions instead of
 * testing for `chrome.sidePanel` or `browser.sidebarAction` itself, so a third browser (or a change in
 * one) is a change here only.
 *
 * - Reading beside the page: Chromium's side panel (`sidePanel`, MV3) against Firefox's sidebar
 *   (`sidebarAction`). Both only open in response to a user gesture, so the calls are made at once,
 *   without awaiting anything first: an `await` before `open()` loses the gesture in Chromium.
 * - `storage.sync` limits: both browsers cap one item at 8 KB today, but read the number from the API
 *   when it is there.
 * - The keyboard command that opens the reader: `_execute_action` in MV3, `_execute_browser_action` in
 *   Firefox's MV2; and where the user changes its shortcut.
 * - Reading `file://` pages: Chromium has a per-extension switch and reports it; Firefox has no such
 *   switch and its `isAllowedFileSchemeAccess()` always answers false, so there we cannot tell and try.
 * - The manifest's differences (Firefox's add-on id, minimum versions, data collection) live in
 *   wxt.config.ts (`GECKO_SETTINGS`); docs/firefox.md explains them.
 *
 * No `browser.*` at import time: wxt.config.ts imports the command name from here in Node.
 */

/** The built-in command that opens the toolbar popup (the reader), by manifest version. */
export function readerCommandName(manifestVersion: 2 | 3): '_execute_action' | '_execute_browser_action' {
  return manifestVersion === 3 ? '_execute_action' : '_execute_browser_action';
}

/**
 * The shortcut suggested for opening the reader; the user can change it in the browser's settings.
 * Not Alt+Shift+R: Chromium 156 silently leaves a command with that key unassigned (seen 2026-11,
 * `commands.getAll()` gives an empty shortcut), so it would never work out of the box.
 */
export const READER_SHORTCUT = 'Alt+Shift+E';

/** What this browser offers for reading beside the page. */
export type SidePanelKind = 'side-panel' | 'sidebar' | null;

interface ChromeSidePanel {
  setOptions(options: { tabId?: number; path?: string; enabled?: boolean }): Promise<void>;
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface FirefoxSidebar {
  setPanel(details: { panel: string; tabId?: number }): Promise<void>;
  open(): Promise<void>;
}
interface SyncArea {
  QUOTA_BYTES_PER_ITEM?: number;
}

function api(): Record<string, unknown> {
  return browser as unknown as Record<string, unknown>;
}

export function sidePanelKind(): SidePanelKind {
  const b = api();
  if (b.sidePanel && typeof (b.sidePanel as ChromeSidePanel).open === 'function') return 'side-panel';
  if (b.sidebarAction && typeof (b.sidebarAction as FirefoxSidebar).open === 'function') return 'sidebar';
  return null;
}

/** `sidepanel.html?tabId=N`: the reader for tab N, as the side panel or sidebar shows it. */
export function sidePanelPath(tabId: number): string {
  return `/sidepanel.html?tabId=${tabId}`;
}

/**
 * Opens the reader for `tabId` beside the page. Call it straight from a click handler. Resolves to
 * false when this browser has no side panel or refused to open it.
 */
export function openSidePanel(tabId: number, windowId?: number): Promise<boolean> {
  const b = api();
  const path = sidePanelPath(tabId);
  const kind = sidePanelKind();
  if (kind === 'side-panel') {
    const panel = b.sidePanel as ChromeSidePanel;
    // Both calls start in the same task, so `open` still counts as the user's gesture.
    const configured = panel.setOptions({ tabId, path, enabled: true });
    const opened = panel.open(windowId !== undefined ? { windowId } : { tabId });
    return Promise.all([configured, opened]).then(
      () => true,
      () => false,
    );
  }
  if (kind === 'sidebar') {
    const sidebar = b.sidebarAction as FirefoxSidebar;
    const opened = sidebar.open();
    const configured = sidebar.setPanel({ tabId, panel: browser.runtime.getURL(path as '/sidepanel.html') });
    return Promise.all([configured, opened]).then(
      () => true,
      () => false,
    );
  }
  return Promise.resolve(false);
}

/** The largest value one `storage.sync` item may hold, in bytes (key plus JSON value). */
export function syncItemQuotaBytes(): number {
  const sync = (browser.storage as unknown as { sync?: SyncArea }).sync;
  return sync?.QUOTA_BYTES_PER_ITEM ?? 8192;
}

/** The shortcut the user has set for opening the reader ('' when none), for the help overlay. */
export async function readerShortcut(): Promise<string> {
  try {
    const commands = await browser.commands.getAll();
    const command = commands.find((c) => c.name === '_execute_action' || c.name === '_execute_browser_action');
    return command?.shortcut ?? '';
  } catch {
    return '';
  }
}

/** Where the user changes the shortcut: Chromium's page cannot be linked, only opened as a tab. */
export function openShortcutSettings(): Promise<unknown> {
  const commands = browser.commands as unknown as { openShortcutSettings?: () => Promise<void> };
  if (typeof commands.openShortcutSettings === 'function') return commands.openShortcutSettings();
  return browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

/**
 * How the user can let the extension read `file://` pages in this browser, for the message shown when
 * it may not: Chromium has a per-extension switch ("Allow access to file URLs" under the extension's
 * Details); Firefox has none, so naming that switch there would send the user looking for nothing.
 */
export type FileAccessSwitch = 'extension-details' | 'none';

export function fileAccessSwitch(): FileAccessSwitch {
  return import.meta.env.FIREFOX ? 'none' : 'extension-details';
}

/**
 * Whether the user let the extension read `file://` pages: Chromium's answer, or undefined where the
 * browser cannot say (Firefox; or the call failed), in which case the reader tries and reads the refusal.
 */
export async function fileSchemeAccess(): Promise<boolean | undefined> {
  if (import.meta.env.FIREFOX) return undefined;
  try {
    return await browser.extension.isAllowedFileSchemeAccess();
  } catch {
    return undefined;
  }
}
