/**
 * Text shown twice on purpose by the layout: a standfirst printed above the story and again as its
 * first paragraph, or a pull quote (a boxed aside) that repeats a sentence of the body. The story keeps
 * the copy in the flow of its paragraphs.
 *
 * Repeats further down are left alone: interviews repeat their questions, recipes their lines, and the
 * labelled text of such pages keeps every copy.
 */
import type { CleanupStep } from '../step';
import { comparable, measure, openingBlocks, textOf } from './signals';

/** Shorter repeats are ordinary ("Read more", a name) and left alone. */
const MIN_REPEAT_CHARS = 40;
const LEAF_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, aside, figcaption, div, dd';
const HAS_BLOCK = 'p, div, li, blockquote, aside, h1, h2, h3, h4, h5, h6, ul, ol, table, pre, figure';
/** A pull quote is a box: an aside, or a block named as one. Blockquotes are quotes of a source, kept. */
const PULL_QUOTE = 'aside, [class*="pull" i], [class*="callout" i]';
const CAPTION = 'figcaption, figure, [class*="caption" i]';

export const repeatedBlocks: CleanupStep = {
  name: 'repeated-blocks',
  phase: 'after',
  run(root, ctx) {
    const stats = measure(root);
    const long = (el: Element) => (stats.get(el)?.chars ?? 0) >= MIN_REPEAT_CHARS;
    const leaves = Array.from(root.querySelectorAll(LEAF_SELECTOR)).filter((el) => long(el) && !el.querySelector(HAS_BLOCK) && !el.closest('pre, code, table, math'));
    // The opening, and the first block of story-length text too: a standfirst is often that long itself.
    const openingSet = new Set(openingBlocks(root, stats));
    const firstStory = leaves.find((el) => !openingSet.has(el));
    const opening = leaves.filter((el) => openingSet.has(el) || el === firstStory);
    const boxes = Array.from(root.querySelectorAll(PULL_QUOTE)).filter(long);
    const captions = leaves.filter((el) => el.closest(CAPTION));
    if (!opening.length && !boxes.length && captions.length < 2) return;

    const keyOf = new Map(leaves.map((el) => [el, comparable(textOf(el))]));
    const bodyAfter = (el: Element) =>
      leaves
        .slice(leaves.indexOf(el) + 1)
        .filter((other) => !other.closest(PULL_QUOTE))
        .map((other) => keyOf.get(other))
        .join('\n');

    // A standfirst above the story that the story then repeats: the first copy goes.
    for (const el of opening) {
      const key = keyOf.get(el) ?? '';
      if (root.contains(el) && key.length >= MIN_REPEAT_CHARS && bodyAfter(el).includes(key)) ctx.remove(el, this.name);
    }
    const body = leaves
      .filter((el) => root.contains(el) && !el.closest(PULL_QUOTE))
      .map((el) => keyOf.get(el))
      .join('\n');
    // A gallery repeats each caption (thumbnail strip and full view): the first copy stays. Only the
    // caption goes; a picture is the article's own even when two share a caption.
    const seenCaptions = new Set<string>();
    for (const el of captions) {
      const key = keyOf.get(el) ?? '';
      if (!root.contains(el)) continue;
      if (seenCaptions.has(key)) ctx.remove(el, this.name);
      else seenCaptions.add(key);
    }
    // A pull quote repeats a sentence that sits inside a paragraph of the body.
    for (const box of boxes) {
      if (box === root || !root.contains(box) || box.querySelector('img, video, iframe, table, pre')) continue;
      const key = comparable(textOf(box));
      if (key.length >= MIN_REPEAT_CHARS && body.includes(key)) ctx.remove(box, this.name);
    }
  },
};
