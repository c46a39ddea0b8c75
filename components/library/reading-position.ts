/**
 * Where the reader is in a saved article, as a fraction of the page's scrollable height, and back.
 * The document is an argument so the arithmetic is testable with a stand-in.
 */

export interface ScrollView {
  scrollY: number;
  innerHeight: number;
  document: { documentElement: { scrollHeight: number } };
  scrollTo(x: number, y: number): void;
}

function scrollable(view: ScrollView): number {
  return Math.max(0, view.document.documentElement.scrollHeight - view.innerHeight);
}

/** 0 at the top, 1 at the end; 0 for a page that does not scroll. */
export function currentProgress(view: ScrollView): number {
  const max = scrollable(view);
  return max > 0 ? Math.min(1, Math.max(0, view.scrollY / max)) : 0;
}

/** Scrolls to `progress`; returns false when the page does not scroll (yet). */
export function scrollToProgress(view: ScrollView, progress: number): boolean {
  const max = scrollable(view);
  if (max <= 0) return false;
  view.scrollTo(0, Math.round(progress * max));
  return true;
}
