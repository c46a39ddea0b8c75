/**
 * Performance marks on the reader's path, read by `npm run bench:popup` (scripts/bench-popup.ts): when
 * the injection starts, when its answer is back, when it is sanitised, when the article is painted.
 * A mark is a few microseconds and never throws, so the marks stay in the shipped extension.
 */
export const MARKS = {
  injectStart: 'cr:inject-start',
  answer: 'cr:answer',
  sanitized: 'cr:sanitized',
  painted: 'cr:article-painted',
  /** In the page (the injected script's isolated world): the extraction itself. */
  extractStart: 'cr:extract-start',
  extractEnd: 'cr:extract-end',
} as const;

export function mark(name: string): void {
  try {
    globalThis.performance?.mark?.(name);
  } catch {
    /* no timeline here: nothing to record */
  }
}

/** Marks `name` once the frame after the current one has begun, i.e. after the browser painted. */
export function markAfterPaint(name: string): void {
  if (typeof requestAnimationFrame !== 'function') return mark(name);
  requestAnimationFrame(() => setTimeout(() => mark(name), 0));
}
