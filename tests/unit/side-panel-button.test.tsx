/** "Read beside the page" in the toolbar popup: the same reader, opened in the side panel for this tab. */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPopupChunks } from '@/tests/unit/popup-chunks';
import type { Article } from '@/lib/extract';
import { App } from '@/entrypoints/popup/App';

const article: Article = {
  kind: 'article',
  url: 'https://news.example/ferries',
  title: 'Harbour ferries return to the winter timetable',
  byline: null,
  siteName: null,
  lang: 'en',
  dir: 'ltr',
  publishedTime: null,
  excerpt: null,
  leadImage: null,
  contentHtml: '<p>The ferries run less often in the evenings from Monday.</p>',
  text: 'The ferries run less often in the evenings from Monday.',
  wordCount: 10,
  readingMinutes: 1,
  removed: [],
};

type Api = Record<string, unknown>;

describe('the side panel button in the toolbar popup', () => {
  let root: HTMLElement;
  beforeAll(loadPopupChunks, 60_000);
  beforeEach(() => {
    fakeBrowser.reset();
    // Chromium: no Firefox sidebar (the fake browser stubs one); each test adds a side panel or not.
    delete (fakeBrowser as unknown as Api).sidebarAction;
    root = document.createElement('div');
    document.body.appendChild(root);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async (injection) =>
      'files' in injection
        ? [{ frameId: 0, documentId: 'd', result: article }]
        : [{ frameId: 0, documentId: 'd', result: undefined }],
    );
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    delete (fakeBrowser as unknown as Api).sidePanel;
    vi.restoreAllMocks();
  });

  const state = () => root.querySelector('[data-testid="reader-app"]')?.getAttribute('data-state');

  it('opens the reader for the tab beside the page, then closes the popup', async () => {
    const tab = await fakeBrowser.tabs.create({ url: article.url });
    const setOptions = vi.fn(async () => undefined);
    const open = vi.fn(async () => undefined);
    (fakeBrowser as unknown as Api).sidePanel = { setOptions, open };
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);

    await act(async () => render(<App tabId={tab.id} inTab={false} />, root));
    await vi.waitFor(() => expect(state()).toBe('article'));
    const button = root.querySelector<HTMLButtonElement>('[data-testid="open-side-panel"]')!;
    expect(button.getAttribute('aria-label')).toBe('Read beside the page');
    await act(async () => button.click());
    expect(setOptions).toHaveBeenCalledWith({ tabId: tab.id, path: `/sidepanel.html?tabId=${tab.id}`, enabled: true });
    expect(open).toHaveBeenCalledWith({ tabId: tab.id });
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
  });

  it('is not offered where the browser has no side panel, nor inside a tab', async () => {
    const tab = await fakeBrowser.tabs.create({ url: article.url });
    await act(async () => render(<App tabId={tab.id} inTab={false} />, root));
    await vi.waitFor(() => expect(state()).toBe('article'));
    expect(root.querySelector('[data-testid="open-side-panel"]')).toBeNull();

    (fakeBrowser as unknown as Api).sidePanel = { setOptions: async () => undefined, open: async () => undefined };
    render(null, root);
    await act(async () => render(<App tabId={tab.id} inTab={true} />, root));
    await vi.waitFor(() => expect(state()).toBe('article'));
    expect(root.querySelector('[data-testid="open-side-panel"]')).toBeNull();
  });
});
