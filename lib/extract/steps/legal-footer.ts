/**
 * Copyright and legal lines that trail the article ("Copyright © 2025 Site. All rights reserved.",
 * "(c) 2024 Site", "© 2019–2025 Сайт"). Found by their typographic shape, the sign or "(c)" beside a
 * year, which is the same in every language; only in the article's tail, and never inside a figure,
 * where "© Agency" credits a photo.
 */
import type { CleanupStep } from '../step';
import { isProtected, textOf } from './signals';

/** ©/℗ anywhere, or (c)/"Copyright" beside a year. */
const LEGAL_LINE = /[©℗]|\(c\)\s*(?:19|20)\d\d|(?:19|20)\d\d\s*\(c\)|\bcopyright\s*(?:\(c\)|(?:19|20)\d\d)/i;
/** Longer than this and it is prose that mentions copyright, not a footer line. */
const MAX_LEGAL_CHARS = 220;
/** The tail: the last share of the article's text. */
const TAIL_SHARE = 0.35;
const LINE_BLOCK = 'p, div, li, small, footer, section, span, dd, h6';
const SHOW_TEXT = 4;

export const legalFooter: CleanupStep = {
  name: 'legal-footer',
  phase: 'after',
  run(root, ctx) {
    // One walk over the text: where each legal-looking line starts, and how much text there is.
    const hits: Array<{ node: Node; at: number }> = [];
    let total = 0;
    const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const value = node.nodeValue ?? '';
      if (LEGAL_LINE.test(value)) hits.push({ node, at: total });
      total += value.trim().length;
    }
    for (const { node, at } of hits) {
      if (at < total * (1 - TAIL_SHARE)) continue;
      const parent = node.parentElement;
      let line = parent?.closest(LINE_BLOCK) ?? null;
      if (!line || line === root || !root.contains(line) || isProtected(line)) continue;
      // The largest block around the line that is still only the line (a footer <div> around a <p>).
      while (line.parentElement && line.parentElement !== root && textOf(line.parentElement).length <= MAX_LEGAL_CHARS) line = line.parentElement;
      const text = textOf(line);
      if (text.length <= MAX_LEGAL_CHARS) ctx.remove(line, this.name);
    }
  },
};
