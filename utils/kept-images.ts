/**
 * A saved article's kept pictures (offline images, lib/library/images.ts) shown in the rendered reader.
 * The Reader sanitises the article's HTML again before rendering, and the sanitiser rightly drops
 * `blob:` addresses, so the pictures are swapped in afterwards, on the rendered elements: each `<img>`
 * whose web address has a kept Blob gets the Blob's object URL as its `src`.
 *
 * Two steps, so that no picture is asked of the web before we know whether it was kept (offline, that
 * request fails with an error in the console; online, it tells the picture's site the article was read):
 * `holdImages` runs right after the body is rendered, before the browser lays it out (the Reader marks
 * every picture `loading="lazy"`, so none loads before layout), and moves each web address aside;
 * `releaseImages` then gives each picture its kept Blob, or its web address back. Kept pictures are
 * shown online too: the same bytes, without asking the site again.
 *
 * Only properties and attributes are set; no HTML is parsed or written.
 */

/** Where the web address an `<img>` had is kept (for "copy image address", and tests). */
export const WEB_SRC_ATTR = 'data-cr-web-src';
/** Where a held `<img>` or `<source>` keeps its `srcset` until released. */
const WEB_SRCSET_ATTR = 'data-cr-web-srcset';
/** Marks a picture held (no address yet) or released (decided). */
const STATE_ATTR = 'data-cr-kept';

/** `url` in the one form both the saved HTML and the rendered DOM agree on (the URL parser's). */
function key(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/** Object URLs by normalised web address. */
export type KeptSources = Map<string, string>;

/** The object URLs for `blobs` (by web address). The caller revokes them with `revokeKeptSources`. */
export function keptSources(
  blobs: Map<string, Blob>,
  createUrl: (blob: Blob) => string = (blob) => URL.createObjectURL(blob),
): KeptSources {
  const out: KeptSources = new Map();
  for (const [url, blob] of blobs) out.set(key(url), createUrl(blob));
  return out;
}

export function revokeKeptSources(
  sources: KeptSources,
  revokeUrl: (url: string) => void = (url) => URL.revokeObjectURL(url),
): void {
  for (const url of sources.values()) revokeUrl(url);
}

function moveAttr(el: Element, from: string, to: string): void {
  const value = el.getAttribute(from);
  if (value === null) return;
  el.setAttribute(to, value);
  el.removeAttribute(from);
}

/** Takes the web addresses off every picture under `root` not seen before, so none of them loads yet. */
export function holdImages(root: ParentNode): number {
  let held = 0;
  for (const el of Array.from(root.querySelectorAll('img, picture > source'))) {
    if (el.hasAttribute(STATE_ATTR)) continue;
    el.setAttribute(STATE_ATTR, 'held');
    moveAttr(el, 'src', WEB_SRC_ATTR);
    moveAttr(el, 'srcset', WEB_SRCSET_ATTR);
    held += 1;
  }
  return held;
}

/**
 * Gives every held (or not yet seen) picture under `root` its kept Blob when there is one, else its
 * web addresses back. A kept picture loses its `srcset` and its `<picture>`'s `<source>`s: they would
 * make the browser pick a web candidate; the kept picture is the one the article showed when saved.
 * Returns how many pictures now show a kept Blob.
 */
export function releaseImages(root: ParentNode, sources: KeptSources): number {
  holdImages(root);
  let kept = 0;
  for (const img of Array.from(root.querySelectorAll<HTMLImageElement>(`img[${STATE_ATTR}="held"]`))) {
    const web = img.getAttribute(WEB_SRC_ATTR);
    const blob = web ? sources.get(key(web)) : undefined;
    if (!blob) continue;
    img.setAttribute(STATE_ATTR, 'kept');
    img.removeAttribute(WEB_SRCSET_ATTR);
    img.removeAttribute('sizes');
    const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null;
    picture?.querySelectorAll('source').forEach((source) => source.remove());
    // Local bytes: nothing to save by waiting for the scroll.
    img.loading = 'eager';
    img.src = blob;
    kept += 1;
  }
  for (const el of Array.from(root.querySelectorAll(`[${STATE_ATTR}="held"]`))) {
    // Not kept: the web addresses go back (sources first, so the browser picks among them as before).
    el.setAttribute(STATE_ATTR, 'web');
    moveAttr(el, WEB_SRCSET_ATTR, 'srcset');
    if (el.tagName === 'IMG') moveAttr(el, WEB_SRC_ATTR, 'src');
  }
  return kept;
}
