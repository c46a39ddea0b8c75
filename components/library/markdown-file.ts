/**
 * The open article as a Markdown file: lib/transfer's `articleToMarkdown` (the same conversion as the
 * export's markdown/ folder) and a file name made from the title in any script.
 */
import type { Article } from '@/lib/extract';
import type { SavedArticle } from '@/lib/library';
import { articleToMarkdown } from '@/lib/transfer';

/** A live article from the page, or a saved one (which adds its saved date, tags, note and highlights). */
export type MarkdownSource = Pick<Article, 'title' | 'url' | 'contentHtml' | 'byline' | 'siteName' | 'publishedTime'> &
  Partial<Pick<SavedArticle, 'savedAt' | 'tags' | 'note' | 'highlights'>>;

export function markdownOf(article: MarkdownSource): string {
  return articleToMarkdown({
    title: article.title,
    url: article.url,
    contentHtml: article.contentHtml,
    byline: article.byline,
    siteName: article.siteName,
    publishedTime: article.publishedTime,
    savedAt: article.savedAt !== undefined ? new Date(article.savedAt).toISOString() : null,
    tags: article.tags,
    note: article.note,
    highlights: article.highlights,
  });
}

/** "Night trains are back" -> "Night-trains-are-back.md"; letters of every script are kept. */
export function markdownFileName(title: string): string {
  const stem = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${stem || 'article'}.md`;
}
