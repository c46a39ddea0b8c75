/**
 * Full-text search over titles, sites, authors, tags and whole bodies.
 *
 * Why the postings live in IndexedDB and not in a MiniSearch document index: measured in Node on text
 * built from the news corpus, MiniSearch indexing 2,000 articles of 5 to 50 KB took 17 s, held 177 MB of
 * heap, serialised to 34 MB of JSON and took 2.3 s to load back. At the 10,000 articles the library must
 * handle, that is minutes to rebuild and close to a gigabyte in every page that searches. So:
 * - the inverted index is on disk in IndexedDB (`terms`, term-index.ts): each term's postings packed in
 *   a few rows, with a BM25 term factor per article, written just after each save (indexer.ts); words
 *   of the title, site, author, tags and host count `HEAD_WEIGHT` times, so a title match ranks higher;
 *   the user's note and highlights are indexed like the body;
 * - the dictionary of all terms sits in memory in MiniSearch's radix tree (vocabulary.ts), which expands
 *   each query word to itself, the words it begins and its near misspellings;
 * - each expanded term is one range read (a handful of rows, at any library size); scores are BM25
 *   (idf from the postings read, the stored term factor), with MiniSearch's weights for prefix and
 *   fuzzy matches.
 * Every query word must match (a search narrows); results rank by score, then newest first.
 */
import type { LibraryDB } from './schema';
import { articleCount } from './counts';
import { idsPassing } from './filters';
import { uniqueTerms } from './tokenize';
import { fromWeight, readTerm } from './term-index';
import { checkArticleRow } from './validate';
import type { Expansion, Vocabulary } from './vocabulary';
import type { SearchHit, SearchOptions, SearchResult, SkippedRecord } from './types';

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
  // The stored count leaves out rows written behind the library's back (damaged ones, still indexed).
  return Math.log(1 + (Math.max(docCount, docFreq) - docFreq + 0.5) / (docFreq + 0.5));
}

/** One term's postings gathered from its rows: each article's BM25 term factor. */
type Postings = Map<number, number>;

/** Reads `term`'s rows (one range read) into one map; an article found in two rows keeps its higher weight. */
async function lookup(db: LibraryDB, term: string): Promise<Postings> {
  const out: Postings = new Map();
  for (const row of await readTerm(db, term)) {
    row.ids.forEach((id, i) => {
      const w = fromWeight(row.weights[i]);
      if (w > (out.get(id) ?? 0)) out.set(id, w);
    });
  }
  return out;
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

  const { docCount, postings, trashIds, allowed } = await db.transaction(
    'r',
    [db.articles, db.terms, db.trash, db.meta],
    async () => {
      const [count, entries, trash, passing] = await Promise.all([
        articleCount(db),
        Promise.all(distinct.map(async (term): Promise<[string, Postings]> => [term, await lookup(db, term)])),
        db.trash.toCollection().primaryKeys(),
        idsPassing(db, options),
      ]);
      return { docCount: count, postings: new Map(entries), trashIds: new Set(trash as number[]), allowed: passing };
    },
  );

  lap('lookups');
  if (timings) {
    timings.terms = distinct.length;
    timings.keys = [...postings.values()].reduce((n, p) => n + p.size, 0);
  }
  // Score each query word separately (its best-matching expansion per article), then keep the articles
  // every word matched.
  let totals: Map<number, number> | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const best = new Map<number, number>();
    for (const e of expansions[i]) {
      const p = postings.get(e.term);
      if (!p || !p.size) continue;
      const weight = matchWeight(word, e) * idf(docCount, p.size);
      for (const [id, tf] of p) {
        const s = weight * tf;
        if (s > (best.get(id) ?? 0)) best.set(id, s);
      }
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
