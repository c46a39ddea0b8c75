/**
 * The term dictionary of the search index, in memory: MiniSearch's radix tree (`SearchableMap`), which
 * gives prefix and fuzzy (Levenshtein) lookups of query words in a few milliseconds. It holds terms only;
 * which articles contain a term is asked of IndexedDB (see search.ts).
 */
import SearchableMap from 'minisearch/SearchableMap';
import { isCjkTerm } from './tokenize';

export type MatchKind = 'exact' | 'prefix' | 'fuzzy';

export interface Expansion {
  term: string;
  kind: MatchKind;
  /** Edit distance for fuzzy matches, 0 otherwise. */
  distance: number;
}

/** Query words shorter than this are matched exactly: "a" as a prefix matches half the dictionary. */
export const MIN_PREFIX_LENGTH = 3;
/** Query words shorter than this are never matched fuzzily (one edit in three letters is another word). */
export const MIN_FUZZY_LENGTH = 4;
/** From this length on, two edits are forgiven. */
export const TWO_EDITS_LENGTH = 8;
/** The most dictionary terms one query word expands to, per kind; the shortest (closest) win. */
export const MAX_PREFIX_EXPANSIONS = 10;
export const MAX_FUZZY_EXPANSIONS = 10;

/** `word` with each pair of neighbouring characters swapped (by code point), itself left out. */
function swaps(word: string): string[] {
  const chars = [...word];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    if (chars[i] === chars[i + 1]) continue;
    const swapped = [...chars];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
    out.push(swapped.join(''));
  }
  return out;
}

export class Vocabulary {
  private readonly map = new SearchableMap<true>();

  constructor(terms: Iterable<string> = []) {
    this.addAll(terms);
  }

  get size(): number {
    return this.map.size;
  }

  has(term: string): boolean {
    return this.map.has(term);
  }

  addAll(terms: Iterable<string>): void {
    for (const term of terms) this.map.set(term, true);
  }

  terms(): string[] {
    return [...this.map.keys()];
  }

  /** Dictionary terms that begin with `word`, `word` itself left out; at most `max` of them, in tree order. */
  private longer(word: string, max = Infinity): string[] {
    const out: string[] = [];
    for (const term of this.map.atPrefix(word).keys()) {
      if (out.length >= max) break;
      if (term !== word) out.push(term);
    }
    return out;
  }

  /**
   * The terms a query word stands for: itself, words it begins (prefix), and near misspellings (fuzzy).
   * Each expansion costs a range read of postings, so: prefixes only where asked (the word being typed,
   * or a word the dictionary does not know), and near misspellings only as a fallback, for a word the
   * dictionary neither holds nor begins. A word that exists, or begins words that exist, is taken as
   * meant: "mome" stands for "moment", not also for "home" and "some" (at 10,000 articles those
   * look-alikes were tens of thousands of postings read and ranked for matches nobody typed), while a
   * typo such as "goverment" begins no word and still finds "government".
   */
  expand(word: string, options: { prefix?: boolean } = {}): Expansion[] {
    const out: Expansion[] = [{ term: word, kind: 'exact', distance: 0 }];
    if (isCjkTerm(word)) return out;
    const seen = new Set([word]);
    const known = this.map.has(word);
    const longer = (options.prefix ?? true) && word.length >= MIN_PREFIX_LENGTH ? this.longer(word) : null;
    if (longer) {
      longer.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
      for (const term of longer.slice(0, MAX_PREFIX_EXPANSIONS)) {
        seen.add(term);
        out.push({ term, kind: 'prefix', distance: 0 });
      }
    }
    // Whether the word begins a known word: the prefix walk above has the answer when it ran.
    const begins = () => (longer ?? this.longer(word, 1)).length > 0;
    // Numbers are never fuzzy: 2019 is not a misspelling of 2018, nor entry37 of entry38.
    if (!known && word.length >= MIN_FUZZY_LENGTH && !/\p{N}/u.test(word) && !begins()) {
      const maxDistance = word.length >= TWO_EDITS_LENGTH ? 2 : 1;
      const near = new Map<string, number>();
      for (const [term, [, distance]] of this.map.fuzzyGet(word, maxDistance)) near.set(term, distance);
      // Two letters typed in the wrong order are two edits to Levenshtein ("harbuor" from "harbour"),
      // forgiven only from TWO_EDITS_LENGTH letters on; it is the commonest typo, so a swap counts as one.
      for (const term of swaps(word)) if (this.map.has(term)) near.set(term, 1);
      const closest = [...near]
        .filter(([term]) => !seen.has(term))
        .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, MAX_FUZZY_EXPANSIONS);
      for (const [term, distance] of closest) out.push({ term, kind: 'fuzzy', distance });
    }
    return out;
  }
}
