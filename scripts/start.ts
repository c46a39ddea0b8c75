/**
 * `npm start`: see Clean Reader work with one command. Builds the extension, serves the demo article
 * (the seed page, from the project's own fixtures) on 127.0.0.1, opens Chromium with the extension
 * loaded, the article in one tab and the reader on it in the next, and stays open until the browser is
 * closed or Ctrl+C.
 *
 *   npm start                  a browser window (needs a display)
 *   npm start -- --headless    no window: writes tests/artifacts/start.png and exits
 *
 * Chromium is `CHROME_PATH` or /usr/bin/chromium.
 *
 * It loads the e2e build, not the production one. In real use the toolbar click grants `activeTab`
 * for the page; a script cannot click the toolbar, so the demo uses the variant that may read
 * 127.0.0.1 and localhost (and nothing else) and opens the reader as `popup.html?tabId=N`, exactly as
 * the "Open in a tab" button does. To try the production build, load `.output/chrome-mv3` by hand (see
 * the README) and click the toolbar button on any article.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { chromiumPath } from './lib/browser-path';
import { startFixtureServer } from './lib/fixture-server';
import { launchWithExtension, readerUrl, tabIdOf } from './lib/launch-chromium';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_DIR = resolve(ROOT, '.output/chrome-mv3-e2e');
const PAGES_DIR = resolve(ROOT, 'tests/fixtures/pages');
const DEMO = 'seed-tumble';
const SCREENSHOT = resolve(ROOT, 'tests/artifacts/start.png');

function fail(message: string): never {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

async function waitForReader(reader: Page): Promise<string> {
  await reader.waitForFunction(
    () => {
      const state = document.querySelector('[data-testid="reader-app"]')?.getAttribute('data-state');
      return Boolean(state) && state !== 'loading';
    },
    undefined,
    { timeout: 20_000 },
  );
  return (await reader.getAttribute('[data-testid="reader-app"]', 'data-state')) ?? 'unknown';
}

async function main(): Promise<void> {
  const headless = process.argv.includes('--headless');
  if (!existsSync(chromiumPath())) {
    fail(`no Chromium at ${chromiumPath()}: install it (sudo apt-get install -y chromium) or set CHROME_PATH.`);
  }
  if (!headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    fail('no display to open a window on. Run "npm start -- --headless" for a screenshot instead.');
  }

  console.log('Building the extension (e2e variant: it may read 127.0.0.1 without a toolbar click)…');
  const build = spawnSync('npx', ['wxt', 'build', '--mode', 'e2e'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) fail('the build failed (see above).');

  // The seed page links to its own site by absolute URL; served as if from there, it reads as at home.
  const expected = JSON.parse(readFileSync(resolve(PAGES_DIR, DEMO, 'expected.json'), 'utf8')) as { url: string };
  const server = await startFixtureServer({ roots: { '/pages/': PAGES_DIR }, rehost: [new URL(expected.url).origin] });
  const browser = await launchWithExtension({
    extensionDir: EXTENSION_DIR,
    headless,
    viewport: headless ? { width: 1280, height: 900 } : null,
  });
  let closing = false;
  const shutdown = async (code: number) => {
    if (closing) return;
    closing = true;
    await browser.close();
    await server.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const { context, extensionId } = browser;
    const article = context.pages()[0] ?? (await context.newPage());
    await article.goto(server.url(`/pages/${DEMO}/source.html`), { waitUntil: 'load' });
    const tabId = await tabIdOf(context, article);
    const reader = await context.newPage();
    await reader.goto(readerUrl(extensionId, tabId));
    const state = await waitForReader(reader);
    await reader.bringToFront();
    console.log(`The article: ${article.url()}`);
    console.log(`The reader:  ${reader.url()} (${state})`);

    if (headless) {
      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      await reader.evaluate(() => document.fonts.ready.then(() => undefined));
      await reader.screenshot({ path: SCREENSHOT });
      console.log(`Screenshot: ${SCREENSHOT}`);
      await shutdown(state === 'article' ? 0 : 1);
      return;
    }
    console.log('Close the browser or press Ctrl+C to stop.');
    context.on('close', () => void shutdown(0));
  } catch (error) {
    console.error(error);
    await shutdown(1);
  }
}

await main();
