/**
 * The publisher's pitch set above or below the story: "Sign up for our free daily newsletter", "Get the
 * latest updates in your inbox. Subscribe to our newsletters", "Get access to our premium service for
 * as little as...". Unlike the sign-up boxes `prompts` takes, these have no form field: a line and a link.
 *
 * Three signals, all required, none a word of the story's language: the line is set apart from the
 * story's paragraphs (wholly in bold or italics, or wholly a link); it links to a subscription: a
 * newsletter service's host, or an address whose host or path names a subscription, a newsletter, a
 * sign-up, a membership or a promotion (URLs are written in a few conventions whatever the page's
 * language); and it stands before the story's first paragraph or after its last. An italic line
 * citing a source, a link to a report in the story's closing words, are left alone.
 */
import type { CleanupStep } from '../step';
import { isProtected, leafBlocks, measure, parseUrl, STORY_TEXT_MIN, type Stats } from './signals';

/** A pitch is a sentence or three. */
const MAX_PROMO_CHARS = 400;
/** Of a line wholly a link, this share of its text at least is link text. */
const LINK_SHARE = 0.9;
const LINE_TAGS = new Set(['P', 'DIV']);
const EMPHASIS = new Set(['EM', 'I', 'STRONG', 'B']);
/** Newsletter services' hosts, and the words subscription addresses carry (several languages' forms). */
const PROMO_URL =
  /(?:^|\.)(?:eepurl\.com|list-manage\.com|mailchi\.mp|substack\.com|beehiiv\.com|campaign-archive\.com)$|subscri|suscri|newsletter|sign-?up|signup|promos?\b|membership|abonn|abbonam|assinatura|langganan|inscri|iscriviti|anmeld/i;

/** Every piece of text in `el` sits in bold or italics. */
function whollyEmphasised(el: Element): boolean {
  const walker = el.ownerDocument.createTreeWalker(el, 4);
  let any = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node.nodeValue ?? '').trim()) continue;
    any = true;
    let up = node.parentElement;
    while (up && up !== el && !EMPHASIS.has(up.tagName.toUpperCase())) up = up.parentElement;
    if (!up || (up === el && !EMPHASIS.has(el.tagName.toUpperCase()))) return false;
  }
  return any;
}

function linksToPromo(el: Element, pageUrl: string): boolean {
  return Array.from(el.querySelectorAll('a[href]')).some((a) => {
    const u = parseUrl(a.getAttribute('href'), pageUrl);
    return !!u && (PROMO_URL.test(u.hostname) || PROMO_URL.test(u.pathname + u.search));
  });
}

function isPromo(el: Element, s: Stats, pageUrl: string): boolean {
  if (!s.chars || s.chars > MAX_PROMO_CHARS || !s.links || isProtected(el)) return false;
  if (s.linkChars < s.chars * LINK_SHARE && !whollyEmphasised(el)) return false;
  return linksToPromo(el, pageUrl);
}

export const promoLines: CleanupStep = {
  name: 'promo-lines',
  phase: 'after',
  run(root, ctx) {
    const stats = measure(root);
    const lines = leafBlocks(root, LINE_TAGS);
    const promo = lines.map((el) => isPromo(el, stats.get(el)!, ctx.url));
    if (!promo.some(Boolean)) return;
    // The story's paragraphs: long lines that are no pitch.
    const story = lines.map((el, i) => !promo[i] && (stats.get(el)?.chars ?? 0) >= STORY_TEXT_MIN);
    const first = story.indexOf(true);
    const last = story.lastIndexOf(true);
    if (first < 0) return;
    lines.forEach((el, i) => {
      if (promo[i] && (i < first || i > last) && root.contains(el)) ctx.remove(el, this.name);
    });
  },
};
