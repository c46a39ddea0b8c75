/**
 * Page landmarks that are never the story: navigation, the site banner and footer, search, and
 * complementary boxes, as the page itself labels them for assistive technology (`role`, `<nav>`), plus
 * the microdata the page gives for its comments and breadcrumbs. Readability sometimes keeps them when
 * they sit inside the element it picked.
 *
 * `<aside>` and `<footer>` alone prove nothing (authors use them for notes and for the article's own
 * end matter), so only their ARIA roles count; and a landmark holding much of the article is kept.
 */
import type { CleanupStep } from '../step';
import { textOf } from './signals';

const LANDMARKS = [
  'nav',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="search"]',
  '[role="complementary"]',
  '[role="menu"]',
  '[role="menubar"]',
  '[role="toolbar"]',
  '[role="tablist"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[itemtype*="BreadcrumbList"]',
  '[itemtype*="schema.org/Comment"]',
  '[itemtype*="WPHeader"]',
  '[itemtype*="WPFooter"]',
  '[itemtype*="WPSideBar"]',
  '[itemtype*="SiteNavigationElement"]',
  '[itemprop="comment"]',
].join(', ');
const MAX_SHARE = 0.3;

export const landmarks: CleanupStep = {
  name: 'landmarks',
  phase: 'after',
  run(root, ctx) {
    const total = textOf(root).length;
    for (const el of Array.from(root.querySelectorAll(LANDMARKS))) {
      if (!root.contains(el) || el === root) continue;
      if (textOf(el).length > total * MAX_SHARE) continue;
      ctx.remove(el, this.name);
    }
  },
};
