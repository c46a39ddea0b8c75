import { Library } from '@/lib/library';

let opening: Promise<Library> | null = null;

/**
 * This page's Library: one IndexedDB connection per extension page (or the background), opened on first
 * use and shared by every component. A failed open is not cached, so "Try again" can retry it.
 */
export function getLibrary(): Promise<Library> {
  if (!opening) {
    opening = Library.open().catch((error: unknown) => {
      opening = null;
      throw error;
    });
    // Every caller handles a failed open where it awaits it; a page closed (or a component unmounted)
    // before any caller attached its handler must not leave the rejection unhandled.
    opening.catch(() => undefined);
  }
  return opening;
}

/** `reader.html?id=ID`: a saved article in the reader, as an extension-relative path. */
export function savedArticlePath(id: number): string {
  return `/reader.html?id=${id}`;
}

/** `/library.html`, optionally with a search already typed. */
export function libraryPath(query?: string): string {
  return query ? `/library.html?q=${encodeURIComponent(query)}` : '/library.html';
}
