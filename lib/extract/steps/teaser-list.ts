/**
 * Story teasers: a run of cards, each a headline that is wholly a link to another page, perhaps with a
 * kicker, a picture and a line of summary ("More stories", "Trending", the list of teasers after the
 * story). Link density misses them, because the summaries are not links; their shape gives them away in
 * any language: three or more sibling cards built the same way, each with exactly one linked headline
 * (or, for cards whose picture is the link, a short headline or none beside the one picture link to
 * another page; those without a headline only after the story).
 *
 * A story's own subheadings are not links, and a roundup whose linked headlines carry whole paragraphs
 * is the story: a card holds little text, and only cards after the story's last paragraph of its own go.
 */
import type { CleanupStep } from '../step';
import { isProtected, measure, STORY_TEXT_MIN, textOf, type Stats } from './signals';

const HEADINGS = 'h1, h2, h3, h4, h5, h6';
/** A card's text: kicker, headline, a summary of a sentence or two. */
const MAX_CARD_CHARS = 400;
const MIN_CARDS = 3;
/** The headline is the link: nearly all of its text is link text. */
const HEADLINE_LINK_SHARE = 0.9;
/** Never take a run of cards holding this share of the article's text. */
const MAX_SHARE = 0.5;

function linkedHeadline(h: Element, stats: Map<Element, Stats>): boolean {
  const s = stats.get(h);
  if (!s || !s.chars || s.linkChars < s.chars * HEADLINE_LINK_SHARE) return false;
  const a = h.querySelector('a[href]');
  return !!a && !(a.getAttribute('href') ?? '').startsWith('#');
}

/** A picture card's headline and line of summary: "KICKER" and a sentence. */
const MAX_PICTURE_CARD_CHARS = 200;
/** A link to a picture file is a zoom, not another page. */
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#]|$)/i;

/**
 * A card whose headline is no link, but whose picture is: the one link in the card wraps only an image
 * and leads to another page (the story the card sells). A figure whose picture opens the full-size
 * file links to an image, and a product or a profile has more text than a card's two lines.
 */
function pictureLinkedCard(card: Element, stats: Map<Element, Stats>): boolean {
  const s = stats.get(card);
  if (!s || s.links !== 1 || s.linkChars || s.chars > MAX_PICTURE_CARD_CHARS || card.querySelector('figure, figcaption')) return false;
  const a = card.querySelector('a[href]');
  const href = a?.getAttribute('href') ?? '';
  return !!a && !!a.querySelector('img, picture') && !href.startsWith('#') && !IMAGE_FILE.test(href);
}

/** A card inside the story is a headline and nothing else: no summary, no kicker of any length. */
const MAX_BARE_CARD_CHARS = 160;
/** The label over a run ("More:", "Read also"): a few words, no sentence. */
const MAX_LABEL_CHARS = 32;
const SENTENCE_END = /[.!?。！？]$/u;

/** Runs of at least `MIN_CARDS` bare cards that follow each other as siblings. */
function bareRuns(cards: Element[], stats: Map<Element, Stats>): Element[][] {
  const runs: Element[][] = [];
  let run: Element[] = [];
  for (const card of cards) {
    const bare = (stats.get(card)?.chars ?? 0) <= MAX_BARE_CARD_CHARS;
    if (bare && run.length && run[run.length - 1].nextElementSibling === card) run.push(card);
    else {
      if (run.length >= MIN_CARDS) runs.push(run);
      run = bare ? [card] : [];
    }
  }
  if (run.length >= MIN_CARDS) runs.push(run);
  return runs;
}

function isRunLabel(el: Element, stats: Map<Element, Stats>): boolean {
  const s = stats.get(el);
  if (!s || !s.chars || s.linkChars || s.media || el.childElementCount > 1) return false;
  const text = textOf(el);
  return /^(?:H[1-6]|P|DIV|SPAN|STRONG|B)$/.test(el.tagName.toUpperCase()) && text.length <= MAX_LABEL_CHARS && !SENTENCE_END.test(text);
}

