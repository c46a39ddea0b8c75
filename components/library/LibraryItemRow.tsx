/**
 * One saved article in the list: title (opens the reader), site, excerpt, reading time, saved date and
 * state, then its actions. Every action is a real button, so the row works from the keyboard.
 */
import { useState } from 'preact/hooks';
import type { ItemChanges, LibraryItem } from '@/lib/library';
import { savedArticlePath } from '@/utils/library';
import { TagEditor } from './TagEditor';
import { ArchiveIcon, StarIcon, TagIcon, TrashIcon } from './library-icons';
import { formatPercent, formatSavedDate, readingTimeOf, siteOf } from './library-format';
import { t } from '@/utils/i18n';

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
          <time dateTime={new Date(item.savedAt).toISOString()}>
            {t('itemSaved', formatSavedDate(item.savedAt, locales))}
          </time>
          {archived ? (
            <span class="item-badge">{t('itemArchived')}</span>
          ) : (
            <span class="item-badge item-badge-unread">{t('itemUnread')}</span>
          )}
          {item.favourite && <span class="item-badge item-badge-favourite">{t('itemFavourite')}</span>}
          {!item.downloaded && (
            <span class="item-badge item-badge-link" title={t('itemLinkOnlyTitle')}>
              {t('itemLinkOnly')}
            </span>
          )}
          {item.readingPosition && item.readingPosition.progress > 0.02 && (
            <span class="item-progress">{t('itemProgress', formatPercent(item.readingPosition.progress))}</span>
          )}
        </p>
        {item.excerpt && (
          <p class="item-excerpt" lang={item.lang ?? undefined} dir="auto">
            {item.excerpt}
          </p>
        )}
        {item.tags.length > 0 && !editingTags && (
          <ul class="item-tags" aria-label={t('itemTags')}>
            {item.tags.map((tag) => (
              <li key={tag}>
                <button
                  type="button"
                  class="tag-chip"
                  onClick={() => onTag(tag)}
                  title={t('itemTagShow', tag)}
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
            label={t('itemTagsFor', item.title)}
            onSave={(tags) => {
              setEditingTags(false);
              onChange(item, { tags });
            }}
            onCancel={() => setEditingTags(false)}
          />
        )}
      </div>
      <div class="item-actions" role="group" aria-label={t('itemActionsFor', item.title)}>
        <button
          type="button"
          class="icon-button"
          aria-pressed={item.favourite}
          aria-label={t(item.favourite ? 'itemFavouriteRemove' : 'itemFavouriteAdd')}
          title={t(item.favourite ? 'itemFavouriteRemove' : 'itemFavouriteAdd')}
          data-testid="item-favourite"
          onClick={() => onChange(item, { favourite: !item.favourite })}
        >
          <StarIcon filled={item.favourite} />
        </button>
        <button
          type="button"
          class="icon-button"
          aria-label={t(archived ? 'itemUnarchive' : 'itemArchive')}
          title={t(archived ? 'itemUnarchive' : 'itemArchive')}
          data-testid="item-archive"
          onClick={() => onChange(item, { state: archived ? 'unread' : 'archived' })}
        >
          <ArchiveIcon />
        </button>
        <button
          type="button"
          class="icon-button"
          aria-label={t('itemEditTags')}
          title={t('itemEditTags')}
          aria-expanded={editingTags}
          data-testid="item-tags"
          onClick={() => setEditingTags((v) => !v)}
        >
          <TagIcon />
        </button>
        <button
          type="button"
          class="icon-button icon-button-danger"
          aria-label={t('itemDelete')}
          title={t('itemDeleteTitle')}
          data-testid="item-delete"
          onClick={() => onDelete(item)}
        >
          <TrashIcon />
        </button>
      </div>
    </li>
  );
}
