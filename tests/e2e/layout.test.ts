/**
 * How the reader sets a rich article in the real browser: code keeps its lines and scrolls sideways,
 * wide tables scroll inside the column, pictures never overflow it, captions stay with their figures,
 * the body is set in the serif reading face, and dark mode follows the system.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, startHarness, type Harness } from './harness';

describe('reader layout in Chromium', () => {
  let h: Harness;
  let reader: Page;

  beforeAll(async () => {
    h = await startHarness();
    const { tabId } = await h.openPage('/e2e/rich-article.html');
    reader = await h.openReader(tabId, { viewport: { width: 640, height: 600 } });
    await reader.evaluate(() => document.fonts.ready.then(() => undefined));
  });

  afterAll(async () => {
    await h?.close();
  });

  const body = () => reader.getByTestId('reader-body');
  const box = async (selector: string) => (await reader.locator(selector).first().boundingBox())!;

  it('shows the article with its metadata', async () => {
    expect(await reader.getByTestId('reader-title').innerText()).toBe('Warum unser Build plötzlich 40 Minuten dauerte');
    expect(await reader.getByTestId('reader-byline').innerText()).toContain('Jana Beispiel');
    expect(await reader.getByTestId('reader-date').getAttribute('datetime')).toBe('2024-03-14T08:30:00+01:00');
    expect(await reader.getByTestId('reader').getAttribute('lang')).toBe('de');
  });

  it('keeps code blocks’ line breaks, in a monospace face, scrolling sideways', async () => {
    const pre = body().locator('pre');
    expect(await pre.count()).toBe(1);
    expect((await pre.innerText()).split('\n').length).toBeGreaterThanOrEqual(4);
    const style = await pre.evaluate((el) => {
      const s = getComputedStyle(el);
      return { font: s.fontFamily, overflowX: s.overflowX, scrolls: el.scrollWidth > el.clientWidth };
    });
    expect(style.font).toMatch(/mono/i);
    expect(style.overflowX).toBe('auto');
    expect(style.scrolls).toBe(true);
    expect(await body().locator('pre code').getAttribute('class')).toContain('language-yaml');
  });

  it('lets a wide table scroll inside the column instead of widening the page', async () => {
    const column = await box('[data-testid="reader-body"]');
    const table = await box('[data-testid="reader-body"] table');
    expect(table.x + table.width).toBeLessThanOrEqual(column.x + column.width + 1);
    expect(
      await body()
        .locator('table')
        .evaluate((el) => el.scrollWidth > el.clientWidth),
    ).toBe(true);
    expect(await reader.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  it('never lets a picture overflow the column, and keeps captions with figures', async () => {
    const column = await box('[data-testid="reader-body"]');
    const images = body().locator('img');
    expect(await images.count()).toBe(2);
    for (const img of await images.all()) {
      const b = (await img.boundingBox())!;
      expect(b.width).toBeGreaterThan(0);
      expect(b.x + b.width).toBeLessThanOrEqual(column.x + column.width + 1);
    }
    const captions = await body().locator('figure > figcaption').allInnerTexts();
    expect(captions.some((c) => c.includes('Build-Dauer pro Tag'))).toBe(true);
  });

  it('sets the body in the serif reading face, with lists and quotes kept', async () => {
    const font = await body()
      .locator('p')
      .first()
      .evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toMatch(/^"?Literata/);
    expect(await body().locator('ol > li').count()).toBe(3);
    expect(await body().locator('ul > li').count()).toBe(3);
    expect(await body().locator('blockquote').innerText()).toContain('kein Cache');
    expect(await body().locator('a[href="https://docs.example/ci/analyse-2024"]').getAttribute('target')).toBe(
      '_blank',
    );
  });

  it('follows the system into dark mode', async () => {
    const luminance = () =>
      reader.evaluate(() => {
        const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
        const lum = (c: string) => rgb(c).reduce((a, b) => a + b, 0) / 3;
        return {
          bg: lum(getComputedStyle(document.documentElement).backgroundColor),
          fg: lum(getComputedStyle(document.querySelector('.reader')!).color),
        };
      });
    await reader.emulateMedia({ colorScheme: 'light' });
    const light = await luminance();
    expect(light.bg).toBeGreaterThan(light.fg);
    await reader.emulateMedia({ colorScheme: 'dark' });
    const dark = await luminance();
    expect(dark.bg).toBeLessThan(dark.fg);
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await reader.screenshot({ path: resolve(ARTIFACTS_DIR, 'reader-rich-dark.png') });
    await reader.emulateMedia({ colorScheme: 'light' });
    await reader.screenshot({ path: resolve(ARTIFACTS_DIR, 'reader-rich.png'), fullPage: true });
  });

  it('logs no console errors in the extension', () => {
    expect(h.extensionProblems()).toEqual([]);
  });
});
