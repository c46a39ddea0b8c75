/** The library's non-list states: empty (or nothing found) and failed. */
import { LibraryError } from '@/lib/library';
import { t } from '@/utils/i18n';
import { AlertIcon } from '../icons';
import { StatusPanel } from '../StatusPanel';
import { LibraryIcon } from './library-icons';
import { libraryErrorText } from './library-text';

export function LibraryEmptyState({ query, filtered }: { query: string; filtered: boolean }) {
  if (query) {
    return (
      <StatusPanel testId="library-no-results" tone="neutral" title={t('emptyNoResults', query)}>
        <p>{t('emptyNoResultsHelp')}</p>
      </StatusPanel>
    );
  }
  if (filtered) {
    return (
      <StatusPanel testId="library-empty-filter" tone="neutral" title={t('emptyFilterTitle')}>
        <p>{t('emptyFilter')}</p>
      </StatusPanel>
    );
  }
  return (
    <StatusPanel testId="library-empty" tone="neutral" icon={<LibraryIcon />} title={t('emptyTitle')}>
      <p>{t('emptyHelp')}</p>
      <p>{t('emptyImport')}</p>
    </StatusPanel>
  );
}

export function LibraryErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof LibraryError ? libraryErrorText(error) : t('libraryReadFailed');
  return (
    <StatusPanel
      testId="library-error"
      tone="error"
      icon={<AlertIcon />}
      title={t('libraryErrorTitle')}
      actions={
        onRetry && (
          <button type="button" class="button button-primary" onClick={onRetry}>
            {t('tryAgain')}
          </button>
        )
      }
    >
      <p>{message}</p>
      {!(error instanceof LibraryError) && error !== undefined && <p class="status-technical">{String(error)}</p>}
    </StatusPanel>
  );
}
