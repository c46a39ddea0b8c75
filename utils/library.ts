import { Library } from '@/lib/library';

let opening: Promise<Library> | null = null;

/**
 * This page's Library: one IndexedDB connection per extension page (or the background), opened on first
 * use and shared by every component. A failed open is not cached, so "Try again" can retry it.
 */
export function getLibrary(): Promise<Library> {
  opening ??= Library.open().catch((error: unknown) => {
    opening = null;
    throw error;
  });
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
