/**
 * extractArticle: the page in, a clean article (or a "not an article" verdict) out.
 *
 * 0. Bound the work: a page with more elements than `maxElemsToParse`, or nested deeper than
 *    `MAX_DEPTH`, is 'too-large' at once (counting is cheap; parsing it would not be).
 * 1. Copy the document (Readability mutates what it parses; the live page must never change), leaving
 *    out what `isHidden` says the reader cannot see; drop dangling-markup URLs from the copy.
 * 2. `BEFORE_READABILITY` steps on the copy (see `steps/index.ts` for their order and why).
 * 3. Readability picks the article and its metadata.
 * 4. `AFTER_READABILITY` steps on the article, each removal recorded.
 * 5. URLs made absolute, classes trimmed to those the reader uses, then DOMPurify (`sanitize.ts`).
 * 6. Plain text, word count and reading time from the sanitised article (`text.ts`).
 *
 * No article (Readability found nothing, or too little): "show anyway" offers the best effort, which is
 * Readability's pick unless that pick is tiny beside the page (a footer line of a shop page); then it is
 * the page's body, cleaned by the before steps and the `WHOLE_BODY` steps (see `steps/index.ts`).
 */
import { Readability } from '@mozilla/readability';
import type { Article, ExtractOptions, ExtractResult, NotArticle, Removal } from './types';
import { parseInertDocument } from './inert';
import { sanitizeToFragment, type SanitizeOptions } from './sanitize';
import { blockText, textStats } from './text';
import { sampleOf, type StepContext } from './step';
import { AFTER_READABILITY, BEFORE_READABILITY, WHOLE_BODY } from './steps';

/** Fewer words than this and the page is "not an article" (the user can still show it anyway). */
export const MIN_ARTICLE_WORDS = 50;
/** Readability's pick is "tiny" beside the page when the cleaned body has this many times its words. */
const TINY_PICK_RATIO = 4;

/** Attributes holding one URL, by element, made absolute against the page's base URL. */
const URL_ATTRS = new Map<string, string[]>([
  ['a', ['href']], ['img', ['src']], ['video', ['src', 'poster']], ['audio', ['src']], ['source', ['src']],
  ['track', ['src']], ['blockquote', ['cite']], ['q', ['cite']], ['ins', ['cite']], ['del', ['cite']],
]);
const SRCSET_TAGS = new Set(['img', 'source']);
/** Classes that carry meaning for the reader: code languages, math renderers, footnotes. */
const KEEP_CLASS = /^(?:language-|lang-|hljs|katex|MathJax|mjx-|math|footnote|fn|sr-only)/i;

type DomWindow = Window & typeof globalThis;

export function extractArticle(doc: Document, url: string, options: ExtractOptions = {}): ExtractResult {
  return extractArticleWith(sanitizeToFragment, doc, url, options);
}

/**
 * How the article's HTML becomes a fragment of an inert document (nothing in it loads), which the text,
 * the lead image and `contentHtml` are read from. `extractArticle` uses DOMPurify (`sanitize.ts`).
 */
/**
 * The window whose DOMParser parses markup steps find as text: the page's own where it has one, so what
 * is parsed can be imported into the copy (in Node the page may be linkedom while the sanitiser runs on
 * jsdom); the sanitising window otherwise. In the browser this is the injected script's isolated world.
 */
function parserWindow(doc: Document, win: DomWindow): DomWindow {
  const own = doc.defaultView as DomWindow | null;
  return own && typeof own.DOMParser === 'function' ? own : win;
}

export type ToFragment = (html: string, win: DomWindow, options: SanitizeOptions) => DocumentFragment;

type RunOptions = ExtractOptions & { toFragment: ToFragment };

/**
 * `extractArticle` with another `toFragment`. Only for the injected script, whose answer the extension
 * sanitises on arrival (utils/sanitize-injected.ts): it leaves DOMPurify out of the page, so the result's
 * HTML is NOT sanitised and must never be displayed or stored as it is. Kept apart from
 * `extractArticle` so a bundle that only uses this one does not carry DOMPurify.
 */
