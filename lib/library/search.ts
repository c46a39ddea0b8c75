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
 *   each query word to itself and the words it begins, or, for a word it neither holds nor begins (a
 *   typo), to its near misspellings;
 * - each expanded term is one range read (a handful of rows, at any library size); scores are BM25
 *   (idf from the postings read, the stored term factor), with MiniSearch's weights for prefix and
 *   fuzzy matches, ranked in typed arrays (rank.ts);
 * - a search is one read transaction: whether anything waits to be indexed and whether the dictionary
 *   grew elsewhere are read alongside the postings, not before them (each read is a round trip to the
 *   browser process in Chromium), and the rows of the hits are read in it too. In the rare case the
 *   index was not current, the caller indexes, reloads the dictionary and searches again.
 * Every query word must match (a search narrows); results rank by score, then newest first.
 */
import type { LibraryDB } from './schema';
import { articleCount } from './counts';
import { idsPassing } from './filters';
import { INDEX_QUEUE_KEY, queueOf } from './index-queue';
import { rank, type WeightedTerm } from './rank';
import { uniqueTerms } from './tokenize';
import { lastVocabChunk } from './vocab-store';
import { readTerm } from './term-index';
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

/**
 * Inside a read transaction over `meta` and `vocab`: whether the index is behind (articles wait in the
 * queue) or the dictionary grew since the memory copy was loaded up to chunk `vocabUpTo`.
 */
async function indexBehind(db: LibraryDB, vocabUpTo: number): Promise<boolean> {
  const [queue, lastChunk] = await Promise.all([db.meta.get(INDEX_QUEUE_KEY), lastVocabChunk(db)]);
  return queueOf(queue).length > 0 || lastChunk !== vocabUpTo;
}

/**
 * Searches with the dictionary `vocab`. With `vocabUpTo` (the last dictionary chunk `vocab` holds), also
 * checks in the same transaction that the index is current, and returns null when it is not (see above).
 */
export async function searchArticles(
  db: LibraryDB,
  vocab: Vocabulary,
  query: string,
  options: SearchOptions = {},
  vocabUpTo?: number,
): Promise<SearchResult | null> {
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
  const weighted: WeightedTerm[][] = words.map((word, i) =>
    vocab
      .expand(word, { prefix: i === words.length - 1 || !vocab.has(word) })
      .map((e) => ({ term: e.term, factor: matchWeight(word, e) })),
  );
  const distinct = [...new Set(weighted.flat().map((e) => e.term))];
  lap('expand');

  return db.transaction('r', [db.articles, db.terms, db.trash, db.meta, db.vocab], async () => {
    const [behind, docCount, entries, trash, allowed] = await Promise.all([
      vocabUpTo === undefined ? false : indexBehind(db, vocabUpTo),
      articleCount(db),
      Promise.all(distinct.map(async (term) => [term, await readTerm(db, term)] as const)),
      db.trash.toCollection().primaryKeys(),
      idsPassing(db, options),
    ]);
    if (behind) return null;
    lap('lookups');
    const trashIds = new Set(trash as number[]);
    const ranking = rank(weighted, new Map(entries), docCount, (id) => !trashIds.has(id) && (!allowed || allowed.has(id)));
    if (timings) {
      timings.terms = distinct.length;
      timings.keys = ranking.postings;
    }
    lap('score');

    const limit = options.limit ?? DEFAULT_SEARCH_LIMIT;
    const hits: SearchHit[] = [];
    const skipped: SkippedRecord[] = [];
    // Rows are read a page at a time until `limit` valid hits: a body indexed under an id whose row is
    // gone or damaged is skipped (and reported when damaged), not shown as an empty result.
    let missing = 0;
    for (let page = ranking.next(limit); page.length && hits.length < limit; page = ranking.next(limit)) {
      const rows = await db.articles.bulkGet(page.map((h) => h.id));
      rows.forEach((row, j) => {
        if (hits.length >= limit) return;
        if (row === undefined) {
          missing++;
          return;
        }
        const checked = checkArticleRow(row);
        if (checked.ok) hits.push({ item: checked.value, score: page[j].score });
        else skipped.push({ id: page[j].id, reason: checked.reason });
      });
    }
    lap('rows');
    return { hits, total: ranking.total - missing - skipped.length, skipped };
  });
}
