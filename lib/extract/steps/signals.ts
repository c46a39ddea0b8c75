/**
 * Measurements the clean-up steps share. Not a step itself: each function reads an element and returns
 * a number or a verdict, so the steps stay small and agree on what "short", "link-dense" or "another
 * site" mean. Everything here is structural or typographic, never a word list of one language.
 */

const SPACE_RUN = /\s+/g;

/** The element's text with white space collapsed. */
export function textOf(el: Element): string {
  return (el.textContent ?? '').replace(SPACE_RUN, ' ').trim();
}

/** Share of the element's text that sits inside links (0 when it has no text). */
export function linkDensity(el: Element, text = textOf(el)): number {
  if (!text) return 0;
  let linked = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) linked += textOf(a).length;
  return Math.min(1, linked / text.length);
}

/** Second-level labels under which sites register names (example.co.uk, example.com.au, example.go.id). */
const SHARED_SECOND_LEVEL = /^(?:co|com|net|org|gov|go|ac|edu|or|ne|gob|nic|mil|ltd|plc|sch|web)$/;

/** The registrable part of a host, roughly: `news.site.co.uk` -> `site.co.uk`, `www.site.com` -> `site.com`. */
export function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const tld = labels[labels.length - 1];
  const second = labels[labels.length - 2];
  const keep = tld.length === 2 && SHARED_SECOND_LEVEL.test(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** The URL parsed against `base`, or null for anything that is not a web link. */
export function parseUrl(href: string | null, base: string): URL | null {
  if (!href) return null;
  try {
    const u = new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** True when `href` leads to a different site than `pageUrl`. */
export function isOtherSite(href: string | null, pageUrl: string): boolean {
  const u = parseUrl(href, pageUrl);
  const page = parseUrl(pageUrl, pageUrl);
  if (!u || !page) return false;
  return siteOf(u.hostname) !== siteOf(page.hostname);
}

/** Elements that carry content even without text. */
export const MEDIA_SELECTOR = 'img, picture, video, audio, iframe, embed, object, svg, math, canvas, table, pre, hr, br, input, textarea, select';
const MEDIA_TAGS = new Set(['IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'IFRAME', 'EMBED', 'OBJECT', 'SVG', 'MATH', 'CANVAS', 'TABLE', 'PRE', 'HR', 'BR']);

export function isMedia(el: Element): boolean {
  return MEDIA_TAGS.has(el.tagName.toUpperCase());
}

/** `id` and `class` together, lower-cased: one weak signal among several, never a verdict alone. */
export function namesOf(el: Element): string {
  return `${el.id} ${el.getAttribute('class') ?? ''}`.toLowerCase();
}

/** Containers whose content a step must never take apart: code, math, tables, quotes, figures. */
export const PROTECTED_SELECTOR = 'pre, code, math, table, blockquote, figure, figcaption, .katex, .MathJax, mjx-container';

export function isProtected(el: Element): boolean {
  return el.closest(PROTECTED_SELECTOR) !== null;
}

/** Block elements a reader shows on a line of their own. */
export const BLOCK_SELECTOR = 'p, div, section, aside, header, footer, ul, ol, li, dl, figure, h1, h2, h3, h4, h5, h6, blockquote, table, pre, center, details, nav, form';

/** Paragraph-like text long enough to be the story rather than chrome. */
export const STORY_TEXT_MIN = 80;

/** The opening region never reaches further than this many elements. */
const OPENING_MAX_BLOCKS = 40;

/**
 * The article's opening region: the blocks before the first paragraph of story-length text. Chrome that
 * repeats the header (title, date, "N min read", byline) lives here.
 */
export function openingBlocks(root: Element): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(root.querySelectorAll(BLOCK_SELECTOR + ', span'))) {
    const text = textOf(el);
    if (text.length >= STORY_TEXT_MIN && (el.tagName === 'P' || !el.querySelector(BLOCK_SELECTOR))) break;
    out.push(el);
    if (out.length >= OPENING_MAX_BLOCKS) break;
  }
  return out;
}

/** Lower-cased, punctuation-free form of a text for comparing repeats. */
export function comparable(text: string): string {
  return text.toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, ' ').trim();
}

/** True when the element's text is in the last `share` of the root's text (by character position). */
export function isInTail(el: Element, root: Element, share: number): boolean {
  const total = textOf(root).length;
  if (!total) return false;
  let before = 0;
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (el.contains(node)) break;
    before += (node.nodeValue ?? '').replace(SPACE_RUN, ' ').length;
  }
  return before >= total * (1 - share);
}
