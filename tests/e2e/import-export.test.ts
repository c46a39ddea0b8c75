/**
 * Moving in and out, in the real browser through the real extension: a Pocket export ZIP (two CSV parts
 * and highlights in annotations/, tests/fixtures/transfer) chosen in the library's file input lands in
 * the library with its titles, tags and archived state, its highlights show in the reader, a second
 * import adds nothing, the export ZIP holds library.json and Markdown, a broken ZIP is refused whole,
 * and a 10,000-row CSV imports with a moving progress bar while the page keeps answering clicks.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { ROOT, startHarness, type Harness } from './harness';

const TRANSFER = resolve(ROOT, 'tests/fixtures/transfer');
const POCKET_ZIP = resolve(TRANSFER, 'pocket-export.zip');
const BROKEN_ZIP = resolve(TRANSFER, 'refused/broken-pocket.zip');

const HARBOUR = 'How the harbour town rebuilt its sea wall';
const QUARTERLY = 'Quarterly notes, part 2: "what we learned"';

/** Every title the library lists, in order. */
const titles = (page: Page) => page.locator('[data-testid="library-item"] .item-title').allInnerTexts();

/** The row of the item titled `title`. */
const row = (page: Page, title: string) =>
  page.locator('[data-testid="library-item"]').filter({ has: page.locator('.item-title', { hasText: title }) });

/**
 * Chooses `file` in the import input, as a user would, and waits for the result or the refusal.
 * Returns the refusal's message, or null when the import went through.
 */
async function importFile(page: Page, file: string): Promise<string | null> {
  await page.locator('[data-testid="import-file"]').setInputFiles(file);
  await page.waitForSelector('[data-testid="import-result"], [data-testid="import-error"]', { timeout: 30_000 });
  const error = page.locator('[data-testid="import-error-message"]');
  return (await error.count()) ? error.innerText() : null;
}

const count = async (page: Page, testId: string) =>
  Number(await page.locator(`[data-testid="${testId}"]`).getAttribute('data-count'));

/** Waits until the library says it holds `n` articles. */
async function waitForCount(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (want) => document.querySelector('[data-testid="library-count"]')?.textContent === `${want} articles`,
    n.toLocaleString('en'),
    { timeout: 30_000 },
  );
}

