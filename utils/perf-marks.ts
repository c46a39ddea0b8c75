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
  /** The stored reading settings applied to the page (the defaults apply until then). */
  settings: 'cr:settings',
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

/** The value of the `elementtiming` attribute that `markPainted` waits for. */
export const PAINT_TIMING_ID = 'cr-article';

/** How long `markPainted` waits for the browser's paint entry before marking the frame-based time. */
const ELEMENT_TIMING_WAIT_MS = 3_000;

interface ElementTiming extends PerformanceEntry {
  identifier: string;
  renderTime: number;
}

/**
 * Marks `name` at the time the browser painted the element carrying `elementtiming="cr-article"`
 * (Element Timing, in Chromium), measured by the browser itself. A frame-based guess (`markAfterPaint`)
 * runs after the effects Preact flushes once the frame is painted, so on a busy machine it lands well
 * after the paint (seen in a trace: 360 ms late at load 30). Where the browser has no Element Timing
 * (Firefox), or no entry comes, the frame-based mark stands in. Call it as the element enters the DOM.
 */
export function markPainted(name: string): void {
  const types = typeof PerformanceObserver === 'function' ? PerformanceObserver.supportedEntryTypes : undefined;
  if (!types?.includes('element')) return markAfterPaint(name);
  let done = false;
  const observer = new PerformanceObserver((list) => {
    const entry = (list.getEntries() as ElementTiming[]).find((e) => e.identifier === PAINT_TIMING_ID && e.renderTime > 0);
    if (!entry || done) return;
    done = true;
    observer.disconnect();
    try {
      performance.mark(name, { startTime: entry.renderTime });
    } catch {
      /* no timeline here: nothing to record */
    }
  });
  observer.observe({ type: 'element', buffered: true });
  setTimeout(() => {
    if (done) return;
    done = true;
    observer.disconnect();
    markAfterPaint(name);
  }, ELEMENT_TIMING_WAIT_MS);
}
