/**
 * "Save" in the reader's toolbar. On mount it asks the library whether this article is already saved,
 * so the popup shows it at once ("Saved"); a click saves it (again: saving an article already saved
 * updates it). A failure is said in words next to the button, never swallowed.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Article } from '@/lib/extract';
import type { Library, LibraryItem } from '@/lib/library';
import { keepImagesInBackground } from '@/utils/offline-images';
import { t } from '@/utils/i18n';
import { BookmarkIcon } from './library-icons';
import { libraryErrorText } from './library-text';
import './save-button.css';

export interface SaveButtonProps {
  article: Article;
  /** The page's library (`getLibrary()`); a promise, so the button renders before the database opens. */
  library: Promise<Library>;
}

type SaveState =
  | { kind: 'checking' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'saved'; item: LibraryItem; justNow: boolean }
  | { kind: 'error'; message: string };

export function SaveButton({ article, library }: SaveButtonProps) {
  const [state, setState] = useState<SaveState>({ kind: 'checking' });

  useEffect(() => {
    let current = true;
    setState({ kind: 'checking' });
    library
      .then((l) => l.findByUrl(article.url))
      .then((item) => current && setState(item ? { kind: 'saved', item, justNow: false } : { kind: 'unsaved' }))
      // Not knowing must not block saving: offer the button, and report a real failure on click.
      .catch(() => current && setState({ kind: 'unsaved' }));
    return () => {
      current = false;
    };
  }, [article.url, library]);

  const save = async () => {
    setState({ kind: 'saving' });
    try {
      const item = await (await library).save(article);
      setState({ kind: 'saved', item, justNow: true });
      // With the offline-images setting on, the background keeps its pictures (it outlives a popup).
      keepImagesInBackground(item.id);
    } catch (error) {
      setState({ kind: 'error', message: libraryErrorText(error) });
    }
  };

  const saved = state.kind === 'saved';
  const label = t(state.kind === 'saving' ? 'saveSaving' : saved ? 'saveSaved' : 'saveButton');
  return (
    <span class="save-control">
      <button
        type="button"
        class={saved ? 'button button-quiet is-saved' : 'button button-quiet'}
        data-testid="save-button"
        data-state={state.kind}
        aria-pressed={saved}
        disabled={state.kind === 'checking' || state.kind === 'saving'}
        title={t(saved ? 'saveSavedTitle' : 'saveTitle')}
        onClick={() => void save()}
      >
        <BookmarkIcon filled={saved} />
        <span>{label}</span>
      </button>
      <span class="visually-hidden" role="status" aria-live="polite">
        {saved && state.justNow ? t('saveAnnounced') : ''}
      </span>
      {state.kind === 'error' && (
        <span class="save-error" role="alert" data-testid="save-error">
          {state.message}
        </span>
      )}
    </span>
  );
}
