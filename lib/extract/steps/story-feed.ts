/**
 * Other stories listed after the story as stories of their own: a block ("You may also like", a
 * category feed) holding two or more `<article>` elements, each another post's picture and excerpt.
 * Blog themes mark every post up as an `<article>`, the one being read and the ones it recommends
 * alike, and Readability, finding them under the story's parent, keeps them all.
 *
 * The markup says it in every language: the story is an `<article>` with no article inside it, and
 * after it comes a block, outside the story, that holds two or more articles. Only such blocks after the
 * story go: a live blog's entries share one parent with the first of them, so none is a block apart.
 */
import type { CleanupStep } from '../step';
import { isProtected, STORY_TEXT_MIN, textLengthWithin } from './signals';

/** A feed lists at least this many stories. */
const MIN_STORIES = 2;
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

export const storyFeed: CleanupStep = {
  name: 'story-feed',
  phase: 'after',
  run(root, ctx) {
    const articles = Array.from(root.getElementsByTagName('article'));
    if (articles.length < MIN_STORIES + 1) return;
    // The story: the first article with story-length text and no article inside it.
    const story = articles.find((a) => a.getElementsByTagName('article').length === 0 && textLengthWithin(a, STORY_TEXT_MIN) >= STORY_TEXT_MIN);
    if (!story) return;
    for (const el of articles) {
      if (!root.contains(el) || el === story || el.contains(story) || story.contains(el)) continue;
      if (!(story.compareDocumentPosition(el) & FOLLOWING)) continue;
      // The feed is the outermost block after the story that holds only other stories.
      let feed: Element | null = el.parentElement;
      let block: Element = el;
      while (feed && feed !== root && !feed.contains(story)) {
        block = feed;
        feed = feed.parentElement;
      }
      if (block.getElementsByTagName('article').length < MIN_STORIES) continue;
      if (isProtected(block)) continue;
      ctx.remove(block, this.name);
    }
  },
};
