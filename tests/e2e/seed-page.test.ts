/**
 * The seed page (an Indonesian news article on a site stuffed with gambling banners, a logo line,
 * "N min read" chrome and a copyright footer) read in the real browser through the real extension:
 * what the reader shows must be the article and none of the clutter its fixture lists.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, ROOT, readerText, startHarness, type Harness } from './harness';

interface Expected {
  /** Where the page lives; the fixture server serves it as if from there (its own links stay its own). */
  url: string;
  title: string;
  mustContain: string[];
  mustNotContain: string[];
}

const FIXTURE = resolve(ROOT, 'tests/fixtures/pages/seed-tumble');
const expected = JSON.parse(readFileSync(resolve(FIXTURE, 'expected.json'), 'utf8')) as Expected;

describe('the seed page in Chromium', () => {
  let h: Harness;
  let reader: Page;

  beforeAll(async () => {
    h = await startHarness({ rehost: [new URL(expected.url).origin] });
    const { tabId } = await h.openPage('/pages/seed-tumble/source.html');
    reader = await h.openReader(tabId, { viewport: { width: 900, height: 1100 } });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows the article', async () => {
    expect(await reader.getAttribute('[data-testid="reader-app"]', 'data-state')).toBe('article');
    const { title, body } = await readerText(reader);
    expect(title).toBe(expected.title);
    expect(expected.mustContain.length).toBeGreaterThan(0);
    for (const text of expected.mustContain) expect(body).toContain(text);
  });

  it('shows none of the clutter, in the text or the markup', async () => {
    const { title, body } = await readerText(reader);
    const html = await reader.locator('[data-testid="reader-body"]').innerHTML();
    expect(expected.mustNotContain.length).toBeGreaterThan(0);
    for (const text of expected.mustNotContain) {
      expect(body, `reader text contains "${text}"`).not.toContain(text);
      expect(html, `reader markup contains "${text}"`).not.toContain(text);
      expect(title).not.toContain(text);
    }
  });

  it('sets the article language, and links open in new tabs', async () => {
    expect(await reader.getAttribute('[data-testid="reader"]', 'lang')).toBe('id');
    const targets = await reader
      .locator('[data-testid="reader-body"] a[href^="http"]')
      .evaluateAll((links) => links.map((a) => `${a.getAttribute('target')} ${a.getAttribute('rel')}`));
    for (const t of targets) expect(t).toBe('_blank noopener noreferrer');
  });

  it('saves a screenshot of the reader', async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await reader.evaluate(() => document.fonts.ready.then(() => undefined));
    await reader.screenshot({ path: resolve(ARTIFACTS_DIR, 'reader-seed.png'), fullPage: true });
  });

  it('reveals the removed blocks in place from the keyboard, muted and labelled', async () => {
    const toggle = reader.getByTestId('removed-toggle');
    const count = Number((await toggle.innerText()).match(/\d+/)?.[0]);
    expect(count).toBeGreaterThan(0);

    // Keyboard only: Tab until the toggle has focus, then Space.
    for (let i = 0; i < 12 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) {
      await reader.keyboard.press('Tab');
    }
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await toggle.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await reader.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');

    const labels = await reader.locator('.cr-removed-label').allInnerTexts();
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.length).toBeLessThanOrEqual(count);
    const body = await reader.getByTestId('reader-body').innerText();
    expect(body).toContain('dynasty4dtoto-gif');
    // Revealed spam is shown as text: no banner is fetched from the extension's page.
    expect(await reader.locator('.cr-removed img').count()).toBe(0);

    await reader.keyboard.press('Space');
    expect(await reader.locator('.cr-removed').count()).toBe(0);
  });

  it('logs no console errors in the extension', async () => {
    expect(h.extensionProblems()).toEqual([]);
  });
});
