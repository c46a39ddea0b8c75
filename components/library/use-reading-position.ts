/**
 * Restores where the user stopped reading a saved article, then records it as they scroll: throttled to
 * one write a second, and written at once when the tab is hidden or closed.
 */
import { useEffect } from 'preact/hooks';
import { throttle, type Library, type SavedArticle } from '@/lib/library';
import { currentProgress, scrollToProgress } from './reading-position';

/** At most one position write per this many ms while scrolling. */
export const POSITION_THROTTLE_MS = 1000;

export function useReadingPosition(library: Library | null, article: SavedArticle | null): void {
  useEffect(() => {
    if (!library || !article || !article.downloaded) return;
    const id = article.id;
    const saved = article.readingPosition?.progress ?? 0;
    let restored = saved <= 0;
    const restore = () => {
      if (!restored) restored = scrollToProgress(window, saved);
    };
    // After layout, and again when the web fonts have set the text (they change its height).
    const frame = requestAnimationFrame(restore);
    void document.fonts?.ready.then(() => {
      if (restored && saved > 0) scrollToProgress(window, saved);
      else restore();
    });

    const write = throttle((progress: number) => {
      library.setReadingPosition(id, progress).catch(() => {
        // A position that failed to save is not worth interrupting the reader for: the next one retries.
      });
    }, POSITION_THROTTLE_MS);
    const onScroll = () => {
      if (restored) write(currentProgress(window));
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden') write.flush();
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', write.flush);
    return () => {
      cancelAnimationFrame(frame);
      write.flush();
      window.removeEventListener('scroll', onScroll);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', write.flush);
    };
  }, [library, article?.id]);
}
