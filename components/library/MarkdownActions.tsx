/**
 * "Copy as Markdown" and "Download as Markdown" for the article on show, in the reader's toolbar (live
 * page or saved article). Both say what happened in words, which a screen reader announces too; the
 * words go away after a few seconds. They show at the foot of the page, outside the toolbar: the bar is
 * too narrow in the popup and side panel for a sentence, and anything hung below it would sit under the
 * reading bar (the toolbar is its own stacking context).
 */
import { createPortal } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { copyText } from './copy-text';
import { downloadBytes } from './download';
import { CopyIcon, DownloadIcon } from './library-icons';
import { markdownFileName, markdownOf, type MarkdownSource } from './markdown-file';
import './markdown-actions.css';

export interface MarkdownActionsProps {
  article: MarkdownSource;
}

type Status = { kind: 'copied' } | { kind: 'downloaded'; fileName: string } | { kind: 'failed'; message: string };

/** How long a confirmation stays on screen. */
const STATUS_MS = 4000;

export function MarkdownActions({ article }: MarkdownActionsProps) {
  const [status, setStatus] = useState<Status | null>(null);

  useEffect(() => {
    if (!status || status.kind === 'failed') return;
    const timer = setTimeout(() => setStatus(null), STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);
  useEffect(() => setStatus(null), [article.url]);

  const copy = async () => {
    try {
      await copyText(markdownOf(article));
      setStatus({ kind: 'copied' });
    } catch {
      setStatus({ kind: 'failed', message: t('markdownCopyFailed') });
    }
  };

  const download = () => {
    const fileName = markdownFileName(article.title || article.url);
    downloadBytes(markdownOf(article), fileName, 'text/markdown;charset=utf-8');
    setStatus({ kind: 'downloaded', fileName });
  };

  return (
    <span class="markdown-actions">
      <button
        type="button"
        class="button button-quiet button-icon"
        data-testid="copy-markdown"
        aria-label={t('markdownCopy')}
        title={t('markdownCopy')}
        onClick={() => void copy()}
      >
        <CopyIcon />
      </button>
      <button
        type="button"
        class="button button-quiet button-icon"
        data-testid="download-markdown"
        aria-label={t('markdownDownload')}
        title={t('markdownDownload')}
        onClick={download}
      >
        <DownloadIcon />
      </button>
      {createPortal(
        <div
          class={status?.kind === 'failed' ? 'markdown-status is-error' : 'markdown-status'}
          role="status"
          lang={t('lang')}
          data-testid="markdown-status"
          data-state={status?.kind ?? 'idle'}
        >
          {status?.kind === 'copied' && t('markdownCopied')}
          {status?.kind === 'downloaded' && t('markdownDownloaded', status.fileName)}
          {status?.kind === 'failed' && status.message}
        </div>,
        document.body,
      )}
    </span>
  );
}
