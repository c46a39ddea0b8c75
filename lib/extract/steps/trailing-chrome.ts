/**
 * What trails the story's last paragraph and speaks about the page rather than telling the story:
 * headings left with nothing under them (the "More news" over a list another step took out), one- to
 * few-word labels ("comments", "Source: agencies"), and contact or follow lines ("Write to the author at
 * name@site", "Follow @desk on X", a profile address). In every language these share their shape: a
 * heading with no content after it, a line of a few words without a sentence's end, or a short line
 * built around an e-mail address, an @handle or a social profile's address.
 *
 * Only the tail is read, from the last line backwards, and the walk stops at the first line that is
 * none of these, so a story's own closing paragraph, list or table ends the search.
 */
import type { CleanupStep } from '../step';
import { isProtected, leafBlocks, measure, textOf } from './signals';

const LINE_TAGS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'SECTION', 'ASIDE', 'FOOTER', 'HEADER', 'ADDRESS', 'SPAN', 'EM', 'STRONG', 'B', 'I', 'SMALL']);
const HEADING = /^H[1-6]$/;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;
const HANDLE = /(?:^|[\s(（:：])@[\p{L}\p{N}_]{2,}/u;
const PROFILE_URL = /(?:twitter|x|facebook|instagram|linkedin|threads|bsky|mastodon|t)\.(?:com|me|app|social)\/[\p{L}\p{N}_]/iu;
const SENTENCE_END = /[.!?…。！？]["'»”)]*$/u;
const LETTER_WORD = /[\p{L}\p{N}]+/gu;
const HAS_DIGIT = /\p{N}/u;
/** A contact line is a sentence or two, never a paragraph of the story. */
const MAX_CONTACT_CHARS = 300;
/** A label is a few words: "Comments", "More from Business", "Source: agencies". */
const MAX_LABEL_CHARS = 32;
const MAX_LABEL_WORDS = 4;
const MAX_HEADING_CHARS = 100;
/** The tail never takes more than this share of the article's text, nor more than this many lines. */
const MAX_SHARE = 0.2;
const MAX_LINES = 8;

function isTrailingChrome(el: Element, text: string): boolean {
  if (HEADING.test(el.tagName)) return text.length <= MAX_HEADING_CHARS;
  if (text.length <= MAX_CONTACT_CHARS && (EMAIL.test(text) || HANDLE.test(text) || PROFILE_URL.test(text))) return true;
  // A number makes a line information (a phone number, a score, a date), not a label.
  return text.length <= MAX_LABEL_CHARS && (text.match(LETTER_WORD)?.length ?? 0) <= MAX_LABEL_WORDS && !SENTENCE_END.test(text) && !HAS_DIGIT.test(text);
}

export const trailingChrome: CleanupStep = {
  name: 'trailing-chrome',
  phase: 'after',
  run(root, ctx) {
    const lines = leafBlocks(root, LINE_TAGS);
    if (!lines.length) return;
    const total = measure(root).get(root)?.chars ?? 0;
    const taken: Element[] = [];
    let takenChars = 0;
    for (let i = lines.length - 1; i >= 0 && taken.length < MAX_LINES; i--) {
      const el = lines[i];
      if (taken.some((t) => t.contains(el))) continue;
      if (isProtected(el) || el.closest('li, ul, ol, dl, table')) break;
      const text = textOf(el);
      if (!text) {
        if (el.querySelector('img, picture, video, audio, iframe, svg, canvas')) break;
        continue;
      }
      if (el.querySelector('img, picture, video, audio, iframe, svg, canvas') || !isTrailingChrome(el, text)) break;
      takenChars += text.length;
      if (takenChars > total * MAX_SHARE) break;
      taken.push(el);
    }
    for (const el of taken) if (root.contains(el)) ctx.remove(el, this.name);
  },
};
