/**
 * The "N blocks removed" toggle's HTML: the article with each removed block put back where it was,
 * wrapped and labelled with the step that removed it. The pipeline leaves a marker in `contentHtml`
 * (`<div data-cr-removed="i" hidden></div>`) where removal `i` was; blocks removed before Readability
 * picked the article have no place in it and no HTML, and the reader lists them apart.
 *
 * Pictures in removed blocks are shown as their alt text and never fetched: what was removed is mostly
 * ads and spam banners, and revealing it should not contact their servers from the extension.
 *
 * This only builds a string: the caller (components/Reader) sanitises the whole result before it
 * reaches the DOM, so neither the step names nor the removed HTML are trusted here.
 */
import type { Removal } from '@/lib/extract';
import { parseInertDocument } from '@/lib/extract/sanitize';

const MARKER = /<div\b[^>]*\bdata-cr-removed="(\d+)"[^>]*>\s*<\/div>/g;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A step's name as the reader shows it: `image-link-spam` -> `image link spam`. */
export function stepLabel(step: string): string {
  return step.replace(/[-_]+/g, ' ').trim();
}

/**
 * `contentHtml` with every removed block back in place. A block removed from inside another removed
 * block (a logo inside a footer) has its marker in that block's HTML, so markers are expanded there too;
 * each removal is placed at most once.
 */
export function revealRemoved(contentHtml: string, removed: Removal[]): string {
  const placed = new Set<number>();
  const expand = (html: string): string =>
    html.replace(MARKER, (marker, index: string) => {
      const i = Number(index);
      const removal = removed[i];
      if (!removal?.html || placed.has(i)) return marker;
      placed.add(i);
      const label = escapeHtml(stepLabel(removal.step));
      return (
        `<div class="cr-removed" role="note" aria-label="Removed: ${label}">` +
        `<p class="cr-removed-label">Removed · ${label}</p>${expand(withoutMedia(removal.html))}</div>`
      );
    });
  return expand(contentHtml);
}

const MEDIA = 'picture, img, video, audio, svg, iframe, object, embed';

/**
 * `html` with each picture, video or sound replaced by a text stand-in. Parsed in an inert document
 * (`parseInertDocument`: loads nothing and runs nothing); only its serialisation is read.
 */
export function withoutMedia(html: string, win: Window & typeof globalThis = window): string {
  const doc = parseInertDocument(`<!doctype html><body>${html}`, win);
  for (const el of Array.from(doc.body.querySelectorAll(MEDIA))) {
    if (!el.isConnected) continue;
    const tag = el.tagName.toLowerCase();
    const img = tag === 'img' ? el : el.querySelector('img');
    const alt = img?.getAttribute('alt')?.trim();
    const stand = doc.createElement('span');
    stand.className = 'cr-removed-media';
    stand.textContent = tag === 'video' ? '[video]' : tag === 'audio' ? '[audio]' : alt ? `[image: ${alt}]` : '[image]';
    el.replaceWith(stand);
  }
  return doc.body.innerHTML;
}

/** Indexes of the removals `revealRemoved` puts back in place. */
export function placedRemovals(contentHtml: string, removed: Removal[]): Set<number> {
  const placed = new Set<number>();
  const visit = (html: string) => {
    for (const m of html.matchAll(MARKER)) {
      const i = Number(m[1]);
      const removal = removed[i];
      if (!removal?.html || placed.has(i)) continue;
      placed.add(i);
      visit(removal.html);
    }
  };
  visit(contentHtml);
  return placed;
}

/** Removals that have no place in the article (taken before Readability ran, or kept without HTML). */
export function unplacedRemovals(contentHtml: string, removed: Removal[]): Array<Removal & { index: number }> {
  const placed = placedRemovals(contentHtml, removed);
  return removed.map((r, index) => ({ ...r, index })).filter((r) => !placed.has(r.index));
}
