/**
 * The one tokeniser of the search index, used both to index articles and to read queries, so the two
 * always agree. Works for any language:
 * - case and accents are folded (`Élan` finds `elan`, Vietnamese tone marks, Arabic harakat and Hebrew
 *   points are optional), but marks that carry meaning in Indic and other scripts are kept;
 * - words are runs of Unicode letters, marks and digits, never an English word list;
 * - Han and kana are indexed one character per term, because those scripts put no spaces between words
 *   and a character is the unit readers search by;
 * - Thai, Lao, Khmer and Myanmar runs are split with `Intl.Segmenter` where the runtime has it.
 * Bump `TOKENIZER_VERSION` whenever the terms this file produces change: the index is rebuilt.
 */

export const TOKENIZER_VERSION = 1;

/**
 * Marks dropped when folding, as code point ranges: Latin/Greek/Cyrillic diacritics (and their
 * supplements), Hebrew points, Arabic harakat. Other marks (Indic vowel signs, for instance) spell the word.
 */
const OPTIONAL_MARK_RANGES: readonly [number, number][] = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
  [0x0591, 0x05bd],
  [0x05bf, 0x05bf],
  [0x05c1, 0x05c2],
  [0x05c4, 0x05c5],
  [0x05c7, 0x05c7],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
];
const MARK = /\p{M}/gu;

function dropOptional(mark: string): string {
  const cp = mark.codePointAt(0) ?? 0;
  return OPTIONAL_MARK_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi) ? '' : mark;
}

/** Case- and accent-folds `s`: the form every term is stored and searched in. */
export function foldText(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(MARK, dropOptional)
    .normalize('NFC')
    .replace(/ß/g, 'ss')
    .replace(/ς/g, 'σ');
}

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/**
 * One token: a Han/kana character, a run of an unspaced script, or a run of other letters, marks and
 * digits (which stops at a Han/kana or unspaced-script character).
 */
const TOKEN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}])[\p{L}\p{M}\p{N}])+/gu;
const UNSPACED = /^[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Longer runs are identifiers, hashes or base64, not words anyone searches for. */
export const MAX_TERM_LENGTH = 40;

let segmenter: Intl.Segmenter | null | undefined;
function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter =
      typeof Intl !== 'undefined' && 'Segmenter' in Intl
        ? new Intl.Segmenter(undefined, { granularity: 'word' })
        : null;
  }
  return segmenter;
}

/** Whether a single-character term is worth keeping: Han and kana characters are words; a lone Latin letter is not. */
function keep(term: string): boolean {
  if (term.length > MAX_TERM_LENGTH) return false;
  return term.length > 1 || CJK_CHAR.test(term);
}

/** The terms of `text`, in order, with repeats: folded, split, filtered. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const match of foldText(text).matchAll(TOKEN)) {
    const token = match[0];
    if (UNSPACED.test(token)) {
      const seg = wordSegmenter();
      if (seg) {
        for (const part of seg.segment(token)) if (part.isWordLike && keep(part.segment)) out.push(part.segment);
        continue;
      }
    }
    if (keep(token)) out.push(token);
  }
  return out;
}

/** The distinct terms of every text given: what the index stores per article. */
export function uniqueTerms(...texts: (string | null | undefined)[]): string[] {
  const set = new Set<string>();
  for (const text of texts) if (typeof text === 'string' && text) for (const term of tokenize(text)) set.add(term);
  return [...set];
}

/** Whether `term` is a single Han/kana character (searched exactly, never by prefix or fuzzily). */
export function isCjkTerm(term: string): boolean {
  return term.length === 1 && CJK_CHAR.test(term);
}
