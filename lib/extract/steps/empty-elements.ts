/**
 * Shells left behind: wrappers the other steps (or Readability) emptied, which would render as blank gaps.
 * Runs last. Taken out top-down so one removal covers a whole empty branch; anchors that links point to
 * (footnote targets) and the markers of revealed removals stay.
 */
import type { CleanupStep } from '../step';
import { isMedia, measure } from './signals';

const KEEP_TAGS = new Set(['TD', 'TH', 'TR', 'THEAD', 'TBODY', 'TFOOT', 'COL', 'COLGROUP', 'SOURCE', 'TRACK', 'WBR', 'BR', 'HR']);

export const emptyElements: CleanupStep = {
  name: 'empty-elements',
  phase: 'after',
  run(root, ctx) {
    const targets = new Set<string>();
    for (const a of Array.from(root.querySelectorAll('a[href^="#"]'))) targets.add(a.getAttribute('href')!.slice(1));
    const stats = measure(root);
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const s = stats.get(el);
      if (!s || s.chars || s.media || KEEP_TAGS.has(el.tagName.toUpperCase()) || isMedia(el)) continue;
      if (!root.contains(el) || el.hasAttribute('data-cr-removed') || el.closest('svg, math, pre, table')) continue;
      if ((el.textContent ?? '').trim() || el.querySelector('img, picture, video, audio, iframe, svg, math, canvas, table, pre, hr, input')) continue;
      if (el.querySelector('[data-cr-removed]')) continue;
      if ((el.id && targets.has(el.id)) || (el.getAttribute('name') && targets.has(el.getAttribute('name')!))) continue;
      if (el.querySelector('[id], [name]') && Array.from(el.querySelectorAll('[id], [name]')).some((t) => targets.has(t.id) || targets.has(t.getAttribute('name') ?? ''))) continue;
      ctx.remove(el, this.name);
    }
  },
};
