/**
 * Ranking what a query matched, from the `terms` rows read for its expanded words (search.ts).
 *
 * Why typed arrays indexed by article id, not Maps: a four-letter prefix expands to ten common words,
 * whose postings are tens of thousands at 10,000 articles. Gathering them into a Map per term, a Map
 * per query word, then sorting every match cost up to a third of a search's time in Chromium (score
 * p95 32 ms, plus the Maps built while reading). Here each posting is one array read and write, and only
 * the page of results asked for is put in order (the rest is counted, never sorted).
 *
 * Scores are BM25 as before: for each query word, the best of its expansions per article
 * (`factor` x idf x the stored term factor), summed over the words; an article must match every word.
 */
import type { TermRow } from './schema';
import { fromWeight } from './term-index';

/** BM25's inverse document frequency: rare terms weigh more; never negative. */
export function idf(docCount: number, docFreq: number): number {
  // The stored count leaves out rows written behind the library's back (damaged ones, still indexed).
  return Math.log(1 + (Math.max(docCount, docFreq) - docFreq + 0.5) / (docFreq + 0.5));
}

/** One expansion of a query word: a dictionary term and how much a match on it counts (1 for the word itself). */
export interface WeightedTerm {
  term: string;
  factor: number;
}

export interface RankedHit {
  id: number;
  score: number;
}

export interface Ranking {
  /** How many articles matched every word and passed `keep`. */
  total: number;
  /** Distinct articles in the postings read (for the benchmark's figures). */
  postings: number;
  /** The next `n` matches in rank order (higher score first, then the newer id), after those already given. */
  next(n: number): RankedHit[];
}

/**
 * Ids up to this bound are used as array indexes directly (8 bytes each per array); a library whose ids
 * went beyond it (never at the sizes we measure) is numbered densely first.
 */
export const DENSE_IDS = 1 << 21;

/** Whether hit `a` ranks before hit `b`. */
const before = (aScore: number, aId: number, bScore: number, bId: number) =>
  aScore > bScore || (aScore === bScore && aId > bId);

/**
 * Ranks the articles matching every word. `words[i]` lists word i's expansions, `rows` each term's rows
 * (ids ascending within a row; an article in two rows of a term counts once, at its better weight),
 * `keep` drops what the caller filters out (the trash, the list filters).
 */
export function rank(
  words: readonly (readonly WeightedTerm[])[],
  rows: ReadonlyMap<string, readonly TermRow[]>,
  docCount: number,
  keep: (id: number) => boolean,
  denseIds = DENSE_IDS,
): Ranking {
  let maxId = -1;
  for (const list of rows.values()) for (const row of list) for (const id of row.ids) if (id > maxId) maxId = id;
  // Slots: the id itself, or (beyond `denseIds`) its rank among the ids present.
  let slotIds: Uint32Array | null = null;
  let slotRows = rows as ReadonlyMap<string, readonly { ids: Uint32Array; weights: Uint16Array }[]>;
  let size = maxId + 1;
  if (size > denseIds) {
    const all = new Set<number>();
    for (const list of rows.values()) for (const row of list) for (const id of row.ids) all.add(id);
    slotIds = Uint32Array.from(all).sort();
    const slotOf = new Map<number, number>();
    slotIds.forEach((id, slot) => slotOf.set(id, slot));
    slotRows = new Map(
      [...rows].map(([term, list]) => [
        term,
        list.map((row) => ({ ids: Uint32Array.from(row.ids, (id) => slotOf.get(id)!), weights: row.weights })),
      ]),
    );
    size = slotIds.length;
  }

  // Document frequencies: the distinct articles in each term's rows.
  const seen = new Int32Array(size);
  let mark = 0;
  let postings = 0;
  const docFreqs = new Map<string, number>();
  for (const [term, list] of slotRows) {
    let docFreq = 0;
    if (list.length === 1) docFreq = list[0].ids.length;
    else {
      mark++;
      for (const row of list)
        for (const s of row.ids)
          if (seen[s] !== mark) {
            seen[s] = mark;
            docFreq++;
          }
    }
    docFreqs.set(term, docFreq);
    postings += docFreq;
  }

  let totals: Float64Array | null = null;
  for (const expansions of words) {
    const best = new Float64Array(size);
    for (const { term, factor } of expansions) {
      const list = slotRows.get(term);
      const docFreq = docFreqs.get(term) ?? 0;
      if (!list || !docFreq) continue;
      const weight = factor * idf(docCount, docFreq);
      for (const row of list) {
        const { ids, weights } = row;
        for (let i = 0; i < ids.length; i++) {
          const s = weight * fromWeight(weights[i]);
          if (s > best[ids[i]]) best[ids[i]] = s;
        }
      }
    }
    if (totals === null) totals = best;
    else for (let s = 0; s < size; s++) totals[s] = totals[s] > 0 && best[s] > 0 ? totals[s] + best[s] : 0;
  }

  // Every match that passes, unordered; ordered a page at a time by `next`.
  const ids: number[] = [];
  const scores: number[] = [];
  if (totals)
    for (let s = 0; s < size; s++) {
      if (!(totals[s] > 0)) continue;
      const id = slotIds ? slotIds[s] : s;
      if (!keep(id)) continue;
      ids.push(id);
      scores.push(totals[s]);
    }

  let lastScore = Infinity;
  let lastId = Infinity;
  return {
    total: ids.length,
    postings,
    next(n: number): RankedHit[] {
      // The best n after the last hit given: a sorted buffer of n, most candidates rejected at one comparison.
      const page: RankedHit[] = [];
      if (n <= 0) return page;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i];
        const score = scores[i];
        if (!before(lastScore, lastId, score, id)) continue;
        if (page.length === n) {
          const worst = page[n - 1];
          if (!before(score, id, worst.score, worst.id)) continue;
          page.pop();
        }
        let at = page.length;
        while (at > 0 && before(score, id, page[at - 1].score, page[at - 1].id)) at--;
        page.splice(at, 0, { id, score });
      }
      if (page.length) ({ score: lastScore, id: lastId } = page[page.length - 1]);
      return page;
    },
  };
}
