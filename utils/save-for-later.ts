/**
 * "Save for later" from outside the reader: the context menus ("Save page for later", "Save link for
 * later") and the keyboard command. The background only wires events to these functions.
 *
 * A menu click or the command grants `activeTab` for the page, so saving a page runs the same
 * extraction as the reader (readTab). A link is saved without visiting it: its URL and text only.
 * The result shows on the toolbar button's badge (✓ saved, ! failed, with the reason in its tooltip),
 * because the background has no page of its own to say it on.
 */
import type { Article } from '@/lib/extract';
import type { LibraryItem } from '@/lib/library';
import { getLibrary } from './library';
import { keepImagesIfWanted } from './offline-images';
import { readTab } from './read-tab';

export const MENU_SAVE_PAGE = 'save-page-for-later';
export const MENU_SAVE_LINK = 'save-link-for-later';

/** How long the badge shows the result. */
const BADGE_MS = 4000;

export type SaveOutcome = { ok: true; item: LibraryItem } | { ok: false; message: string };

/** Creates the two context-menu items (idempotent: menus persist across restarts, so clear first). */
export async function registerSaveMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_SAVE_PAGE,
    title: 'Save page for later',
    contexts: ['page', 'selection', 'image'],
  });
  browser.contextMenus.create({ id: MENU_SAVE_LINK, title: 'Save link for later', contexts: ['link'] });
}

/**
 * Saves the article in `tab`. A page that is not an article is kept by its best-effort text when there
 * is one, else as a link (URL and title), so "save for later" never silently does nothing.
 */
export async function savePage(tab: { id?: number; url?: string; title?: string }): Promise<SaveOutcome> {
  if (typeof tab.id !== 'number') return { ok: false, message: 'There is no page to save.' };
  const outcome = await readTab({ tabId: tab.id });
  let article: Article | null = null;
  if (outcome.kind === 'article') article = outcome.article;
  else if (outcome.kind === 'not-article') article = outcome.result.bestEffort;
  else if (outcome.kind === 'restricted')
    return { ok: false, message: 'The browser does not let extensions read this page, so it cannot be saved.' };
  try {
    const library = await getLibrary();
    if (article) {
      const item = await library.save(article);
      // With the offline-images setting on, its pictures are kept too; the save does not wait for them.
      void keepImagesIfWanted(library, item.id).catch(() => undefined);
      return { ok: true, item };
    }
    if (tab.url && /^https?:/.test(tab.url))
      return { ok: true, item: await library.saveLink({ url: tab.url, title: tab.title }) };
    return { ok: false, message: outcome.kind === 'failed' ? outcome.detail : 'This page could not be read.' };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Saves a link without visiting it. Chrome gives no link text, so a selection or the URL stands in. */
export async function saveLink(info: {
  linkUrl?: string;
  linkText?: string;
  selectionText?: string;
}): Promise<SaveOutcome> {
  if (!info.linkUrl || !/^https?:/.test(info.linkUrl))
    return { ok: false, message: 'Only web links (http and https) can be saved.' };
  try {
    const library = await getLibrary();
    return {
      ok: true,
      item: await library.saveLink({ url: info.linkUrl, title: info.linkText ?? info.selectionText ?? null }),
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Shows a save's result on the toolbar button of `tabId` for a few seconds. */
export async function showSaveOutcome(tabId: number | undefined, outcome: SaveOutcome): Promise<void> {
  if (typeof tabId !== 'number') return;
  const title = outcome.ok ? `Saved “${outcome.item.title}” to your library` : `Not saved: ${outcome.message}`;
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: outcome.ok ? '✓' : '!' }),
    browser.action.setBadgeBackgroundColor({ tabId, color: outcome.ok ? '#2d6a5f' : '#b3261e' }),
    browser.action.setTitle({ tabId, title }),
  ]).catch(() => undefined);
  setTimeout(() => {
    void Promise.all([
      browser.action.setBadgeText({ tabId, text: '' }),
      browser.action.setTitle({ tabId, title: 'Clean Reader' }),
    ]).catch(() => undefined);
  }, BADGE_MS);
}
