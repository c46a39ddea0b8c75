/**
 * The Firefox browser-test harness: Debian's Firefox ESR with the Firefox e2e build installed as a
 * temporary add-on (puppeteer-core over WebDriver BiDi), fixture pages served from 127.0.0.1, and the
 * extension's pages opened through the e2e open hook (utils/e2e-open-hook.ts), because BiDi refuses
 * to navigate to `moz-extension://` URLs. Every page is watched for console errors and uncaught errors,
 * and every `alert()`/`confirm()` is dismissed: puppeteer leaves them open, and a page stuck in a
 * dialog never answers the reader's injection.
 *
 *   const h = await startFirefoxHarness();
 *   const { url } = await h.openPage('/pages/seed-tumble/source.html');
 *   const reader = await h.openReader(url);
 *   expect(await readerState(reader)).toBe('article');
 *   await h.close();
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server';
import { launchFirefoxWithExtension } from '../../scripts/lib/launch-firefox';
import { E2E_OPEN_PATH } from '../../utils/e2e-open-hook';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** `npm run build:firefox:e2e`'s output: the Firefox build plus host permissions for 127.0.0.1. */
export const FIREFOX_EXTENSION_DIR = resolve(ROOT, '.output/firefox-mv3-e2e');

export const DEFAULT_ROOTS: Record<string, string> = {
  '/pages/': resolve(ROOT, 'tests/fixtures/pages'),
  '/fixtures/': resolve(ROOT, 'tests/fixtures'),
};

export type ReaderState = 'loading' | 'article' | 'not-article' | 'shown-anyway' | 'restricted' | 'failed';

export interface PageProblem {
  /** True when it came from one of the extension's own pages. */
  extension: boolean;
  kind: 'console' | 'pageerror';
  text: string;
}

export interface FirefoxHarnessOptions {
  /** Extra or replacement fixture folders by URL prefix, merged over DEFAULT_ROOTS. */
  roots?: Record<string, string>;
  /** Origins that served pages treat as their own site (see scripts/lib/fixture-server.ts). */
  rehost?: string[];
  extensionDir?: string;
}

export interface FirefoxHarness {
  browser: Browser;
  /** `moz-extension://UUID` */
  extensionOrigin: string;
  /** Serves the fixture pages; `closeServer()` takes it away (the "offline" tests). */
  server: FixtureServer;
  problems: PageProblem[];
  extensionProblems(): PageProblem[];
  /** Opens a served path (or any URL) in a new tab; returns the page and the URL it shows. */
  openPage(pathOrUrl: string): Promise<{ page: Page; url: string }>;
  /**
   * Opens an extension page (`/library.html`, `/reader.html?id=3`) in a new tab through the hook;
   * with `tabFor`, the page gets `tabId=N` of the tab showing that URL.
   */
  openExtensionPage(path: string, options?: { tabFor?: string }): Promise<Page>;
  /** The reader for the tab showing `url` (`popup.html?tabId=N`), past its loading state. */
  openReader(url: string): Promise<Page>;
  /** Stops the fixture server: from then on the pages' site is unreachable. */
  closeServer(): Promise<void>;
  close(): Promise<void>;
}

