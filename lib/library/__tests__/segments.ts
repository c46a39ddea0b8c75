/**
 * Building `terms` rows in tests. Since schema v5 a save's indexing and merges into fewer than 64
 * articles write small segments (one `smallSegs` row each, small-segments.ts); `terms` rows come from
 * an indexing run of eight or more articles (a rebuild, an import) and from merges into 64.
 */
import type { Library } from '../index';
import { MERGE_AT } from '../term-index';
import { numberedArticle } from './fixtures';

/**
 * Saves `count` batches of `MERGE_AT` numbered articles, from number `from`, each batch saved at once
 * and indexed in one run: one segment of `terms` rows per batch (size class 1; a save alone would be a
 * small segment). The ids of each batch.
 */
export async function segmentsOfEight(library: Library, count: number, from = 0): Promise<number[][]> {
  const batches: number[][] = [];
  for (let b = 0; b < count; b++) {
    const first = from + b * MERGE_AT;
    const saved = await library.saveMany(Array.from({ length: MERGE_AT }, (_, n) => numberedArticle(first + n)));
    await library.indexPending();
    batches.push(saved.map((item) => item.id));
  }
  return batches;
}