describe('import and export in Chromium', () => {
  let h: Harness;
  let library: Page;
  let tmp: string;

  beforeAll(async () => {
    h = await startHarness();
    tmp = mkdtempSync(join(tmpdir(), 'cr-import-export-'));
    library = await h.context.newPage();
    h.watch(library);
    await library.goto(`chrome-extension://${h.extensionId}/library.html`);
    await library.waitForSelector('[data-testid="library-empty"]');
  });

  afterAll(async () => {
    await h?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('reaches Import and Export by keyboard, with a visible focus', async () => {
    await library.locator('[data-testid="library-search"]').focus();
    const focused = () => library.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    for (let i = 0; i < 10 && (await focused()) !== 'import-file'; i++) await library.keyboard.press('Tab');
    expect(await focused()).toBe('import-file');
    const outline = await library
      .locator('.file-button')
      .evaluate((label) => getComputedStyle(label).outlineStyle);
    expect(outline).toBe('solid');
    await library.keyboard.press('Tab');
    expect(await focused()).toBe('export-library');
  });

  it('imports a Pocket export ZIP: counts, every row left out with its reason, then the items in the list', async () => {
    expect(await importFile(library, POCKET_ZIP)).toBeNull();
    // 12 rows with a URL; one is the sea-wall article again (with a tracking parameter), so it merges;
    // the tidal-energy article is only in annotations/ and still arrives; 3 rows are broken.
    expect(await count(library, 'import-added')).toBe(10);
    expect(await count(library, 'import-skipped')).toBe(1);
    expect(await count(library, 'import-invalid-count')).toBe(3);
    const invalid = await library.locator('[data-testid="import-invalid"] li').allInnerTexts();
    expect(invalid).toEqual([
      'part_000000.csv: Row 9 has a javascript link, not a web page ("javascript:alert(1)").',
      'part_000000.csv: Row 10 has no URL.',
      'part_000001.csv: Row 4 has 2 fields where the header has 5.',
    ]);
    expect(await seriousViolations(library)).toEqual([]);

    await waitForCount(library, 10);
    const listed = await titles(library);
    for (const title of [HARBOUR, QUARTERLY, 'Über die Stadtbibliothek und ihre Leser', '図書館の新しい読書室'])
      expect(listed).toContain(title);
    // Newest saved first: Pocket's time_added is the saved date. The tidal-energy article is only in
    // annotations/, with no saved date, so it counts as saved now.
    expect(listed.slice(0, 2)).toEqual(['A tidal energy pilot, one year on', 'Night trains are back']);
  });

  it('keeps tags (merged from the duplicate row, with spaces and non-ASCII) and the archived state', async () => {
    const harbour = row(library, HARBOUR);
    expect(await harbour.locator('.item-tags button').allInnerTexts()).toEqual(
      expect.arrayContaining(['long reads', 'infrastructure', 'harbours']),
    );
    expect(await harbour.locator('.item-badge').first().innerText()).toBe('Unread');
    expect(await row(library, QUARTERLY).locator('.item-badge').first().innerText()).toBe('Archived');
    expect(await row(library, '図書館の新しい読書室').locator('.item-tags button').allInnerTexts()).toEqual([
      '日本語',
      '図書館',
    ]);

    await library.locator('[data-testid="view-archived"]').click();
    await library.waitForFunction(() => document.querySelectorAll('[data-testid="library-item"]').length === 4);
    expect((await titles(library)).sort()).toEqual(
      ['Night trains are back', QUARTERLY, 'blog.example.org: on slow software', 'Как учёные считают птиц'].sort(),
    );
    await library.locator('[data-testid="view-all"]').click();
    await waitForCount(library, 10);
  });

  it('shows the imported highlights with the article in the reader', async () => {
    const href = await row(library, HARBOUR).locator('.item-title').getAttribute('href');
    const reader = await h.context.newPage();
    h.watch(reader);
    await reader.goto(`chrome-extension://${h.extensionId}${href}`);
    // Pocket exports links only: the reader offers the page, and the highlights below it.
    await reader.waitForSelector('[data-testid="saved-reader"][data-state="link"]');
    const quotes = await reader.locator('[data-testid="highlights"] blockquote').allInnerTexts();
    expect(quotes).toEqual([
      'The wall was finished two weeks before the spring tides, and it held.',
      'Volunteers carried 4,000 sandbags in a single night.',
    ]);

    // The user's own note on the article is kept.
    await reader.locator('[data-testid="article-note"]').fill('Ask the harbour master about the spring tides.');
    await reader.locator('[data-testid="save-note"]').click();
    await reader.waitForSelector('[data-testid="note-status"]:has-text("Note saved.")');
    await reader.reload();
    await reader.waitForSelector('[data-testid="saved-reader"][data-state="link"]');
    expect(await reader.locator('[data-testid="article-note"]').inputValue()).toBe(
      'Ask the harbour master about the spring tides.',
    );

    // Download as Markdown: the saved article's front matter, with its tags.
    const [download] = await Promise.all([
      reader.waitForEvent('download'),
      reader.locator('[data-testid="download-markdown"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('How-the-harbour-town-rebuilt-its-sea-wall.md');
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(markdown).toContain(`title: ${JSON.stringify(HARBOUR)}`);
    expect(markdown).toMatch(/tags: \[.*"long reads"/);
    expect(markdown).toContain('note: "Ask the harbour master about the spring tides."');
    expect(markdown).toContain('Volunteers carried 4,000 sandbags in a single night.');
    expect(await reader.locator('[data-testid="markdown-status"]').innerText()).toBe(
      'Downloaded How-the-harbour-town-rebuilt-its-sea-wall.md',
    );
    await reader.close();
  });

  it('adds nothing when the same file is imported again', async () => {
    await library.locator('.import-dismiss').click();
    expect(await importFile(library, POCKET_ZIP)).toBeNull();
    expect(await count(library, 'import-added')).toBe(0);
    expect(await count(library, 'import-updated')).toBe(0);
    await waitForCount(library, 10);
  });

  it('exports one ZIP with library.json, each article as Markdown, and says so', async () => {
    const [download] = await Promise.all([
      library.waitForEvent('download'),
      library.locator('[data-testid="export-library"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^clean-reader-export-\d{4}-\d{2}-\d{2}\.zip$/);
    const path = join(tmp, 'export.zip');
    await download.saveAs(path);
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    const manifest = JSON.parse(strFromU8(files['library.json'])) as {
      format: string;
      records: Array<{ title: string; tags: string[]; state: string }>;
    };
    expect(manifest.format).toBe('clean-reader-library');
    expect(manifest.records).toHaveLength(10);
    const harbour = manifest.records.find((r) => r.title === HARBOUR)!;
    expect(harbour.tags).toEqual(expect.arrayContaining(['long reads', 'harbours']));
    const markdown = Object.keys(files).filter((name) => name.startsWith('markdown/') && name.endsWith('.md'));
    expect(markdown).toHaveLength(10);
    expect(markdown.map((name) => strFromU8(files[name])).find((md) => md.includes(`# ${HARBOUR}`))).toContain(
      'url: "https://news.example.com/2024/03/harbour-sea-wall"',
    );
    expect(await library.locator('[data-testid="export-done"]').innerText()).toContain('10');
  });

  it('refuses a broken ZIP whole, says why, and changes nothing', async () => {
    expect(await importFile(library, BROKEN_ZIP)).toMatch(
      /damaged or incomplete, so nothing was imported/,
    );
    expect(await library.locator('[data-testid="import-error"]').getAttribute('role')).toBe('alert');
    expect(await library.locator('[data-testid="import-result"]').count()).toBe(0);
    await library.reload();
    await waitForCount(library, 10);
  });

  it('imports 10,000 rows with a moving progress bar while the page keeps answering', async () => {
    const lines = ['title,url,time_added,tags,status'];
    for (let i = 0; i < 10_000; i++)
      lines.push(`Field report ${i},https://reports.example.com/${i},${1_700_000_000 + i},bulk,${i % 3 ? 'unread' : 'archive'}`);
    const csv = join(tmp, 'pocket-10000.csv');
    writeFileSync(csv, lines.join('\n'));

    await library.locator('[data-testid="import-file"]').setInputFiles(csv);
    // Part way through, the bar shows how far reading has come, and a click on a filter still lands.
    await library.waitForFunction(
      () => {
        const bar = document.querySelector<HTMLProgressElement>('[data-testid="import-progress"]');
        return !!bar && bar.hasAttribute('value') && bar.value > 0 && bar.value < bar.max && bar.max === 10_000;
      },
      undefined,
      { timeout: 30_000, polling: 'raf' },
    );
    // Records, at the moment the page shows the click, whether the import was still running then.
    await library.evaluate(() => {
      const button = document.querySelector('[data-testid="view-unread"]')!;
      new MutationObserver(() => {
        const w = window as unknown as { pressedWhileImporting?: boolean };
        if (button.getAttribute('aria-pressed') === 'true')
          w.pressedWhileImporting ??= document.querySelector('[data-testid="import-running"]') !== null;
      }).observe(button, { attributes: true });
    });
    await library.locator('[data-testid="view-unread"]').click();
    const pressedWhileImporting = await library.waitForFunction(
      () => (window as unknown as { pressedWhileImporting?: boolean }).pressedWhileImporting,
    );
    expect(await pressedWhileImporting.jsonValue()).toBe(true);

    await library.waitForSelector('[data-testid="import-result"]', { timeout: 120_000 });
    expect(await count(library, 'import-added')).toBe(10_000);
    await library.locator('[data-testid="view-all"]').click();
    await waitForCount(library, 10_010);
  });

  it('copies and downloads the article of the live page reader as Markdown', async () => {
    const { tabId } = await h.openPage('/e2e/rich-article.html');
    const reader = await h.openReader(tabId);
    // Chromium cannot grant clipboard-read to an extension origin, so the page records what it hands
    // to the clipboard (and still hands it over).
    await reader.evaluate(() => {
      const clipboard = navigator.clipboard;
      const write = clipboard.writeText.bind(clipboard);
      clipboard.writeText = (text: string) => {
        (window as unknown as { copied: string }).copied = text;
        return write(text);
      };
    });
    await reader.locator('[data-testid="copy-markdown"]').click();
    await reader.waitForSelector('[data-testid="markdown-status"]:has-text("Copied as Markdown")');
    const copied = await reader.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(copied).toMatch(/^---\ntitle: "Warum unser Build plötzlich 40 Minuten dauerte"\nurl: "http:\/\/127\.0\.0\.1:\d+\/e2e\/rich-article\.html"/);
    expect(copied).toContain('# Warum unser Build plötzlich 40 Minuten dauerte');

    const [download] = await Promise.all([
      reader.waitForEvent('download'),
      reader.locator('[data-testid="download-markdown"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('Warum-unser-Build-plötzlich-40-Minuten-dauerte.md');
    expect(readFileSync((await download.path())!, 'utf8')).toBe(copied);
    await reader.close();
  });

  it('logs no console errors in the extension', () => {
    expect(h.extensionProblems()).toEqual([]);
  });
});
