import type { Article } from '../extract/types';

/** Whether the user has finished with an article. Favourite is a separate flag, not a state. */
export type ReadState = 'unread' | 'archived';

/** Where the user stopped reading, as a fraction of the article's height (0 = top, 1 = end). */
export interface ReadingPosition {
  progress: number;
  /** When the position was recorded (ms since epoch). */
  updatedAt: number;
}

/**
 * A passage the user highlighted, kept with its article: imported from Pocket (annotations), Omnivore
 * (highlights/<slug>.md) or Instapaper (the text selected when saving). Highlights are the same when
 * their quoted text is, ignoring white space.
 */
export interface Highlight {
  /** The highlighted text, as quoted. */
  quote: string;
  /** ISO 8601, or null when the source did not say. */
  createdAt: string | null;
  /** The user's note on this passage, if any. */
  note: string | null;
}

/** The article metadata the extractor gives us, which the library keeps as it was extracted. */
export type ArticleMeta = Pick<
  Article,
  | 'title'
  | 'byline'
  | 'siteName'
  | 'lang'
  | 'dir'
  | 'publishedTime'
  | 'excerpt'
  | 'leadImage'
  | 'wordCount'
  | 'readingMinutes'
>;

/** One saved article as lists show it: everything but the body. */
export interface LibraryItem extends ArticleMeta {
  id: number;
  /** The URL as it was saved (what "open original" opens). */
  url: string;
  /** The duplicate key: see `normalizeUrl`. Saving a second URL with the same key updates this item. */
  normalizedUrl: string;
  savedAt: number;
  updatedAt: number;
  state: ReadState;
  favourite: boolean;
  tags: string[];
  readingPosition: ReadingPosition | null;
  /** False for a link saved without visiting it: no body yet, only its URL and link text. */
  downloaded: boolean;
  /** Passages the user highlighted, oldest first as imported. Kept when the article is saved again. */
  highlights: Highlight[];
  /** The user's note on the whole article, or null. Kept when the article is saved again. */
  note: string | null;
}

/** A saved article with its body, as the reader shows it. */
export interface SavedArticle extends LibraryItem {
  /** Sanitised by lib/extract when it was extracted; the reader sanitises again when it renders. */
  contentHtml: string;
  text: string;
}

/** A deleted item waiting in the trash. */
export interface TrashedItem extends LibraryItem {
  deletedAt: number;
}

/** What a list or a search could not read, so the page can say so instead of failing. */
export interface SkippedRecord {
  id: unknown;
  reason: string;
  /**
   * 'index': a row of the search index, not an article: no saved item is hidden, the index is rebuilt
   * from the articles and searches may miss matches until then. Absent: a saved item left out.
   */
  kind?: 'index';
}

export interface ListFilter {
  /** Default 'all'. */
  state?: ReadState | 'all';
  /** Only favourites when true. Default false (everything). */
  favourite?: boolean;
  /** Only items carrying this tag. */
  tag?: string | null;
}

export interface ListOptions extends ListFilter {
  /** Items to skip (for "show more"). Default 0. */
  offset?: number;
  /** Page size. Default `PAGE_SIZE`. */
  limit?: number;
}

export interface ListPage {
  items: LibraryItem[];
  /** How many items match the filter in all. */
  total: number;
  /** Records that failed validation and were left out of `items`. */
  skipped: SkippedRecord[];
}

export interface SearchOptions extends ListFilter {
  /** Maximum results. Default `SEARCH_PAGE_SIZE`. */
  limit?: number;
  /**
   * Hits already shown, for "show more": continues the last search of the same query and filters
   * without ranking again, when nothing was written since. Otherwise the search starts over and its
   * result says so (`offset` 0). Default 0.
   */
  offset?: number;
  /** When given, filled with milliseconds per phase and counts (the benchmark reads it). */
  timings?: Record<string, number>;
}

export interface SearchHit {
  item: LibraryItem;
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** How many items matched before `limit`. */
  total: number;
  skipped: SkippedRecord[];
  /**
   * Where `hits` start in the ranking: the `offset` asked for when the last search was continued, or 0
   * when it could not be (something was written since): then `hits` are the first `offset + limit` of
   * a new ranking, to replace the results shown rather than be appended to them.
   */
  offset: number;
}

/** Editable fields of an item. */
export interface ItemChanges {
  state?: ReadState;
  favourite?: boolean;
  tags?: string[];
  /** The article's note; null or blank text removes it. */
  note?: string | null;
  /** Replaces the article's highlights (blank quotes are dropped, repeated quotes kept once). */
  highlights?: Highlight[];
}

/** A link saved without visiting it. */
export interface LinkToSave {
  url: string;
  /** The link's text, when the browser gives it; the URL stands in otherwise. */
  title?: string | null;
}

export interface StorageUse {
  usage: number;
  quota: number;
}
