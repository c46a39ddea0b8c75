/**
 * Firefox with the built extension installed as a temporary add-on, driven by puppeteer-core over
 * WebDriver BiDi (tests/e2e-firefox/harness.ts). Never downloads a browser: it drives `firefoxPath()`.
 *
 * Firefox gives each installed extension a random `moz-extension://UUID` origin per profile. The
 * `extensions.webextensions.uuids` preference fixes it before the install, so the tests know the
 * extension's pages' addresses without asking the browser.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { firefoxPath } from './browser-path';

export interface FirefoxLaunchOptions {
  /** A built, unpacked Firefox extension folder (`.output/firefox-mv3-e2e`). */
  extensionDir: string;
  headless?: boolean;
}

export interface LaunchedFirefox {
  browser: Browser;
  /** `moz-extension://UUID`: the origin of the extension's pages. */
  extensionOrigin: string;
  /** Closes the browser (puppeteer removes its temporary profile). Safe to call twice. */
  close(): Promise<void>;
}

/** The add-on id in a built manifest: Firefox keys the UUID preference on it. */
export function geckoId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(resolve(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

export async function launchFirefoxWithExtension(options: FirefoxLaunchOptions): Promise<LaunchedFirefox> {
  // BiDi's install command wants an absolute path ("Expected absolute path" otherwise).
  const extensionDir = resolve(options.extensionDir);
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: options.headless ?? true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId(extensionDir)]: uuid }),
    },
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await browser.close().catch(() => undefined);
  };
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await close();
    throw error;
  }
  return { browser, extensionOrigin: `moz-extension://${uuid}`, close };
}
