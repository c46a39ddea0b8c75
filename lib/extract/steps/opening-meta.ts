/**
 * Header chrome repeated at the top of the body: "· 3 min read", "5 menit baca", "27.04.2025 10:15",
 * "3 мин", the byline again. In every language these are very short lines with a number (or the byline
 * Readability already took out) sitting above the first paragraph of the story, so that is what this
 * looks for; headings, list items and captions are left alone.
 */
import type { CleanupStep } from '../step';
import { comparable, isProtected, openingBlocks, textOf, URL_TEXT } from './signals';

/** Longest line taken for chrome: "Updated 5:27 am CST, Wednesday, November 20, 2019" fits. */
const MAX_CHROME_CHARS = 64;
/** Words made of letters: "November", "at", "min", "read". A date or a reading time has few. */
const MAX_CHROME_LETTER_WORDS = 4;
/** A line with a year or a clock time is a timestamp and may name a weekday, a month and a zone too. */
const MAX_TIMESTAMP_LETTER_WORDS = 6;
const TIMESTAMP = /(?:^|\D)(?:19|20)\d\d(?:\D|$)|\d{1,2}[:.]\d\d(?:\D|$)/;
const LETTER_WORD = /\p{L}+/gu;
const HAS_DIGIT = /\p{N}/u;
/** Sentences and questions are prose or headings, not chrome. */
const PROSE_MARK = /[.!?。！？]\s+\S|[?？:：]\s*$/u;
const SKIP = /^(?:H[1-6]|LI|UL|OL|DT|DD|FIGCAPTION|CAPTION|TD|TH)$/;

export const openingMeta: CleanupStep = {
  name: 'opening-meta',
  phase: 'after',
  run(root, ctx) {
    const byline = ctx.byline ? comparable(ctx.byline) : '';
    for (const el of openingBlocks(root)) {
      if (el === root || !root.contains(el) || SKIP.test(el.tagName) || isProtected(el)) continue;
      if (el.closest('li, ul, ol, dl')) continue;
      if (el.querySelector('img, picture, video, iframe, svg, math, table, pre, h1, h2, h3, h4, h5, h6')) continue;
      const text = textOf(el);
      if (!text) continue;
      const key = comparable(text);
      const isByline = byline.length > 0 && (key === byline || (key.includes(byline) && key.length <= byline.length + 24));
      const letterWords = text.match(LETTER_WORD)?.length ?? 0;
      const isChrome =
        text.length <= MAX_CHROME_CHARS &&
        HAS_DIGIT.test(text) &&
        letterWords <= (TIMESTAMP.test(text) ? MAX_TIMESTAMP_LETTER_WORDS : MAX_CHROME_LETTER_WORDS) &&
        !PROSE_MARK.test(text);
      if (isByline || isChrome || URL_TEXT.test(text)) ctx.remove(el, this.name);
    }
  },
};
