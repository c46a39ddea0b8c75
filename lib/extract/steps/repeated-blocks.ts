/**
 * Text shown twice: a standfirst printed above the story and again as its first paragraph, a pull quote
 * that repeats a sentence of the body, a caption block echoed. The story keeps one copy: the one in the
 * flow of paragraphs, not the one in a quote box, an aside or a figure.
 */
import type { CleanupStep } from '../step';
import { comparable, textOf } from './signals';

/** Shorter repeats are ordinary ("Read more", a name) and left alone. */
const MIN_REPEAT_CHARS = 40;
const LEAF_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, aside, figcaption, div, dd';
const BOX_SELECTOR = 'blockquote, aside, figure, [class*="pull" i], [class*="quote" i]';
const HAS_BLOCK = 'p, div, li, blockquote, aside, h1, h2, h3, h4, h5, h6, ul, ol, table, pre, figure';

export const repeatedBlocks: CleanupStep = {
  name: 'repeated-blocks',
  phase: 'after',
  run(root, ctx) {
    const leaves = Array.from(root.querySelectorAll(LEAF_SELECTOR)).filter((el) => !el.querySelector(HAS_BLOCK) && !el.closest('pre, code, table, math'));
    const keys = leaves.map((el) => comparable(textOf(el)));
    const firstByKey = new Map<string, number>();
    keys.forEach((key, i) => {
      if (key.length < MIN_REPEAT_CHARS) return;
      const first = firstByKey.get(key);
      if (first === undefined) {
        firstByKey.set(key, i);
        return;
      }
      // Of two copies, the boxed one goes; between two plain ones, the first (a standfirst above the story).
      const a = leaves[first];
      const b = leaves[i];
      const drop = b.closest(BOX_SELECTOR) && !a.closest(BOX_SELECTOR) ? b : a;
      const target = drop.closest(BOX_SELECTOR) ?? drop;
      if (!root.contains(target) || target === root || target.contains(drop === a ? b : a)) return;
      ctx.remove(target, this.name);
      if (drop === a) firstByKey.set(key, i);
    });
    // A pull quote repeats a sentence that sits inside a longer paragraph of the body.
    const body = leaves
      .filter((el) => root.contains(el) && !el.closest(BOX_SELECTOR))
      .map((el) => comparable(textOf(el)))
      .join('\n');
    for (const box of Array.from(root.querySelectorAll('blockquote, aside, [class*="pull" i]'))) {
      if (!root.contains(box) || box.querySelector('img, video, iframe, table, pre')) continue;
      const key = comparable(textOf(box));
      if (key.length >= MIN_REPEAT_CHARS && body.includes(key)) ctx.remove(box, this.name);
    }
  },
};
