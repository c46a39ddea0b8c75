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

/**
 * The sites the page belongs to: the one it was served from, and the one its `<link rel="canonical">`
 * and `og:url` name. A page read from a mirror, an archive, a proxy or a local test server links home to
 * its real site, and those links are its own.
 */
export function ownSites(doc: Document, pageUrl: string): Set<string> {
  const sites = new Set<string>();
  const add = (href: string | null | undefined) => {
    const u = parseUrl(href?.trim() ?? null, pageUrl);
    if (u) sites.add(siteOf(u.hostname));
  };
  add(pageUrl);
  add(doc.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href'));
  add(doc.querySelector('meta[property="og:url" i][content], meta[name="og:url" i][content]')?.getAttribute('content'));
  return sites;
}

/** True when `href` leads to a site other than the page's own (`sites`, from `ownSites`; default: `pageUrl`'s). */
export function isOtherSite(href: string | null, pageUrl: string, sites?: Set<string>): boolean {
  const u = parseUrl(href, pageUrl);
  if (!u) return false;
  if (sites) return !sites.has(siteOf(u.hostname));
  const page = parseUrl(pageUrl, pageUrl);
  return !!page && siteOf(u.hostname) !== siteOf(page.hostname);
}

/** Elements that carry content even without text. */
export const MEDIA_SELECTOR = 'img, picture, video, audio, iframe, embed, object, svg, math, canvas, table, pre, hr, br, input, textarea, select';
const MEDIA_TAGS = new Set(['IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'IFRAME', 'EMBED', 'OBJECT', 'SVG', 'MATH', 'CANVAS', 'TABLE', 'PRE', 'HR', 'BR']);

export function isMedia(el: Element): boolean {
  return MEDIA_TAGS.has(el.tagName.toUpperCase());
}

/** `id` and `class` together, lower-cased: one weak signal among several, never a verdict alone. */
export function namesOf(el: Element): string {
  return `${el.id} ${classAttribute(el)}`.toLowerCase();
}

/**
 * The `class` attribute as written, or ''. Read through its `Attr` node: linkedom (the CLI's and the
 * benchmarks' DOM) answers `getAttribute('class')` by building the element's `classList` and joining it
 * again on every call, and the steps ask this of every element of the page.
 */
export function classAttribute(el: Element): string {
  return el.getAttributeNode('class')?.value ?? '';
}

/** Containers whose content a step must never take apart: code, math, tables, quotes, figures. */
export const PROTECTED_SELECTOR = 'pre, code, math, table, blockquote, figure, figcaption, .katex, .MathJax, mjx-container';

const PROTECTED_TAGS = new Set(['PRE', 'CODE', 'MATH', 'TABLE', 'BLOCKQUOTE', 'FIGURE', 'FIGCAPTION', 'MJX-CONTAINER']);
const PROTECTED_CLASS = /(?:^|[ \t\n\f\r])(?:katex|MathJax)(?:[ \t\n\f\r]|$)/;

/**
 * `el.closest(PROTECTED_SELECTOR) !== null`, as a walk up the ancestors: steps ask it of every link and
 * line, and linkedom (the Node DOM of the CLI and the benchmarks) compiles a selector anew on every
 * `closest` call.
 */
export function isProtected(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (PROTECTED_TAGS.has(node.tagName.toUpperCase())) return true;
    const names = classAttribute(node);
    if (names && PROTECTED_CLASS.test(names)) return true;
  }
  return false;
}

/** Block elements a reader shows on a line of their own. */
export const BLOCK_SELECTOR = 'p, div, section, aside, header, footer, ul, ol, li, dl, figure, h1, h2, h3, h4, h5, h6, blockquote, table, pre, center, details, nav, form';

/** Paragraph-like text long enough to be the story rather than chrome. */
export const STORY_TEXT_MIN = 80;

/** A line that is only a web address. */
export const URL_TEXT = /^(?:https?:\/\/|www\.)\S+$/i;

/** The opening region never reaches further than this many elements. */
const OPENING_MAX_BLOCKS = 40;

/**
 * The article's opening region: the blocks before the first paragraph of story-length text. Chrome that
 * repeats the header (title, date, "N min read", byline) lives here.
 *
 * With `pastStories` = 1, the region runs on through the first story-length block (which is included)
 * to the second: the date line a page prints under its standfirst sits there.
 */
export function openingBlocks(root: Element, pastStories = 0): Element[] {
  return walkOpening(root, pastStories).blocks;
}

/**
 * The story's first long block (a standfirst, often) and the blocks between it and the second, or none
 * when there is no second: then what follows the one paragraph is the article's tail, not its opening.
 */
export function blocksAfterFirstStory(root: Element): Element[] {
  const through = walkOpening(root, 1);
  return through.reachedStory && through.firstStory >= 0 ? through.blocks.slice(through.firstStory) : [];
}

interface OpeningWalk {
  blocks: Element[];
  /** The walk ended at a story block (not at the article's end or the block limit). */
  reachedStory: boolean;
  /** Index in `blocks` of the first story block passed over, or -1. */
  firstStory: number;
}

function walkOpening(root: Element, pastStories: number): OpeningWalk {
  const out: Element[] = [];
  let stories = 0;
  let firstStory = -1;
  // Walked in document order and left at the story's first paragraph: a `querySelectorAll` would list
  // every block of the article first, to use a few dozen.
  for (let el = nextElement(root, root); el; ) {
    const tag = el.tagName.toUpperCase();
    if (!OPENING_TAGS.has(tag)) {
      el = nextElement(el, root);
      continue;
    }
    const chars = textLengthWithin(el, STORY_TEXT_MIN);
    // The page's own address printed above the story (print headers) is long but no story; nor is a
    // long heading (a standfirst set as one) or a picture's caption: the chrome may still follow them.
    const isStory =
      chars >= STORY_TEXT_MIN && !NOT_STORY_TAGS.has(tag) && (tag === 'P' || !hasDescendant(el, BLOCK_TAGS)) && !URL_TEXT.test(textOf(el));
    if (isStory && stories++ >= pastStories) return { blocks: out, reachedStory: true, firstStory };
    if (isStory && firstStory < 0) firstStory = out.length;
    out.push(el);
    if (out.length >= OPENING_MAX_BLOCKS) break;
    // A story block passed over is one line: the spans inside its sentences are not lines of their own.
    el = isStory ? nextElement(el, root, true) : nextElement(el, root);
  }
  return { blocks: out, reachedStory: false, firstStory };
}

const BLOCK_TAGS = new Set(BLOCK_SELECTOR.split(', ').map((t) => t.toUpperCase()));
const OPENING_TAGS = new Set([...BLOCK_TAGS, 'SPAN']);
const NOT_STORY_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'FIGURE']);

