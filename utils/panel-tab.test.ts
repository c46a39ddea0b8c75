import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { panelTarget, watchPanelWindow } from './panel-tab';

/** Chromium's refusal when activeTab was not granted by a click (seen 2026-11, Chromium 156). */
const NO_ACTIVE_TAB =
  'Cannot access contents of the page. Extension manifest must request permission to access the respective host.';

describe('the side panel opened from the browser’s menu', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function frontTab(url: string) {
    const window = await fakeBrowser.windows.create({ focused: true });
    const tab = await fakeBrowser.tabs.create({ windowId: window.id, url, active: true });
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab]);
    return tab;
  }

  it('reads the tab in front of its window when the browser allows it', async () => {
    const tab = await frontTab('https://news.example.org/2026/harbour');
    const probe = vi.fn(async () => [{ frameId: 0, result: true }]);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(probe as never);
    expect(await panelTarget()).toEqual({ kind: 'tab', tabId: tab.id });
    expect(fakeBrowser.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(probe).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: tab.id } }));
  });

  it('asks for the toolbar click when the browser refuses (no activeTab yet)', async () => {
    const tab = await frontTab('https://news.example.org/2026/harbour');
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error(NO_ACTIVE_TAB));
    expect(await panelTarget()).toEqual({ kind: 'needs-click', tabId: tab.id });
  });

  it('leaves other failures to the reader, which explains them', async () => {
    const tab = await frontTab('https://news.example.org/2026/harbour');
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Frame with ID 0 was removed.'));
    expect(await panelTarget()).toEqual({ kind: 'tab', tabId: tab.id });
  });

  it('says when the window has no tab in front', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    expect(await panelTarget()).toEqual({ kind: 'no-tab' });
  });

  it('looks again when its window brings another tab to the front or loads a new page, not for other windows', async () => {
    const mine = await fakeBrowser.windows.create({ focused: true });
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue(mine);
    const onChange = vi.fn();
    const stop = watchPanelWindow(onChange);
    await Promise.resolve();
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 5, windowId: mine.id! });
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 6, windowId: mine.id! + 100 });
    expect(onChange).toHaveBeenCalledTimes(1);
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'complete' }, { active: true, windowId: mine.id } as never);
    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading' }, { active: true, windowId: mine.id } as never);
    expect(onChange).toHaveBeenCalledTimes(2);
    stop();
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 7, windowId: mine.id! });
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});
