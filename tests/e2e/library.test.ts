/**
 * The library in the real browser, through the real extension: save from the reader, see it in the
 * library, read it with the fixture server stopped (offline), find it by a word from its body, delete
 * and undo, come back where reading stopped, reload and find everything still there.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { ROOT, readerText, startHarness, waitForReaderState, type Harness } from './harness';

const SEED = JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/pages/seed-tumble/expected.json'), 'utf8')) as {
  url: string;
  title: string;
  mustContain: string[];
  mustNotContain: string[];
};
const RICH_TITLE = 'Warum unser Build plötzlich 40 Minuten dauerte';

const titles = (page: Page) => page.locator('[data-testid="library-item"] .item-title').allInnerTexts();

/** Waits until the library shows exactly `expected` (in order) and returns it. */
async function waitForTitles(page: Page, expected: string[]): Promise<string[]> {
  await page.waitForFunction(
    (want) => {
      const got = [...document.querySelectorAll('[data-testid="library-item"] .item-title')].map((el) =>
        el.textContent?.trim(),
      );
      return JSON.stringify(got) === JSON.stringify(want);
    },
    expected,
    { timeout: 15_000 },
  );
  return titles(page);
}

async function saveFromReader(h: Harness, path: string): Promise<Page> {
  const { tabId } = await h.openPage(path);
  const reader = await h.openReader(tabId);
  expect(await waitForReaderState(reader)).toBe('article');
  const save = reader.locator('[data-testid="save-button"]');
  await reader.waitForSelector('[data-testid="save-button"][data-state="unsaved"]');
  await save.click();
  await reader.waitForSelector('[data-testid="save-button"][data-state="saved"]');
  return reader;
}