export function extractArticleWith(toFragment: ToFragment, doc: Document, url: string, given: ExtractOptions = {}): ExtractResult {
  const options: RunOptions = { ...given, toFragment };
  const win = (options.sanitizeWindow ?? doc.defaultView) as DomWindow | null;
  if (!win) throw new Error('extractArticle needs a window to sanitise with: pass options.sanitizeWindow');

  const overBudget = workBudgetExceeded(doc, options.maxElemsToParse ?? 0, MAX_DEPTH);
  if (overBudget) return notArticle(url, 'too-large', overBudget, null);

  const copy = cloneDocument(doc, options.isHidden);
  dropDanglingUrls(copy);
  const removed: Removal[] = [];
  const removedHtml: string[] = [];
  const ctx: StepContext = {
    doc: copy,
    url,
    title: '',
    byline: null,
    excerpt: null,
    parse: (html) => parseInertDocument(html, parserWindow(doc, win)),
    remove: revealableRemove(copy, removed, removedHtml, !!options.keepRemovedHtml),
  };

  const keepRemoved = ctx.remove;
  // Removals before Readability are not in the article, so they have no place to be revealed in.
  ctx.remove = (el, step) => {
    removed.push({ step, sample: sampleOf(el) });
    removedHtml.push('');
    el.remove();
  };
  if (!options.readabilityOnly) {
    for (const step of BEFORE_READABILITY) if (copy.documentElement) step.run(copy.documentElement, ctx);
  }
  ctx.remove = keepRemoved;

  const baseUrl = documentBaseUrl(doc, url);
  const parsed = new Readability<Element>(copy, {
    serializer: (el) => el as Element,
    keepClasses: true,
  }).parse();

  if (!parsed || !parsed.content) {
    const bestEffort = bodyBestEffort(doc, url, baseUrl, win, {}, options);
    return notArticle(url, 'no-content', 'No article could be found on this page.', bestEffort && bestEffort.wordCount > 0 ? bestEffort : null);
  }

  ctx.title = parsed.title ?? '';
  ctx.byline = parsed.byline ?? null;
  ctx.excerpt = parsed.excerpt ?? null;
  const content = parsed.content;
  if (!options.readabilityOnly) {
    for (const step of AFTER_READABILITY) step.run(content, ctx);
  }

  const article = finish(content, parsed, pageFacts(doc), url, baseUrl, win, removed, removedHtml, options);
  if (article.wordCount < MIN_ARTICLE_WORDS) {
    const body = options.readabilityOnly ? null : bodyBestEffort(doc, url, baseUrl, win, parsed, options);
    const bestEffort = body && body.wordCount >= Math.max(1, article.wordCount) * TINY_PICK_RATIO ? body : article;
    return notArticle(url, 'too-short', `The page has only ${article.wordCount} words of text.`, bestEffort);
  }
  return article;
}

/**
 * The after steps' `remove`: records the removal and, with `keepHtml`, keeps the block's HTML and leaves
 * a hidden marker where it was (`data-cr-removed`, its index in `removed`), for the reader's "reveal".
 */
function revealableRemove(copy: Document, removed: Removal[], removedHtml: string[], keepHtml: boolean): StepContext['remove'] {
  return (el, step) => {
    removed.push({ step, sample: sampleOf(el) });
    // Readability's article element is detached from the copy (not `isConnected`), so "has a parent"
    // is what says the marker can take the removed block's place.
    if (keepHtml && el.parentNode && el.ownerDocument === copy) {
      removedHtml.push(el.outerHTML);
      const marker = copy.createElement('div');
      marker.setAttribute('data-cr-removed', String(removed.length - 1));
      marker.setAttribute('hidden', '');
      el.replaceWith(marker);
    } else {
      removedHtml.push('');
      el.remove();
    }
  };
}

/**
 * The extraction split in two halves, for the reader (issue 8: the script injected into every page
 * read stays small). The page half (`extractPageHalf`) runs where the live page is: the budget check,
 * the copy without hidden blocks (it reads the page's computed styles), the BEFORE_READABILITY steps and
 * Readability. It returns plain data (structured-cloneable): Readability's article and the copy's head
 * as HTML, the metadata, the page's facts, the removals so far. The extension half (`finishPageHalf`)
 * parses that HTML inert (a DOMParser document: nothing runs, nothing loads), runs the AFTER_READABILITY
 * steps, and finishes as `extractArticleWith` does. Together they give what `extractArticleWith` gives
 * (lib/extract/__tests__/split.test.ts); `extractArticle` stays whole for Node and the background.
 */
