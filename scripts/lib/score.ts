/**
 * The corpus's scorer, exactly as /work/shared/corpus/README.md (the article-extraction benchmark's
 * own method) defines it:
 *
 * - words are runs of `/[\p{L}\p{N}_]+/gu` (Python's Unicode `\w+`), case kept;
 * - each text becomes the multiset of its 4-word shingles; fewer than 4 words give one shingle of all
 *   of them, no words give none;
 * - per page, over the union of shingles, tp = min(true, pred), fp = pred - true where positive,
 *   fn = true - pred where positive, each divided by tp + fp + fn;
 * - precision is the mean of tp / (tp + fp) over pages with tp + fp > 0, recall the mean of
 *   tp / (tp + fn) over pages with tp + fn > 0, F1 the harmonic mean of those two means;
 * - accuracy is the share of pages whose word lists are identical.
 */

const WORD = /[\p{L}\p{N}_]+/gu;
export const SHINGLE_SIZE = 4;

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The multiset of `n`-word shingles, keyed by the words joined with a space (no word contains one). */
export function shingles(tokens: readonly string[], n = SHINGLE_SIZE): Map<string, number> {
  const counts = new Map<string, number>();
  const windows = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < windows; i++) {
    const shingle = tokens.slice(i, i + n);
    if (!shingle.length) continue;
    const key = shingle.join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageScore {
  /** tp, fp and fn, each divided by their sum (all 0 when both texts have no words). */
  tp: number;
  fp: number;
  fn: number;
  /** tp / (tp + fp); null when tp + fp = 0 (nothing predicted): such a page is left out of the mean. */
  precision: number | null;
  /** tp / (tp + fn); null when tp + fn = 0 (nothing expected): such a page is left out of the mean. */
  recall: number | null;
  /** Harmonic mean of the page's precision and recall (a missing one counts as 0). For ranking pages only. */
  f1: number;
  /** The two texts have identical word lists. */
  exact: boolean;
}

export function scorePage(truth: string, predicted: string): PageScore {
  const trueTokens = tokenize(truth);
  const predTokens = tokenize(predicted);
  const trueShingles = shingles(trueTokens);
  const predShingles = shingles(predTokens);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, t] of trueShingles) {
    const p = predShingles.get(key) ?? 0;
    tp += Math.min(t, p);
    fn += Math.max(0, t - p);
  }
  for (const [key, p] of predShingles) {
    fp += Math.max(0, p - (trueShingles.get(key) ?? 0));
  }
  const sum = tp + fp + fn;
  if (sum > 0) {
    tp /= sum;
    fp /= sum;
    fn /= sum;
  }
  // The README's edge cases (fp = fn = 0 gives 1; tp = fp = 0 gives precision 0) are what these
  // fractions give wherever they are defined; where a denominator is 0 the page leaves the mean.
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  const p = precision ?? 0;
  const r = recall ?? 0;
  return {
    tp,
    fp,
    fn,
    precision,
    recall,
    f1: p + r > 0 ? (2 * p * r) / (p + r) : 0,
    exact: sameTokens(trueTokens, predTokens),
  };
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface CorpusScore {
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  pages: number;
}

export function aggregate(pages: readonly PageScore[]): CorpusScore {
  const precisions = pages.map((p) => p.precision).filter((v): v is number => v !== null);
  const recalls = pages.map((p) => p.recall).filter((v): v is number => v !== null);
  const precision = mean(precisions);
  const recall = mean(recalls);
  return {
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    accuracy: pages.length ? pages.filter((p) => p.exact).length / pages.length : 0,
    pages: pages.length,
  };
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}
