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

/**
 * Entries over their budget, held where they are until the cause is fixed, so that nothing makes them
 * bigger meanwhile (the issue stays open while this list is not empty; `npm run check:size` still
 * reports them as over). A ceiling only comes down: lower it when the entry shrinks, and the second
 * test below fails once the entry is within its budget, so the ceiling goes. Raising one needs the
 * team's say in the issue. Empty since 2026-11-26: the injected script (70.8 KB with the whole pipeline
 * in the page) came within its 60 KB once the after steps moved to the extension (46.1 KB).
 */
const INTERIM_CEILINGS: Record<string, number> = {};

describe('bundle size of the production build', () => {
  const entries = measureEntries(PROD_DIR, EXTENSION_ENTRIES.filter((e) => e.budget !== undefined));

  it.each(entries.map((e) => [e.name, e] as const))('%s is within its budget (or its interim ceiling)', (_name, entry) => {
    expect(entry.files.length).toBeGreaterThan(0);
    const limit = INTERIM_CEILINGS[entry.name] ?? entry.budget!;
    const largest = [...entry.files].sort((a, b) => b.bytes - a.bytes).slice(0, 5).map((f) => `${f.file} ${f.bytes}`);
    expect(entry.total, `${entry.name}: ${entry.total} bytes minified, limit ${limit} (budget ${entry.budget}); largest files: ${largest.join(', ')}`).toBeLessThanOrEqual(limit);
  });

  it('keeps an interim ceiling only for an entry still over its budget', () => {
    for (const [name, ceiling] of Object.entries(INTERIM_CEILINGS)) {
      const entry = entries.find((e) => e.name === name);
      expect(entry, `${name} is measured`).toBeDefined();
      expect(ceiling, `${name}: a ceiling above the budget`).toBeGreaterThan(entry!.budget!);
      expect(entry!.total, `${name} is within its budget now: delete its interim ceiling`).toBeGreaterThan(entry!.budget!);
    }
  });
});
