/**
 * Wide tables and code blocks scroll sideways inside the column; someone without a mouse can only
 * scroll them once they can focus them (WCAG 2.1.1, axe's `scrollable-region-focusable`). So they join
 * the tab order, named by what they are (a table keeps its own caption).
 */
export function makeScrollablesFocusable(body: Element, names: { code: string }): void {
  body.querySelectorAll<HTMLElement>('pre, table').forEach((el) => {
    if (el.hasAttribute('tabindex')) return;
    el.setAttribute('tabindex', '0');
    if (el.tagName === 'PRE' && !el.hasAttribute('aria-label')) {
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', names.code);
    }
  });
}
