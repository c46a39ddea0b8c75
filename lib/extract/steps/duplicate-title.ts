/**
 * The title repeated at the top of the body. The reader shows the title above the article already, so a
 * heading or line in the opening region that says the same (give or take the site's name or
 * punctuation) is a duplicate.
 */
import type { CleanupStep } from '../step';
import { comparable, comparableWithin, isProtected, openingBlocks, textOf } from './signals';

/** How much longer than the title a line may be and still be "the title" (a " | Site" suffix). */
const SUFFIX_ALLOWANCE = 30;

export const duplicateTitle: CleanupStep = {
  name: 'duplicate-title',
  phase: 'after',
  run(root, ctx) {
    const title = comparable(ctx.title);
    if (title.length < 8) return;
    for (const el of openingBlocks(root)) {
      if (el === root || !root.contains(el) || isProtected(el)) continue;
      if (el.querySelector('img, picture, video, iframe, table, pre, math')) continue;
      // Every test below needs a key at most SUFFIX_ALLOWANCE longer than the title.
      const key = comparableWithin(textOf(el), title.length + SUFFIX_ALLOWANCE);
      if (!key) continue;
      const same = key === title || (key.includes(title) && key.length <= title.length + SUFFIX_ALLOWANCE) || (title.includes(key) && key.length >= title.length * 0.85);
      if (same) ctx.remove(el, this.name);
    }
  },
};
