import 'fake-indexeddb/auto';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPopupChunks } from '@/tests/unit/popup-chunks';
import { click, waitFor } from '@/components/library/test-helpers';
import { PanelApp } from '@/entrypoints/sidepanel/PanelApp';

const NO_ACTIVE_TAB =
  'Cannot access contents of the page. Extension manifest must request permission to access the respective host.';

describe('the side panel page without ?tabId (opened from the browser’s menu)', () => {
  let root: HTMLElement;
  beforeAll(loadPopupChunks, 60_000);
  beforeEach(() => {
    fakeBrowser.reset();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.restoreAllMocks();
  });

  it('says to click the toolbar button, naming the panel button, and reads the page once allowed', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example.org/2026/harbour', active: true });
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab]);
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error(NO_ACTIVE_TAB));
    act(() => render(h(PanelApp, { tabId: undefined }), root));
    const panel = await waitFor(() => {
      const el = root.querySelector('[data-testid="panel-needs-click"]');
      if (!el) throw new Error('not shown yet');
      return el;
    });
    expect(panel.textContent).toMatch(/Click the Clean Reader button in the toolbar/);
    expect(panel.textContent).toContain('“Read beside the page”');
    expect(panel.querySelector('[data-kind]')?.getAttribute('data-kind')).toBe('needs-click');

    // The user clicked the toolbar button on the page: the browser now lets the probe through.
    inject.mockReset();
    inject.mockResolvedValue([{ frameId: 0, result: { kind: 'error', message: 'stand-in answer' } }] as never);
    click(root.querySelector('[data-testid="panel-retry"]'));
    await waitFor(() => expect(root.querySelector('[data-testid="panel-needs-click"]')).toBeNull());
    // The reader itself now reads that tab.
    await waitFor(() =>
      expect(inject).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: tab.id }, files: expect.any(Array) })),
    );
  });

  it('reads the tab it was given, without probing the front tab', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query');
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    act(() => render(h(PanelApp, { tabId: 42 }), root));
    await waitFor(() => expect(root.querySelector('[data-testid="reader-app"]')?.getAttribute('data-state')).not.toBe('loading'));
    expect(query).not.toHaveBeenCalled();
    expect(root.querySelector('[data-testid="panel-needs-click"]')).toBeNull();
  });
});
