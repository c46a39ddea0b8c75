/**
 * The first screen of an article body, for a reader that paints it first and the rest a frame later
 * (issue 8: the popup's time to the article painted). Before the first frame, a long body is parsed into
 * the page whole, its pictures' requests start, and text far below the fold is styled and laid out, all
 * of it growing with the article's length; the reader sees none of it before scrolling. (For a short
 * article the render is mostly the page's own: see docs/benchmarks.md, the popup trace.)
 *
 * The cut is made in the HTML string, right after a block's end tag, so the first part parses to a
 * prefix of the whole body's tree (the parser closes the elements still open at its end). Whatever the
 * cut, both parts go through `sanitize` before they reach the DOM (components/Reader): a cut landing
 * somewhere odd (say, inside an attribute that holds a literal end tag) costs at most an odd first
 * frame, never safety, and the whole body replaces it a frame later.
 */

/** About a screen of text with its markup: a tall tab shows ~2,500 characters of text at reading size. */
export const FIRST_SCREEN_CHARS = 6_000;

/** The end of a block: after one of these, the rest of the body starts on a new line. */
const BLOCK_END = /<\/(?:p|h[1-6]|figure|ul|ol|dl|blockquote|pre|table|section|div)>/gi;

/**
 * The body's HTML up to the first block end at or after `chars` characters, or null when splitting is
 * not worth it: no such block end, or the rest is shorter than the first part (the whole is about as
 * quick to paint).
 */
export function firstScreen(html: string, chars = FIRST_SCREEN_CHARS): string | null {
  if (html.length < 2 * chars) return null;
  BLOCK_END.lastIndex = chars;
  const end = BLOCK_END.exec(html);
  BLOCK_END.lastIndex = 0;
  if (!end) return null;
  const cut = end.index + end[0].length;
  return html.length - cut >= cut ? html.slice(0, cut) : null;
}
