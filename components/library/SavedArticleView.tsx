/**
 * A saved article in the reader (`reader.html?id=ID`), read from IndexedDB, so it works offline. The
 * same Reader component as the popup renders it; the bar above offers the library, the original page,
 * favourite and archive. Where the user stopped reading is restored and kept.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Article } from '@/lib/extract';
import { LibraryError, type Library, type SavedArticle } from '@/lib/library';
import { t } from '@/utils/i18n';
import { libraryPath } from '@/utils/library';
import { useKeptImages } from '@/utils/use-kept-images';
import { AlertIcon } from '../icons';
import { LoadingState } from '../LoadingState';
import { Reader } from '../Reader';
import { StatusPanel } from '../StatusPanel';
import { ArchiveIcon, LibraryIcon, StarIcon } from './library-icons';
import { ArticleNotes } from './ArticleNotes';
import { MarkdownActions } from './MarkdownActions';
import { libraryErrorText } from './library-text';
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
        error: new LibraryError('not-found', undefined, t('savedNoId')),
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
    document.title = ready ? t('pageTitle', ready.article.title) : t('extName');
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

  const saveNote = async (note: string | null) => {
    if (!ready) return;
    const item = await ready.library.update(ready.article.id, { note });
    setData({ ...ready, article: { ...ready.article, ...item } });
  };

  return (
    <div
      class="app saved-reader"
      data-testid="saved-reader"
      data-state={data.kind === 'ready' ? (data.article.downloaded ? 'article' : 'link') : data.kind}
    >
      <header class="toolbar" lang={t('lang')}>
        <a class="brand brand-link" href={libraryPath()}>
          <LibraryIcon />
          <span class="brand-name">{t('libraryTitle')}</span>
        </a>
        {ready && (
          <nav class="toolbar-actions" aria-label={t('articleActions')}>
            <button
              type="button"
              class="button button-quiet"
              aria-pressed={ready.article.favourite}
              data-testid="reader-favourite"
              onClick={() => void update({ favourite: !ready.article.favourite })}
            >
              <StarIcon filled={ready.article.favourite} />
              <span>{t('savedFavourite')}</span>
            </button>
            <button
              type="button"
              class="button button-quiet"
              aria-pressed={ready.article.state === 'archived'}
              data-testid="reader-archive"
              onClick={() => void update({ state: ready.article.state === 'archived' ? 'unread' : 'archived' })}
            >
              <ArchiveIcon />
              <span>{t(ready.article.state === 'archived' ? 'savedArchived' : 'savedArchive')}</span>
            </button>
            <a class="button button-quiet" href={ready.article.url} target="_blank" rel="noopener noreferrer">
              {t('savedOriginal')}
            </a>
            <MarkdownActions article={ready.article} />
          </nav>
        )}
      </header>
      <main class="content" ref={keptImagesRoot}>
        {data.kind === 'loading' && <LoadingState label={t('savedOpening')} />}
        {data.kind === 'error' && <SavedArticleError error={data.error} onRetry={() => setAttempt((n) => n + 1)} />}
        {ready && ready.article.downloaded && <Reader article={toArticle(ready.article)} browserLocales={locales} />}
        {ready && !ready.article.downloaded && <LinkOnly article={ready.article} />}
        {ready && (
          <ArticleNotes
            highlights={ready.article.highlights}
            note={ready.article.note}
            lang={ready.article.lang}
            dir={ready.article.dir}
            onSaveNote={saveNote}
          />
        )}
      </main>
    </div>
  );
}

function SavedArticleError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const code = error instanceof LibraryError ? error.code : 'unknown';
  const title = t(
    code === 'not-found' ? 'savedNotFoundTitle' : code === 'corrupt' ? 'savedCorruptTitle' : 'savedFailedTitle',
  );
  return (
    <StatusPanel
      testId="saved-error"
      tone="error"
      icon={<AlertIcon />}
      title={title}
      actions={
        <>
          <a class="button button-primary" href={libraryPath()}>
            {t('backToLibrary')}
          </a>
          {code !== 'not-found' && code !== 'corrupt' && (
            <button type="button" class="button" onClick={onRetry}>
              {t('tryAgain')}
            </button>
          )}
        </>
      }
    >
      <p>{libraryErrorText(error)}</p>
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
          {t('openLink')}
        </a>
      }
    >
      <p>{t('linkOnlyWhy')}</p>
      <p>{t('linkOnlyHow')}</p>
    </StatusPanel>
  );
}
