/**
 * The shared extraction corpus (`../shared/corpus/zyte` beside the repository): 181 real pages with
 * hand-labelled article text. Benchmarks skip, rather than fail, where it is absent (a fresh clone
 * without the shared folder).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root (this file is scripts/lib/corpus.ts). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const corpusRoot = resolve(repoRoot, '../shared/corpus');
export const zyteDir = join(corpusRoot, 'zyte');

export interface CorpusPage {
  /** The ground truth's key: the file name without `.html.gz`. */
  id: string;
  file: string;
  url: string;
  /** The hand-labelled article text. */
  articleBody: string;
}

/** The zyte corpus's pages in id order, or null when the corpus is not there. */
export function loadZyteCorpus(dir = zyteDir): CorpusPage[] | null {
  const truthFile = join(dir, 'ground-truth.json');
  if (!existsSync(truthFile)) return null;
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, { articleBody?: string; url?: string }>;
  return Object.keys(truth)
    .sort()
    .map((id) => ({
      id,
      file: join(dir, 'html', `${id}.html.gz`),
      url: truth[id].url ?? '',
      articleBody: truth[id].articleBody ?? '',
    }));
}

/** The message a benchmark prints when it skips for want of the corpus. */
export function corpusMissingMessage(name: string): string {
  return `${name}: skipped, no corpus at ${zyteDir} (it lives in ../shared/corpus beside the repository)`;
}
