/**
 * `npm test` starts here: the browser tests need a Chromium and a Firefox, so say in one line each how
 * to get them rather than fail later with a stack trace.
 */
import { existsSync } from 'node:fs';
import { chromiumPath, firefoxPath } from './lib/browser-path';

const missing: string[] = [];
if (!existsSync(chromiumPath())) {
  missing.push(
    `No Chromium at ${chromiumPath()}: install it with "sudo apt-get install -y chromium" or set CHROME_PATH to a Chromium or Chrome binary.`,
  );
}
if (!existsSync(firefoxPath())) {
  missing.push(
    `No Firefox at ${firefoxPath()}: install it with "sudo apt-get install -y firefox-esr" or set FIREFOX_PATH to a Firefox binary (140 or later).`,
  );
}
if (missing.length) {
  for (const line of missing) console.error(line);
  process.exit(1);
}