export interface PageHalf {
  kind: 'page-half';
  url: string;
  baseUrl: string;
  page: PageFacts;
  /** Readability's metadata; null when it found no article. */
  meta: ParsedMeta | null;
  /** Readability's article element (its outerHTML); null when it found none. */
  articleHtml: string | null;
  /** The copy's head after Readability: what the after steps may ask of `ctx.doc` (canonical link, og:url). */
  headHtml: string;
  /** The copy was in quirks mode (class selectors match case-insensitively there): parsed back the same. */
  quirks: boolean;
  /** What the before steps removed, in order (never with HTML: those blocks are not in the article). */
  removed: Removal[];
  /** The page for the best effort, when the page half knows it is needed (no article); else see `NeedsBody`. */
  body: BodyHalf | null;
}

/** The page copy cleaned by the before steps: the best effort "show anyway" offers on a page that is no article. */
export interface BodyHalf {
  kind: 'body-half';
  /** The copy's document element (head and body) as HTML. */
  html: string;
  quirks: boolean;
  removed: Removal[];
}

/**
 * The article is too short, and the best effort may be the page's body, which only the page has: ask it
 * for `pageBodyHalf` and pass that (or null) to `withBody`. Rare, so the page does not send it every time.
 */
export interface NeedsBody {
  kind: 'needs-body';
  withBody(body: BodyHalf | null): ExtractResult;
}

/** The page half of a split extraction: a 'too-large' verdict, or what `finishPageHalf` completes. */
export function extractPageHalf(doc: Document, url: string, options: ExtractOptions = {}): PageHalf | NotArticle {
  const win = (options.sanitizeWindow ?? doc.defaultView) as DomWindow | null;
  if (!win) throw new Error('extractPageHalf needs a window to parse with: pass options.sanitizeWindow');
  const overBudget = workBudgetExceeded(doc, options.maxElemsToParse ?? 0, MAX_DEPTH);
  if (overBudget) return notArticle(url, 'too-large', overBudget, null);

  const copy = cloneDocument(doc, options.isHidden);
  dropDanglingUrls(copy);
  const removed: Removal[] = [];
  if (!options.readabilityOnly && copy.documentElement) {
    const ctx = plainContext(copy, doc, url, win, removed, {});
    for (const step of BEFORE_READABILITY) step.run(copy.documentElement, ctx);
  }
  const baseUrl = documentBaseUrl(doc, url);
  const parsed = new Readability<Element>(copy, { serializer: (el) => el as Element, keepClasses: true }).parse();
  const article = parsed?.content ?? null;
  const found = article ? parsed : null;
  if (article) dropEventHandlers(article);
  if (copy.documentElement && copy.head) dropEventHandlers(copy.head);
  return {
    kind: 'page-half',
    url,
    baseUrl,
    page: pageFacts(doc),
    meta: found
      ? { title: found.title, byline: found.byline, siteName: found.siteName, lang: found.lang, dir: found.dir, publishedTime: found.publishedTime, excerpt: found.excerpt }
      : null,
    articleHtml: article ? article.outerHTML : null,
    // linkedom's `head` throws on a document without a root element.
    headHtml: copy.documentElement ? (copy.head?.innerHTML ?? '') : '',
    quirks: copy.compatMode === 'BackCompat',
    removed,
    body: found ? null : pageBodyHalf(doc, url, options),
  };
}

/** The page copy cleaned by the before steps (see `BodyHalf`), or null when the page has no body. */
export function pageBodyHalf(doc: Document, url: string, options: ExtractOptions = {}): BodyHalf | null {
  const win = (options.sanitizeWindow ?? doc.defaultView) as DomWindow | null;
  if (!win) throw new Error('pageBodyHalf needs a window to parse with: pass options.sanitizeWindow');
  const cleaned = cleanedBodyCopy(doc, url, win, {}, options);
  if (!cleaned) return null;
  const { copy, removed } = cleaned;
  dropEventHandlers(copy.documentElement!);
  return { kind: 'body-half', html: copy.documentElement!.outerHTML, quirks: copy.compatMode === 'BackCompat', removed };
}

/**
 * A fresh copy of the page (Readability takes the first one apart) through the before steps: the
 * start of the best effort for a page that is no article, in the whole pipeline and in the page half.
 * `ctx` is the steps' context, for the steps that follow (none with `readabilityOnly`). Null when the
 * page or its copy has no body.
 */