/**
 * Whether an element under `el` (not `el` itself) has one of `tags` (upper-case names): what
 * `el.querySelector('p, div, ...')` says for a list of plain tag names, without a selector for linkedom
 * to compile on every call. Like `querySelector`, it does not look into `<template>` content.
 */
export function hasDescendant(el: Element, tags: ReadonlySet<string>): boolean {
  let node: Element | null = el.firstElementChild;
  while (node) {
    const tag = node.tagName.toUpperCase();
    if (tags.has(tag)) return true;
    if (tag !== 'TEMPLATE' && node.firstElementChild) {
      node = node.firstElementChild;
      continue;
    }
    while (node && node !== el && !node.nextElementSibling) node = node.parentElement;
    node = node && node !== el ? node.nextElementSibling : null;
  }
  return false;
}

/**
 * Whether `el` or an ancestor has one of `tags` (upper-case names): `el.closest('pre, code, ...') !== null`
 * for a list of plain tag names, without a selector for linkedom to compile on every call.
 */
export function hasAncestorOrSelf(el: Element, tags: ReadonlySet<string>): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (tags.has(node.tagName.toUpperCase())) return true;
  }
  return false;
}

/** The element after `el` in document order within `root` (after its subtree with `skipChildren`), or null. */
function nextElement(el: Element, root: Element, skipChildren = false): Element | null {
  if (!skipChildren && el.firstElementChild) return el.firstElementChild;
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    if (node.nextElementSibling) return node.nextElementSibling;
  }
  return null;
}

/** Lower-cased, punctuation-free form of a text for comparing repeats. */
export function comparable(text: string): string {
  return text.toLowerCase().replace(NOT_WORD_RUN, ' ').trim();
}
const NOT_WORD_RUN = /[\p{P}\p{S}\s]+/gu;

/**
 * `comparable(text)`, or null when that is surely longer than `limit`: for steps that compare short lines
 * (a title, a byline) and are also handed wrappers holding the whole article. A head of the text is
 * tried first: the comparable form of a head is never longer than the whole's (the cut avoids splitting a
 * surrogate pair, whose halves would not count as the symbol the pair is), so a head already past the
 * limit settles it without reading the whole text.
 */
