/** The trash: deleted items for 30 days, each restorable or deletable for good. */
import { useEffect, useState } from 'preact/hooks';
import { TRASH_DAYS, type Library, type SkippedRecord, type TrashedItem } from '@/lib/library';
import { LoadingState } from '../LoadingState';
import { LibraryErrorState } from './LibraryStates';
import { SkippedNotice } from './SkippedNotice';
import { formatSavedDate, siteOf } from './library-format';
import { libraryErrorText } from './library-text';
import { t, uiLang } from '@/utils/i18n';

export interface TrashViewProps {
  library: Library;
  locales?: readonly string[];
  /** Bumped by the page when the library changed elsewhere. */
  version: number;
  onMessage: (message: string, tone?: 'info' | 'error') => void;
}

type Data =
  | { kind: 'loading' }
  | { kind: 'ready'; items: TrashedItem[]; skipped: SkippedRecord[] }
  | { kind: 'error'; error: unknown };

export function TrashView({ library, locales = [], version, onMessage }: TrashViewProps) {
  const [data, setData] = useState<Data>({ kind: 'loading' });
  const [reload, setReload] = useState(0);
  useEffect(() => {
    let current = true;
    library
      .trash()
      .then((r) => current && setData({ kind: 'ready', ...r }))
      .catch((error: unknown) => current && setData({ kind: 'error', error }));
    return () => {
      current = false;
    };
  }, [library, version, reload]);

  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      onMessage(done);
    } catch (error) {
      onMessage(libraryErrorText(error), 'error');
    }
    setReload((n) => n + 1);
  };

  if (data.kind === 'loading') return <LoadingState label={t('trashOpening')} />;
  if (data.kind === 'error') return <LibraryErrorState error={data.error} onRetry={() => setReload((n) => n + 1)} />;
  return (
    <section class="trash" aria-labelledby="trash-heading" data-testid="trash">
      <div class="trash-head">
        <h2 id="trash-heading" class="section-title">
          {t('trashTitle')}
        </h2>
        <p class="trash-note">{t('trashNote', new Intl.NumberFormat(uiLang()).format(TRASH_DAYS))}</p>
        {data.items.length > 0 && (
          <button
            type="button"
            class="button button-small"
            data-testid="empty-trash"
            onClick={() => void act(() => library.emptyTrash(), t('trashEmptied'))}
          >
            {t('trashEmptyButton')}
          </button>
        )}
      </div>
      <SkippedNotice skipped={data.skipped} />
      {data.items.length === 0 ? (
        <p class="empty-note" data-testid="trash-empty">
          {t('trashEmptied')}
        </p>
      ) : (
        <ul class="library-list" aria-label={t('trashList')}>
          {data.items.map((item) => (
            <li key={item.id} class="library-item is-trashed" data-testid="trash-item">
              <div class="item-main">
                <span class="item-title" dir="auto">
                  {item.title}
                </span>
                <p class="item-meta">
                  {siteOf(item) && <span class="item-site">{siteOf(item)}</span>}
                  <span>{t('trashDeleted', formatSavedDate(item.deletedAt, locales))}</span>
                </p>
              </div>
              <div class="item-actions" role="group" aria-label={t('itemActionsFor', item.title)}>
                <button
                  type="button"
                  class="button button-small"
                  data-testid="restore"
                  onClick={() => void act(() => library.restore(item.id), t('toastRestored', item.title))}
                >
                  {t('trashRestore')}
                </button>
                <button
                  type="button"
                  class="button button-small button-quiet"
                  onClick={() => void act(() => library.purgeTrash([item.id]), t('toastDeletedForGood', item.title))}
                >
                  {t('trashDeleteForGood')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
