/**
 * Plain text, word counts and reading time for any language.
 *
 * Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) cannot be
 * counted by splitting on spaces: Han and kana are counted per character (as word processors do), the
 * others through `Intl.Segmenter` where the runtime has it.
 */

/** Elements that start a new line in the plain text. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL', 'MATH',
]);
/** Elements whose text is never article text. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * Block-aware text of a node: blocks are separated by line breaks, `<br>` is a line break, white space
 * inside `<pre>` is kept, elsewhere it is collapsed as a browser renders it.
 */
export function blockText(root: Node): string {
  const out: string[] = [];
  walk(root, out, false);
  return out
    .join('')
    .replace(/[ \t\f\r]*\n[ \t\f\r]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function walk(node: Node, out: string[], inPre: boolean): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      const value = child.nodeValue ?? '';
      out.push(inPre ? value : value.replace(/[ \t\n\f\r]+/g, ' '));
    } else if (child.nodeType === ELEMENT_NODE) {
      const el = child as Element;
      // Read once: `tagName` is computed anew on every read in jsdom (the DOM the text is read from).
      const name = el.tagName;
      const tag = name.toUpperCase();
      if (SKIP_TAGS.has(name) || SKIP_TAGS.has(tag)) continue;
      if (tag === 'BR') {
        out.push('\n');
        continue;
      }
      if (tag === 'IMG') continue;
      const block = BLOCK_TAGS.has(tag);
      if (block) out.push('\n');
      else if (tag === 'TD' || tag === 'TH') out.push(' ');
      walk(el, out, inPre || tag === 'PRE');
      if (block) out.push('\n');
    }
  }
}

/** Han ideographs and Japanese kana: one character reads as one word. */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** Scripts written without spaces that a word segmenter can split. */
const UNSPACED_RUN = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu;
/** Any character of `CJK_CHAR` or `UNSPACED_RUN`. */
const ANY_UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** A word in a script written with spaces: letters, marks and digits, with inner apostrophes and hyphens. */
const SPACED_WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}_'’-]*/gu;
/** Characters per word for unspaced scripts when no segmenter is available. */
const FALLBACK_CHARS_PER_WORD = 4;

/** Words per minute for scripts written with spaces, and characters per minute for Han and kana. */
export const WORDS_PER_MINUTE = 230;
export const CJK_CHARS_PER_MINUTE = 500;

let segmenter: Intl.Segmenter | null | undefined;
function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null;
  }
  return segmenter;
}

function countUnspacedWords(run: string): number {
  const seg = wordSegmenter();
  if (!seg) return Math.ceil(run.length / FALLBACK_CHARS_PER_WORD);
  let n = 0;
  for (const part of seg.segment(run)) if (part.isWordLike) n++;
  return n;
}

export interface TextStats {
  /** Words in any script; each Han or kana character counts as one. */
  wordCount: number;
  /** Whole minutes, at least 1 for any non-empty text. */
  readingMinutes: number;
}

export function textStats(text: string): TextStats {
  // Most texts hold neither kind of script: one test then spares three passes over the whole text.
  const unspacedScripts = ANY_UNSPACED.test(text);
  const cjk = unspacedScripts ? (text.match(CJK_CHAR)?.length ?? 0) : 0;
  let unspaced = 0;
  const rest = !unspacedScripts
    ? text
    : text.replace(CJK_CHAR, ' ').replace(UNSPACED_RUN, (run) => {
        unspaced += countUnspacedWords(run);
        return ' ';
      });
  const spaced = rest.match(SPACED_WORD)?.length ?? 0;
  const words = spaced + unspaced;
  const minutes = words / WORDS_PER_MINUTE + cjk / CJK_CHARS_PER_MINUTE;
  return {
    wordCount: words + cjk,
    readingMinutes: words + cjk === 0 ? 0 : Math.max(1, Math.round(minutes)),
  };
}
