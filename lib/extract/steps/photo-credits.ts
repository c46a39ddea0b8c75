/**
 * Photo credits: the short attribution line a picture carries ("Photo: name, agency", "(Image: agency)",
 * "© name"), which names who took the picture, not what it shows. The caption itself stays: the reader
 * promises figures with their captions; only the credit inside or beside it goes.
 *
 * Three signals must agree, none enough alone: the line is marked as a credit (its class or id names a
 * credit, a copyright or an attribution, or its text opens with ©); it is short, a name or two rather
 * than a sentence; and it sits where a credit sits, inside a figure or a caption (as a part of it, never
 * the whole caption), or straight after a picture.
 */
import type { CleanupStep } from '../step';
import { isMedia, namesOf, textOf } from './signals';

const CREDIT_NAMES = /credit|copyright|attribution/;
const OPENS_WITH_COPYRIGHT = /^[([]?\s*(?:©|\(c\)|℗)/iu;
/** A credit names a person and an agency or two: "Photo: David Zalubowski, STF / Associated Press". */
const MAX_CREDIT_CHARS = 80;
/** One sentence's end followed by another sentence: a caption, not a credit. */
const TWO_SENTENCES = /[.!?。！？]\s+\p{Lu}/u;
const CAPTION_NAMES = /caption/;
/** How far up a caption's box may be: the credit sits in a span in a paragraph in the caption. */
const MAX_CAPTION_DEPTH = 3;

function inCaption(el: Element, root: Element): boolean {
  if (el.closest('figure, figcaption')) return true;
  let up = el.parentElement;
  for (let depth = 0; up && up !== root && depth < MAX_CAPTION_DEPTH; depth++, up = up.parentElement) {
    if (CAPTION_NAMES.test(namesOf(up))) return true;
  }
  return false;
}

/** The element before `el` is a picture, or a block holding only pictures. */
function afterPicture(el: Element): boolean {
  const prev = el.previousElementSibling;
  if (!prev) return false;
  if (isMedia(prev)) return true;
  return !textOf(prev) && prev.querySelector('img, picture, video') !== null;
}

export const photoCredits: CleanupStep = {
  name: 'photo-credits',
  phase: 'after',
  run(root, ctx) {
    // A marked element is rarely more than a handful per page: ask for those by name first.
    const marked = new Set<Element>(Array.from(root.querySelectorAll('[class], [id]')).filter((el) => CREDIT_NAMES.test(namesOf(el))));
    for (const el of Array.from(root.querySelectorAll('span, small, p, div, cite'))) {
      if (!marked.has(el) && el.childElementCount <= 1 && OPENS_WITH_COPYRIGHT.test(textOf(el))) marked.add(el);
    }
    for (const el of marked) {
      if (el === root || !root.contains(el) || /^(?:FIGURE|FIGCAPTION|IMG|PICTURE)$/i.test(el.tagName)) continue;
      if (el.querySelector('img, picture, video, iframe, table, pre, math, figcaption')) continue;
      const text = textOf(el);
      if (!text || text.length > MAX_CREDIT_CHARS || TWO_SENTENCES.test(text)) continue;
      if (!inCaption(el, root) && !afterPicture(el)) continue;
      ctx.remove(el, this.name);
    }
  },
};
