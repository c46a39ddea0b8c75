/**
 * The reader view of one article. This is the only place in the extension where HTML from a page
 * reaches the DOM, and it gets there only through `sanitize()`: the article was extracted (and
 * sanitised once) inside the page, a context we do not trust, so it is sanitised again here, in the
 * extension's own origin, right before it is rendered.
 */
import type { ComponentChildren } from 'preact';
// Literata's italic faces serve the article's text only: they come with the reader, not the popup's start.
import '@fontsource-variable/literata/wght-italic.css';
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { Article } from '@/lib/extract';
import { sanitize } from '@/lib/extract/sanitize';
import { ArticleHeader } from './ArticleHeader';
import { RemovedList } from './RemovedList';
import { ReadingTools } from './reading/ReadingTools';
import { RemovedToggle } from './RemovedToggle';
import { usableLocales } from './format';
import { revealRemoved, unplacedRemovals } from './reveal-removed';
import { firstScreen } from './ReaderFirstScreen';
import { MARKS, markPainted } from '@/utils/perf-marks';

export interface ReaderProps {
  article: Article;
  /** Shown above the title (e.g. "this is not an article, shown anyway"). */
  notice?: ComponentChildren;
  /** The browser's languages, for formatting the date when the page's language is unknown. */
  browserLocales?: readonly string[];
  /**
   * Paint the title and the body's first screen first, and the whole body in the frame after (issue 8:
   * the reader sees text sooner; see ReaderFirstScreen). For a live read; a saved article renders whole
   * at once, since it restores a scroll position measured on the whole body.
   */
  progressive?: boolean;
}

const BODY_ID = 'reader-body';

export function Reader({ article, notice, browserLocales, progressive = false }: ReaderProps) {
  const [showRemoved, setShowRemoved] = useState(false);
  // The body element itself: the reading tools measure it, outline it and read it aloud.
  const [body, setBody] = useState<HTMLElement | null>(null);
  // Only the first article this reader shows is painted in two steps; showing removed blocks is whole.
  const [whole, setWhole] = useState(!progressive);
  const first = useMemo(() => (whole || showRemoved ? null : firstScreen(article.contentHtml)), [article, whole, showRemoved]);
  const html = useMemo(
    () =>
      sanitize(
        showRemoved ? revealRemoved(article.contentHtml, article.removed) : (first ?? article.contentHtml),
        window as Window & typeof globalThis,
      ),
    [article, showRemoved, first],
  );
  // The rest once the first part has been painted: the frame's callbacks run before its paint, a task
  // queued from there runs after it.
  useEffect(() => {
    if (first === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setWhole(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [first]);
  const unplaced = useMemo(() => unplacedRemovals(article.contentHtml, article.removed), [article]);
  const [lang] = usableLocales(article.lang);
  const dir = article.dir === 'rtl' || article.dir === 'ltr' ? article.dir : 'auto';
  // For `npm run bench:popup`: when the first article this reader shows has been painted (the title
  // carries the `elementtiming` the browser reports). Set up as the article enters the DOM.
  useLayoutEffect(() => markPainted(MARKS.painted), []);

  return (
    <article class="reader" lang={lang} dir={dir} data-testid="reader">
      <ReadingTools article={article} body={body} html={html} lang={lang} dir={dir} />
      {notice}
      <ArticleHeader
        article={article}
        browserLocales={browserLocales}
        aside={
          article.removed.length > 0 && (
            <RemovedToggle
              count={article.removed.length}
              shown={showRemoved}
              onToggle={() => setShowRemoved((v) => !v)}
              controls={BODY_ID}
            />
          )
        }
      />
      <div
        id={BODY_ID}
        ref={setBody}
        class={showRemoved ? 'reader-body showing-removed' : 'reader-body'}
        data-testid="reader-body"
        // The one sanctioned raw-HTML sink: `html` is sanitize()'s output, computed just above.
        // eslint-disable-next-line no-restricted-syntax
        dangerouslySetInnerHTML={{ __html: html }}
      />
      {showRemoved && unplaced.length > 0 && <RemovedList removals={unplaced} />}
    </article>
  );
}