function cleanedBodyCopy(
  doc: Document,
  url: string,
  win: DomWindow,
  meta: ParsedMeta,
  options: ExtractOptions,
): { copy: Document; body: HTMLElement; removed: Removal[]; ctx: StepContext | null } | null {
  if (!doc.body) return null;
  const copy = cloneDocument(doc, options.isHidden);
  const body = copy.body;
  if (!body || !copy.documentElement) return null;
  dropDanglingUrls(copy);
  const removed: Removal[] = [];
  if (options.readabilityOnly) return { copy, body, removed, ctx: null };
  const ctx = plainContext(copy, doc, url, win, removed, meta);
  for (const step of BEFORE_READABILITY) step.run(copy.documentElement, ctx);
  return { copy, body, removed, ctx };
}

/**
 * Event-handler attributes (`onclick`, `onerror`) go from what the page half sends, templates' contents
 * included: Chromium checks each against the extension page's CSP the moment the extension parses it
 * (even in a DOMParser document) and logs a blocked inline handler, and the reader must log no errors.
 * The one difference this makes to the after steps: ui-labels no longer sees `onclick` as a sign of a
 * scripted control (its other signs remain); the sanitiser drops these attributes at the end anyway.
 */
function dropEventHandlers(root: Element | DocumentFragment): void {
  const descendants = Array.from(root.querySelectorAll('*'));
  const elements = root.nodeType === 1 ? [root as Element, ...descendants] : descendants;
  for (const el of elements) {
    for (const name of el.getAttributeNames()) if (/^on/i.test(name)) el.removeAttribute(name);
    if (el.localName === 'template') {
      const content = (el as HTMLTemplateElement).content;
      if (content) dropEventHandlers(content);
    }
  }
}

/**
 * The extension half: `half` (from the page, so untrusted: its HTML is parsed inert, by `win`'s
 * DOMParser) through the after steps, `toFragment` and the text, as `extractArticleWith` finishes.
 */
export function finishPageHalf(half: PageHalf, toFragment: ToFragment, win: DomWindow, given: ExtractOptions = {}): ExtractResult | NeedsBody {
  const options: RunOptions = { ...given, toFragment };
  const { url, baseUrl, page } = half;
  const meta: ParsedMeta = half.meta ?? {};
  const bodyEffort = (body: BodyHalf | null) => (body ? bodyFromHalf(body, meta, page, url, baseUrl, win, options) : null);

  const content = half.meta && half.articleHtml !== null ? articleFromHalf(half, win) : null;
  if (!content) {
    const bestEffort = bodyEffort(half.body);
    return notArticle(url, 'no-content', 'No article could be found on this page.', bestEffort && bestEffort.wordCount > 0 ? bestEffort : null);
  }
  const doc = content.ownerDocument;
  // Only the page's own removals: whatever else a page sends with them is dropped.
  const removed: Removal[] = half.removed.map((r) => ({ step: r.step, sample: r.sample }));
  const removedHtml: string[] = removed.map(() => '');
  const ctx: StepContext = {
    doc,
    url,
    title: meta.title ?? '',
    byline: meta.byline ?? null,
    excerpt: meta.excerpt ?? null,
    parse: (html) => parseInertDocument(html, win),
    remove: revealableRemove(doc, removed, removedHtml, !!options.keepRemovedHtml),
  };
  if (!options.readabilityOnly) {
    for (const step of AFTER_READABILITY) step.run(content, ctx);
  }
  const article = finish(content, meta, page, url, baseUrl, win, removed, removedHtml, options);
  if (article.wordCount >= MIN_ARTICLE_WORDS) return article;
  const tooShort = (body: Article | null): NotArticle => {
    const bestEffort = body && body.wordCount >= Math.max(1, article.wordCount) * TINY_PICK_RATIO ? body : article;
    return notArticle(url, 'too-short', `The page has only ${article.wordCount} words of text.`, bestEffort);
  };
  if (options.readabilityOnly) return tooShort(null);
  if (half.body) return tooShort(bodyEffort(half.body));
  return { kind: 'needs-body', withBody: (body) => tooShort(bodyEffort(body)) };
}

/** The parse's prefix: a doctype for a standards-mode copy, none (quirks) for a quirks-mode one. */
function doctype(quirks: boolean): string {
  return quirks ? '' : '<!DOCTYPE html>';
}

/**
 * Readability's article, detached (as Readability leaves it) and owned by an inert document holding the
 * copy's head. Parsed apart from the head, so whatever a head holds cannot move the article.
 */
