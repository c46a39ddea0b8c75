/**
 * Bundle-size budgets (issue 8), checked on what ships: the production build (`npm run build`, which
 * `npm run test:e2e` runs first). The injected script, which runs in every page the user reads, stays
 * within 60 KB minified; the popup, which opens on every click, within 80 KB (fonts excluded, shared
 * chunks counted for each). Size is deterministic, so unlike time it is a test. `npm run bench:size`
 * (or `npm run check:size`) prints every entry's figures; scripts/lib/bundle-size.ts says how they are found.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ENTRIES, measureEntries } from '../../scripts/lib/bundle-size';
import { ROOT } from './harness';

const PROD_DIR = resolve(ROOT, '.output/chrome-mv3');

describe('bundle size of the production build', () => {
  const entries = measureEntries(PROD_DIR, EXTENSION_ENTRIES.filter((e) => e.budget !== undefined));

  it.each(entries.map((e) => [e.name, e] as const))('%s is within its budget', (_name, entry) => {
    expect(entry.files.length).toBeGreaterThan(0);
    const largest = [...entry.files].sort((a, b) => b.bytes - a.bytes).slice(0, 5).map((f) => `${f.file} ${f.bytes}`);
    expect(entry.total, `${entry.name}: ${entry.total} bytes minified, budget ${entry.budget}; largest files: ${largest.join(', ')}`).toBeLessThanOrEqual(entry.budget!);
  });
});
