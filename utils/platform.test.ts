import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fileAccessSwitch, fileSchemeAccess, openSidePanel, readerCommandName, sidePanelKind, sidePanelPath, syncItemQuotaBytes } from './platform';

type Api = Record<string, unknown>;
const api = fakeBrowser as unknown as Api;

describe('browser differences', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The fake browser stubs Firefox's sidebar; each test says which browser it models.
    delete api.sidebarAction;
  });
  afterEach(() => {
    delete api.sidePanel;
    delete api.sidebarAction;
    vi.restoreAllMocks();
  });

  it('names the command that opens the popup by manifest version', () => {
    expect(readerCommandName(3)).toBe('_execute_action');
    expect(readerCommandName(2)).toBe('_execute_browser_action');
  });

  it('opens Chromium’s side panel for the tab, calling open() without awaiting first (the user’s gesture)', async () => {
    const calls: string[] = [];
    api.sidePanel = {
      setOptions: vi.fn(async (o: object) => void calls.push(`setOptions ${JSON.stringify(o)}`)),
      open: vi.fn(async (o: object) => void calls.push(`open ${JSON.stringify(o)}`)),
    };
    expect(sidePanelKind()).toBe('side-panel');
    const done = openSidePanel(7, 3);
    // Both calls were made synchronously, inside the click.
    expect((api.sidePanel as { open: ReturnType<typeof vi.fn> }).open).toHaveBeenCalledWith({ windowId: 3 });
    expect(await done).toBe(true);
    expect(calls[0]).toBe(`setOptions ${JSON.stringify({ tabId: 7, path: sidePanelPath(7), enabled: true })}`);
  });

  it('opens Firefox’s sidebar with the reader for the tab', async () => {
    const setPanel = vi.fn(async () => undefined);
    api.sidebarAction = { open: vi.fn(async () => undefined), setPanel };
    expect(sidePanelKind()).toBe('sidebar');
    expect(await openSidePanel(9)).toBe(true);
    expect(setPanel).toHaveBeenCalledWith({ tabId: 9, panel: expect.stringMatching(/\/sidepanel\.html\?tabId=9$/) });
  });

  it('says so when the browser has no side panel, or refuses to open it', async () => {
    expect(sidePanelKind()).toBeNull();
    expect(await openSidePanel(1)).toBe(false);
    api.sidePanel = { setOptions: async () => undefined, open: async () => Promise.reject(new Error('no gesture')) };
    expect(await openSidePanel(1)).toBe(false);
  });

  it('reads storage.sync’s per-item limit from the API', () => {
    expect(syncItemQuotaBytes()).toBe(8192);
  });

  it('asks Chromium whether file:// pages may be read, and cannot tell when the question fails', async () => {
    const extension = fakeBrowser.extension as unknown as Api;
    extension.isAllowedFileSchemeAccess = vi.fn(async () => false);
    expect(await fileSchemeAccess()).toBe(false);
    extension.isAllowedFileSchemeAccess = vi.fn(async () => true);
    expect(await fileSchemeAccess()).toBe(true);
    extension.isAllowedFileSchemeAccess = vi.fn(async () => Promise.reject(new Error('not supported')));
    expect(await fileSchemeAccess()).toBeUndefined();
  });

  it('names Chromium’s file-access switch only where it exists', () => {
    expect(fileAccessSwitch()).toBe('extension-details');
    vi.stubEnv('FIREFOX', 'true');
    try {
      expect(fileAccessSwitch()).toBe('none');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('does not trust Firefox’s answer about file:// pages, which is always false', async () => {
    // A string: stubEnv's type; what matters is that the build-time flag is set.
    vi.stubEnv('FIREFOX', 'true');
    const extension = fakeBrowser.extension as unknown as Api;
    const ask = vi.fn(async () => false);
    extension.isAllowedFileSchemeAccess = ask;
    try {
      expect(await fileSchemeAccess()).toBeUndefined();
      expect(ask).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
