/**
 * The article's outline for the table of contents: its headings, in order, each with an id to link
 * to. Works on the rendered body (the document is an argument), whatever language the headings are in.
 */

export interface OutlineEntry {
  id: string;
  text: string;
  /** 2 for an `h2`… (an `h1` inside the body counts as 2: the page's title is the only level 1). */
  level: number;
  element: HTMLElement;
}

/** Fewer headings than this make no useful table of contents. */
export const MIN_HEADINGS = 3;

const HEADINGS = 'h1, h2, h3, h4';

/**
 * The headings in `body`, skipping empty ones and those in blocks the reader hides. Headings without an
 * id get one (`cr-toc-N`), so the contents can link to them.
 */
export function collectOutline(body: Element): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  body.querySelectorAll<HTMLElement>(HEADINGS).forEach((element) => {
    if (element.closest('[hidden], .cr-removed')) return;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) return;
    if (!element.id) element.id = `cr-toc-${out.length + 1}`;
    out.push({ id: element.id, text, level: Math.max(2, Number(element.tagName[1])), element });
  });
  return out;
}

/**
 * The entry being read: the last heading whose top has passed `line` (pixels from the viewport's top),
 * or -1 before the first.
 */
export function currentEntry(outline: OutlineEntry[], line: number): number {
  let index = -1;
  for (let i = 0; i < outline.length; i++) {
    if (outline[i].element.getBoundingClientRect().top <= line) index = i;
    else break;
  }
  return index;
}

/** How far through `body` the reader is, 0 to 1: the share of it above the viewport's bottom edge. */
export function readingProgress(body: Element, viewportHeight: number): number {
  const rect = body.getBoundingClientRect();
  if (rect.height <= 0) return 0;
  if (rect.bottom <= viewportHeight) return 1;
  return Math.min(1, Math.max(0, (viewportHeight - rect.top) / rect.height));
}