function articleFromHalf(half: PageHalf, win: DomWindow): Element | null {
  const doc = parseInertDocument(`${doctype(half.quirks)}<html><head>${half.headHtml}</head><body></body></html>`, win);
  const parsed = parseInertDocument(`${doctype(half.quirks)}<body>${half.articleHtml}`, win);
  const article = parsed.body?.firstElementChild;
  if (!article) return null;
  dropParserSplitParagraphs(article);
  return doc.adoptNode(article);
}

/**
 * Readability can leave a block inside a paragraph (`<p><h2>…</h2></p>`), which serialises fine but which
 * the HTML parser splits into an empty `<p></p>`, the block, and another empty `<p></p>`. Readability
 * itself removes every paragraph without text or media, so an empty one here is the parser's, not the
 * page's: it goes silently, instead of being counted by empty-elements as a block the reader removed.
 */
function dropParserSplitParagraphs(article: Element): void {
  for (const p of Array.from(article.getElementsByTagName('p'))) {
    if (!p.firstElementChild && !(p.textContent ?? '').trim()) p.remove();
  }
}

function bodyFromHalf(half: BodyHalf, meta: ParsedMeta, page: PageFacts, url: string, baseUrl: string, win: DomWindow, options: RunOptions): Article | null {
  const copy = parseInertDocument(`${doctype(half.quirks)}${half.html}`, win);
  const body = copy.body;
  if (!body) return null;
  const removed: Removal[] = half.removed.map((r) => ({ step: r.step, sample: r.sample }));
  if (!options.readabilityOnly) {
    const ctx = plainContext(copy, copy, url, win, removed, meta);
    for (const step of WHOLE_BODY) step.run(body, ctx);
  }
  return finish(body, meta, page, url, baseUrl, win, removed, removed.map(() => ''), options);
}

/** A step context whose removals are recorded and simply taken out (no place to reveal them in). */
function plainContext(copy: Document, doc: Document, url: string, win: DomWindow, removed: Removal[], meta: ParsedMeta): StepContext {
  return {
    doc: copy,
    url,
    title: meta.title ?? '',
    byline: meta.byline ?? null,
    excerpt: meta.excerpt ?? null,
    parse: (html) => parseInertDocument(html, parserWindow(doc, win)),
    remove(el, step) {
      removed.push({ step, sample: sampleOf(el) });
      el.remove();
    },
  };
}

/**
 * The page's body as the best effort for a page that is no article: a fresh copy (Readability has taken
 * the first one apart), cleaned by the before steps and the steps that make sense on a whole page.
 * Plain Readability (`readabilityOnly`) gets the raw body, as before.
 */
function bodyBestEffort(doc: Document, url: string, baseUrl: string, win: DomWindow, meta: ParsedMeta, options: RunOptions): Article | null {
  const cleaned = cleanedBodyCopy(doc, url, win, meta, options);
  if (!cleaned) return null;
  const { body, removed, ctx } = cleaned;
  if (ctx) for (const step of WHOLE_BODY) step.run(body, ctx);
  return finish(body, meta, pageFacts(doc), url, baseUrl, win, removed, removed.map(() => ''), options);
}

interface ParsedMeta {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  lang?: string | null;
  dir?: string | null;
  publishedTime?: string | null;
  excerpt?: string | null;
}

/**
 * What `finish` reads of the live page (not of the copy): taken in the page, so the extension half of a
 * split extraction (`finishPageHalf`) needs no page.
 */
export interface PageFacts {
  title: string;
  lang: string | null;
  dir: string | null;
  /** The page's `og:image` (or `twitter:image`) as written, or null. */
  metaImage: string | null;
}

function pageFacts(doc: Document): PageFacts {
  const root = doc.documentElement;
  const meta = doc.querySelector('meta[property="og:image"], meta[name="og:image"], meta[name="twitter:image"], meta[property="twitter:image"]');
  return {
    title: doc.title,
    lang: root?.getAttribute('lang') ?? null,
    dir: root?.getAttribute('dir') ?? null,
    metaImage: meta?.getAttribute('content') ?? null,
  };
}

