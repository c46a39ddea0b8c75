/**
 * `npm test` starts here: the browser tests need a Chromium, so say in one line how to get one rather
 * than fail later with a stack trace.
 */
import { existsSync } from 'node:fs';
import { chromiumPath } from './lib/browser-path';

if (!existsSync(chromiumPath())) {
  console.error(
    `No Chromium at ${chromiumPath()}: install it with "sudo apt-get install -y chromium" or set CHROME_PATH to a Chromium or Chrome binary.`,
  );
  process.exit(1);
}
