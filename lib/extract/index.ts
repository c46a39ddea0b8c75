export { extractArticle, MIN_ARTICLE_WORDS } from './pipeline';
export { sanitize } from './sanitize';
export { blockText, textStats } from './text';
export type { Article, ExtractOptions, ExtractResult, NotArticle, Removal } from './types';