function finish(
  content: Element,
  meta: ParsedMeta,
  page: PageFacts,
  url: string,
  baseUrl: string,
  win: DomWindow,
  removed: Removal[],
  removedHtml: string[],
  options: RunOptions,
): Article {
  prepareForSanitizing(content, baseUrl);
  const fragment = options.toFragment(content.innerHTML, win, { baseUrl, pageUrl: url });
  // The holder belongs to the fragment's inert document: adopted into the live page, its images would
  // start loading there (and tell the page the reader was opened).
  const holder = fragmentHolder(fragment);
  const text = blockText(holder);
  const stats = textStats(text);
  return {
    kind: 'article',
    url,
    title: clean(meta.title) ?? clean(page.title) ?? url,
    byline: clean(meta.byline),
    siteName: clean(meta.siteName),
    lang: clean(meta.lang) ?? clean(page.lang) ?? null,
    dir: clean(meta.dir) ?? clean(page.dir) ?? null,
    publishedTime: clean(meta.publishedTime),
    excerpt: clean(meta.excerpt),
    leadImage: leadImage(page.metaImage, holder, baseUrl),
    contentHtml: holder.innerHTML,
    text,
    wordCount: stats.wordCount,
    readingMinutes: stats.readingMinutes,
    removed: options.keepRemovedHtml
      ? removed.map((r, i) => (removedHtml[i] ? { ...r, html: sanitizeHtmlString(options.toFragment, removedHtml[i], win, baseUrl, url) } : r))
      : removed,
  };
}

function sanitizeHtmlString(toFragment: ToFragment, html: string, win: DomWindow, baseUrl: string, pageUrl: string): string {
  return fragmentHolder(toFragment(html, win, { baseUrl, pageUrl })).innerHTML;
}

function fragmentHolder(fragment: DocumentFragment): HTMLElement {
  const holder = fragment.ownerDocument.createElement('div');
  holder.appendChild(fragment);
  return holder;
}

/**
 * Dangling markup (an unclosed `src='...` swallowing the page into a URL) is harmless on the page, where
 * Chromium refuses to fetch a URL holding both a raw line break and a '<'. Readability resolves URLs,
 * which strips the line breaks that give it away, so such URLs go before it runs.
 */
function dropDanglingUrls(copy: Document): void {
  // One query for both jobs (two did this before, each a walk over the whole page in linkedom). The
  // bases go as they come: a removed one is not looked at again, as when they went first.
  for (const el of Array.from(copy.querySelectorAll(DANGLING_SELECTOR))) {
    // jsdom's querySelector (not querySelectorAll) matches `base[href]` on a `<base xlink:href>`, then
    // crashes reading its href when Readability asks for the copy's baseURI. A base without an href
    // sets no URL in any browser: it goes.
    if (el.localName === 'base' && el.getAttributeNS(null, 'href') === null) {
      el.remove();
      continue;
    }
    for (const attr of DANGLING_URL_ATTRS) {
      const value = el.getAttribute(attr);
      if (value && /[\t\n\r]/.test(value) && value.includes('<')) el.removeAttribute(attr);
    }
  }
}

const DANGLING_URL_ATTRS = ['src', 'href', 'srcset', 'poster', 'data-src', 'data-srcset'];
const DANGLING_SELECTOR = `base, ${DANGLING_URL_ATTRS.map((a) => `[${a}]`).join(', ')}`;

/**
 * Deeper than this and the page is 'too-large'. Real pages nest 10 to 60 levels (51 at most over the
 * 181 corpus pages); Chromium's parser stops nesting at 512, scripts can go deeper. Readability's work
 * grows with the square of the depth (each block re-reads its whole subtree), and recursive DOM code
 * overflows the stack in the thousands (jsdom's `cloneNode` near 5,000), so the budget stays low.
 */
export const MAX_DEPTH = 256;

/**
 * Why the page is too large to extract, or null. The native count answers first for pages far over
 * budget; then one iterative walk (no recursion to overflow) counts again, for DOMs whose
 * `getElementsByTagName('*')` undercounts (linkedom's returns nothing), and measures the depth, stopping
 * at the first element past either budget.
 */
export function workBudgetExceeded(doc: Document, maxElements: number, maxDepth: number): string | null {
  const native = doc.getElementsByTagName('*').length;
  if (maxElements > 0 && native > maxElements) {
    return `The page has ${native} elements, more than the ${maxElements} the reader parses.`;
  }
  let count = 0;
  let depth = 1;
  let el: Element | null = doc.documentElement;
  while (el) {
    count++;
    if (maxElements > 0 && count > maxElements) return `The page has more than the ${maxElements} elements the reader parses.`;
    if (depth > maxDepth) return `The page nests elements more than ${maxDepth} levels deep.`;
    if (el.firstElementChild) {
      el = el.firstElementChild;
      depth++;
      continue;
    }
    while (el && !el.nextElementSibling) {
      el = el.parentElement;
      depth--;
    }
    el = el?.nextElementSibling ?? null;
  }
  return null;
}

