/**
 * Full-text search over titles, sites, authors, tags and whole bodies.
 *
 * Why the postings live in IndexedDB and not in a MiniSearch document index: measured in Node on text
 * built from the news corpus, MiniSearch indexing 2,000 articles of 5 to 50 KB took 17 s, held 177 MB of
 * heap, serialised to 34 MB of JSON and took 2.3 s to load back. At the 10,000 articles the library must
 * handle, that is minutes to rebuild and close to a gigabyte in every page that searches. So:
 * - each article's distinct terms (body and head) are a multi-entry index (`postings.terms`) that
 *   IndexedDB keeps on disk, written just after each save (indexer.ts); head terms are also indexed
 *   on `articles.headTerms`, so an exact match in a title, site, author or tag ranks higher;
 * - the dictionary of all terms sits in memory in MiniSearch's radix tree (vocabulary.ts), which expands
 *   each query word to itself, the words it begins and its near misspellings;
 * - each expanded term is one key lookup; scores follow BM25's idf, with MiniSearch's weights for
 *   prefix and fuzzy matches, and an exact head match counts four times a body match.
 * Every query word must match (a search narrows); results rank by score, then newest first.
 */
import type { LibraryDB } from './schema';
import { articleCount } from './counts';
import { idsPassing } from './filters';
import { uniqueTerms } from './tokenize';
import { checkArticleRow } from './validate';
import type { Expansion, Vocabulary } from './vocabulary';
import type { SearchHit, SearchOptions, SearchResult, SkippedRecord } from './types';

export const HEAD_BOOST = 3;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
export const DEFAULT_SEARCH_LIMIT = 50;

/** How much a matched term counts for the query word it was expanded from (1 for the word itself). */
export function matchWeight(word: string, e: Expansion): number {
  if (e.kind === 'exact') return 1;
  if (e.kind === 'prefix') return (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * (e.term.length - word.length));
  return (FUZZY_WEIGHT * word.length) / (word.length + e.distance);
}

/** BM25's inverse document frequency: rare terms weigh more; never negative. */
export function idf(docCount: number, docFreq: number): number {
  return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
}

interface Postings {
  /** Articles with the term anywhere. */
  any: number[];
  /** Articles with the term in their head (looked up for exact query words only). */
  head: number[];
}

export async function searchArticles(
  db: LibraryDB,
  vocab: Vocabulary,
  query: string,
  options: SearchOptions = {},
): Promise<SearchResult> {
  const timings = options.timings;
  let mark = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    if (timings) timings[phase] = (timings[phase] ?? 0) + now - mark;
    mark = now;
  };
  const words = uniqueTerms(query);
  if (!words.length) return { hits: [], total: 0, skipped: [] };
  // The last word may be half typed: it also stands for the words it begins. Earlier words were
  // finished, unless the dictionary does not know them.
  const expansions = words.map((word, i) => vocab.expand(word, { prefix: i === words.length - 1 || !vocab.has(word) }));
  const distinct = [...new Set(expansions.flat().map((e) => e.term))];
  lap('expand');

  // Head lookups only for the query words themselves: a title matching a guessed spelling is no better
  // evidence than a body matching it, and it halves the lookups.
  const exact = new Set(words);
  const { docCount, postings, trashIds, allowed } = await db.transaction(
    'r',
    db.articles,
    db.postings,
    db.trash,
    db.meta,
    async () => {
      const lookups = distinct.map(async (term): Promise<[string, Postings]> => {
        const [any, head] = await Promise.all([
          db.postings.where('terms').equals(term).primaryKeys(),
          exact.has(term) ? db.articles.where('headTerms').equals(term).primaryKeys() : [],
        ]);
        return [term, { any: any as number[], head: head as number[] }];
      });
      const [count, entries, trash, passing] = await Promise.all([
        articleCount(db),
        Promise.all(lookups),
        db.trash.toCollection().primaryKeys(),
        idsPassing(db, options),
      ]);
      return { docCount: count, postings: new Map(entries), trashIds: new Set(trash as number[]), allowed: passing };
    },
  );

  lap('lookups');
  if (timings) {
    timings.terms = distinct.length;
    timings.keys = [...postings.values()].reduce((n, p) => n + p.any.length + p.head.length, 0);
  }
  // Score each query word separately (its best-matching expansion per article), then keep the articles
  // every word matched.
  let totals: Map<number, number> | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const best = new Map<number, number>();
    for (const e of expansions[i]) {
      const p = postings.get(e.term);
      if (!p || !p.any.length) continue;
      const weight = matchWeight(word, e) * idf(docCount, p.any.length);
      const score = new Map<number, number>();
      for (const id of p.any) score.set(id, weight);
      for (const id of p.head) score.set(id, (score.get(id) ?? 0) + HEAD_BOOST * weight);
      for (const [id, s] of score) if (s > (best.get(id) ?? 0)) best.set(id, s);
    }
    if (totals === null) {
      totals = best;
    } else {
      const next = new Map<number, number>();
      for (const [id, s] of totals) {
        const add = best.get(id);
        if (add !== undefined) next.set(id, s + add);
      }
      totals = next;
    }
  }

  const ranked = [...(totals ?? [])]
    .filter(([id]) => !trashIds.has(id) && (!allowed || allowed.has(id)))
    .sort((a, b) => b[1] - a[1] || b[0] - a[0]);

  lap('score');
  const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
  const hits: SearchHit[] = [];
  const skipped: SkippedRecord[] = [];
  // Read rows in pages until `limit` valid hits: a body indexed under an id whose row is gone or damaged
  // is skipped (and reported when damaged), not shown as an empty result.
  let missing = 0;
  for (let start = 0; start < ranked.length && hits.length < limit; start += limit) {
    const slice = ranked.slice(start, start + limit);
    const rows = await db.articles.bulkGet(slice.map(([id]) => id));
    rows.forEach((row, j) => {
      if (hits.length >= limit) return;
      if (row === undefined) {
        missing++;
        return;
      }
      const checked = checkArticleRow(row);
      if (checked.ok) hits.push({ item: checked.value, score: slice[j][1] });
      else skipped.push({ id: slice[j][0], reason: checked.reason });
    });
  }
  lap('rows');
  return { hits, total: ranked.length - missing - skipped.length, skipped };
}
