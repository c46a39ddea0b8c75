/** The popup as the toolbar opens it (not in a tab): it reads the active tab and offers "Open in a tab". */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPopupChunks } from '@/tests/unit/popup-chunks';
import type { Article } from '@/lib/extract';
import type { ReadOutcome } from '@/utils/read-tab';
import { App } from '@/entrypoints/popup/App';

const article: Article = {
  kind: 'article',
  url: 'https://news.example/story',
  title: 'Harbour ferries return to the winter timetable',
  byline: 'A. Reporter',
  siteName: 'News Example',
  lang: 'en',
  dir: 'ltr',
  publishedTime: '2024-10-28',
  excerpt: null,
  leadImage: null,
  contentHtml: '<p>The ferries run less often in the evenings from Monday.</p>',
  text: 'The ferries run less often in the evenings from Monday.',
  wordCount: 10,
  readingMinutes: 1,
  removed: [],
};

describe('popup App in the toolbar popup', () => {
  let root: HTMLElement;
  beforeAll(loadPopupChunks, 60_000);
  beforeEach(() => {
    fakeBrowser.reset();
    root = document.createElement('div');
    document.body.appendChild(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.restoreAllMocks();
  });

  const state = () => root.querySelector('[data-testid="reader-app"]')?.getAttribute('data-state');

  it('reads the active tab, then opens the same reader in a tab next to it and closes', async () => {
    const tab = await fakeBrowser.tabs.create({ url: article.url });
    // The fake browser keeps no notion of the focused window's active tab: answer the popup's query.
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab]);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async (injection) =>
      'files' in injection
        ? [{ frameId: 0, documentId: 'd', result: article }]
        : [{ frameId: 0, documentId: 'd', result: undefined }],
    );
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);

    await act(async () => render(<App inTab={false} />, root));
    expect(state()).toBe('loading');
    await vi.waitFor(() => expect(state()).toBe('article'));
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(root.querySelector('[data-testid="reader-title"]')!.textContent).toBe(article.title);

    const open = root.querySelector<HTMLButtonElement>('[data-testid="open-in-tab"]')!;
    await act(async () => open.click());
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({ url: `${fakeBrowser.runtime.getURL('/popup.html')}?tabId=${tab.id}` }),
    );
  });

  it('offers no "Open in a tab" inside a tab', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'chrome://settings/' });
    await act(async () => render(<App tabId={tab.id} inTab={true} />, root));
    await vi.waitFor(() => expect(state()).toBe('restricted'));
    expect(root.querySelector('[data-testid="open-in-tab"]')).toBeNull();
    expect(root.querySelector('[data-testid="use-selection"]')).toBeNull();
  });

  it('shows the read its page started first, reads nothing more, and brings the library actions only then', async () => {
    const tab = await fakeBrowser.tabs.create({ url: article.url });
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript');
    let answer!: (outcome: ReadOutcome) => void;
    const firstRead = new Promise<ReadOutcome>((resolve) => (answer = resolve));

    await act(async () => render(<App tabId={tab.id} inTab={true} firstRead={firstRead} />, root));
    expect(state()).toBe('loading');
    // The library (Dexie) stays out of the page's start: nothing of it while the read is on its way.
    expect(root.querySelector('[data-testid="open-library"]')).toBeNull();

    await act(async () => answer({ kind: 'article', tabId: tab.id!, article }));
    await vi.waitFor(() => expect(state()).toBe('article'));
    expect(root.querySelector('[data-testid="reader-title"]')!.textContent).toBe(article.title);
    await vi.waitFor(() => expect(root.querySelector('[data-testid="open-library"]')).not.toBeNull());
    expect(inject).not.toHaveBeenCalled();
  });

  it('reads the tab again on "Try again" after a first read that failed', async () => {
    const tab = await fakeBrowser.tabs.create({ url: article.url });
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async (injection) =>
      'files' in injection
        ? [{ frameId: 0, documentId: 'd', result: article }]
        : [{ frameId: 0, documentId: 'd', result: undefined }],
    );
    const firstRead = Promise.resolve<ReadOutcome>({ kind: 'failed', tabId: tab.id!, reason: 'timeout', detail: 'slow' });

    await act(async () => render(<App tabId={tab.id} inTab={true} firstRead={firstRead} />, root));
    await vi.waitFor(() => expect(state()).toBe('failed'));
    expect(inject).not.toHaveBeenCalled();
    const retry = root.querySelector<HTMLButtonElement>('[data-testid="try-again"]')!;
    await act(async () => retry.click());
    await vi.waitFor(() => expect(state()).toBe('article'));
    expect(inject).toHaveBeenCalled();
  });
});
