/**
 * A saved article in the reader (`reader.html?id=ID`), read from IndexedDB, so it works offline. The
 * same Reader component as the popup renders it; the bar above offers the library, the original page,
 * favourite and archive. Where the user stopped reading is restored and kept.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Article } from '@/lib/extract';
import { LibraryError, type Library, type SavedArticle } from '@/lib/library';
import { libraryPath } from '@/utils/library';
import { useKeptImages } from '@/utils/use-kept-images';
import { AlertIcon } from '../icons';
import { LoadingState } from '../LoadingState';
import { Reader } from '../Reader';
import { StatusPanel } from '../StatusPanel';
import { ArchiveIcon, LibraryIcon, StarIcon } from './library-icons';
import { useReadingPosition } from './use-reading-position';

export interface SavedArticleViewProps {
  library: Promise<Library>;
  /** From `?id=`; null when missing or not a number. */
  id: number | null;
  locales?: readonly string[];
}

type Data =
  { kind: 'loading' } | { kind: 'ready'; library: Library; article: SavedArticle } | { kind: 'error'; error: unknown };

/** The saved article as the Reader takes it (the removed-block list is not kept in the library). */
export function toArticle(saved: SavedArticle): Article {
  return {
    kind: 'article',
    url: saved.url,
    title: saved.title,
    byline: saved.byline,
    siteName: saved.siteName,
    lang: saved.lang,
    dir: saved.dir,
    publishedTime: saved.publishedTime,
    excerpt: saved.excerpt,
    leadImage: saved.leadImage,
    contentHtml: saved.contentHtml,
    text: saved.text,
    wordCount: saved.wordCount,
    readingMinutes: saved.readingMinutes,
    removed: [],
  };
}

export function SavedArticleView({ library, id, locales = [] }: SavedArticleViewProps) {
  const [data, setData] = useState<Data>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (id === null) {
      setData({
        kind: 'error',
        error: new LibraryError('not-found', undefined, 'No saved article was named in this address.'),
      });
      return;
    }
    let current = true;
    library
      .then(async (l) => ({ library: l, article: await l.get(id) }))
      .then((r) => current && setData({ kind: 'ready', ...r }))
      .catch((error: unknown) => current && setData({ kind: 'error', error }));
    return () => {
      current = false;
    };
  }, [library, id, attempt]);

  const ready = data.kind === 'ready' ? data : null;
  useReadingPosition(ready?.library ?? null, ready?.article ?? null);
  // Pictures kept for offline reading (the offline-images setting) replace their web addresses.
  const keptImagesRoot = useKeptImages(ready?.library ?? null, ready?.article.id ?? null);
  useEffect(() => {
    document.title = ready ? `${ready.article.title} · Clean Reader` : 'Clean Reader';
  }, [ready?.article.title]);

  const update = async (changes: { favourite?: boolean; state?: 'unread' | 'archived' }) => {
    if (!ready) return;
    try {
      const item = await ready.library.update(ready.article.id, changes);
      setData({ ...ready, article: { ...ready.article, ...item } });
    } catch (error) {
      setData({ kind: 'error', error });
    }
  };

  return (
    <div
      class="app saved-reader"
      data-testid="saved-reader"
      data-state={data.kind === 'ready' ? (data.article.downloaded ? 'article' : 'link') : data.kind}
    >
      <header class="toolbar" lang="en">
        <a class="brand brand-link" href={libraryPath()}>
          <LibraryIcon />
          <span class="brand-name">Library</span>
        </a>
        {ready && (
          <nav class="toolbar-actions" aria-label="Article actions">
            <button
              type="button"
              class="button button-quiet"
              aria-pressed={ready.article.favourite}
              data-testid="reader-favourite"
              onClick={() => void update({ favourite: !ready.article.favourite })}
            >
              <StarIcon filled={ready.article.favourite} />
              <span>Favourite</span>
            </button>
            <button
              type="button"
              class="button button-quiet"
              aria-pressed={ready.article.state === 'archived'}
              data-testid="reader-archive"
              onClick={() => void update({ state: ready.article.state === 'archived' ? 'unread' : 'archived' })}
            >
              <ArchiveIcon />
              <span>{ready.article.state === 'archived' ? 'Archived' : 'Archive'}</span>
            </button>
            <a class="button button-quiet" href={ready.article.url} target="_blank" rel="noopener noreferrer">
              Original page
            </a>
          </nav>
        )}
      </header>
      <main class="content" ref={keptImagesRoot}>
        {data.kind === 'loading' && <LoadingState label="Opening the saved article…" />}
        {data.kind === 'error' && <SavedArticleError error={data.error} onRetry={() => setAttempt((n) => n + 1)} />}
        {ready && ready.article.downloaded && <Reader article={toArticle(ready.article)} browserLocales={locales} />}
        {ready && !ready.article.downloaded && <LinkOnly article={ready.article} />}
      </main>
    </div>
  );
}

function SavedArticleError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const code = error instanceof LibraryError ? error.code : 'unknown';
  const title =
    code === 'not-found'
      ? 'This article is not in your library'
      : code === 'corrupt'
        ? 'This saved article is damaged'
        : 'The article could not be opened';
  return (
    <StatusPanel
      testId="saved-error"
      tone="error"
      icon={<AlertIcon />}
      title={title}
      actions={
        <>
          <a class="button button-primary" href={libraryPath()}>
            Back to the library
          </a>
          {code !== 'not-found' && code !== 'corrupt' && (
            <button type="button" class="button" onClick={onRetry}>
              Try again
            </button>
          )}
        </>
      }
    >
      <p>{error instanceof Error ? error.message : String(error)}</p>
    </StatusPanel>
  );
}

function LinkOnly({ article }: { article: SavedArticle }) {
  return (
    <StatusPanel
      testId="saved-link-only"
      tone="neutral"
      icon={<LibraryIcon />}
      title={article.title}
      actions={
        <a
          class="button button-primary"
          href={article.url}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="open-link"
        >
          Open the page
        </a>
      }
    >
      <p>This link was saved without its page, so there is nothing to read offline yet.</p>
      <p>
        Open the page, then click Clean Reader in the toolbar and choose Save: the article takes this link’s place in
        your library.
      </p>
    </StatusPanel>
  );
}
