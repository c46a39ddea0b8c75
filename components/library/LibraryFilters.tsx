/** Which part of the library is shown: all, unread, archived, favourites or the trash; and a tag. */
import type { ReadState } from '@/lib/library';
import { t, type MessageKey } from '@/utils/i18n';

export type LibraryView = 'all' | ReadState | 'favourites' | 'trash';

export const VIEWS: { view: LibraryView; label: MessageKey }[] = [
  { view: 'all', label: 'viewAll' },
  { view: 'unread', label: 'viewUnread' },
  { view: 'archived', label: 'viewArchived' },
  { view: 'favourites', label: 'viewFavourites' },
  { view: 'trash', label: 'viewTrash' },
];

export interface LibraryFiltersProps {
  view: LibraryView;
  onView: (view: LibraryView) => void;
  tags: readonly string[];
  tag: string | null;
  onTag: (tag: string | null) => void;
}

export function LibraryFilters({ view, onView, tags, tag, onTag }: LibraryFiltersProps) {
  return (
    <div class="library-filters">
      <div class="view-switch" role="group" aria-label={t('viewShow')}>
        {VIEWS.map(({ view: v, label }) => (
          <button
            key={v}
            type="button"
            class="view-button"
            aria-pressed={view === v}
            data-testid={`view-${v}`}
            onClick={() => onView(v)}
          >
            {t(label)}
          </button>
        ))}
      </div>
      {view !== 'trash' && tags.length > 0 && (
        <label class="tag-filter">
          <span>{t('tagFilter')}</span>
          <select
            data-testid="tag-filter"
            value={tag ?? ''}
            onChange={(event) => onTag(event.currentTarget.value || null)}
          >
            <option value="">{t('tagFilterAny')}</option>
            {tags.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
