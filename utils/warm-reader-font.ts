/**
 * Starts loading the reader's default face (Literata, its Latin subset) while the page waits for the
 * read, instead of when the article first renders in it. A trace of the popup (issue 8) showed the
 * font's load beginning inside the article's first style recalculation, costing that frame most of its
 * time, and the text then painted in a fallback face and laid out again once the font came. Other faces
 * and scripts still load when the text needs them, as before.
 */
export function warmReaderFont(doc: Document = document): void {
  // After the loading state's first frame, so that it never delays the page's first paint.
  const start = () => void doc.fonts?.load('1em "Literata Variable"').catch(() => undefined);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(start, 0));
  else start();
}