function notArticle(url: string, reason: NotArticle['reason'], message: string, bestEffort: Article | null): NotArticle {
  return { kind: 'not-article', url, reason, message, bestEffort };
}

function clean(value: string | null | undefined): string | null {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v : null;
}

/**
 * A copy of the document without the elements `isHidden` rejects. The original and the copy are walked
 * side by side, so the check reads the live page's computed styles while only the copy changes.
 */
export function cloneDocument(doc: Document, isHidden?: (el: Element) => boolean): Document {
  const copy = doc.cloneNode(true) as Document;
  if (!isHidden || !doc.documentElement || !copy.documentElement) return copy;
  const drop: Element[] = [];
  const stack: Array<[Element, Element]> = [[doc.documentElement, copy.documentElement]];
  while (stack.length) {
    const [orig, twin] = stack.pop()!;
    const origKids = orig.children;
    const twinKids = twin.children;
    const n = Math.min(origKids.length, twinKids.length);
    for (let i = 0; i < n; i++) {
      const o = origKids[i];
      const t = twinKids[i];
      if (isHidden(o)) drop.push(t);
      else stack.push([o, t]);
    }
  }
  for (const el of drop) el.remove();
  return copy;
}

/** The URL relative links resolve against: the page's `<base href>` (itself relative to the page) or the page. */
function documentBaseUrl(doc: Document, url: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  if (href) {
    try {
      return new URL(href, url).href;
    } catch {
      /* an unusable <base> is ignored, as browsers do */
    }
  }
  return url;
}

function absolute(value: string, baseUrl: string): string {
  const v = value.trim();
  if (!v || v.startsWith('#') || /^(?:data|mailto|tel|javascript):/i.test(v)) return v;
  try {
    return new URL(v, baseUrl).href;
  } catch {
    return v;
  }
}

/**
 * The article's elements (not `root` itself, which is not serialised) made ready for sanitising, in one
 * walk: URLs made absolute, classes trimmed to those the reader uses (`KEEP_CLASS`), Readability's own
 * ids dropped. Fourteen `querySelectorAll` calls did this before, each a walk over the whole article in
 * linkedom. The class is read through its `Attr` node: linkedom rebuilds `classList` on every
 * `getAttribute('class')`.
 */
function prepareForSanitizing(root: Element, baseUrl: string): void {
  for (let el = nextElement(root, root); el; el = nextElement(el, root)) {
    const tag = el.localName.toLowerCase();
    for (const attr of URL_ATTRS.get(tag) ?? []) {
      const value = el.getAttribute(attr);
      if (value !== null) el.setAttribute(attr, absolute(value, baseUrl));
    }
    const srcset = SRCSET_TAGS.has(tag) ? el.getAttribute('srcset') : null;
    if (srcset !== null) el.setAttribute('srcset', absoluteSrcset(srcset, baseUrl));
    const names = el.getAttributeNode('class')?.value;
    if (names !== undefined) {
      const kept = names.split(/\s+/).filter((c) => KEEP_CLASS.test(c));
      if (kept.length) el.setAttribute('class', kept.join(' '));
      else el.removeAttribute('class');
    }
    // Readability's own wrappers carry ids that mean nothing to the reader.
    if (/^readability-/.test(el.id)) el.removeAttribute('id');
  }
}

function absoluteSrcset(srcset: string, baseUrl: string): string {
  return srcset
    .split(/,\s+/)
    .map((candidate) => {
      const [u, ...descriptor] = candidate.trim().split(/\s+/);
      return [absolute(u, baseUrl), ...descriptor].join(' ');
    })
    .join(', ');
}

/** The element after `el` in document order within `root`, or null. */
function nextElement(el: Element, root: Element): Element | null {
  if (el.firstElementChild) return el.firstElementChild;
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    if (node.nextElementSibling) return node.nextElementSibling;
  }
  return null;
}

function leadImage(metaImage: string | null, content: Element, baseUrl: string): string | null {
  const fromMeta = metaImage?.trim();
  if (fromMeta) return absolute(fromMeta, baseUrl);
  const img = content.querySelector('img[src]')?.getAttribute('src');
  return img ? absolute(img, baseUrl) : null;
}
