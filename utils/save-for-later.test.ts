import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { STORIES, articleOf } from '@/lib/library/__tests__/fixtures';
import { getLibrary } from './library';
import type { ReadOutcome } from './read-tab';
import {
  MENU_SAVE_LINK,
  MENU_SAVE_PAGE,
  registerSaveMenus,
  saveLink,
  savePage,
  showSaveOutcome,
} from './save-for-later';

const readTab = vi.hoisted(() => vi.fn<(request: { tabId?: number }) => Promise<ReadOutcome>>());
vi.mock('./read-tab', () => ({ readTab }));

beforeEach(() => {
  fakeBrowser.reset();
  readTab.mockReset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('savePage', () => {
  it('saves the article the reader extracts from the tab', async () => {
    const article = articleOf(STORIES.harbour, { url: 'https://news.example.org/menu-save/harbour' });
    readTab.mockResolvedValue({ kind: 'article', tabId: 7, article });
    const outcome = await savePage({ id: 7, url: article.url });
    expect(readTab).toHaveBeenCalledWith({ tabId: 7 });
    expect(outcome).toMatchObject({ ok: true, item: { url: article.url, downloaded: true } });
    expect((await (await getLibrary()).findByUrl(article.url))?.title).toBe(STORIES.harbour.title);
  });

  it('keeps a page that is not an article by its best effort, or else as a link', async () => {
    const bestEffort = articleOf(STORIES.ecole, { url: 'https://journal.example.fr/menu-save/listing' });
    readTab.mockResolvedValueOnce({
      kind: 'not-article',
      tabId: 3,
      result: { kind: 'not-article', url: bestEffort.url, reason: 'too-short', message: 'short', bestEffort },
    });
    expect(await savePage({ id: 3, url: bestEffort.url })).toMatchObject({ ok: true, item: { downloaded: true } });

    readTab.mockResolvedValueOnce({
      kind: 'not-article',
      tabId: 4,
      result: {
        kind: 'not-article',
        url: 'https://shop.example/menu-save/cart',
        reason: 'no-content',
        message: 'none',
        bestEffort: null,
      },
    });
    const link = await savePage({ id: 4, url: 'https://shop.example/menu-save/cart', title: 'Cart' });
    expect(link).toMatchObject({ ok: true, item: { downloaded: false, title: 'Cart' } });
  });

  it('says why a page the browser keeps closed cannot be saved', async () => {
    readTab.mockResolvedValue({ kind: 'restricted', tabId: 9, restriction: { kind: 'browser-page' } as never });
    expect(await savePage({ id: 9, url: 'chrome://settings' })).toEqual({
      ok: false,
      message: 'The browser does not let extensions read this page, so it cannot be saved.',
    });
  });
});

describe('saveLink', () => {
  it('saves a link without visiting it, named by the selection when the browser gives no link text', async () => {
    const outcome = await saveLink({
      linkUrl: 'https://guides.example.org/menu-save/winter-cycling?utm_source=x',
      selectionText: 'Winter cycling guide',
    });
    expect(outcome).toMatchObject({ ok: true, item: { title: 'Winter cycling guide', downloaded: false } });
    expect(readTab).not.toHaveBeenCalled();
  });

  it('refuses links that are not web pages', async () => {
    expect(await saveLink({ linkUrl: 'mailto:someone@example.org' })).toEqual({
      ok: false,
      message: 'Only web links (http and https) can be saved.',
    });
  });
});

describe('menus and feedback', () => {
  it('registers "Save page for later" and "Save link for later" once', async () => {
    const removeAll = vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined);
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create').mockReturnValue(1);
    await registerSaveMenus();
    expect(removeAll).toHaveBeenCalledOnce();
    expect(create.mock.calls.map(([item]) => [item.id, item.title, item.contexts])).toEqual([
      [MENU_SAVE_PAGE, 'Save page for later', ['page', 'selection', 'image']],
      [MENU_SAVE_LINK, 'Save link for later', ['link']],
    ]);
  });

  it('shows the result on the toolbar badge of the tab', async () => {
    const text = vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
    const title = vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue(undefined);
    const item = await (
      await getLibrary()
    ).saveLink({ url: 'https://guides.example.org/menu-save/badge', title: 'Badge test' });
    await showSaveOutcome(5, { ok: true, item });
    expect(text).toHaveBeenCalledWith({ tabId: 5, text: '✓' });
    expect(title).toHaveBeenCalledWith({ tabId: 5, title: 'Saved “Badge test” to your library' });
    await showSaveOutcome(5, { ok: false, message: 'There is not enough storage space.' });
    expect(text).toHaveBeenLastCalledWith({ tabId: 5, text: '!' });
    expect(title).toHaveBeenLastCalledWith({ tabId: 5, title: 'Not saved: There is not enough storage space.' });
  });
});
