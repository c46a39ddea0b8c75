/**
 * Header chrome repeated at the top of the body: "· 3 min read", "5 menit baca", "27.04.2025 10:15",
 * "3 мин", the byline again. In every language these are very short lines with a number (or the byline
 * Readability already took out) sitting above the first paragraph of the story, so that is what this
 * looks for; headings, list items and captions are left alone.
 *
 * Two more shapes of the same chrome: a line of short fields joined by separators, one of them a
 * timestamp ("By Desk | 18.11.2019 14:26 - Updated 16:46", "05/10/2018 - Author - Section - Tags"), which
 * is longer than a bare date but never a sentence; and a date printed under the standfirst, after the
 * story's first paragraph (only timestamps there: a byline that late is the story's own).
 */
import type { CleanupStep } from '../step';
import { blocksAfterFirstStory, comparable, comparableWithin, isProtected, openingBlocks, textOf, URL_TEXT } from './signals';

/** Longest line taken for chrome: "Updated 5:27 am CST, Wednesday, November 20, 2019" fits. */
const MAX_CHROME_CHARS = 64;
/** Words made of letters: "November", "at", "min", "read". A date or a reading time has few. */
const MAX_CHROME_LETTER_WORDS = 4;
/** A line with a year or a clock time is a timestamp and may name a weekday, a month and a zone too. */
const MAX_TIMESTAMP_LETTER_WORDS = 6;
const TIMESTAMP = /(?:^|\D)(?:19|20)\d\d(?:\D|$)|\d{1,2}[:.]\d\d(?:\D|$)/;
const LETTER_WORD = /\p{L}+/gu;
const HAS_DIGIT = /\p{N}/u;
/**
 * Sentences and questions are prose or headings, not chrome. A full stop before a number is an
 * abbreviation in a date ("Nov. 20, 2019"), not a sentence's end.
 */
const PROSE_MARK = /[.!?。！？]\s+[^\s\p{N}]|[?？:：]\s*$/u;
/** Separators between the fields of a meta line: a bar, a dot, a slash or a dash with space around it. */
const FIELD_SEPARATOR = /\s*[|｜·•]\s*|\s+[/–—-]\s+/u;
/** A field line: at most this long, and each field short, as a name, a section or a date is. */
const MAX_FIELD_LINE_CHARS = 160;
const MAX_FIELD_CHARS = 48;
const SKIP = /^(?:H[1-6]|LI|UL|OL|DT|DD|FIGCAPTION|CAPTION|TD|TH)$/;

export const openingMeta: CleanupStep = {
  name: 'opening-meta',
  phase: 'after',
  run(root, ctx) {
    const byline = ctx.byline ? comparable(ctx.byline) : '';
    for (const el of openingBlocks(root)) {
      const text = candidateText(el, root);
      if (!text) continue;
      // Either test needs a key at most 24 longer than the byline: no need to read a long block whole.
      const key = byline.length > 0 ? comparableWithin(text, byline.length + 24) : null;
      const isByline = key !== null && (key === byline || (key.includes(byline) && key.length <= byline.length + 24));
      const letterWords = text.match(LETTER_WORD)?.length ?? 0;
      const isChrome =
        text.length <= MAX_CHROME_CHARS &&
        HAS_DIGIT.test(text) &&
        letterWords <= (isTimestamp(text) ? MAX_TIMESTAMP_LETTER_WORDS : MAX_CHROME_LETTER_WORDS) &&
        !PROSE_MARK.test(text);
      if (isByline || isChrome || isFieldLine(text) || URL_TEXT.test(text)) ctx.remove(el, this.name);
    }
    // The first long block and what follows it up to the second: a long field line is "long" too, so
    // when the first block goes as one, the standfirst after it is looked past in another round.
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const blocks = blocksAfterFirstStory(root);
      let firstGone = false;
      for (const el of blocks) {
        const text = candidateText(el, root);
        if (!text || !(isTimestampLine(text) || isFieldLine(text))) continue;
        ctx.remove(el, this.name);
        if (el === blocks[0]) firstGone = true;
      }
      if (!firstGone) break;
    }
  },
};

const MAX_ROUNDS = 3;

/** The text of a block this step may judge, or '' for one it leaves alone (lists, media, headings). */
function candidateText(el: Element, root: Element): string {
  if (el === root || !root.contains(el) || SKIP.test(el.tagName) || isProtected(el)) return '';
  if (el.closest('li, ul, ol, dl')) return '';
  if (el.querySelector('img, picture, video, iframe, svg, math, table, pre, h1, h2, h3, h4, h5, h6')) return '';
  return textOf(el);
}

/**
 * A year or a clock time with another number beside it (a day, a minute): a date. A year alone may be
 * an edition's title ("2018 Tradition Series Performance"), which keeps the stricter word limit.
 */
function isTimestamp(text: string): boolean {
  return TIMESTAMP.test(text) && (text.match(NUMBER_GROUP)?.length ?? 0) >= 2;
}
const NUMBER_GROUP = /\p{N}+/gu;

/** A short line that is a date or a time and little else. */
function isTimestampLine(text: string): boolean {
  return (
    text.length <= MAX_CHROME_CHARS &&
    isTimestamp(text) &&
    (text.match(LETTER_WORD)?.length ?? 0) <= MAX_TIMESTAMP_LETTER_WORDS &&
    !PROSE_MARK.test(text)
  );
}

/** Short fields joined by separators, one of them a timestamp, and no sentence. */
function isFieldLine(text: string): boolean {
  if (text.length > MAX_FIELD_LINE_CHARS || PROSE_MARK.test(text)) return false;
  const fields = text.split(FIELD_SEPARATOR).filter((f) => f.trim());
  return fields.length >= 2 && fields.every((f) => f.length <= MAX_FIELD_CHARS) && fields.some((f) => TIMESTAMP.test(f));
}
