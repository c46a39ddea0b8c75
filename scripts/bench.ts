/**
 * `npm run bench [-- NAME...]`: every benchmark the project has (or those named), one after another,
 * then one summary table.
 *
 * A benchmark is a package.json script named `bench:<name>` whose `tsx` file exists; each runs in its
 * own process (so one's heap and JIT state do not colour the next) with its output shown as it goes,
 * and writes bench/results/<name>.json with a `summary` list (scripts/lib/results.ts), which the table
 * below is built from. Exits non-zero when a benchmark fails to run; a missed target is reported, not
 * failed (times are noisy; `npm test` holds the deterministic budgets).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/corpus';
import { describeMachine, machineInfo } from './lib/machine';
import { readResults } from './lib/results';
import { formatTable } from './lib/table';

interface Bench {
  name: string;
  script: string;
}

function benchmarks(): Bench[] {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return Object.entries(pkg.scripts ?? {})
    .filter(([name]) => name.startsWith('bench:'))
    .map(([name, command]) => ({ name: name.slice('bench:'.length), script: /\btsx\s+(\S+\.ts)\b/.exec(command)?.[1] ?? '' }))
    .filter((b) => b.script && existsSync(join(repoRoot, b.script)));
}

function main(): number {
  // `npm run bench -- quality extract` runs only the benchmarks named.
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !benchmarks().some((b) => b.name === name));
  if (unknown.length) {
    process.stderr.write(`bench: no benchmark named ${unknown.join(', ')} (have: ${benchmarks().map((b) => b.name).join(', ')})\n`);
    return 2;
  }
  const list = benchmarks().filter((b) => !only.length || only.includes(b.name));
  const ran: Array<{ name: string; status: number | null; seconds: number; startedAt: number }> = [];
  for (const b of list) {
    process.stdout.write(`\n=== npm run bench:${b.name}\n`);
    const startedAt = Date.now();
    const result = spawnSync('npm', ['run', '-s', `bench:${b.name}`], { cwd: repoRoot, stdio: 'inherit' });
    ran.push({ name: b.name, status: result.status, seconds: (Date.now() - startedAt) / 1000, startedAt });
  }

  const rows: Array<Array<string | null>> = [];
  for (const r of ran) {
    const results = readResults(r.name);
    // A results file older than this run is a previous run's: the benchmark skipped or failed this time.
    const fresh = results && Date.parse(results.machine.date) >= r.startedAt - 1000;
    if (r.status !== 0 || !fresh || !results?.summary?.length) {
      rows.push([r.name, r.status !== 0 ? `failed (exit ${r.status})` : 'no results (skipped?)', null, null, null]);
      continue;
    }
    for (const s of results.summary) {
      rows.push([r.name, s.metric, `${s.value}${s.unit && s.unit !== 'x' ? ` ${s.unit}` : s.unit ?? ''}`, s.target ?? null, s.met === undefined ? null : s.met ? 'met' : 'MISSED']);
    }
  }
  process.stdout.write(`\n=== Summary (${describeMachine(machineInfo())})\n`);
  process.stdout.write(`${formatTable(['benchmark', 'metric', 'value', 'target', 'status'], rows)}\n`);
  process.stdout.write(`Benchmarks run: ${ran.map((r) => `${r.name} ${r.seconds.toFixed(0)} s`).join(', ')}\n`);
  return ran.some((r) => r.status !== 0) ? 1 : 0;
}

process.exitCode = main();