describe('the library in Chromium', () => {
  let h: Harness;
  let library: Page;
  let seedTabId: number;

  beforeAll(async () => {
    h = await startHarness({ rehost: [new URL(SEED.url).origin] });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('saves two articles from the reader, and the reader then shows them as saved', async () => {
    await saveFromReader(h, '/pages/seed-tumble/source.html');
    await saveFromReader(h, '/e2e/rich-article.html');
    // Opening the reader again on the same page: the popup says at once that it is saved.
    const { tabId } = await h.openPage('/pages/seed-tumble/source.html?utm_source=newsletter#top');
    seedTabId = tabId;
    const again = await h.openReader(tabId);
    await again.waitForSelector('[data-testid="save-button"][data-state="saved"]');
    expect(await again.locator('[data-testid="save-button"]').innerText()).toBe('Saved');
  });

  it('lists them in the library, newest first, with site, reading time and state', async () => {
    library = await h.context.newPage();
    h.watch(library);
    await library.goto(`chrome-extension://${h.extensionId}/library.html`);
    expect(await waitForTitles(library, [RICH_TITLE, SEED.title])).toEqual([RICH_TITLE, SEED.title]);
    const seedRow = library.locator('[data-testid="library-item"]').nth(1);
    const meta = await seedRow.locator('.item-meta').innerText();
    expect(meta).toMatch(/min read/);
    expect(meta).toContain('Unread');
    expect(await library.locator('[data-testid="storage-use"]').innerText()).toMatch(
      /^Uses [\d.]+ (B|kB|MB) of storage$/,
    );
  });

  it('finds an article by a word from its body, and forgives a typo', async () => {
    const search = library.locator('[data-testid="library-search"]');
    await search.fill('Pyongyang');
    expect(await waitForTitles(library, [SEED.title])).toEqual([SEED.title]);
    await search.fill('Pyongyng');
    expect(await waitForTitles(library, [SEED.title])).toEqual([SEED.title]);
    await search.fill('');
    await waitForTitles(library, [RICH_TITLE, SEED.title]);
  });

  it('opens a saved article offline, with the fixture server stopped', async () => {
    await h.server.close();
    const unreachable = await fetch(h.server.url('/pages/seed-tumble/source.html')).then(
      () => false,
      () => true,
    );
    expect(unreachable).toBe(true);

    const [reader] = await Promise.all([
      h.context.waitForEvent('page'),
      library
        .locator('[data-testid="library-item"]')
        .nth(1)
        .locator('.item-title')
        .click({ modifiers: ['Control'] }),
    ]);
    h.watch(reader);
    await reader.waitForSelector('[data-testid="saved-reader"][data-state="article"]');
    expect(reader.url()).toMatch(/\/reader\.html\?id=\d+$/);
    const { title, body } = await readerText(reader);
    expect(title).toBe(SEED.title);
    for (const text of SEED.mustContain) expect(body).toContain(text);
    for (const text of SEED.mustNotContain) expect(body).not.toContain(text);
    await reader.close();
  });

  it('comes back where reading stopped', async () => {
    const href = await library
      .locator('[data-testid="library-item"]')
      .nth(1)
      .locator('.item-title')
      .getAttribute('href');
    const reader = await h.context.newPage();
    h.watch(reader);
    await reader.setViewportSize({ width: 800, height: 600 });
    await reader.goto(`chrome-extension://${h.extensionId}${href}`);
    await reader.waitForSelector('[data-testid="saved-reader"][data-state="article"]');
    await reader.evaluate(() => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2));
    // The position is written (throttled) as the reader scrolls; the library shows it once stored.
    await library.reload();
    await library.waitForFunction(
      () =>
        /(4[5-9]|5[0-5])% read/.test(
          document.querySelector('[data-testid="library-item"]:nth-child(2) .item-progress')?.textContent ?? '',
        ),
      undefined,
      {
        timeout: 15_000,
        polling: 250,
      },
    );
    await reader.reload();
    await reader.waitForSelector('[data-testid="saved-reader"][data-state="article"]');
    await reader.waitForFunction(() => {
      const max = document.documentElement.scrollHeight - innerHeight;
      return max > 0 && Math.abs(scrollY / max - 0.5) < 0.05;
    });
    await reader.close();
  });

  it('deletes with undo', async () => {
    await waitForTitles(library, [RICH_TITLE, SEED.title]);
    await library.locator('[data-testid="library-item"]').nth(1).locator('[data-testid="item-delete"]').click();
    await waitForTitles(library, [RICH_TITLE]);
    expect(await library.locator('[data-testid="toast"]').innerText()).toContain(`Deleted “${SEED.title}”.`);
    await library.locator('[data-testid="undo"]').click();
    expect(await waitForTitles(library, [RICH_TITLE, SEED.title])).toEqual([RICH_TITLE, SEED.title]);
  });

  it('after a reload, finds everything still there, searchable', async () => {
    await library.reload();
    expect(await waitForTitles(library, [RICH_TITLE, SEED.title])).toEqual([RICH_TITLE, SEED.title]);
    await library.locator('[data-testid="library-search"]').fill('Minuten');
    expect(await waitForTitles(library, [RICH_TITLE])).toEqual([RICH_TITLE]);
  });

  it('reported no console errors on the extension pages', () => {
    expect(seedTabId).toBeGreaterThan(0);
    expect(h.extensionProblems()).toEqual([]);
  });
});

/**
 * The library in Indonesian: Chromium started with `--lang=id` picks public/_locales/id, so the page,
 * its import report, its counts, sizes and dates come out in Indonesian (Intl), while saved titles keep
 * their own language.
 */
describe('the library in Indonesian', () => {
  let h: Harness;
  let library: Page;

  beforeAll(async () => {
    h = await startHarness({ browserArgs: ['--lang=id'] });
    library = await h.context.newPage();
    h.watch(library);
    await library.goto(`chrome-extension://${h.extensionId}/library.html`);
    await library.waitForSelector('[data-testid="library-empty"]');
  });

  afterAll(async () => {
    await h?.close();
  });

  it('shows the empty library in Indonesian, marked as such', async () => {
    expect(await library.evaluate(() => document.documentElement.lang)).toBe('id');
    expect(await library.title()).toBe('Pustaka · Clean Reader');
    expect(await library.locator('.library-title').innerText()).toBe('Pustaka');
    expect(await library.locator('[data-testid="library-empty"] .status-title').innerText()).toBe('Pustaka Anda kosong');
    expect(await library.locator('[data-testid="view-unread"]').innerText()).toBe('Belum dibaca');
    expect(await library.locator('[data-testid="library-search"]').getAttribute('aria-label')).toBe(
      'Cari di pustaka Anda (judul dan teks lengkap)',
    );
    expect(await library.locator('[data-testid="export-library"]').innerText()).toBe('Ekspor pustaka');
    expect(await seriousViolations(library)).toEqual([]);
  });

  it('reports an import in Indonesian: counts, and every row left out with its reason', async () => {
    await library
      .locator('[data-testid="import-file"]')
      .setInputFiles(resolve(ROOT, 'tests/fixtures/transfer/pocket-export.zip'));
    await library.waitForSelector('[data-testid="import-result"]', { timeout: 30_000 });
    expect(await library.locator('.import-result-title').innerText()).toBe('pocket-export.zip diimpor');
    expect(await library.locator('.import-counts').innerText()).toMatch(/10\s+ditambahkan/);
    expect(await library.locator('[data-testid="import-invalid"] li').allInnerTexts()).toEqual([
      'part_000000.csv, baris 9: alamatnya bukan halaman web yang bisa dibuka Clean Reader.',
      'part_000000.csv, baris 10: tidak ada alamat web.',
      'part_000001.csv, baris 4: barisnya rusak (jumlah kolom salah atau tanda kutip tidak ditutup).',
    ]);
  });

  it('lists the items with Indonesian counts, badges, dates and sizes', async () => {
    await library.waitForFunction(
      () => document.querySelector('[data-testid="library-count"]')?.textContent === '10 artikel',
    );
    const quarterly = library
      .locator('[data-testid="library-item"]')
      .filter({ hasText: 'Quarterly notes, part 2' });
    const meta = await quarterly.locator('.item-meta').innerText();
    // time_added 1710200000 is 11 March 2024 (UTC; 12 March east of UTC+0:27), in Indonesian's medium style.
    expect(meta).toMatch(/Disimpan 1[12] Mar 2024/);
    expect(meta).toContain('Diarsipkan');
    expect(meta).toContain('Hanya tautan');
    expect(await quarterly.locator('[data-testid="item-archive"]').getAttribute('aria-label')).toBe(
      'Kembalikan ke belum dibaca',
    );
    expect(await library.locator('[data-testid="storage-use"]').innerText()).toMatch(
      /^Memakai \d+(,\d)? (byte|kB|MB) penyimpanan$/,
    );
    expect(await seriousViolations(library)).toEqual([]);
  });

  it('refuses a broken ZIP in Indonesian', async () => {
    await library
      .locator('[data-testid="import-file"]')
      .setInputFiles(resolve(ROOT, 'tests/fixtures/transfer/refused/broken-pocket.zip'));
    await library.waitForSelector('[data-testid="import-error"]', { timeout: 30_000 });
    expect(await library.locator('[data-testid="import-error-message"]').innerText()).toBe(
      'Berkas ZIP ini rusak atau tidak lengkap, jadi tidak ada yang diimpor. Unduh ekspornya lagi dan coba lagi.',
    );
    expect(await library.locator('.import-error-title').innerText()).toBe('broken-pocket.zip tidak diimpor');
  });

  it('shows the toolbar and highlights of a saved article in Indonesian', async () => {
    const href = await library
      .locator('[data-testid="library-item"]')
      .filter({ hasText: 'How the harbour town rebuilt its sea wall' })
      .locator('.item-title')
      .getAttribute('href');
    const reader = await h.context.newPage();
    h.watch(reader);
    await reader.goto(`chrome-extension://${h.extensionId}${href}`);
    await reader.waitForSelector('[data-testid="saved-reader"][data-state="link"]');
    expect(await reader.locator('.toolbar').getAttribute('lang')).toBe('id');
    expect(await reader.locator('[data-testid="reader-archive"]').innerText()).toBe('Arsipkan');
    expect(await reader.locator('[data-testid="open-link"]').innerText()).toBe('Buka halamannya');
    expect(await reader.locator('[data-testid="copy-markdown"]').getAttribute('aria-label')).toBe(
      'Salin sebagai Markdown',
    );
    expect(await reader.locator('#highlights-heading').innerText()).toBe('Sorotan');
    expect(await reader.locator('[data-testid="save-note"]').innerText()).toBe('Simpan catatan');
    expect(await seriousViolations(reader)).toEqual([]);
    await reader.close();
  });

  it('logs no console errors in the extension', () => {
    expect(h.extensionProblems()).toEqual([]);
  });
});
