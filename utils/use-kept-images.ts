/**
 * Shows a saved article's kept pictures (utils/kept-images.ts) inside the element this hook's ref is on.
 * Right after each render, before the browser lays the page out, every picture is held (no web address);
 * once the library has answered with the kept Blobs, each gets its object URL or its web address back.
 * Content the Reader renders later (a re-render of its body) goes through the same two steps. Object URLs
 * are revoked when the article changes or the page goes.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Library } from '@/lib/library';
import { holdImages, keptSources, releaseImages, revokeKeptSources, type KeptSources } from './kept-images';

export function useKeptImages(library: Library | null, id: number | null): (element: HTMLElement | null) => void {
  const [root, setRoot] = useState<HTMLElement | null>(null);

  // A layout effect: it runs in the same task as the render, so the pictures are held before layout.
  useLayoutEffect(() => {
    if (!library || id === null || !root) return;
    let live = true;
    let sources: KeptSources | null = null;
    const observer = new MutationObserver(() => {
      if (sources) releaseImages(root, sources);
      else holdImages(root);
    });
    observer.observe(root, { childList: true, subtree: true });
    holdImages(root);
    library
      .images(id)
      // Pictures that cannot be read are shown from the web, as if none had been kept.
      .catch(() => new Map<string, Blob>())
      .then((blobs) => {
        if (!live) return;
        sources = keptSources(blobs);
        releaseImages(root, sources);
      });
    return () => {
      live = false;
      observer.disconnect();
      if (sources) revokeKeptSources(sources);
    };
  }, [library, id, root]);

  return setRoot;
}
