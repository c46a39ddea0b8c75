/**
 * Text shown twice on purpose by the layout: a standfirst printed above the story and again as its
 * first paragraph, a pull quote (a boxed aside) that repeats a sentence of the body, a gallery that
 * prints each caption twice. The story keeps one copy: the one in the flow of its paragraphs.
 *
 * Repeats further down are left alone: interviews repeat their questions, recipes their lines, and the
 * labelled text of such pages keeps every copy.
 */
import type { CleanupStep } from '../step';
import { comparable, openingBlocks, STORY_TEXT_MIN, textLengthWithin, textOf } from './signals';

/** Shorter repeats are ordinary ("Read more", a name) and left alone. */
const MIN_REPEAT_CHARS = 40;
const HAS_BLOCK = 'p, div, li, blockquote, aside, h1, h2, h3, h4, h5, h6, ul, ol, table, pre, figure';
/** A pull quote is a box: an aside, or a block named as one. Blockquotes are quotes of a source, kept. */
const PULL_QUOTE = 'aside, [class*="pull" i], [class*="callout" i]';
const CAPTION = 'figcaption, [class*="caption" i]';
const CAPTION_BLOCK = HAS_BLOCK.replace(/^p, /, '');

function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0 && n < 3; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
}

export const repeatedBlocks: CleanupStep = {
  name: 'repeated-blocks',
  phase: 'after',
  run(root, ctx) {
    const long = (el: Element) => textLengthWithin(el, MIN_REPEAT_CHARS) >= MIN_REPEAT_CHARS;
    // The opening, and the first paragraph of story length too: a standfirst is often that long itself.
    const opening = openingBlocks(root).filter((el) => el !== root && long(el) && !el.querySelector(HAS_BLOCK));
    const firstStory = Array.from(root.querySelectorAll('p')).find((p) => textLengthWithin(p, STORY_TEXT_MIN) >= STORY_TEXT_MIN);
    if (firstStory) opening.push(firstStory);
    const boxes = Array.from(root.querySelectorAll(PULL_QUOTE)).filter((el) => el !== root && long(el));
    // A caption may hold its text in a paragraph of its own, but nothing more.
    const named = Array.from(root.querySelectorAll(CAPTION)).filter((el) => long(el) && !el.querySelector(CAPTION_BLOCK));
    // Only the innermost: a figure named "has-caption" around its figcaption is one caption, not two.
    const captions = named.filter((el) => !named.some((other) => other !== el && el.contains(other)));
    if (!opening.length && !boxes.length && captions.length < 2) return;

    // All of the article's text in comparable form, once: a block is repeated when its text occurs
    // there twice (its own copy and another).
    let all = comparable(textOf(root));
    for (const el of opening) {
      if (!root.contains(el) || el.closest(PULL_QUOTE)) continue;
      const key = comparable(textOf(el));
      if (key.length < MIN_REPEAT_CHARS || occurrences(all, key) < 2) continue;
      ctx.remove(el, this.name);
      // The copy that stays must not count as a repeat of the one just taken.
      all = comparable(textOf(root));
    }
    // A gallery repeats each caption (thumbnail strip and full view): the first copy stays. Only the
    // caption goes; a picture is the article's own even when two share a caption.
    const seen = new Set<string>();
    for (const el of captions) {
      if (!root.contains(el)) continue;
      const key = comparable(textOf(el));
      if (seen.has(key)) ctx.remove(el, this.name);
      else seen.add(key);
    }
    // A pull quote repeats a sentence that sits inside a paragraph of the body.
    for (const box of boxes) {
      if (!root.contains(box) || box.querySelector('img, video, iframe, table, pre')) continue;
      const key = comparable(textOf(box));
      if (key.length < MIN_REPEAT_CHARS || occurrences(all, key) < 2) continue;
      ctx.remove(box, this.name);
      all = comparable(textOf(root));
    }
  },
};
