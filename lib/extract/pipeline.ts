/**
 * extractArticle: the page in, a clean article (or a "not an article" verdict) out.
 *
 * 1. Copy the document (Readability mutates what it parses; the live page must never change), leaving
 *    out what `isHidden` says the reader cannot see.
 * 2. `BEFORE_READABILITY` steps on the copy (see `steps/index.ts` for their order and why).
 * 3. Readability picks the article and its metadata.
 * 4. `AFTER_READABILITY` steps on the article, each removal recorded.
 * 5. URLs made absolute, classes trimmed to those the reader uses, then DOMPurify (`sanitize.ts`).
 * 6. Plain text, word count and reading time from the sanitised article (`text.ts`).
 */
import { Readability } from '@mozilla/readability';
import type { Article, ExtractOptions, ExtractResult, NotArticle, Removal } from './types';
import { sanitizeToFragment } from './sanitize';
import { blockText, textStats } from './text';
import { sampleOf, type StepContext } from './step';
import { AFTER_READABILITY, BEFORE_READABILITY } from './steps';

/** Fewer words than this and the page is "not an article" (the user can still show it anyway). */
export const MIN_ARTICLE_WORDS = 50;

/** Attributes holding one URL, made absolute against the page's base URL. */
const URL_ATTRS: Array<[string, string]> = [
  ['a', 'href'], ['img', 'src'], ['video', 'src'], ['video', 'poster'], ['audio', 'src'], ['source', 'src'],
  ['track', 'src'], ['blockquote', 'cite'], ['q', 'cite'], ['ins', 'cite'], ['del', 'cite'],
];
/** Classes that carry meaning for the reader: code languages, math renderers, footnotes. */
const KEEP_CLASS = /^(?:language-|lang-|hljs|katex|MathJax|mjx-|math|footnote|fn|sr-only)/i;

type DomWindow = Window & typeof globalThis;

export function extractArticle(doc: Document, url: string, options: ExtractOptions = {}): ExtractResult {
  const win = (options.sanitizeWindow ?? doc.defaultView) as DomWindow | null;
  if (!win) throw new Error('extractArticle needs a window to sanitise with: pass options.sanitizeWindow');

  const elementCount = doc.getElementsByTagName('*').length;
  if (options.maxElemsToParse && elementCount > options.maxElemsToParse) {
    return notArticle(url, 'too-large', `The page has ${elementCount} elements, more than the ${options.maxElemsToParse} the reader parses.`, null);
  }

  const copy = cloneDocument(doc, options.isHidden);
  const removed: Removal[] = [];
  const removedHtml: string[] = [];
  const ctx: StepContext = {
    doc: copy,
    url,
    title: '',
    byline: null,
    excerpt: null,
    remove(el, step) {
      removed.push({ step, sample: sampleOf(el) });
      // Readability's article element is detached from the copy (not `isConnected`), so "has a parent"
      // is what says the marker can take the removed block's place.
      if (options.keepRemovedHtml && el.parentNode && el.ownerDocument === copy) {
        removedHtml.push(el.outerHTML);
        const marker = copy.createElement('div');
        marker.setAttribute('data-cr-removed', String(removed.length - 1));
        marker.setAttribute('hidden', '');
        el.replaceWith(marker);
      } else {
        removedHtml.push('');
        el.remove();
      }
    },
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
    const body = doc.body ? cloneDocument(doc, options.isHidden).body : null;
    const bestEffort = body ? finish(body, {}, doc, url, baseUrl, win, [], [], options) : null;
    return notArticle(url, 'no-content', 'No article could be found on this page.', bestEffort && bestEffort.wordCount > 0 ? bestEffort : null);
  }

  ctx.title = parsed.title ?? '';
  ctx.byline = parsed.byline ?? null;
  ctx.excerpt = parsed.excerpt ?? null;
  const content = parsed.content;
  if (!options.readabilityOnly) {
    for (const step of AFTER_READABILITY) step.run(content, ctx);
  }

  const article = finish(content, parsed, doc, url, baseUrl, win, removed, removedHtml, options);
  if (article.wordCount < MIN_ARTICLE_WORDS) {
    return notArticle(url, 'too-short', `The page has only ${article.wordCount} words of text.`, article);
  }
  return article;
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

function finish(
  content: Element,
  meta: ParsedMeta,
  doc: Document,
  url: string,
  baseUrl: string,
  win: DomWindow,
  removed: Removal[],
  removedHtml: string[],
  options: ExtractOptions,
): Article {
  absolutizeUrls(content, baseUrl);
  trimClasses(content);
  const fragment = sanitizeToFragment(content.innerHTML, win);
  const holder = win.document.createElement('div');
  holder.appendChild(fragment);
  const text = blockText(holder);
  const stats = textStats(text);
  const root = doc.documentElement;
  return {
    kind: 'article',
    url,
    title: clean(meta.title) ?? clean(doc.title) ?? url,
    byline: clean(meta.byline),
    siteName: clean(meta.siteName),
    lang: clean(meta.lang) ?? clean(root?.getAttribute('lang')) ?? null,
    dir: clean(meta.dir) ?? clean(root?.getAttribute('dir')) ?? null,
    publishedTime: clean(meta.publishedTime),
    excerpt: clean(meta.excerpt),
    leadImage: leadImage(doc, holder, baseUrl),
    contentHtml: holder.innerHTML,
    text,
    wordCount: stats.wordCount,
    readingMinutes: stats.readingMinutes,
    removed: options.keepRemovedHtml
      ? removed.map((r, i) => (removedHtml[i] ? { ...r, html: holder.ownerDocument && sanitizeHtmlString(removedHtml[i], win) } : r))
      : removed,
  };
}

function sanitizeHtmlString(html: string, win: DomWindow): string {
  const holder = win.document.createElement('div');
  holder.appendChild(sanitizeToFragment(html, win));
  return holder.innerHTML;
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

function absolutizeUrls(root: Element, baseUrl: string): void {
  for (const [tag, attr] of URL_ATTRS) {
    for (const el of Array.from(root.querySelectorAll(`${tag}[${attr}]`))) {
      el.setAttribute(attr, absolute(el.getAttribute(attr)!, baseUrl));
    }
  }
  for (const el of Array.from(root.querySelectorAll('img[srcset], source[srcset]'))) {
    const srcset = el.getAttribute('srcset')!;
    el.setAttribute(
      'srcset',
      srcset
        .split(/,\s+/)
        .map((candidate) => {
          const [u, ...descriptor] = candidate.trim().split(/\s+/);
          return [absolute(u, baseUrl), ...descriptor].join(' ');
        })
        .join(', '),
    );
  }
}

function trimClasses(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('[class]'))) {
    const kept = (el.getAttribute('class') ?? '').split(/\s+/).filter((c) => KEEP_CLASS.test(c));
    if (kept.length) el.setAttribute('class', kept.join(' '));
    else el.removeAttribute('class');
  }
  for (const el of Array.from(root.querySelectorAll('[id]'))) {
    // Readability's own wrappers carry ids that mean nothing to the reader.
    if (/^readability-/.test(el.id)) el.removeAttribute('id');
  }
}

function leadImage(doc: Document, content: Element, baseUrl: string): string | null {
  const meta = doc.querySelector('meta[property="og:image"], meta[name="og:image"], meta[name="twitter:image"], meta[property="twitter:image"]');
  const fromMeta = meta?.getAttribute('content')?.trim();
  if (fromMeta) return absolute(fromMeta, baseUrl);
  const img = content.querySelector('img[src]')?.getAttribute('src');
  return img ? absolute(img, baseUrl) : null;
}
