import type { Removal } from './types';

/** What every clean-up step is given. */
export interface StepContext {
  /** The working copy of the page; never the live document. */
  doc: Document;
  /** The page's URL, used to resolve relative links and to tell this site's links from others'. */
  url: string;
  /** The article's title as Readability found it ('' before Readability runs). */
  title: string;
  /** The article's byline and excerpt as Readability found them, for steps that drop their repetition. */
  byline: string | null;
  excerpt: string | null;
  /** Takes `el` out of the article and records why. Steps call this rather than `el.remove()`. */
  remove(el: Element, step: string): void;
  /**
   * Parses markup a step finds as text (a `<noscript>`'s pictures) into an inert document: the one
   * parser (lib/extract/inert.ts), so nothing in it runs or loads.
   */
  parse(html: string): Document;
}

/**
 * One named clean-up step. `before` steps see the whole page copy (before Readability picks the
 * article); `after` steps see only the article's content element. A step is pure apart from the
 * copy it is handed: it reads nothing global and keeps no state between calls.
 */
export interface CleanupStep {
  name: string;
  phase: 'before' | 'after';
  run(root: Element, ctx: StepContext): void;
}

export type { Removal };

/** Up to `max` characters of an element's visible text, or what stands for it (alt text, link target). */
export function sampleOf(el: Element, max = 120): string {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text) return text.length > max ? `${text.slice(0, max - 1)}…` : text;
  const img = el.tagName === 'IMG' ? el : el.querySelector('img');
  const alt = img?.getAttribute('alt')?.trim();
  if (alt) return `[image: ${alt.slice(0, max - 9)}]`;
  const href = (el.tagName === 'A' ? el : el.querySelector('a'))?.getAttribute('href');
  if (href) return `[link: ${href.slice(0, max - 8)}]`;
  return `<${el.tagName.toLowerCase()}>`;
}
