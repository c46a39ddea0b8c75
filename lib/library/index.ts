/**
 * The saved-article library: IndexedDB through Dexie, full-text search, trash. Pages and the background
 * use `Library`; nothing outside this folder touches the database.
 */
export { Library, TRASH_DAYS, type LibraryOptions } from './library';
export { LibraryError, type LibraryErrorCode } from './errors';
export { subscribe as subscribeToChanges, type LibraryChange, type ChangeKind } from './changes';
export { PAGE_SIZE, SEARCH_PAGE_SIZE } from './list';
export { DB_NAME } from './schema';
export { estimateStorage, formatBytes } from './storage';
export { throttle, type Throttled } from './throttle';
export { normalizeUrl, titleFromUrl } from './url';
export { cleanTags } from './rows';
export { MAX_IMAGE_BYTES, type FetchLike, type ImageDownload } from './images';
export type { ImportedArticle, ImportedUpdate } from './import';
export type * from './types';
