/** The list of saved articles, newest first (or best match first for a search). */
import type { ItemChanges, LibraryItem } from '@/lib/library';
import { LibraryItemRow } from './LibraryItemRow';

export interface LibraryListProps {
  items: readonly LibraryItem[];
  locales?: readonly string[];
  label: string;
  onChange: (item: LibraryItem, changes: ItemChanges) => void;
  onDelete: (item: LibraryItem) => void;
  onTag: (tag: string) => void;
}

export function LibraryList({ items, locales, label, onChange, onDelete, onTag }: LibraryListProps) {
  return (
    <ul class="library-list" aria-label={label} data-testid="library-list">
      {items.map((item) => (
        <LibraryItemRow
          key={item.id}
          item={item}
          locales={locales}
          onChange={onChange}
          onDelete={onDelete}
          onTag={onTag}
        />
      ))}
    </ul>
  );
}
