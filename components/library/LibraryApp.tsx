/**
 * The library page: search, filters, the list of saved articles (or the trash), storage used, and the
 * toast that carries "Undo". It reads through `Library` only, and re-reads when any page changes the
 * library (a save from the context menu shows up here at once).
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  estimateStorage,
  PAGE_SIZE,
  SEARCH_PAGE_SIZE,
  type ItemChanges,
  type Library,
  type LibraryItem,
  type ListFilter,
  type SkippedRecord,
  type StorageUse as Use,
} from '@/lib/library';
import { LoadingState } from '../LoadingState';
import { LibraryFilters, type LibraryView } from './LibraryFilters';
import { LibraryList } from './LibraryList';
import { LibraryEmptyState, LibraryErrorState } from './LibraryStates';
import { SearchBox } from './SearchBox';
import { SkippedNotice } from './SkippedNotice';
import { StorageUse } from './StorageUse';
import { TrashView } from './TrashView';
import { isEditable, UndoToast, type Toast } from './UndoToast';
import { LibraryIcon } from './library-icons';
import { libraryErrorText } from './library-text';
import { plural, t } from '@/utils/i18n';

export interface LibraryAppProps {
  library: Library;
  /** The browser's languages, for dates. */
  locales?: readonly string[];
  /** A search to start with (`library.html?q=`). */
  initialQuery?: string;
  /** How long typing pauses before the search runs. */
  searchDelayMs?: number;
  /** More controls for the header (import and export). */
  actions?: ComponentChildren;
}

type Data =
  | { kind: 'loading' }
  | { kind: 'ready'; items: LibraryItem[]; total: number; skipped: SkippedRecord[] }
  | { kind: 'error'; error: unknown };

function filterOf(view: LibraryView, tag: string | null): ListFilter {
  return {
    state: view === 'unread' || view === 'archived' ? view : 'all',
    favourite: view === 'favourites',
    tag,
  };
}

/** Which search results are shown: the list read after a change keeps as many of the same search. */
function searchKey(query: string, filter: ListFilter): string {
  return JSON.stringify([query, filter]);
}

