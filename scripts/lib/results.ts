/**
 * Benchmark results on disk: `bench/results/<name>.json` (git-ignored). Every benchmark writes its
 * figures there with a `summary` list, which `npm run bench` reads to print one table for all of them.
 * A new benchmark joins that table by writing the same shape through `writeResults`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from './corpus';
import type { MachineInfo } from './machine';

export const resultsDir = join(repoRoot, 'bench', 'results');

export interface SummaryRow {
  metric: string;
  value: number | string;
  /** e.g. "ms", "x" (a ratio), "" for scores. */
  unit?: string;
  /** The target as text, e.g. ">= 0.975"; absent when the figure has none. */
  target?: string;
  /** Whether the target is met; absent when there is no target. */
  met?: boolean;
}

export interface ResultsFile {
  benchmark: string;
  machine: MachineInfo;
  summary: SummaryRow[];
  [details: string]: unknown;
}

/** Writes `bench/results/<name>.json` and returns its path relative to the repository. */
export function writeResults(results: ResultsFile): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${results.benchmark}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 1)}\n`);
  return relative(repoRoot, file);
}

export function readResults(name: string): ResultsFile | null {
  try {
    return JSON.parse(readFileSync(join(resultsDir, `${name}.json`), 'utf8')) as ResultsFile;
  } catch {
    return null;
  }
}
