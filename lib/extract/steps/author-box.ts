/**
 * The author box after the story: a photo, a short bio, profile links. The page marks it in ways that
 * do not depend on language (`rel="author"`, schema.org's author and Person, author URLs), but
 * Readability takes `rel="author"` links out as the byline, leaving an unmarked bio behind; so this runs
 * before Readability. Only a box that follows paragraphs of the story is taken: a byline above the story
 * is Readability's to read as the article's byline.
 */
import type { CleanupStep } from '../step';
import { STORY_TEXT_MIN, textLengthWithin } from './signals';

/** Author pages' paths, in the languages whose sites the corpus showed ("/penulis/", "/avtor/"). */
const AUTHOR_PATH = /\/(?:author|authors|penulis|autor|avtor)\//;
const AUTHOR_REL = /(?:^|[ \t\n\f\r])author(?:[ \t\n\f\r]|$)/i;

/**
 * A mark of authorship: `a[rel~="author"]`, `[itemprop="author"]`, `[itemtype*="schema.org/Person"]`, or
 * a link to an author page. Tested here on the few candidates a simple query finds: as one selector list
 * of eight attribute tests, the query was this step's whole cost in linkedom (five times this).
 */
export function isAuthorMark(el: Element): boolean {
  if (el.localName === 'a') {
    const rel = el.getAttributeNode('rel')?.value;
    if (rel && AUTHOR_REL.test(rel)) return true;
    const href = el.getAttributeNode('href')?.value;
    if (href && AUTHOR_PATH.test(href)) return true;
  }
  if (el.getAttributeNode('itemprop')?.value === 'author') return true;
  return el.getAttributeNode('itemtype')?.value.includes('schema.org/Person') ?? false;
}
/** The boxes a bio card comes in (tested by tag name: `matches` compiles a selector per call in linkedom). */
const BOX_TAGS = new Set(['DIV', 'SECTION', 'ASIDE', 'FOOTER', 'ADDRESS']);
const MAX_AUTHOR_CHARS = 700;
/** How far up from the box to look for the story it follows. */
const LEVELS = 3;

/** True when, within a few levels up, two or more story paragraphs come before `el`. */
function followsStory(el: Element): boolean {
  let node: Element | null = el;
  for (let level = 0; node && level < LEVELS; level++, node = node.parentElement) {
    let paragraphs = 0;
    for (let prev = node.previousElementSibling; prev && paragraphs < 2; prev = prev.previousElementSibling) {
      paragraphs += storyParagraphs(prev, 2 - paragraphs);
    }
    if (paragraphs >= 2) return true;
  }
  return false;
}

/**
 * Story paragraphs in `el` and under it, counted up to `max`: the walk stops there, where listing every
 * `<p>` of a preceding block (the whole story, often) would read it all for each author mark.
 */
function storyParagraphs(el: Element, max: number): number {
  let n = 0;
  for (let node: Element | null = el; node && n < max; node = nextInside(node, el)) {
    if (node.tagName === 'P' && textLengthWithin(node, STORY_TEXT_MIN) >= STORY_TEXT_MIN) n++;
  }
  return n;
}

/** The element after `node` in document order, within `root`. */
function nextInside(node: Element, root: Element): Element | null {
  if (node.firstElementChild) return node.firstElementChild;
  for (let up: Element | null = node; up && up !== root; up = up.parentElement) {
    if (up.nextElementSibling) return up.nextElementSibling;
  }
  return null;
}

export const authorBox: CleanupStep = {
  name: 'author-box',
  phase: 'before',
  run(root, ctx) {
    const boxes = new Set<Element>();
    for (const mark of Array.from(root.querySelectorAll('a, [itemprop], [itemtype]')).filter(isAuthorMark)) {
      // The smallest box around the mark that has a picture or several links: the bio card.
      for (let box = mark.parentElement; box && box !== root && box.tagName !== 'BODY'; box = box.parentElement) {
        if (!BOX_TAGS.has(box.tagName.toUpperCase())) continue;
        if (textLengthWithin(box, MAX_AUTHOR_CHARS) > MAX_AUTHOR_CHARS || box.querySelectorAll('p').length > 3) break;
        if (box.querySelector('img') || box.querySelectorAll('a[href]').length >= 2) {
          boxes.add(box);
          break;
        }
      }
    }
    for (const box of boxes) if (root.contains(box) && followsStory(box)) ctx.remove(box, this.name);
  },
};
