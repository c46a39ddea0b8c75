/**
 * The browser-test harness: Debian's Chromium with the e2e build of the extension loaded, fixture pages
 * served from 127.0.0.1, and the reader opened as `popup.html?tabId=N` for a page (Playwright cannot
 * see the real popup window). Every page it opens is watched for console errors and uncaught errors.
 *
 *   const h = await startHarness();
 *   const { tabId } = await h.openPage('/pages/seed-tumble/source.html');
 *   const reader = await h.openReader(tabId);
 *   expect(await readerState(reader)).toBe('article');
 *   expect(h.problems.filter(p => p.extension)).toEqual([]);
 *   await h.close();
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server';
import { launchWithExtension, readerUrl, tabIdOf } from '../../scripts/lib/launch-chromium';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** `npm run build:e2e`'s output: the production extension plus host permissions for 127.0.0.1. */
export const EXTENSION_DIR = resolve(ROOT, '.output/chrome-mv3-e2e');
export const ARTIFACTS_DIR = resolve(ROOT, 'tests/artifacts');

/** What the fixture server serves by default, by URL prefix. */
export const DEFAULT_ROOTS: Record<string, string> = {
  '/pages/': resolve(ROOT, 'tests/fixtures/pages'),
  '/fixtures/': resolve(ROOT, 'tests/fixtures'),
  '/e2e/': resolve(ROOT, 'tests/e2e/fixtures'),
};

/** A console error or uncaught exception seen on a page. */
export interface PageProblem {
  /** True when it came from one of the extension's own pages (the reader). */
  extension: boolean;
  url: string;
  kind: 'console' | 'pageerror';
  text: string;
}

/** The reader's states, as `data-state` on its root (see entrypoints/popup/App.tsx). */
export type ReaderState = 'loading' | 'article' | 'not-article' | 'shown-anyway' | 'restricted' | 'failed';

export interface HarnessOptions {
  /** Extra or replacement fixture folders by URL prefix, merged over DEFAULT_ROOTS. */
  roots?: Record<string, string>;
  /** Origins that served pages treat as their own site, rewritten to the fixture server's (see fixture-server.ts). */
  rehost?: string[];
  /** Answers requests before the static roots (slow or odd responses); return true when handled. */
  handle?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  extensionDir?: string;
  /** Headless unless false (the tests always are; `npm start` is not). */
  headless?: boolean;
  viewport?: { width: number; height: number } | null;
  /** More Chromium flags (`--lang=id` shows the extension's Indonesian strings). */
  browserArgs?: string[];
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  server: FixtureServer;
  /** Console errors and uncaught errors from every page opened so far. */
  problems: PageProblem[];
  /** Only the extension's own problems: what "no console errors" means for the reader. */
  extensionProblems(): PageProblem[];
  /** Opens a served path (or any URL) in a new tab and returns it with its browser tab id. */
  openPage(pathOrUrl: string): Promise<{ page: Page; tabId: number }>;
  /** Opens `popup.html?tabId=N` in a new tab and waits until it has left the loading state. */
  openReader(tabId: number, options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /** Starts watching a page the harness did not open itself (popups, tabs the extension created). */
  watch(page: Page): void;
  close(): Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(resolve(extensionDir, 'manifest.json'))) {
    throw new Error(`No extension build in ${extensionDir}: run "npm run build:e2e" first (npm run test:e2e does).`);
  }
  const server = await startFixtureServer({
    roots: { ...DEFAULT_ROOTS, ...options.roots },
    handle: options.handle,
    rehost: options.rehost,
  });
  let browser;
  try {
    browser = await launchWithExtension({
      extensionDir,
      headless: options.headless ?? true,
      viewport: options.viewport,
      extraArgs: options.browserArgs,
    });
  } catch (error) {
    await server.close();
    throw error;
  }
  const { context, extensionId } = browser;
  const problems: PageProblem[] = [];
  const watched = new WeakSet<Page>();

  const watch = (page: Page) => {
    if (watched.has(page)) return;
    watched.add(page);
    const isExtension = () => page.url().startsWith(`chrome-extension://${extensionId}/`);
    page.on('console', (msg) => {
      if (msg.type() === 'error')
        problems.push({ extension: isExtension(), url: page.url(), kind: 'console', text: msg.text() });
    });
    page.on('pageerror', (error) => {
      problems.push({
        extension: isExtension(),
        url: page.url(),
        kind: 'pageerror',
        text: `${error.name}: ${error.message}`,
      });
    });
  };
  context.on('page', watch);
  for (const page of context.pages()) watch(page);

  return {
    context,
    extensionId,
    server,
    problems,
    extensionProblems: () => problems.filter((p) => p.extension),
    watch,
    async openPage(pathOrUrl) {
      const page = await context.newPage();
      watch(page);
      const url = /^[a-z][a-z0-9+.-]*:/i.test(pathOrUrl) ? pathOrUrl : server.url(pathOrUrl);
      await page.goto(url, { waitUntil: 'load' });
      return { page, tabId: await tabIdOf(context, page) };
    },
    async openReader(tabId, readerOptions = {}) {
      const page = await context.newPage();
      watch(page);
      if (readerOptions.viewport) await page.setViewportSize(readerOptions.viewport);
      await page.goto(readerUrl(extensionId, tabId));
      await waitForReaderState(page);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** The reader's current state. */
export async function readerState(reader: Page): Promise<ReaderState> {
  return (await reader.getAttribute('[data-testid="reader-app"]', 'data-state')) as ReaderState;
}

/** Waits until the reader has left the loading state (or reached `state`), and returns the state. */
export async function waitForReaderState(reader: Page, state?: ReaderState, timeout = 15_000): Promise<ReaderState> {
  await reader.waitForFunction(
    (wanted) => {
      const s = document.querySelector('[data-testid="reader-app"]')?.getAttribute('data-state');
      return wanted ? s === wanted : Boolean(s) && s !== 'loading';
    },
    state,
    { timeout },
  );
  return readerState(reader);
}

/** What the reader shows as the article: its title and its body's rendered text. */
export async function readerText(reader: Page): Promise<{ title: string; body: string }> {
  return {
    title: (await reader.locator('[data-testid="reader-title"]').innerText()).trim(),
    body: await reader.locator('[data-testid="reader-body"]').innerText(),
  };
}
