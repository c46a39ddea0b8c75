/**
 * The labels of a widget's controls left in the story as text: a gallery's "Caption" / "Close" toggle,
 * an article toolbar's "Order reprints" / "Print", a tab strip's "Latest" / "Popular". Their scripts
 * made them buttons; in the reader they are stray words between paragraphs.
 *
 * A cluster qualifies by its shape and by its behaviour, both required: two or more sibling lines, each
 * a word or three with no number and no sentence, and nothing else in the box; and a mark of a control
 * on the box or its lines (an ARIA role, state or tabindex, a click handler or data attribute, or a
 * class or id naming a button, a toggle, a tab or a tool). Short lines in the story itself (a poem's,
 * a list's) carry no such mark, and lists and tables are never read as clusters.
 */
import type { CleanupStep } from '../step';
import { isProtected, measure, namesOf, type Stats } from './signals';

const MAX_LABEL_CHARS = 24;
const MAX_LABEL_WORDS = 3;
const MIN_LABELS = 2;
const WORD = /[\p{L}\p{N}]+/gu;
const HAS_DIGIT = /\p{N}/u;
const SENTENCE_END = /[.!?。！？]["'»”)]*$/u;
const CONTROL_ROLES = /^(?:button|tab|tablist|menu|menuitem|menubar|switch|toolbar)$/;
const CONTROL_ATTRS = ['tabindex', 'aria-controls', 'aria-expanded', 'aria-pressed', 'aria-selected', 'onclick'];
/** Class and id words of controls: one signal among the others, never enough alone. */
const CONTROL_NAMES = /button|btn|toggle|control|tool|tabs?\b|tab-|open|close|print|icon|link/;

function isLabel(el: Element, text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= MAX_LABEL_CHARS &&
    (text.match(WORD)?.length ?? 0) <= MAX_LABEL_WORDS &&
    !HAS_DIGIT.test(text) &&
    !SENTENCE_END.test(text) &&
    !el.querySelector('img, picture, video, iframe, svg, math, table, pre, p, div, ul, ol')
  );
}

function looksLikeControl(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role && CONTROL_ROLES.test(role)) return true;
  if (CONTROL_ATTRS.some((a) => el.hasAttribute(a))) return true;
  if (Array.from(el.attributes).some((a) => a.name.startsWith('data-'))) return true;
  return CONTROL_NAMES.test(namesOf(el));
}

function labelText(el: Element, stats: Map<Element, Stats>): string {
  return (stats.get(el)?.chars ?? 0) > MAX_LABEL_CHARS ? '' : (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export const uiLabels: CleanupStep = {
  name: 'ui-labels',
  phase: 'after',
  run(root, ctx) {
    const stats = measure(root);
    for (const box of Array.from(root.querySelectorAll('div, ul, span, nav, section'))) {
      if (box === root || !root.contains(box) || isProtected(box) || box.closest('table, ol, dl, p, h1, h2, h3, h4, h5, h6')) continue;
      const lines = Array.from(box.children);
      if (lines.length < MIN_LABELS) continue;
      const s = stats.get(box);
      if (!s || !s.chars || s.chars > MAX_LABEL_CHARS * lines.length || s.media) continue;
      // Every child a label, and no loose text beside them.
      const texts = lines.map((l) => labelText(l, stats));
      if (!lines.every((l, i) => isLabel(l, texts[i]))) continue;
      if (texts.reduce((n, t) => n + t.replace(/\s/g, '').length, 0) < (box.textContent ?? '').replace(/\s/g, '').length) continue;
      if (!looksLikeControl(box) && !lines.some(looksLikeControl) && !lines.some((l) => l.firstElementChild && looksLikeControl(l.firstElementChild))) continue;
      ctx.remove(box, this.name);
    }
  },
};
