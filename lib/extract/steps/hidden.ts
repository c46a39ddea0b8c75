/**
 * What the page itself hides from readers, judged from the markup alone (the browser's computed-style
 * check runs earlier, in `cloneDocument`, where a live page exists): the `hidden` attribute, inline
 * `display: none` / `visibility: hidden`, and `aria-hidden` blocks. Collapsed menus, modal templates and
 * "screen reader only" duplicates live there.
 *
 * `aria-hidden` inline elements stay (a drop cap's first letter, an icon in a sentence), and so does
 * anything inside math: KaTeX and MathJax hide their visual rendering from screen readers and keep the
 * math in MathML beside it, and both halves are the equation.
 */
import type { CleanupStep } from '../step';

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important)?\s*(?:;|$)/i;
const ARIA_BLOCKS = /^(?:DIV|SECTION|ASIDE|NAV|UL|OL|FORM|HEADER|FOOTER|DIALOG|FIGURE|P|TABLE)$/;
const KATEX = /(?:^|[ \t\n\f\r])katex(?:[ \t\n\f\r]|$)/;
const MATHJAX = /mathjax/i;

/**
 * Inside math (`.katex, .MathJax, mjx-container, math, [class*="MathJax" i]`) or the head: one walk up,
 * as `closest` with those selectors would be compiled anew for every hidden element in linkedom.
 */
export function inMathOrHead(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const tag = node.tagName.toUpperCase();
    if (tag === 'MATH' || tag === 'MJX-CONTAINER' || tag === 'HEAD') return true;
    const names = node.getAttributeNode('class')?.value;
    if (names && (KATEX.test(names) || MATHJAX.test(names))) return true;
  }
  return false;
}

export const hidden: CleanupStep = {
  name: 'hidden',
  phase: 'before',
  run(root, ctx) {
    for (const el of Array.from(root.querySelectorAll('[hidden], [style], [aria-hidden="true"]'))) {
      const style = el.getAttribute('style') ?? '';
      const byAria = el.getAttribute('aria-hidden') === 'true' && ARIA_BLOCKS.test(el.tagName);
      if (!(el.hasAttribute('hidden') || byAria || (style && HIDDEN_STYLE.test(style)))) continue;
      // Pictures' own sources stay (lazy-images may need them); so does anything in math or the head.
      if (el.tagName === 'IMG' || el.tagName === 'SOURCE' || !root.contains(el) || inMathOrHead(el)) continue;
      ctx.remove(el, this.name);
    }
  },
};
