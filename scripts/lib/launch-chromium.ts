/**
 * Chromium with the built extension loaded, driven by playwright-core: shared by the browser tests
 * (tests/e2e/harness.ts) and `npm start`. Never downloads a browser: it drives `chromiumPath()`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from './browser-path';

/**
 * The flags from docs/toolchain: load only our extension; and keep Chromium off the network it would
 * otherwise flood (component updates, sync, QUIC probes) on a closed machine.
 */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ];
}

export interface LaunchOptions {
  /** A built, unpacked extension folder (`.output/chrome-mv3-e2e`). */
  extensionDir: string;
  headless?: boolean;
  /** Profile folder; a fresh temporary one (removed on `close`) when omitted. */
  userDataDir?: string;
  /** Page size; `null` lets pages follow the window (headed use). Playwright's 1280x720 when omitted. */
  viewport?: { width: number; height: number } | null;
  /** More command-line flags, e.g. `--lang=id` to see the extension in another UI language. */
  extraArgs?: string[];
}

export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Closes the browser and removes the temporary profile. Safe to call twice. */
  close(): Promise<void>;
}

export async function launchWithExtension(options: LaunchOptions): Promise<LaunchedBrowser> {
  const ownProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'clean-reader-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args: [...chromiumArgs(options.extensionDir), ...(options.extraArgs ?? [])],
    ...(options.viewport !== undefined ? { viewport: options.viewport } : {}),
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => undefined);
    if (ownProfile) rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    const worker = await extensionWorker(context);
    return { context, extensionId: new URL(worker.url()).host, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The extension's service worker, waiting for it to start when it has not yet. */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const running = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (running) return running;
  return context.waitForEvent('serviceworker', {
    predicate: (w) => w.url().startsWith('chrome-extension://'),
    timeout: 15_000,
  });
}

/** The subset of `chrome.tabs` the helpers below call inside the service worker. */
interface ChromeTabs {
  chrome: { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string; active: boolean }>> } };
}

/**
 * The browser's tab id of a Playwright page, asked of the extension's service worker (Playwright
 * does not expose it). Matches by URL; when several tabs show the same URL, the page is brought to
 * the front and the active one is taken.
 */
export async function tabIdOf(context: BrowserContext, page: Page): Promise<number> {
  const url = page.url();
  const worker = await extensionWorker(context);
  const find = () =>
    worker.evaluate(async (wanted) => {
      const tabs = await (globalThis as unknown as ChromeTabs).chrome.tabs.query({});
      return tabs.filter((t) => t.url === wanted).map((t) => ({ id: t.id, active: t.active }));
    }, url);
  let matches = await find();
  if (matches.length > 1) {
    await page.bringToFront();
    matches = (await find()).filter((t) => t.active);
  }
  if (matches.length !== 1 || typeof matches[0].id !== 'number') {
    throw new Error(`Expected one tab showing ${url}, found ${matches.length}`);
  }
  return matches[0].id;
}

/** `popup.html?tabId=N`: the reader for tab N, as the "open in a tab" button opens it. */
export function readerUrl(extensionId: string, tabId: number): string {
  return `chrome-extension://${extensionId}/popup.html?tabId=${tabId}`;
}
