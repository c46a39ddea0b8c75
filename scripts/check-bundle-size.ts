/**
 * The bundle-size budgets of issue 8, checked on the production build (`.output/chrome-mv3`): the
 * injected script <= 60 KB and the popup <= 80 KB minified, fonts excluded. Size is deterministic, so
 * this is a test: `npm run test:e2e` runs it right after `npm run build`, and it exits non-zero when a
 * budget is exceeded or the build is missing. `npm run bench:size` prints the same table with figures
 * for every entry.
 */
import { join } from 'node:path';
import { measureEntries } from './lib/bundle-size';
import { repoRoot } from './lib/corpus';
import { sizeTable } from './lib/size-table';

const outDir = join(repoRoot, '.output', 'chrome-mv3');

function main(): number {
  let entries;
  try {
    entries = measureEntries(outDir);
  } catch (error) {
    process.stderr.write(`check-bundle-size: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const over = entries.filter((e) => e.withinBudget === false);
  process.stdout.write(`${sizeTable(entries)}\n`);
  if (over.length) {
    process.stderr.write(`Bundle size budget exceeded: ${over.map((e) => `${e.name} ${e.total} > ${e.budget} bytes`).join('; ')}\n`);
    return 1;
  }
  process.stdout.write('Bundle size budgets met.\n');
  return 0;
}

process.exitCode = main();
