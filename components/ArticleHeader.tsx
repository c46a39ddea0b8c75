import type { ComponentChildren } from 'preact';
import type { Article } from '@/lib/extract';
import { t } from '@/utils/i18n';
import { PAINT_TIMING_ID } from '@/utils/perf-marks';
import { displayHost, formatPublished, formatReadingTime, UI_DIR, UI_LANG, usableLocales } from './format';

export interface ArticleHeaderProps {
  article: Pick<Article, 'url' | 'title' | 'byline' | 'siteName' | 'lang' | 'publishedTime' | 'readingMinutes'>;
  /** The browser's languages, most preferred first (navigator.languages). */
  browserLocales?: readonly string[];
  /** Set at the end of the meta line (the "blocks removed" toggle). */
  aside?: ComponentChildren;
}

/** Site, title, then byline · date · reading time. Each piece is left out when the page did not give it. */
export function ArticleHeader({ article, browserLocales = [], aside }: ArticleHeaderProps) {
  const host = displayHost(article.url);
  const site = article.siteName ?? host;
  const published = formatPublished(article.publishedTime, usableLocales(article.lang, ...browserLocales));
  return (
    <header class="reader-header">
      {site && (
        <p class="reader-site">
          <a href={article.url} target="_blank" rel="noopener noreferrer" title={t('openOriginal', host ?? site)}>
            {site}
          </a>
        </p>
      )}
      {/* elementtiming: the browser reports when the title was painted (bench:popup's "painted"). */}
      <h1 class="reader-title" data-testid="reader-title" elementtiming={PAINT_TIMING_ID}>
        {article.title}
      </h1>
      <div class="reader-meta-row">
        <p class="reader-meta">
          {article.byline && (
            <span class="reader-byline" data-testid="reader-byline">
              {article.byline}
            </span>
          )}
          {published && (
            <time class="reader-date" dateTime={article.publishedTime ?? undefined} data-testid="reader-date">
              {published}
            </time>
          )}
          {article.readingMinutes >= 0 && (
            <span class="reader-time" lang={UI_LANG} dir={UI_DIR} data-testid="reader-time">
              {formatReadingTime(article.readingMinutes)}
            </span>
          )}
        </p>
        {aside}
      </div>
    </header>
  );
}
