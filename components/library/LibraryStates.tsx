/** The library's non-list states: empty (or nothing found) and failed. */
import { LibraryError } from '@/lib/library';
import { AlertIcon } from '../icons';
import { StatusPanel } from '../StatusPanel';
import { LibraryIcon } from './library-icons';

export function LibraryEmptyState({ query, filtered }: { query: string; filtered: boolean }) {
  if (query) {
    return (
      <StatusPanel testId="library-no-results" tone="neutral" title={`Nothing saved matches “${query}”`}>
        <p>
          Search looks through titles, sites, tags and the full text, and forgives small typos. Try fewer or shorter
          words.
        </p>
      </StatusPanel>
    );
  }
  if (filtered) {
    return (
      <StatusPanel testId="library-empty-filter" tone="neutral" title="Nothing here">
        <p>No saved article matches this filter.</p>
      </StatusPanel>
    );
  }
  return (
    <StatusPanel testId="library-empty" tone="neutral" icon={<LibraryIcon />} title="Your library is empty">
      <p>
        Open an article, click Clean Reader in the toolbar, then <strong>Save</strong>. You can also right-click a page
        or a link and choose “Save page for later” or “Save link for later”. Saved articles read offline.
      </p>
    </StatusPanel>
  );
}

export function LibraryErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message = error instanceof LibraryError ? error.message : 'The library could not be read.';
  return (
    <StatusPanel
      testId="library-error"
      tone="error"
      icon={<AlertIcon />}
      title="The library could not be opened"
      actions={
        onRetry && (
          <button type="button" class="button button-primary" onClick={onRetry}>
            Try again
          </button>
        )
      }
    >
      <p>{message}</p>
      {!(error instanceof LibraryError) && error !== undefined && <p class="status-technical">{String(error)}</p>}
    </StatusPanel>
  );
}