export async function startFirefoxHarness(options: FirefoxHarnessOptions = {}): Promise<FirefoxHarness> {
  const extensionDir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
    throw new Error(
      `No Firefox extension build in ${extensionDir}: run "npm run build:firefox:e2e" first (npm run test:e2e:firefox does).`,
    );
  }
  const server = await startFixtureServer({ roots: { ...DEFAULT_ROOTS, ...options.roots }, rehost: options.rehost });
  // The hook's address lives on a server of its own, so it still answers once the pages' server is gone.
  const control = await startFixtureServer({ roots: {}, handle: answerHook });
  let launched;
  try {
    launched = await launchFirefoxWithExtension({ extensionDir });
  } catch (error) {
    await Promise.all([server.close(), control.close()]);
    throw error;
  }
  const { browser, extensionOrigin } = launched;
  const problems: PageProblem[] = [];
  const extensionPages = new WeakSet<Page>();
  const watched = new WeakSet<Page>();
  let serverOpen = true;

  const watch = (page: Page) => {
    if (watched.has(page)) return;
    watched.add(page);
    page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const from = msg.location()?.url ?? '';
      problems.push({ extension: extensionPages.has(page) || from.startsWith(extensionOrigin), kind: 'console', text: msg.text() });
    });
    page.on('pageerror', (error) => {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      const stack = error instanceof Error ? (error.stack ?? '') : '';
      problems.push({ extension: extensionPages.has(page) || stack.includes(extensionOrigin), kind: 'pageerror', text });
    });
  };
  browser.on('targetcreated', (target) => {
    void target
      .page()
      .then((page) => page && watch(page))
      .catch(() => undefined);
  });

  /**
   * A tab, not among `before`, whose document is at an address starting with `prefix` (BiDi keeps
   * stale `url()`s for tabs the extension opens, so each page is asked).
   */
  const findNewPage = async (before: Set<Page>, prefix: string, timeoutMs = 15_000): Promise<Page> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const page of await browser.pages()) {
        if (before.has(page)) continue;
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(prefix)) return page;
      }
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error(`No tab opened ${prefix} within ${timeoutMs / 1000} s (see the e2e open hook).`);
  };

  const harness: FirefoxHarness = {
    browser,
    extensionOrigin,
    server,
    problems,
    extensionProblems: () => problems.filter((p) => p.extension),
    async openPage(pathOrUrl) {
      const page = await browser.newPage();
      watch(page);
      const url = /^[a-z][a-z0-9+.-]*:/i.test(pathOrUrl) ? pathOrUrl : server.url(pathOrUrl);
      await page.goto(url, { waitUntil: 'load' });
      return { page, url };
    },
    async openExtensionPage(path, { tabFor } = {}) {
      const hook = new URL(E2E_OPEN_PATH, control.origin);
      hook.searchParams.set('page', path);
      if (tabFor) hook.searchParams.set('tabFor', tabFor);
      const before = new Set(await browser.pages());
      const opener = await browser.newPage();
      // The hook closes this tab as it opens the extension page, so the navigation may never finish.
      void opener.goto(hook.href).catch(() => undefined);
      const page = await findNewPage(before, `${extensionOrigin}${path}`);
      extensionPages.add(page);
      watch(page);
      await page.waitForFunction(() => document.readyState === 'complete', { timeout: 15_000 });
      return page;
    },
    async openReader(url) {
      const reader = await harness.openExtensionPage('/popup.html', { tabFor: url });
      await waitForReaderState(reader);
      return reader;
    },
    async closeServer() {
      if (!serverOpen) return;
      serverOpen = false;
      await server.close();
    },
    async close() {
      await launched.close();
      await Promise.all([harness.closeServer(), control.close()]);
    },
  };
  return harness;
}

/** The hook's landing page: any answer will do, the background acts on the address alone. */
function answerHook(req: IncomingMessage, res: ServerResponse): boolean {
  if (!req.url?.startsWith(E2E_OPEN_PATH)) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end('<!doctype html><title>Opening…</title>');
  return true;
}

export async function readerState(reader: Page): Promise<ReaderState> {
  return (await reader.$eval('[data-testid="reader-app"]', (el) => el.getAttribute('data-state'))) as ReaderState;
}

/** Waits until the reader has left the loading state (or reached `state`), and returns the state. */
export async function waitForReaderState(reader: Page, state?: ReaderState, timeout = 15_000): Promise<ReaderState> {
  await reader.waitForFunction(
    (wanted) => {
      const s = document.querySelector('[data-testid="reader-app"]')?.getAttribute('data-state');
      return wanted ? s === wanted : Boolean(s) && s !== 'loading';
    },
    { timeout },
    state ?? null,
  );
  return readerState(reader);
}

/** An element's rendered text (`innerText`), or '' when it is not there. */
export async function textOf(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (el) => (el as HTMLElement).innerText).catch(() => '');
}

/** What the reader shows as the article: its title and its body's rendered text. */
export async function readerText(reader: Page): Promise<{ title: string; body: string }> {
  return {
    title: (await textOf(reader, '[data-testid="reader-title"]')).trim(),
    body: await textOf(reader, '[data-testid="reader-body"]'),
  };
}
