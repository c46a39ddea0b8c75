/**
 * Header chrome repeated at the top of the body: "· 3 min read", "5 menit baca", "27.04.2025 10:15",
 * "3 мин", the byline again. In every language these are very short lines with a number (or the byline
 * Readability already took out) sitting above the first paragraph of the story, so that is what this
 * looks for; headings, list items and captions are left alone.
 */
import type { CleanupStep } from '../step';
import { comparable, isProtected, openingBlocks, textOf } from './signals';

/** Longest line taken for chrome: "Updated 27 April 2025, 10:15 WIB · 3 min read" fits. */
const MAX_CHROME_CHARS = 56;
const MAX_CHROME_WORDS = 8;
const HAS_DIGIT = /\p{N}/u;
const SENTENCE_END = /[.!?。！？]\s+\S/u;
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
      const isChrome =
        text.length <= MAX_CHROME_CHARS &&
        HAS_DIGIT.test(text) &&
        text.split(/\s+/).length <= MAX_CHROME_WORDS &&
        !SENTENCE_END.test(text);
      if (isByline || isChrome) ctx.remove(el, this.name);
    }
  },
};
