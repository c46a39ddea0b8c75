import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openReaderTab } from './open-reader-tab';

describe('openReaderTab', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('opens popup.html?tabId=N right after the article’s tab, in its window', async () => {
    const article = await fakeBrowser.tabs.create({ url: 'https://news.example/story' });
    // The fake browser does not track tab positions; the article's tab is the fifth of window 2.
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ ...article, index: 4, windowId: 2 });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');

    await openReaderTab(article.id!);

    expect(create).toHaveBeenCalledWith({
      url: `${fakeBrowser.runtime.getURL('/popup.html')}?tabId=${article.id}`,
      index: 5,
      windowId: 2,
    });
  });

  it('still opens the reader when the article’s tab cannot be looked up', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockRejectedValue(new Error('No tab with id: 9.'));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await openReaderTab(9);
    expect(create).toHaveBeenCalledWith({ url: `${fakeBrowser.runtime.getURL('/popup.html')}?tabId=9` });
  });
});