export const teaserList: CleanupStep = {
  name: 'teaser-list',
  phase: 'after',
  run(root, ctx) {
    const stats = measure(root);
    const total = stats.get(root)?.chars ?? 0;
    const groups = new Map<Element, Element[]>();
    for (const h of Array.from(root.querySelectorAll(HEADINGS))) {
      if (isProtected(h)) continue;
      const linked = linkedHeadline(h, stats);
      if (!linked && (stats.get(h)?.linkChars || (stats.get(h)?.chars ?? 0) > MAX_LABEL_CHARS * 2)) continue;
      // The card: the largest block around the headline that holds no other headline and little text.
      let card: Element = h;
      for (let up = h.parentElement; up && up !== root; up = up.parentElement) {
        if ((stats.get(up)?.chars ?? 0) > MAX_CARD_CHARS || up.querySelectorAll(HEADINGS).length > 1) break;
        card = up;
      }
      if (card === h || !card.parentElement) continue;
      if (!linked && !pictureLinkedCard(card, stats)) continue;
      const parent = card.parentElement;
      groups.set(parent, [...(groups.get(parent) ?? []), card]);
    }
    // Cards with no headline at all: a picture linked to another page over a line of summary. Only after
    // the story do these go (below): inside it, such a row may be the story's own pictures.
    const headless = new Set<Element>();
    for (const a of Array.from(root.querySelectorAll('a[href]'))) {
      if (isProtected(a) || stats.get(a)?.chars || !a.querySelector('img, picture')) continue;
      let card: Element = a;
      for (let up = a.parentElement; up && up !== root; up = up.parentElement) {
        if (!pictureLinkedCard(up, stats) || up.querySelector(HEADINGS)) break;
        card = up;
      }
      if (card === a || !card.parentElement || !stats.get(card)?.chars) continue;
      const parent = card.parentElement;
      const cards = groups.get(parent) ?? [];
      if (cards.some((c) => c.contains(card) || card.contains(c))) continue;
      headless.add(card);
      groups.set(parent, [...cards, card]);
    }
    if (!groups.size) return;
    // The story's own paragraphs: story-length and in no card.
    const cardSet = new Set<Element>([...groups.values()].flat());
    const inCard = (el: Element) => {
      for (let up: Element | null = el; up && up !== root; up = up.parentElement) if (cardSet.has(up)) return true;
      return false;
    };
    const storyParagraphs = Array.from(root.querySelectorAll('p')).filter((p) => (stats.get(p)?.chars ?? 0) >= STORY_TEXT_MIN && !inCard(p));
    const lastStory = storyParagraphs[storyParagraphs.length - 1];
    let all: Element[] | null = null;
    const order = () => (all ??= Array.from(root.querySelectorAll('*')));
    for (const [parent, cards] of groups) {
      if (cards.length < MIN_CARDS || !root.contains(parent)) continue;
      const cardChars = cards.reduce((n, c) => n + (stats.get(c)?.chars ?? 0), 0);
      if (cardChars > total * MAX_SHARE) continue;
      // Only after the story: its last paragraph must come before the first card. (Document order from
      // one list, as linkedom's compareDocumentPosition gets detached trees wrong.) Inside the story,
      // only a run of adjacent bare headlines goes ("More:" and three links to other stories).
      if (lastStory && order().indexOf(lastStory) > order().indexOf(cards[0])) {
        for (const run of bareRuns(cards.filter((c) => !headless.has(c)), stats)) {
          const label = run[0].previousElementSibling;
          for (const card of run) ctx.remove(card, this.name);
          if (label && isRunLabel(label, stats)) ctx.remove(label, this.name);
        }
        continue;
      }
      const parentChars = stats.get(parent)?.chars ?? 0;
      if (parent !== root && cardChars >= parentChars * 0.8 && textOf(parent).length <= cardChars + 80) ctx.remove(parent, this.name);
      else for (const card of cards) if (root.contains(card)) ctx.remove(card, this.name);
    }
  },
};