export function comparableWithin(text: string, limit: number): string | null {
  const head = 4 * limit + 16;
  if (text.length > head) {
    const cut = /[\uD800-\uDBFF]/.test(text[head - 1]) ? head - 1 : head;
    if (comparable(text.slice(0, cut)).length > limit) return null;
  }
  return comparable(text);
}

/** What one walk over a subtree knows about each element in it. */
export interface Stats {
  /** Characters of text, white space runs counted as one. */
  chars: number;
  /** Of those, characters inside links. */
  linkChars: number;
  /** Links leading out of the page (in-page `#anchors` excluded). */
  links: number;
  /** Pictures, video, frames, math, tables, code blocks: content that has no text of its own. */
  media: number;
}

const ELEMENT = 1;
const TEXT = 3;
const STAT_SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Text, link and media counts for every element under `root`, in one pass. Steps that judge many
 * nested blocks read these instead of asking each block for its `textContent`, which would walk the
 * same text once per ancestor.
 */
export function measure(root: Element): Map<Element, Stats> {
  const out = new Map<Element, Stats>();
  const visit = (el: Element, inLink: boolean): Stats => {
    const tag = el.tagName.toUpperCase();
    const isLink = tag === 'A' && el.hasAttribute('href');
    const here = inLink || isLink;
    const s: Stats = { chars: 0, linkChars: 0, links: 0, media: MEDIA_TAGS.has(tag) ? 1 : 0 };
    if (isLink && !(el.getAttribute('href') ?? '').startsWith('#')) s.links = 1;
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === TEXT) {
        const len = (n.nodeValue ?? '').replace(SPACE_RUN, ' ').length;
        const trimmed = (n.nodeValue ?? '').trim() ? len : 0;
        s.chars += trimmed;
        if (here) s.linkChars += trimmed;
      } else if (n.nodeType === ELEMENT && !STAT_SKIP.has((n as Element).tagName.toUpperCase())) {
        const c = visit(n as Element, here);
        s.chars += c.chars;
        s.linkChars += c.linkChars;
        s.links += c.links;
        s.media += c.media;
      }
    }
    out.set(el, s);
    return s;
  };
  visit(root, false);
  return out;
}

/** Link text as a share of all text, from `measure`'s counts. */
export function densityOf(s: Stats | undefined): number {
  return s && s.chars ? Math.min(1, s.linkChars / s.chars) : 0;
}

/**
 * The element's text length, counted only up to `limit` (it returns `limit + 1` as soon as the text is
 * longer). "Is this block short?" is asked of whole-page wrappers too, and must not read the whole page.
 */
export function textLengthWithin(el: Element, limit: number): number {
  let total = 0;
  let node: Node | null = el.firstChild;
  while (node) {
    if (node.nodeType === TEXT) {
      total += (node.nodeValue ?? '').replace(SPACE_RUN, ' ').trim().length;
      if (total > limit) return limit + 1;
    }
    const skip = node.nodeType === ELEMENT && STAT_SKIP.has((node as Element).tagName.toUpperCase());
    if (node.firstChild && !skip) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== el && !node.nextSibling) node = node.parentNode;
    if (!node || node === el) break;
    node = node.nextSibling;
  }
  return total;
}

/** Block tags for `leafBlocks`: an element holding one of these is not a leaf. */
const LEAF_BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'BLOCKQUOTE', 'ASIDE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'TABLE', 'PRE', 'FIGURE', 'SECTION', 'ARTICLE', 'DL', 'DD']);

/** Elements whose tag is in `tags` and that hold no block element: the lines of text, in one walk. */
export function leafBlocks(root: Element, tags: Set<string>): Element[] {
  const out: Element[] = [];
  const visit = (el: Element): boolean => {
    let hasBlock = false;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      const tag = c.tagName.toUpperCase();
      if (STAT_SKIP.has(tag)) continue;
      if (visit(c) || LEAF_BLOCK_TAGS.has(tag)) hasBlock = true;
    }
    if (!hasBlock && el !== root && tags.has(el.tagName.toUpperCase())) out.push(el);
    return hasBlock;
  };
  visit(root);
  // `visit` pushes children before parents only for non-leaves; leaves come out in document order.
  return out;
}
