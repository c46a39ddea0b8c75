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
    const targets = await reader.locator('[data-testid="reader-body"] a[href^="http"]').evaluateAll((links) =>
      links.map((a) => `${a.getAttribute('target')} ${a.getAttribute('rel')}`),
    );
    for (const t of targets) expect(t).toBe('_blank noopener noreferrer');
  });

  it('logs no console errors in the extension', async () => {
    expect(h.extensionProblems()).toEqual([]);
  });

  it('saves a screenshot of the reader', async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await reader.evaluate(() => document.fonts.ready.then(() => undefined));
    await reader.screenshot({ path: resolve(ARTIFACTS_DIR, 'reader-seed.png'), fullPage: true });
  });
});
