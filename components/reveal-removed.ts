/**
 * The "N blocks removed" toggle's HTML: the article with each removed block put back where it was,
 * wrapped and labelled with the step that removed it. The pipeline leaves a marker in `contentHtml`
 * (`<div data-cr-removed="i" hidden></div>`) where removal `i` was; blocks removed before Readability
 * picked the article have no place in it and no HTML, and the reader lists them apart.
 *
 * This only builds a string: the caller (components/Reader) sanitises the whole result before it
 * reaches the DOM, so neither the step names nor the removed HTML are trusted here.
 */
import type { Removal } from '@/lib/extract';

const MARKER = /<div\b[^>]*\bdata-cr-removed="(\d+)"[^>]*>\s*<\/div>/g;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A step's name as the reader shows it: `image-link-spam` -> `image link spam`. */
export function stepLabel(step: string): string {
  return step.replace(/[-_]+/g, ' ').trim();
}

export function revealRemoved(contentHtml: string, removed: Removal[]): string {
  return contentHtml.replace(MARKER, (marker, index: string) => {
    const removal = removed[Number(index)];
    if (!removal?.html) return marker;
    const label = escapeHtml(stepLabel(removal.step));
    return (
      `<div class="cr-removed" role="note" aria-label="Removed: ${label}">` +
      `<p class="cr-removed-label">Removed · ${label}</p>${removal.html}</div>`
    );
  });
}

/** Removals that have no place in the article (before Readability, or without HTML). */
export function unplacedRemovals(contentHtml: string, removed: Removal[]): Array<Removal & { index: number }> {
  const placed = new Set<number>();
  for (const m of contentHtml.matchAll(MARKER)) placed.add(Number(m[1]));
  return removed.map((r, index) => ({ ...r, index })).filter((r) => !r.html || !placed.has(r.index));
}
