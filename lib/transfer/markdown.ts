/**
 * Articles as Markdown, through Turndown: "Copy as Markdown", "Download as Markdown" and the
 * `markdown/` folder of an export. Front matter is YAML whose strings are written as JSON strings
 * (JSON is a subset of YAML 1.2), so any title, in any script, with any quote or colon, stays valid.
 */
import TurndownService from 'turndown';

export interface MarkdownArticle {
  title: string;
  url: string;
  /** Sanitised HTML (`Article.contentHtml`); null or '' for a link not downloaded yet. */
  contentHtml: string | null;
  byline?: string | null;
  siteName?: string | null;
  /** ISO 8601 dates. */
  publishedTime?: string | null;
  savedAt?: string | null;
  tags?: readonly string[];
  /** The user's note on the article. */
  note?: string | null;
  /** The user's highlights. */
  highlights?: readonly { quote: string; createdAt: string | null; note: string | null }[];
}

let service: TurndownService | null = null;
function turndown(): TurndownService {
  if (service) return service;
  service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '_',
    hr: '---',
  });
  // Figures keep their caption as a paragraph under the image.
  service.addRule('figcaption', {
    filter: 'figcaption',
    replacement: (content) => (content.trim() ? `\n\n${content.trim()}\n\n` : ''),
  });
  return service;
}

/** The article body alone, as Markdown. */
export function htmlToMarkdown(html: string): string {
  return html.trim() ? turndown().turndown(html).trim() : '';
}

/**
 * YAML front matter: title, URL, author, site, dates, tags, the user's note and highlights, only those
 * the article has. Highlights are a JSON list (a YAML flow sequence), so no label needs translating.
 */
export function frontMatter(article: MarkdownArticle): string {
  const lines = [
    '---',
    `title: ${JSON.stringify(article.title || article.url)}`,
    `url: ${JSON.stringify(article.url)}`,
  ];
  if (article.byline) lines.push(`author: ${JSON.stringify(article.byline)}`);
  if (article.siteName) lines.push(`site: ${JSON.stringify(article.siteName)}`);
  if (article.publishedTime) lines.push(`published: ${JSON.stringify(article.publishedTime)}`);
  if (article.savedAt) lines.push(`saved: ${JSON.stringify(article.savedAt)}`);
  if (article.tags?.length) lines.push(`tags: [${article.tags.map((t) => JSON.stringify(t)).join(', ')}]`);
  if (article.note) lines.push(`note: ${JSON.stringify(article.note)}`);
  if (article.highlights?.length) {
    const list = article.highlights.map((h) => ({ quote: h.quote, createdAt: h.createdAt, note: h.note }));
    lines.push(`highlights: ${JSON.stringify(list)}`);
  }
  lines.push('---');
  return lines.join('\n');
}

/**
 * The whole article as a Markdown document: front matter, the title as a heading, then the body.
 * A link not downloaded yet gets its front matter and title only.
 */
export function articleToMarkdown(article: MarkdownArticle): string {
  const body = htmlToMarkdown(article.contentHtml ?? '');
  const heading = `# ${(article.title || article.url).replace(/\s+/g, ' ').trim()}`;
  // Readability usually drops the page's own title from the body; when it kept it, do not say it twice.
  const startsWithTitle =
    body
      .split('\n', 1)[0]
      ?.replace(/^#+\s*/, '')
      .trim() === article.title.trim() && /^#/.test(body);
  const parts = [frontMatter(article), startsWithTitle ? '' : heading, body].filter(Boolean);
  return `${parts.join('\n\n')}\n`;
}
