import { describe, expect, it } from 'vitest';
import { idf, rank, type WeightedTerm } from '../rank';
import type { TermRow } from '../schema';
import { fromWeight } from '../term-index';
import { seededRandom as random } from '../../../tests/unit/seeded-random';

/**
 * The ranking written the plain way (Maps, a full sort), as search.ts did before rank.ts: each term's
 * postings gathered into a Map (an article in two rows keeps its better weight), each word's best
 * expansion per article, the articles every word matched, sorted by score then newest id.
 */
function reference(
  words: WeightedTerm[][],
  rows: Map<string, TermRow[]>,
  docCount: number,
  keep: (id: number) => boolean,
) {
  const postings = new Map<string, Map<number, number>>();
  for (const [term, list] of rows) {
    const out = new Map<number, number>();
    for (const row of list)
      row.ids.forEach((id, i) => {
        const w = fromWeight(row.weights[i]);
        if (w > (out.get(id) ?? 0)) out.set(id, w);
      });
    postings.set(term, out);
  }
  let totals: Map<number, number> | null = null;
  for (const expansions of words) {
    const best = new Map<number, number>();
    for (const e of expansions) {
      const p = postings.get(e.term);
      if (!p?.size) continue;
      const weight = e.factor * idf(docCount, p.size);
      for (const [id, tf] of p) {
        const s = weight * tf;
        if (s > (best.get(id) ?? 0)) best.set(id, s);
      }
    }
    if (totals === null) totals = best;
    else {
      const next = new Map<number, number>();
      for (const [id, s] of totals) if (best.has(id)) next.set(id, s + best.get(id)!);
      totals = next;
    }
  }
  return [...(totals ?? [])]
    .filter(([id]) => keep(id))
    .sort((a, b) => b[1] - a[1] || b[0] - a[0])
    .map(([id, score]) => ({ id, score }));
}

/** A random index: `terms` terms, each in a few segments' rows, ids ascending per row, some articles in two rows. */
function randomIndex(seed: number, terms: number, maxId: number, idBase = 0) {
  const rnd = random(seed);
  const rows = new Map<string, TermRow[]>();
  for (let t = 0; t < terms; t++) {
    const list: TermRow[] = [];
    const segs = 1 + Math.floor(rnd() * 4);
    for (let seg = 0; seg < segs; seg++) {
      const ids = new Set<number>();
      const n = Math.floor(rnd() * maxId * 0.4);
      for (let i = 0; i < n; i++) ids.add(idBase + 1 + Math.floor(rnd() * maxId));
      const sorted = [...ids].sort((a, b) => a - b);
      // Few distinct weights, so equal scores occur and the tie-break by id is exercised.
      list.push({
        term: `t${t}`,
        seg,
        ids: Uint32Array.from(sorted),
        weights: Uint16Array.from(sorted, () => 1 + Math.floor(rnd() * 4) * 500),
      });
    }
    rows.set(`t${t}`, list);
  }
  return rows;
}

/** Every hit of a ranking, a page of `page` at a time. */
function allPages(ranking: ReturnType<typeof rank>, page: number) {
  const out: { id: number; score: number }[] = [];
  for (let hits = ranking.next(page); hits.length; hits = ranking.next(page)) out.push(...hits);
  return out;
}

describe('rank', () => {
  const queries: WeightedTerm[][][] = [
    [[{ term: 't0', factor: 1 }]],
    [
      [
        { term: 't1', factor: 1 },
        { term: 't2', factor: 0.3 },
        { term: 't3', factor: 0.25 },
      ],
    ],
    [[{ term: 't4', factor: 1 }], [{ term: 't5', factor: 1 }, { term: 't6', factor: 0.4 }]],
    [[{ term: 't7', factor: 1 }], [{ term: 'missing', factor: 1 }]],
    [[{ term: 't2', factor: 1 }], [{ term: 't2', factor: 0.3 }, { term: 't8', factor: 1 }], [{ term: 't9', factor: 1 }]],
  ];

  it('gives the same hits, scores and order as the plain ranking, page after page', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const rows = randomIndex(seed, 10, 300);
      const trash = new Set([3, 17, 42, 99]);
      const keep = (id: number) => !trash.has(id);
      let matched = 0;
      for (const words of queries) {
        const expected = reference(words, rows, 400, keep);
        matched += expected.length;
        const ranking = rank(words, rows, 400, keep);
        expect(ranking.total).toBe(expected.length);
        const got = allPages(ranking, 7);
        expect(got.map((h) => h.id)).toEqual(expected.map((h) => h.id));
        got.forEach((h, i) => expect(h.score).toBeCloseTo(expected[i].score, 12));
      }
      // The random index is not empty: the comparison covers a few hundred hits per seed.
      expect(matched).toBeGreaterThan(100);
    }
  });

  it('ranks the same when ids are too large to index an array by (they are numbered densely first)', () => {
    const rows = randomIndex(9, 10, 200, 5_000_000);
    for (const words of queries) {
      const expected = reference(words, rows, 250, () => true);
      const dense = rank(words, rows, 250, () => true);
      const renumbered = rank(words, rows, 250, () => true, 1_000);
      expect(renumbered.total).toBe(expected.length);
      const got = allPages(renumbered, 50);
      expect(got.map((h) => h.id)).toEqual(expected.map((h) => h.id));
      expect(allPages(dense, 50).map((h) => h.id)).toEqual(got.map((h) => h.id));
    }
  });

  it('counts an article found in two rows of a term once (document frequency and score)', () => {
    const rows = new Map<string, TermRow[]>([
      [
        'harbour',
        [
          { term: 'harbour', seg: 1, ids: Uint32Array.of(1, 2), weights: Uint16Array.of(1000, 1200) },
          { term: 'harbour', seg: 2, ids: Uint32Array.of(2, 3), weights: Uint16Array.of(1800, 900) },
        ],
      ],
    ]);
    const ranking = rank([[{ term: 'harbour', factor: 1 }]], rows, 10, () => true);
    expect(ranking.total).toBe(3);
    expect(ranking.postings).toBe(3);
    const hits = ranking.next(10);
    expect(hits.map((h) => h.id)).toEqual([2, 1, 3]);
    expect(hits[0].score).toBeCloseTo(idf(10, 3) * 1.8, 12);
  });

  it('returns nothing for no words, no rows, or a page of none', () => {
    expect(rank([], new Map(), 5, () => true).total).toBe(0);
    expect(rank([[{ term: 'x', factor: 1 }]], new Map(), 5, () => true).next(10)).toEqual([]);
    const rows = randomIndex(3, 2, 50);
    expect(rank([[{ term: 't0', factor: 1 }]], rows, 60, () => true).next(0)).toEqual([]);
  });
});