export function LibraryApp({
  library,
  locales = [],
  initialQuery = '',
  searchDelayMs = 150,
  actions,
}: LibraryAppProps) {
  const [view, setView] = useState<LibraryView>('all');
  const [tag, setTag] = useState<string | null>(null);
  const [input, setInput] = useState(initialQuery);
  const [query, setQuery] = useState(initialQuery.trim());
  // Pages of the plain list shown; "Show more" there reads the list again, one page longer.
  const [pages, setPages] = useState(1);
  const [data, setData] = useState<Data>({ kind: 'loading' });
  const [version, setVersion] = useState(0);
  const [tags, setTags] = useState<string[]>([]);
  const [storage, setStorage] = useState<Use | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const toastIds = useRef(0);
  // The search results shown (query and filters, how many): a refresh after a change keeps as many.
  const shown = useRef({ key: '', count: 0 });
  // Bumped by every read that replaces the list, so a "Show more" answered after it is not appended.
  const reads = useRef(0);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const show = useCallback((message: string, tone: Toast['tone'] = 'info', undo?: () => void) => {
    setToast({ id: ++toastIds.current, message, tone, undo });
  }, []);
  const dismiss = useCallback(() => setToast(null), []);

  // Typing settles before searching; clearing the box shows the list at once.
  useEffect(() => {
    const next = input.trim();
    if (!next) {
      setQuery('');
      return;
    }
    const timer = setTimeout(() => setQuery(next), searchDelayMs);
    return () => clearTimeout(timer);
  }, [input, searchDelayMs]);

  useEffect(() => setPages(1), [view, tag, query]);
  // Search results do not depend on the list's pages: "Show more" appends them (see `showMoreResults`).
  const listLimit = query ? 0 : pages * PAGE_SIZE;

  useEffect(() => library.onChange(refresh), [library, refresh]);

  useEffect(() => {
    if (view === 'trash') return;
    let current = true;
    const read = ++reads.current;
    const filter = filterOf(view, tag);
    const key = searchKey(query, filter);
    const page = query
      ? library
          .search(query, {
            ...filter,
            limit: Math.max(SEARCH_PAGE_SIZE, shown.current.key === key ? shown.current.count : 0),
          })
          .then((r) => {
            if (current) shown.current = { key, count: r.hits.length };
            return { items: r.hits.map((h) => h.item), total: r.total, skipped: r.skipped };
          })
      : library.list({ ...filter, limit: listLimit });
    page
      .then((p) => {
        if (!current) return;
        reads.current = read + 1;
        setData({ kind: 'ready', ...p });
      })
      .catch((error: unknown) => current && setData({ kind: 'error', error }));
    return () => {
      current = false;
    };
  }, [library, view, tag, query, listLimit, version]);

  // The next results of a search: only their rows are read, appended to those shown. When the library
  // changed since, the search starts over (`offset` 0) and its results replace the list.
  const showMoreResults = async (from: number) => {
    const read = reads.current;
    const filter = filterOf(view, tag);
    const key = searchKey(query, filter);
    setLoadingMore(true);
    try {
      const r = await library.search(query, { ...filter, limit: SEARCH_PAGE_SIZE, offset: from });
      if (reads.current !== read) return;
      const more = r.hits.map((h) => h.item);
      setData((prev) => {
        const items = r.offset > 0 && prev.kind === 'ready' ? [...prev.items, ...more] : more;
        const skipped = r.offset > 0 && prev.kind === 'ready' ? [...prev.skipped, ...r.skipped] : r.skipped;
        shown.current = { key, count: items.length };
        return { kind: 'ready', items, total: r.total, skipped };
      });
    } catch (error) {
      show(libraryErrorText(error), 'error');
    } finally {
      setLoadingMore(false);
    }
  };

  useEffect(() => {
    let current = true;
    library
      .tags()
      .then((t) => current && setTags(t))
      .catch(() => undefined);
    void estimateStorage().then((use) => current && setStorage(use));
    return () => {
      current = false;
    };
  }, [library, version]);

  // "/" focuses the search from anywhere but a text field.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.target)) {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const change = async (item: LibraryItem, changes: ItemChanges) => {
    try {
      await library.update(item.id, changes);
      if (changes.state) {
        const undo = async () => {
          setToast(null);
          await library
            .update(item.id, { state: item.state })
            .catch((e: unknown) => show(libraryErrorText(e), 'error'));
          refresh();
        };
        show(
          t(changes.state === 'archived' ? 'toastArchived' : 'toastUnarchived', item.title),
          'info',
          () => void undo(),
        );
      }
    } catch (error) {
      show(libraryErrorText(error), 'error');
    }
    refresh();
  };

  const remove = async (item: LibraryItem) => {
    try {
      await library.remove(item.id);
      const undo = async () => {
        setToast(null);
        try {
          await library.restore(item.id);
          show(t('toastRestored', item.title));
        } catch (error) {
          show(libraryErrorText(error), 'error');
        }
        refresh();
      };
      show(t('toastDeleted', item.title), 'info', () => void undo());
    } catch (error) {
      show(libraryErrorText(error), 'error');
    }
    refresh();
  };

  const filtered = view !== 'all' || tag !== null;
  return (
    <div class="library-app" data-testid="library-app" data-state={view === 'trash' ? 'trash' : data.kind}>
      <header class="library-header">
        <h1 class="library-title">
          <LibraryIcon />
          <span>{t('libraryTitle')}</span>
        </h1>
        <SearchBox value={input} onInput={setInput} inputRef={searchRef} />
        <StorageUse use={storage} />
        {actions}
      </header>
      <LibraryFilters
        view={view}
        onView={(v) => {
          setView(v);
          if (v === 'trash') setTag(null);
        }}
        tags={tags}
        tag={tag}
        onTag={setTag}
      />
      <main class="library-main" aria-busy={data.kind === 'loading'}>
        {view === 'trash' ? (
          <TrashView library={library} locales={locales} version={version} onMessage={(m, tone) => show(m, tone)} />
        ) : data.kind === 'loading' ? (
          <LoadingState label={t('libraryOpening')} />
        ) : data.kind === 'error' ? (
          <LibraryErrorState error={data.error} onRetry={refresh} />
        ) : (
          <>
            <SkippedNotice skipped={data.skipped} />
            {data.items.length === 0 ? (
              <LibraryEmptyState query={query} filtered={filtered} />
            ) : (
              <>
                <p class="library-count" data-testid="library-count" aria-live="polite">
                  {query ? plural('libraryResults', data.total, query) : plural('libraryArticles', data.total)}
                </p>
                <LibraryList
                  items={data.items}
                  locales={locales}
                  label={t(query ? 'librarySearchResults' : 'librarySavedArticles')}
                  onChange={(item, changes) => void change(item, changes)}
                  onDelete={(item) => void remove(item)}
                  onTag={setTag}
                />
                {data.items.length < data.total && (
                  <button
                    type="button"
                    class="button show-more"
                    data-testid="show-more"
                    disabled={loadingMore}
                    onClick={() => (query ? void showMoreResults(data.items.length) : setPages((n) => n + 1))}
                  >
                    {t('libraryShowMore')}
                  </button>
                )}
              </>
            )}
          </>
        )}
      </main>
      <UndoToast toast={toast} onDismiss={dismiss} />
    </div>
  );
}
