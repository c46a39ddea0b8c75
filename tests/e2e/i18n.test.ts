/**
 * The reader in Indonesian: Chromium started with `--lang=id` makes the browser's i18n pick
 * public/_locales/id, so every UI string, and the numbers formatted with Intl, come out in Indonesian,
 * while the article keeps its own language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { startHarness, type Harness } from './harness';

describe('the reader in Indonesian', () => {
  let h: Harness;
  let reader: Page;

  beforeAll(async () => {
    h = await startHarness({ browserArgs: ['--lang=id'] });
    const { tabId } = await h.openPage('/e2e/rich-article.html');
    reader = await h.openReader(tabId, { viewport: { width: 640, height: 600 } });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows the UI in Indonesian and marks it so, around an article that stays in German', async () => {
    expect(await reader.locator('.toolbar').getAttribute('lang')).toBe('id');
    expect(await reader.getByTestId('use-selection').innerText()).toBe('Pakai pilihan saya');
    expect(await reader.getByTestId('reader-time').innerText()).toMatch(/^\d+ menit baca$/);
    expect(await reader.getByTestId('time-left').innerText()).toMatch(/^\d+ menit lagi$/);
    expect(await reader.getByTestId('removed-toggle').innerText()).toMatch(/blok dihapus/);
    expect(await reader.getByTestId('reader').getAttribute('lang')).toBe('de');
    expect(await reader.getByTestId('reader-date').innerText()).toBe('14. März 2024');
    expect(await reader.getByTestId('settings-toggle').getAttribute('aria-label')).toBe('Teks dan tema');
  });

  it('formats numbers the Indonesian way (decimal comma) and lists the keys in Indonesian', async () => {
    await reader.getByTestId('settings-toggle').click();
    expect(await reader.locator('output[for$="-leading"]').innerText()).toBe('1,7');
    expect(await reader.getByTestId('theme-contrast').locator('xpath=..').innerText()).toContain('Kontras tinggi');
    expect(await seriousViolations(reader)).toEqual([]);
    await reader.keyboard.press('Escape');
    await reader.keyboard.press('?');
    const help = reader.getByTestId('help-overlay');
    expect(await help.locator('h2').innerText()).toBe('Pintasan papan ketik');
    expect(await help.innerText()).toContain('Teks lebih besar');
    await reader.keyboard.press('Escape');
  });

  it('says why a browser page cannot be read, in Indonesian', async () => {
    const { tabId } = await h.openPage('chrome://version/');
    const page = await h.openReader(tabId);
    const panel = page.getByTestId('state-restricted');
    expect(await panel.locator('h1').innerText()).toBe('Ini salah satu halaman milik peramban.');
    expect(await panel.locator('[data-kind]').innerText()).toContain('Buka artikel di web');
    await page.close();
  });

  it('titles the library tab and marks its language in Indonesian (library.html’s static title is only the name)', async () => {
    const library = await h.context.newPage();
    h.watch(library);
    await library.goto(`chrome-extension://${h.extensionId}/library.html`);
    await library.waitForSelector('[data-testid="library-empty"]');
    expect(await library.title()).toBe('Pustaka · Clean Reader');
    expect(await library.locator('html').getAttribute('lang')).toBe('id');
    await library.close();
  });

  it('logs no console errors in the extension', () => {
    expect(h.extensionProblems()).toEqual([]);
  });
});
