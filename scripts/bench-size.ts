/**
 * `npm run bench:size`: what each part of the extension costs to load, from a fresh production build
 * (`npm run build`, output `.output/chrome-mv3`): the injected script, popup, reader, library and
 * background, minified and gzipped, fonts and images excluded, shared chunks counted for every entry
 * that loads them (scripts/lib/bundle-size.ts). Writes bench/results/size.json.
 *
 * `--no-build` measures the build already there. The budgets are also a test (scripts/check-bundle-size.ts).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { measureEntries, kb } from './lib/bundle-size';
import { repoRoot } from './lib/corpus';
import { describeMachine, machineInfo } from './lib/machine';
import { writeResults } from './lib/results';
import { sizeTable } from './lib/size-table';

function main(): number {
  if (!process.argv.includes('--no-build')) {
    process.stdout.write('Building the production extension (npm run build)...\n');
    const built = spawnSync('npm', ['run', '-s', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) {
      process.stderr.write(`bench:size: the build failed (exit ${built.status})\n`);
      return 1;
    }
  }
  const machine = machineInfo();
  const entries = measureEntries(join(repoRoot, '.output', 'chrome-mv3'));
  process.stdout.write(`Bundle sizes, .output/chrome-mv3 (${describeMachine(machine)}); KB = 1,000 bytes\n`);
  process.stdout.write(`${sizeTable(entries)}\n`);
  const file = writeResults({
    benchmark: 'size',
    machine,
    summary: entries.flatMap((e) => [
      {
        metric: `${e.name}, minified`,
        value: kb(e.total),
        ...(e.budget !== undefined ? { target: `<= ${kb(e.budget)}`, met: e.withinBudget } : {}),
      },
      { metric: `${e.name}, gzipped`, value: kb(e.gzip) },
    ]),
    entries,
  });
  process.stdout.write(`Results: ${file}\n`);
  return 0;
}

process.exitCode = main();
