/**
 * Prompts that ask something of the reader: newsletter sign-ups, subscription and paywall boxes, cookie
 * and consent banners, comment forms. What marks them in any language is the question itself, a form
 * field or an action button inside a box with little prose, and that is what Readability strips first
 * (it drops inputs and buttons but keeps the text around them). So this runs before Readability, while
 * the fields are still there, and takes the whole box: the smallest block around the field that holds
 * the prompt's text but not the story.
 *
 * Boxes named for what they are ("newsletter", "subscribe", "paywall", "cookie", "consent") with an
 * action in them count too: the name is one signal, the action and the small amount of text the others.
 */
import type { CleanupStep } from '../step';
import { namesOf, textLengthWithin } from './signals';

const FIELD = 'input[type="email"], input[name*="mail" i], input[type="text"], input:not([type]), textarea, select';
const ACTION = 'button, input[type="submit"], input[type="button"], [role="button"], a[href]';
const PROMPT_NAME = /newsletter|subscri(?!pt)|sign-?up|paywall|regwall|cookie|consent|gdpr|cmp-|optin|opt-in|email-?capture|lead-?gen|donat|membership|modal/;
/** A prompt's own words: a heading, a sentence of pitch, the legal small print. */
const MAX_PROMPT_CHARS = 600;
/** The story's own containers: a prompt's box never grows to take one, however short the story is. */
const STORY_BOX = 'article, main, [itemprop="articleBody"]';

function box(el: Element, limit: number): Element {
  let best = el;
  for (let up = el.parentElement; up && up.tagName !== 'BODY' && up.tagName !== 'HTML'; up = up.parentElement) {
    if (up.matches(STORY_BOX) || textLengthWithin(up, limit) > limit || up.querySelector(STORY_BOX)) break;
    best = up;
  }
  return best;
}

export const prompts: CleanupStep = {
  name: 'prompts',
  phase: 'before',
  run(root, ctx) {
    const targets = new Set<Element>();
    // Forms that collect an address or a comment, with the pitch around them. A site search box is
    // navigation: it goes too, as it is never the story.
    for (const form of Array.from(root.querySelectorAll('form'))) {
      if (!form.querySelector(FIELD) || form.closest('head')) continue;
      if (textLengthWithin(form, MAX_PROMPT_CHARS) > MAX_PROMPT_CHARS) continue;
      targets.add(box(form, MAX_PROMPT_CHARS));
    }
    for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
      if (!PROMPT_NAME.test(namesOf(el)) || el.tagName === 'BODY' || el.tagName === 'HTML') continue;
      if (!el.querySelector(ACTION + ', ' + FIELD)) continue;
      if (el.matches(STORY_BOX) || textLengthWithin(el, MAX_PROMPT_CHARS) > MAX_PROMPT_CHARS || el.querySelector(STORY_BOX)) continue;
      // Mostly prose with one link is an author's note about subscribing, not a box.
      if (el.querySelectorAll('p').length > 3) continue;
      targets.add(el);
    }
    for (const el of targets) {
      if (!root.contains(el)) continue;
      ctx.remove(el, this.name);
    }
  },
};
