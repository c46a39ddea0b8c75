/** Which part of the library is shown: all, unread, archived, favourites or the trash; and a tag. */
import type { ReadState } from '@/lib/library';

export type LibraryView = 'all' | ReadState | 'favourites' | 'trash';

export const VIEWS: { view: LibraryView; label: string }[] = [
  { view: 'all', label: 'All' },
  { view: 'unread', label: 'Unread' },
  { view: 'archived', label: 'Archived' },
  { view: 'favourites', label: 'Favourites' },
  { view: 'trash', label: 'Trash' },
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
      <div class="view-switch" role="group" aria-label="Show">
        {VIEWS.map(({ view: v, label }) => (
          <button
            key={v}
            type="button"
            class="view-button"
            aria-pressed={view === v}
            data-testid={`view-${v}`}
            onClick={() => onView(v)}
          >
            {label}
          </button>
        ))}
      </div>
      {view !== 'trash' && tags.length > 0 && (
        <label class="tag-filter">
          <span>Tag</span>
          <select
            data-testid="tag-filter"
            value={tag ?? ''}
            onChange={(event) => onTag(event.currentTarget.value || null)}
          >
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
