/**
 * A document made of what the user selected on the page, for the pages where every heuristic picks the
 * wrong block: the user shows us the article. The page's `<head>` comes along (title, byline, date and
 * language metadata), and the `<html>` element's `lang` and `dir`. The page itself is not changed.
 */
export function selectionDocument(doc: Document, selection: Selection | null): Document | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  if (!/\S/.test(selection.toString())) return null;

  const copy = doc.implementation.createHTMLDocument(doc.title);
  const root = doc.documentElement;
  for (const name of ['lang', 'dir']) {
    const value = root?.getAttribute(name);
    if (value) copy.documentElement.setAttribute(name, value);
  }
  if (doc.head) copy.documentElement.replaceChild(copy.importNode(doc.head, true), copy.head);
  const main = copy.createElement('article');
  for (let i = 0; i < selection.rangeCount; i++) {
    main.appendChild(copy.importNode(selection.getRangeAt(i).cloneContents(), true));
  }
  copy.body.appendChild(main);
  return copy;
}
