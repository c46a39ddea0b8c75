/**
 * The reader people choose (issue 6) in the real browser: reading settings applied live and stored in
 * storage.sync, every theme screenshotted and checked with axe, the table of contents following the
 * scroll with progress and time left, listening with the spoken sentence highlighted, the keys and
 * their help overlay, a right-to-left article, print, the full-tab reader, the side panel page and the
 * library in every theme.
 *
 * Headless Chromium has no speech engine here, so `speechSynthesis` is replaced by a recording fake
 * before the pages load: what is tested is our side (which sentences, in what order, highlighted and
 * kept in view), not the voice.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionWorker } from '../../scripts/lib/launch-chromium';
import { seriousViolations } from './axe';
import { ARTIFACTS_DIR, startHarness, waitForReaderState, type Harness } from './harness';

const THEMES = ['light', 'sepia', 'dark', 'contrast', 'auto'] as const;

/** `chrome.storage.sync` as the service worker sees it (the tests run in Node, without its types). */
interface SyncGlobal {
  chrome: {
    storage: { sync: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  };
}

/** A recording stand-in for speechSynthesis (see the file comment). */
function installFakeSpeech() {
  type Utterance = { text: string; rate: number; lang: string; voice: unknown; onend?: () => void };
  const spoken: Utterance[] = [];
  const voices = [
    { voiceURI: 'fake-en', name: 'Fake English', lang: 'en-US', default: true, localService: true },
    { voiceURI: 'fake-de', name: 'Fake Deutsch', lang: 'de-DE', default: false, localService: true },
    { voiceURI: 'fake-ar', name: 'Fake Arabic', lang: 'ar-SA', default: false, localService: true },
  ];
  class FakeUtterance {
    rate = 1;
    lang = '';
    voice: unknown = null;
    onend?: () => void;
    onerror?: () => void;
    constructor(public text: string) {}
  }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      getVoices: () => voices,
      speak: (u: Utterance) => spoken.push(u),
      cancel: () => undefined,
      pause: () => undefined,
      resume: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    },
  });
  (window as unknown as { __speech: object }).__speech = {
    texts: () => spoken.map((u) => u.text),
    last: () => ({
      text: spoken.at(-1)?.text,
      rate: spoken.at(-1)?.rate,
      voice: (spoken.at(-1)?.voice as { voiceURI?: string } | null)?.voiceURI,
    }),
    finish: () => spoken.at(-1)?.onend?.(),
  };
}

interface SpeechProbe {
  texts(): string[];
  last(): { text?: string; rate?: number; voice?: string };
  finish(): void;
}
const speech = <T>(page: Page, fn: (s: SpeechProbe) => T) =>
  page.evaluate((source) => {
    const probe = (window as unknown as { __speech: SpeechProbe }).__speech;
    return new Function('s', `return (${source})(s)`)(probe) as T;
  }, fn.toString());

/** The text the CSS Custom Highlight `cr-speaking` covers, or null. */
const highlighted = (page: Page) =>
  page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('cr-speaking');
    return h ? [...h].map((r) => r.toString()).join('') : null;
  });

