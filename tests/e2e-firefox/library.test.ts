/**
 * Saving in Firefox ESR: the reader's Save button puts the seed article in the library (IndexedDB in
 * the extension's own origin), the library page lists it, and with the article's site gone (the
 * fixture server stopped) a click on it opens the saved copy, whole and still free of clutter.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, readerText, startFirefoxHarness, type FirefoxHarness } from './harness';

interface Expected {
  url: string;
  title: string;
  mustContain: string[];
  mustNotContain: string[];
}

const expected = JSON.parse(
  readFileSync(resolve(ROOT, 'tests/fixtures/pages/seed-tumble/expected.json'), 'utf8'),
) as Expected;

/** Waits until `selector` carries `data-state="state"`. */
async function waitForState(page: Page, selector: string, state: string): Promise<void> {
  await page.waitForFunction(
    (sel, wanted) => document.querySelector(sel)?.getAttribute('data-state') === wanted,
    { timeout: 15_000 },
    selector,
    state,
  );
}

describe('save, list and reopen offline in Firefox', () => {
  let h: FirefoxHarness;
  let articleUrl: string;
  let library: Page;

  beforeAll(async () => {
    h = await startFirefoxHarness({ rehost: [new URL(expected.url).origin] });
    articleUrl = (await h.openPage('/pages/seed-tumble/source.html')).url;
  });

  afterAll(async () => {
    await h?.close();
  });

  it('saves the article from the reader', async () => {
    const reader = await h.openReader(articleUrl);
    await waitForState(reader, '[data-testid="save-button"]', 'unsaved');
    await reader.click('[data-testid="save-button"]');
    await waitForState(reader, '[data-testid="save-button"]', 'saved');
    expect(await reader.$('[data-testid="save-error"]')).toBeNull();
  });

  it('lists it in the library', async () => {
    library = await h.openExtensionPage('/library.html');
    await waitForState(library, '[data-testid="library-app"]', 'ready');
    const titles = await library.$$eval('[data-testid="library-item"] .item-title', (links) =>
      links.map((a) => (a as HTMLElement).innerText.trim()),
    );
    expect(titles).toEqual([expected.title]);
  });

  it('opens the saved copy with the site gone', async () => {
    await h.closeServer();
    await expect(fetch(articleUrl)).rejects.toThrow();

    await library.click('[data-testid="library-item"] .item-title');
    await waitForState(library, '[data-testid="saved-reader"]', 'article');
    expect(await library.evaluate(() => location.pathname)).toBe('/reader.html');
    const { title, body } = await readerText(library);
    expect(title).toBe(expected.title);
    for (const text of expected.mustContain) expect(body, `saved copy lacks "${text}"`).toContain(text);
    // The article's own text: the reader's chrome ("1 min read", its own estimate) is not the page's clutter.
    const html = await library.$eval('[data-testid="reader-body"]', (el) => el.innerHTML);
    for (const text of expected.mustNotContain) {
      expect(body, `saved copy shows "${text}"`).not.toContain(text);
      expect(html, `saved copy's markup holds "${text}"`).not.toContain(text);
      expect(title).not.toContain(text);
    }
  });

  it('logs no console errors in the extension', () => {
    expect(h.extensionProblems()).toEqual([]);
  });
});
