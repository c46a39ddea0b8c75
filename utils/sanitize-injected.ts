/**
 * The injected script's answer, made safe in the extension's own origin the moment it arrives.
 *
 * `/extract.js` leaves DOMPurify out of the page, and the extension finishes its page half with an inert
 * parse (utils/finish-page-half.ts, utils/inert-fragment.ts), so the HTML is raw; and whatever a page
 * sends is untrusted anyway. Here every field is checked for its type, the body and each
 * removed block go through `sanitize` (the one DOMPurify configuration), and the text, word count and
 * reading time are computed again from the sanitised body, so nothing derived from raw HTML survives.
 * The reader still sanitises before rendering (components/Reader), and the library stores only what
 * this returns.
 */
import type { Article, ExtractResult, NotArticle, Removal } from '@/lib/extract';
import { sanitizeToFragment, safeUrl } from '@/lib/extract/sanitize';
import { blockText, textStats } from '@/lib/extract/text';
import type { InjectedResult } from './extract-protocol';

type DomWindow = Window & typeof globalThis;

/** Whether this context can sanitise (a page has a DOM; Chrome's background service worker does not). */
export function canSanitizeHere(): boolean {
  return typeof DOMParser === 'function' && typeof document === 'object' && document !== null;
}

/** The answer with its article (or best effort) sanitised; other answers pass through as they are. */
export function sanitizeInjected(result: InjectedResult | undefined, win: DomWindow): InjectedResult | undefined {
  if (!result || typeof result !== 'object') return undefined;
  if (result.kind === 'article') return sanitizeArticle(result, win) ?? { kind: 'error', message: 'The page sent a malformed article.' };
  if (result.kind === 'not-article') return sanitizeNotArticle(result, win);
  return result;
}

function sanitizeNotArticle(result: NotArticle, win: DomWindow): ExtractResult {
  const reason = result.reason === 'no-content' || result.reason === 'too-short' || result.reason === 'too-large' ? result.reason : 'no-content';
  return {
    kind: 'not-article',
    url: str(result.url) ?? '',
    reason,
    message: str(result.message) ?? '',
    bestEffort: result.bestEffort ? sanitizeArticle(result.bestEffort, win) : null,
  };
}

export function sanitizeArticle(article: Article, win: DomWindow): Article | null {
  if (!article || typeof article !== 'object' || typeof article.contentHtml !== 'string') return null;
  const url = str(article.url) ?? '';
  const base = safeUrl(url, 'a', 'href') ?? undefined;
  const holder = win.document.implementation.createHTMLDocument('').createElement('div');
  holder.append(sanitizeToFragment(article.contentHtml, win, { baseUrl: base, pageUrl: base }));
  const text = blockText(holder);
  const stats = textStats(text);
  return {
    kind: 'article',
    url,
    title: str(article.title) ?? url,
    byline: str(article.byline),
    siteName: str(article.siteName),
    lang: str(article.lang),
    dir: str(article.dir),
    publishedTime: str(article.publishedTime),
    excerpt: str(article.excerpt),
    leadImage: typeof article.leadImage === 'string' ? safeUrl(article.leadImage, 'img', 'src', base) : null,
    contentHtml: holder.innerHTML,
    text,
    wordCount: stats.wordCount,
    readingMinutes: stats.readingMinutes,
    removed: Array.isArray(article.removed) ? article.removed.map((r) => sanitizeRemoval(r, win, base)) : [],
  };
}

function sanitizeRemoval(removal: Removal, win: DomWindow, base: string | undefined): Removal {
  const out: Removal = { step: str(removal?.step) ?? '', sample: str(removal?.sample) ?? '' };
  if (typeof removal?.html === 'string' && removal.html) {
    const holder = win.document.implementation.createHTMLDocument('').createElement('div');
    holder.append(sanitizeToFragment(removal.html, win, { baseUrl: base, pageUrl: base }));
    out.html = holder.innerHTML;
  }
  return out;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