describe('reading settings, contents, listening and keys in Chromium', () => {
  let h: Harness;
  let reader: Page;
  let tabId: number;

  beforeAll(async () => {
    h = await startHarness();
    await h.context.addInitScript(installFakeSpeech);
    ({ tabId } = await h.openPage('/e2e/rich-article.html'));
    reader = await h.openReader(tabId, { viewport: { width: 640, height: 600 } });
    await reader.evaluate(() => document.fonts.ready.then(() => undefined));
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
  });

  afterAll(async () => {
    await h?.close();
  });

  const rootAttr = (name: string) => reader.evaluate((n) => document.documentElement.getAttribute(n), name);
  const bodyStyle = (prop: string) =>
    reader
      .getByTestId('reader-body')
      .locator('p')
      .first()
      .evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), prop);
  const storedSync = async () =>
    (await extensionWorker(h.context))
      .evaluate(() => (globalThis as unknown as SyncGlobal).chrome.storage.sync.get('settings'))
      .then((r) => r.settings);

  it('shows every theme with no serious accessibility violation, and a screenshot of each', async () => {
    await reader.getByTestId('settings-toggle').click();
    const luminance = () =>
      reader.evaluate(() => {
        const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
        return rgb(getComputedStyle(document.documentElement).backgroundColor).reduce((a, b) => a + b, 0) / 3;
      });
    const seen: Record<string, number> = {};
    for (const theme of THEMES) {
      await reader.getByTestId(`theme-${theme}`).check({ force: true });
      expect(await rootAttr('data-theme')).toBe(theme);
      seen[theme] = await luminance();
      expect(await seriousViolations(reader), `theme ${theme}, settings open`).toEqual([]);
      await reader.screenshot({ path: resolve(ARTIFACTS_DIR, `reader-theme-${theme}-settings.png`) });
    }
    await reader.keyboard.press('Escape');
    for (const theme of THEMES) {
      await reader.getByTestId('settings-toggle').click();
      await reader.getByTestId(`theme-${theme}`).check({ force: true });
      await reader.keyboard.press('Escape');
      expect(await seriousViolations(reader), `theme ${theme}`).toEqual([]);
      await reader.screenshot({ path: resolve(ARTIFACTS_DIR, `reader-theme-${theme}.png`) });
    }
    expect(seen.light).toBeGreaterThan(seen.sepia);
    expect(seen.sepia).toBeGreaterThan(seen.dark);
    expect(seen.dark).toBeGreaterThan(seen.contrast);
    expect(seen.contrast).toBe(0);
  });

  it('applies font, size, line height, width and justified text live, and stores them in storage.sync', async () => {
    await reader.getByTestId('settings-toggle').click();
    await reader.getByTestId('theme-sepia').check({ force: true });
    await reader.getByTestId('font-legible').check({ force: true });
    expect(await bodyStyle('font-family')).toMatch(/^"?Atkinson Hyperlegible/);
    await reader.getByTestId('font-size').fill('22');
    await reader.getByTestId('line-height').fill('1.9');
    expect(await bodyStyle('font-size')).toBe('22px');
    expect(parseFloat(await bodyStyle('line-height'))).toBeCloseTo(22 * 1.9, 0);
    const column = () => reader.getByTestId('reader').evaluate((el) => el.getBoundingClientRect().width);
    // The measure is in characters of the chosen face at the chosen size (capped by the popup's width).
    await reader.getByTestId('font-size').fill('16');
    await reader.getByTestId('content-width').fill('90');
    const wide = await column();
    await reader.getByTestId('content-width').fill('45');
    expect(await column()).toBeLessThan(wide - 80);
    await reader.getByTestId('font-size').fill('22');
    await reader.getByTestId('align-justify').check({ force: true });
    expect(await bodyStyle('text-align')).toBe('justify');
    expect(await bodyStyle('hyphens')).toBe('auto');
    await expect.poll(storedSync, { timeout: 5000 }).toMatchObject({
      theme: 'sepia',
      font: 'legible',
      fontSize: 22,
      lineHeight: 1.9,
      width: 45,
      align: 'justify',
    });
    await reader.screenshot({ path: resolve(ARTIFACTS_DIR, 'reader-settings-legible-justified.png') });

    // Another reader page (a second device would read the same sync item) opens with them.
    const other = await h.openReader(tabId, { viewport: { width: 640, height: 600 } });
    expect(await other.evaluate(() => document.documentElement.dataset.theme)).toBe('sepia');
    expect(
      await other
        .getByTestId('reader-body')
        .locator('p')
        .first()
        .evaluate((el) => getComputedStyle(el).fontSize),
    ).toBe('22px');
    // …and follows a change made here, live.
    await reader.getByTestId('theme-dark').check({ force: true });
    await other.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await other.close();
    await reader.getByTestId('align-start').check({ force: true });
    await reader.getByTestId('font-serif').check({ force: true });
    await reader.getByTestId('font-size').fill('18');
    await reader.getByTestId('line-height').fill('1.7');
    await reader.getByTestId('content-width').fill('65');
    await reader.getByTestId('theme-light').check({ force: true });
    await reader.keyboard.press('Escape');
  });

  it('gives a long article a table of contents that follows the scroll, a progress bar and time left', async () => {
    await reader.evaluate(() => window.scrollTo(0, 0));
    const progress = () => reader.getByTestId('reading-progress').getAttribute('aria-valuenow').then(Number);
    const before = { progress: await progress(), left: await reader.getByTestId('time-left').innerText() };
    expect(before.left).toMatch(/^\d+ min left$/);
    await reader.getByTestId('contents-toggle').click();
    const links = reader.getByTestId('contents-panel').locator('a');
    expect(await links.allInnerTexts()).toEqual([
      'Die Symptome',
      'Die Ursache',
      'Die Zahlen',
      'Was wir geändert haben',
    ]);
    await links.nth(2).click();
    await reader.waitForFunction(() => {
      const h = [...document.querySelectorAll('[data-testid="reader-body"] h2')][2];
      return Math.abs(h.getBoundingClientRect().top) < 140;
    });
    await reader.getByTestId('contents-toggle').click();
    await reader.waitForFunction(
      () =>
        document.querySelector('[data-testid="contents-panel"] a[aria-current="location"]')?.textContent ===
        'Die Zahlen',
    );
    await reader.keyboard.press('Escape');
    await reader.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(progress).toBe(100);
    expect(before.progress).toBeLessThan(100);
    expect(await reader.getByTestId('time-left').innerText()).toBe('Finished');
    await reader.evaluate(() => window.scrollTo(0, 0));
  });

  it('reads aloud sentence by sentence in the article’s language, highlighting and following the sentence', async () => {
    await reader.keyboard.press('l');
    await expect.poll(() => speech(reader, (s) => s.texts().length)).toBe(1);
    const first = await speech(reader, (s) => s.last());
    expect(first.voice).toBe('fake-de');
    expect(first.text!.length).toBeGreaterThan(10);
    expect(await highlighted(reader)).toBe(first.text);
    expect(await reader.getByTestId('listen-toggle').getAttribute('data-state')).toBe('playing');
    await speech(reader, (s) => s.finish());
    const second = await speech(reader, (s) => s.last().text);
    expect(second).not.toBe(first.text);
    expect(await highlighted(reader)).toBe(second);
    // Far into the article, the sentence being read is scrolled into view.
    for (let i = 0; i < 25; i++) await speech(reader, (s) => s.finish());
    const inView = () =>
      reader.evaluate(() => {
        const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('cr-speaking')!;
        const rect = [...h][0].getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= window.innerHeight;
      });
    await expect.poll(inView).toBe(true);
    expect(await reader.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    // Speed applies from the sentence being read; pause keeps the place.
    await reader.getByTestId('listen-rate').selectOption('1.5');
    // The new rate reaches the speech engine after the settings update re-queues the sentence.
    await expect.poll(() => speech(reader, (s) => s.last().rate)).toBe(1.5);
    await reader.keyboard.press('l');
    await expect.poll(() => reader.getByTestId('listen-toggle').getAttribute('data-state')).toBe('paused');
    await reader
      .getByTestId('listen-stop')
      .click({ trial: true })
      .catch(() => undefined);
    await reader.getByTestId('listen-stop').click();
    await expect.poll(() => highlighted(reader)).toBeNull();
    await reader.keyboard.press('Escape');
  });

  it('works by keyboard alone: size and theme keys, a help overlay that keeps and returns focus, visible focus', async () => {
    const size = () => bodyStyle('font-size');
    const start = parseFloat(await size());
    await reader.keyboard.press('+');
    expect(parseFloat(await size())).toBe(start + 1);
    await reader.keyboard.press('-');
    expect(parseFloat(await size())).toBe(start);
    const theme = await rootAttr('data-theme');
    await reader.keyboard.press('t');
    expect(await rootAttr('data-theme')).not.toBe(theme);

    await reader.getByTestId('help-open').focus();
    await reader.keyboard.press('?');
    const dialog = reader.getByTestId('help-overlay');
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    const keys = await dialog.locator('kbd').allInnerTexts();
    for (const k of ['+', '-', 't', 'l', 'c', '?', 'Esc']) expect(keys).toContain(k);
    expect(await dialog.innerText()).toContain('Alt+Shift+E');
    for (let i = 0; i < 4; i++) await reader.keyboard.press('Tab');
    expect(await reader.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null)).toBe(true);
    expect(await seriousViolations(reader)).toEqual([]);
    await reader.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await reader.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('help-open');

    // Tab from the top reaches the reading tools, each with a visible focus ring and a name.
    await reader.evaluate(() => window.scrollTo(0, 0));
    await reader.locator('.brand').click(); // keyboard navigation starts from the top
    const visited: Array<{ name: string; outline: string }> = [];
    for (let i = 0; i < 9; i++) {
      await reader.keyboard.press('Tab');
      const focused = await reader.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        if (el === document.body) return null;
        const s = getComputedStyle(el);
        return {
          name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '',
          outline: `${s.outlineStyle} ${s.outlineWidth}`,
        };
      });
      if (focused) visited.push(focused);
    }
    expect(visited.length).toBeGreaterThanOrEqual(7);
    for (const v of visited) {
      expect(v.name).not.toBe('');
      expect(v.outline, v.name).not.toMatch(/^none|0px$/);
    }
    expect(visited.map((v) => v.name)).toEqual(expect.arrayContaining(['Text and theme', 'Listen', 'Contents']));
    await reader.keyboard.press('a');
    await reader.getByTestId('settings-panel').waitFor();
    await reader.keyboard.press('Escape');
    await reader.getByTestId('theme-light').waitFor({ state: 'detached' });
  });

  it('saves the article with the s key, and the library then lists it', async () => {
    const save = reader.getByTestId('save-button');
    await reader.waitForSelector('[data-testid="save-button"][data-state="unsaved"]');
    // The key is the reader's, not a text field's: start from the page, not from a focused control.
    await reader.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await reader.keyboard.press('s');
    await reader.waitForSelector('[data-testid="save-button"][data-state="saved"]');
    expect(await save.getAttribute('aria-pressed')).toBe('true');
    const library = await h.context.newPage();
    h.watch(library);
    await library.goto(`chrome-extension://${h.extensionId}/library.html`);
    await library.waitForFunction(
      (title) =>
        [...document.querySelectorAll('[data-testid="library-item"] .item-title')].some(
          (el) => el.textContent?.trim() === title,
        ),
      'Warum unser Build plötzlich 40 Minuten dauerte',
    );
    await library.close();
  });

  it('prints the article alone', async () => {
    await reader.emulateMedia({ media: 'print' });
    const shown = await reader.evaluate(() =>
      ['.toolbar', '.reading-bar', '.reading-progress', '.removed-toggle'].map((s) => {
        const el = document.querySelector(s);
        return el ? getComputedStyle(el).display : 'absent';
      }),
    );
    expect(shown.filter((d) => d !== 'none' && d !== 'absent')).toEqual([]);
    expect(await reader.getByTestId('reader-body').isVisible()).toBe(true);
    await reader.emulateMedia({ media: 'screen' });
  });

  it('reads a right-to-left article with its language and direction, keeping pictures, tables and code in the column', async () => {
    const { tabId: rtlTab } = await h.openPage('/e2e/rtl-article.html');
    const rtl = await h.openReader(rtlTab, { viewport: { width: 640, height: 700 } });
    expect(await waitForReaderState(rtl)).toBe('article');
    const article = rtl.getByTestId('reader');
    expect(await article.getAttribute('lang')).toBe('ar');
    expect(await article.getAttribute('dir')).toBe('rtl');
    expect(await rtl.getByTestId('reader-body').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // The UI around it stays in the UI's language and direction.
    expect(await rtl.getByTestId('reading-bar').getAttribute('lang')).toBe('en');
    const column = (await rtl.getByTestId('reader-body').boundingBox())!;
    const img = (await rtl.getByTestId('reader-body').locator('img').boundingBox())!;
    expect(img.width).toBeLessThanOrEqual(column.width + 0.5);
    expect(img.x).toBeGreaterThanOrEqual(column.x - 0.5);
    for (const selector of ['table', 'pre']) {
      const el = rtl.getByTestId('reader-body').locator(selector);
      expect(await el.evaluate((e) => e.scrollWidth > e.clientWidth), selector).toBe(true);
      const box = (await el.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(column.x - 0.5);
      expect(box.x + box.width).toBeLessThanOrEqual(column.x + column.width + 0.5);
    }
    expect(await rtl.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(
      await rtl
        .getByTestId('reader-body')
        .locator('pre')
        .evaluate((e) => getComputedStyle(e).fontFamily),
    ).toMatch(/mono/i);
    await rtl.keyboard.press('l');
    await expect.poll(() => speech(rtl, (s) => s.last().voice)).toBe('fake-ar');
    expect(await seriousViolations(rtl)).toEqual([]);
    await rtl.screenshot({ path: resolve(ARTIFACTS_DIR, 'reader-rtl.png'), fullPage: true });
    await rtl.close();
  });

  it('is the same reader in a full tab (reader.html?tabId=N), with docked contents, in every theme', async () => {
    const tab = await h.context.newPage();
    h.watch(tab);
    await tab.setViewportSize({ width: 1280, height: 800 });
    await tab.goto(`chrome-extension://${h.extensionId}/reader.html?tabId=${tabId}`);
    expect(await waitForReaderState(tab)).toBe('article');
    const docked = tab.locator('.contents-panel.is-docked');
    await docked.waitFor();
    for (const theme of THEMES) {
      await tab.keyboard.press('a');
      await tab.getByTestId(`theme-${theme}`).check({ force: true });
      await tab.keyboard.press('Escape');
      expect(await seriousViolations(tab), `full tab, ${theme}`).toEqual([]);
      await tab.screenshot({ path: resolve(ARTIFACTS_DIR, `reader-tab-${theme}.png`) });
    }
    await tab.close();
  });

  it('is the same reader in the side panel page (sidepanel.html?tabId=N), narrow', async () => {
    const panel = await h.context.newPage();
    h.watch(panel);
    await panel.setViewportSize({ width: 360, height: 720 });
    await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tabId=${tabId}`);
    expect(await waitForReaderState(panel)).toBe('article');
    await panel.screenshot({ path: resolve(ARTIFACTS_DIR, 'reader-side-panel.png') });
    expect(await panel.evaluate(() => document.documentElement.classList.contains('in-panel'))).toBe(true);
    expect(await panel.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousViolations(panel)).toEqual([]);
    await panel.close();
  });

  it('has a library page with no serious accessibility violation in any theme', async () => {
    const library = await h.context.newPage();
    h.watch(library);
    await library.goto(`chrome-extension://${h.extensionId}/library.html`);
    await library.waitForFunction(() => !document.querySelector('[data-testid="state-loading"]'));
    const worker = await extensionWorker(h.context);
    for (const theme of THEMES) {
      await worker.evaluate(async (t) => {
        const sync = (globalThis as unknown as SyncGlobal).chrome.storage.sync;
        const { settings } = await sync.get('settings');
        await sync.set({ settings: { ...(settings as object), theme: t } });
      }, theme);
      await library.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
      // Buttons fade their background to the new theme (a 120 ms transition): check the colours they end on.
      await library.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      expect(await seriousViolations(library), `library, ${theme}`).toEqual([]);
    }
    await library.close();
  });

  it('has a settings page (the browser’s Options) that changes every reader, with no serious violation in any theme', async () => {
    const options = await h.context.newPage();
    h.watch(options);
    await options.setViewportSize({ width: 900, height: 900 });
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.getByTestId('options-page').waitFor();
    for (const theme of THEMES) {
      await options.getByTestId(`theme-${theme}`).check({ force: true });
      expect(await seriousViolations(options), `settings page, ${theme}`).toEqual([]);
    }
    await options.screenshot({ path: resolve(ARTIFACTS_DIR, 'settings-page.png'), fullPage: true });
    await options.getByTestId('font-size').fill('20');
    expect(await options.locator('.options-sample p').evaluate((el) => getComputedStyle(el).fontSize)).toBe('20px');
    await reader.waitForFunction(
      () => getComputedStyle(document.querySelector('[data-testid="reader-body"] p')!).fontSize === '20px',
    );
    await options.getByTestId('font-size').fill('18');
    await options.getByTestId('theme-light').check({ force: true });
    await options.close();
  });

  it('logs no console errors in the extension', () => {
    expect(h.extensionProblems()).toEqual([]);
  });
});
