/**
 * Which blocks of the live page the reader should leave out because the page hides them from its
 * readers (computed `display: none` or `visibility: hidden`): collapsed menus, closed dialogs, spam
 * stuffed into invisible boxes. Passed to `extractArticle` as `isHidden`; it only reads computed styles,
 * so the page never changes.
 */

/** Elements that are never rendered but carry data the pipeline reads (metadata, JSON-LD, `<noscript>` images). */
const NOT_RENDERED = new Set([
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'BASE',
  'STYLE',
  'SCRIPT',
  'NOSCRIPT',
  'TEMPLATE',
  'SOURCE',
  'TRACK',
  'PARAM',
  'AREA',
  'DATALIST',
  'OPTION',
  'OPTGROUP',
  'RP',
  'NOEMBED',
  'NOFRAMES',
  'SLOT',
]);
const HAS_TEXT = /\S/;

/**
 * A test for `extractArticle`'s `isHidden`: true for a hidden element that holds text. Hidden elements
 * with no text (an image a lazy loader has not revealed yet, an empty spacer) are left for the clean-up
 * steps, which know how to resolve lazy images; dropping them here could lose the article's pictures.
 * An element is judged by its own computed style only; its subtree goes with it (a `visibility: visible`
 * child inside a hidden parent is rare enough to ignore).
 */
export function hiddenBlockTest(win: Pick<Window, 'getComputedStyle'>): (el: Element) => boolean {
  return (el) => {
    if (NOT_RENDERED.has(el.tagName.toUpperCase())) return false;
    const style = win.getComputedStyle(el);
    const hidden = style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse';
    return hidden && HAS_TEXT.test(el.textContent ?? '');
  };
}
