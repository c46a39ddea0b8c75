/**
 * One saved article in the list: title (opens the reader), site, excerpt, reading time, saved date and
 * state, then its actions. Every action is a real button, so the row works from the keyboard.
 */
import { useState } from 'preact/hooks';
import type { ItemChanges, LibraryItem } from '@/lib/library';
import { savedArticlePath } from '@/utils/library';
import { TagEditor } from './TagEditor';
import { ArchiveIcon, StarIcon, TagIcon, TrashIcon } from './library-icons';
import { formatSavedDate, readingTimeOf, siteOf } from './library-format';

export interface LibraryItemRowProps {
  item: LibraryItem;
  locales?: readonly string[];
  onChange: (item: LibraryItem, changes: ItemChanges) => void;
  onDelete: (item: LibraryItem) => void;
  /** Filters the list by a tag the user clicked. */
  onTag: (tag: string) => void;
}

export function LibraryItemRow({ item, locales = [], onChange, onDelete, onTag }: LibraryItemRowProps) {
  const [editingTags, setEditingTags] = useState(false);
  const site = siteOf(item);
  const readingTime = readingTimeOf(item);
  const titleId = `item-title-${item.id}`;
  const archived = item.state === 'archived';
  return (
    <li
      class={`library-item${archived ? ' is-archived' : ''}`}
      data-testid="library-item"
      data-id={item.id}
      aria-labelledby={titleId}
    >
      <div class="item-main">
        <a class="item-title" id={titleId} href={savedArticlePath(item.id)} lang={item.lang ?? undefined} dir="auto">
          {item.title}
        </a>
        <p class="item-meta">
          {site && <span class="item-site">{site}</span>}
          {readingTime && <span>{readingTime}</span>}
          <span>
            Saved <time dateTime={new Date(item.savedAt).toISOString()}>{formatSavedDate(item.savedAt, locales)}</time>
          </span>
          {archived ? (
            <span class="item-badge">Archived</span>
          ) : (
            <span class="item-badge item-badge-unread">Unread</span>
          )}
          {item.favourite && <span class="item-badge item-badge-favourite">Favourite</span>}
          {!item.downloaded && (
            <span class="item-badge item-badge-link" title="Saved as a link: the page is fetched when you open it">
              Link only
            </span>
          )}
          {item.readingPosition && item.readingPosition.progress > 0.02 && (
            <span class="item-progress">{Math.round(item.readingPosition.progress * 100)}% read</span>
          )}
        </p>
        {item.excerpt && (
          <p class="item-excerpt" lang={item.lang ?? undefined} dir="auto">
            {item.excerpt}
          </p>
        )}
        {item.tags.length > 0 && !editingTags && (
          <ul class="item-tags" aria-label="Tags">
            {item.tags.map((tag) => (
              <li key={tag}>
                <button
                  type="button"
                  class="tag-chip"
                  onClick={() => onTag(tag)}
                  title={`Show everything tagged “${tag}”`}
                >
                  {tag}
                </button>
              </li>
            ))}
          </ul>
        )}
        {editingTags && (
          <TagEditor
            tags={item.tags}
            label={`Tags for “${item.title}”`}
            onSave={(tags) => {
              setEditingTags(false);
              onChange(item, { tags });
            }}
            onCancel={() => setEditingTags(false)}
          />
        )}
      </div>
      <div class="item-actions" role="group" aria-label={`Actions for “${item.title}”`}>
        <button
          type="button"
          class="icon-button"
          aria-pressed={item.favourite}
          aria-label={item.favourite ? 'Remove from favourites' : 'Add to favourites'}
          title={item.favourite ? 'Remove from favourites' : 'Add to favourites'}
          data-testid="item-favourite"
          onClick={() => onChange(item, { favourite: !item.favourite })}
        >
          <StarIcon filled={item.favourite} />
        </button>
        <button
          type="button"
          class="icon-button"
          aria-label={archived ? 'Move back to unread' : 'Archive'}
          title={archived ? 'Move back to unread' : 'Archive'}
          data-testid="item-archive"
          onClick={() => onChange(item, { state: archived ? 'unread' : 'archived' })}
        >
          <ArchiveIcon />
        </button>
        <button
          type="button"
          class="icon-button"
          aria-label="Edit tags"
          title="Edit tags"
          aria-expanded={editingTags}
          data-testid="item-tags"
          onClick={() => setEditingTags((v) => !v)}
        >
          <TagIcon />
        </button>
        <button
          type="button"
          class="icon-button icon-button-danger"
          aria-label="Delete"
          title="Delete (you can undo)"
          data-testid="item-delete"
          onClick={() => onDelete(item)}
        >
          <TrashIcon />
        </button>
      </div>
    </li>
  );
}
