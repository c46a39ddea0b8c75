/**
 * Copyright and legal lines that trail the article ("Copyright © 2025 Site. All rights reserved.",
 * "(c) 2024 Site", "© 2019–2025 Сайт"). Found by their typographic shape, the sign or "(c)" beside a
 * year, which is the same in every language; never inside a figure, where "© Agency" credits a photo.
 */
import type { CleanupStep } from '../step';
import { BLOCK_SELECTOR, isInTail, isProtected, textOf } from './signals';

/** ©, or (c)/(C) or "Copyright" beside a year; a year range counts. */
const LEGAL_LINE = /[©℗]|\(c\)\s*(?:19|20)\d\d|(?:19|20)\d\d\s*\(c\)|\bcopyright\s*(?:\(c\)|(?:19|20)\d\d)/i;
/** Longer than this and it is prose that mentions copyright, not a footer line. */
const MAX_LEGAL_CHARS = 220;

export const legalFooter: CleanupStep = {
  name: 'legal-footer',
  phase: 'after',
  run(root, ctx) {
    const seen = new Set<Element>();
    for (const el of Array.from(root.querySelectorAll(BLOCK_SELECTOR + ', small'))) {
      if (el === root || seen.has(el)) continue;
      const text = textOf(el);
      if (!text || text.length > MAX_LEGAL_CHARS || !LEGAL_LINE.test(text)) continue;
      if (isProtected(el) || !isInTail(el, root, 0.35)) continue;
      // Take the innermost block holding the line, so siblings of value stay.
      if (Array.from(el.querySelectorAll(BLOCK_SELECTOR)).some((child) => LEGAL_LINE.test(textOf(child)))) continue;
      for (const inner of Array.from(el.querySelectorAll('*'))) seen.add(inner);
      ctx.remove(el, this.name);
    }
  },
};
