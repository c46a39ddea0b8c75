/**
 * Blocks made of links: site navigation, "related / read next / more from" lists, tag clouds, "Baca
 * juga: ..." and "SEE MORE: ..." lines that promote another page. In any language they look the same:
 * most of their text is link text, and the links go to other pages rather than into this one.
 *
 * In-page links (a table of contents, footnotes and their back-links) never count, and a block holding
 * a large share of the article's text is never taken, whatever its links.
 */
import type { CleanupStep } from '../step';
import { densityOf, isProtected, measure, parseUrl } from './signals';

const CANDIDATES = 'ul, ol, nav, div, section, aside, header, footer, p, dl, table, menu, details';
/** A list or box whose text is at least this much link text is navigation. */
const LIST_DENSITY = 0.7;
/** A line of prose with a link in it stays; a line that is mostly one link is a promo. */
const PROMO_DENSITY = 0.6;
const PROMO_MAX_CHARS = 220;
/** An inline card: this many links to other pages (one more without a picture), nearly all its text. */
const INLINE_CARD_LINKS = 3;
const INLINE_CARD_DENSITY = 0.9;
/** Never take a block that holds this share of the article's text. */
const MAX_SHARE = 0.3;

function outboundLinks(el: Element, pageUrl: string): Element[] {
  const page = parseUrl(pageUrl, pageUrl);
  return Array.from(el.querySelectorAll('a[href]')).filter((a) => {
    const href = a.getAttribute('href') ?? '';
    if (href.startsWith('#')) return false;
    const u = parseUrl(href, pageUrl);
    if (!u) return false;
    return !(page && u.origin === page.origin && u.pathname === page.pathname);
  });
}

/** "Label: <a>title</a>": the line ends with its link (a sentence that goes on after the link is prose). */
function endsWithLink(el: Element): boolean {
  let node: Node | null = el.lastChild;
  while (node) {
    if (node.nodeType === 3) {
      if ((node.nodeValue ?? '').replace(TRAILING_PUNCT, '')) return false;
      node = node.previousSibling;
    } else if (node.nodeType === 1) {
      if ((node as Element).tagName === 'A') return true;
      node = node.lastChild ?? node.previousSibling;
    } else {
      node = node.previousSibling;
    }
  }
  return false;
}
const TRAILING_PUNCT = /[\s.,;:!?»"')\]]+/g;

export const linkBlocks: CleanupStep = {
  name: 'link-blocks',
  phase: 'after',
  run(root, ctx) {
    const stats = measure(root);
    const total = stats.get(root)?.chars ?? 0;
    for (const el of Array.from(root.querySelectorAll(CANDIDATES))) {
      const s = stats.get(el);
      // Counts are from before this step's removals: a block inside a removed one is skipped by `contains`.
      if (!s || !s.chars || !s.links || s.chars > total * MAX_SHARE || el === root) continue;
      const density = densityOf(s);
      if (density < PROMO_DENSITY) continue;
      if (!root.contains(el) || isProtected(el)) continue;
      const links = outboundLinks(el, ctx.url).length;
      const isList = links >= 3 && density >= LIST_DENSITY;
      const isPromo = links === 1 && s.chars <= PROMO_MAX_CHARS && !s.media && !el.querySelector('p, li, div') && endsWithLink(el);
      if (isList || isPromo) ctx.remove(el, this.name);
    }
    // A person's or a topic's hover card inside a sentence: the name, a picture and links to other
    // stories, packed in an inline box that the page shows on hover. The sentence stays, and with it
    // the linked name that opens the card: only the innermost box that qualifies goes.
    const cards = Array.from(root.querySelectorAll('p span, li span, p small')).filter((el) => {
      const s = stats.get(el);
      if (!s || s.links < INLINE_CARD_LINKS || densityOf(s) < INLINE_CARD_DENSITY || !root.contains(el)) return false;
      if (!s.media && s.links < INLINE_CARD_LINKS + 1) return false;
      const host = el.parentElement?.closest('p, li');
      // The box must sit in text of its own: a paragraph that is the box alone is judged above.
      if (!host || (stats.get(host)?.chars ?? 0) <= s.chars || isProtected(el)) return false;
      return outboundLinks(el, ctx.url).length >= INLINE_CARD_LINKS;
    });
    for (const el of cards) if (!cards.some((c) => c !== el && el.contains(c))) ctx.remove(el, this.name);
  },
};
