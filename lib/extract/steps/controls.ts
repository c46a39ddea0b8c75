/**
 * Interface controls that are not reading matter: buttons ("Close", "Caption", "Load more"), form fields,
 * script-only links, and gallery counters ("Image 1 of 9", "3 / 12", "1 из 5"). Sanitising would drop the
 * button tags but keep their labels as stray words; taking the controls out here drops both.
 */
import type { CleanupStep } from '../step';
import { hasAncestorOrSelf, hasDescendant, isProtected, measure, textOf } from './signals';

const CONTROL_SELECTOR = 'button, input, select, textarea, [role="button"], a[href^="javascript:" i], a[href="#"]';
/** A label, not a paragraph: a button wrapping prose is a design choice we do not second-guess. */
const MAX_CONTROL_CHARS = 40;
/** "1 of 9", "Image 1 of / 9", "3/12", "Foto 2 dari 5": a counter, with at most a short word or two around it. */
const COUNTER = /^\D{0,16}\d+\s*(?:\/|\p{L}{1,5}\s*\/?)\s*\d+\s*$/u;
const COUNTER_MAX_CHARS = 28;
/** Galleries put their counters inside figures, so only code, math and tables protect here. */
const COUNTER_PROTECTED = new Set(['PRE', 'CODE', 'TABLE', 'MATH']);
const COUNTER_BLOCKS = new Set(['DIV', 'P', 'LI']);

export const controls: CleanupStep = {
  name: 'controls',
  phase: 'after',
  run(root, ctx) {
    for (const el of Array.from(root.querySelectorAll(CONTROL_SELECTOR))) {
      if (!root.contains(el) || el === root || isProtected(el)) continue;
      if (textOf(el).length <= MAX_CONTROL_CHARS) ctx.remove(el, this.name);
    }
    const stats = measure(root);
    for (const el of Array.from(root.querySelectorAll('span, div, p, li'))) {
      const chars = stats.get(el)?.chars ?? 0;
      if (!chars || chars > COUNTER_MAX_CHARS) continue;
      // Walks, not `closest` / `querySelector`: linkedom compiles a selector on every call.
      if (!root.contains(el) || hasAncestorOrSelf(el, COUNTER_PROTECTED) || hasDescendant(el, COUNTER_BLOCKS)) continue;
      const text = textOf(el);
      if (text.length <= COUNTER_MAX_CHARS && COUNTER.test(text)) ctx.remove(el, this.name);
    }
  },
};
