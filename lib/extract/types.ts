/** What one clean-up step took out, so the reader can show it and users can check nothing of value went. */
export interface Removal {
  /** The step's name, as listed in `pipeline.ts`. */
  step: string;
  /** Up to 120 characters of the removed block's text (or its image alt / link target when it has no text). */
  sample: string;
  /**
   * The removed block's HTML, sanitised, when the caller asked for it (`keepRemovedHtml`), so the
   * reader can reveal it in place. Never rendered unless it came through `sanitize`.
   */
  html?: string;
}

/** The article as the reader shows it and the library stores it. */
export interface Article {
  kind: 'article';
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** BCP 47 language tag from the page, or null. */
  lang: string | null;
  /** Text direction: 'ltr' | 'rtl' (or null when the page does not say). */
  dir: string | null;
  /** ISO 8601 publication time when the page gives one. */
  publishedTime: string | null;
  excerpt: string | null;
  /** Absolute URL of the lead image, or null. */
  leadImage: string | null;
  /** The body, sanitised by `lib/extract/sanitize.ts`. The only HTML the reader renders. */
  contentHtml: string;
  /** Plain text, block elements separated by line breaks. */
  text: string;
  wordCount: number;
  readingMinutes: number;
  /** What the clean-up steps removed, in order. */
  removed: Removal[];
}

/** The page is not an article. `bestEffort` is what "show anyway" displays, when anything could be had. */
export interface NotArticle {
  kind: 'not-article';
  url: string;
  reason: 'no-content' | 'too-short' | 'too-large';
  /** A human-readable reason, in English; the UI shows its own translated message by `reason`. */
  message: string;
  bestEffort: Article | null;
}

export type ExtractResult = Article | NotArticle;

export interface ExtractOptions {
  /**
   * The window whose DOMPurify sanitises the output. Defaults to `doc.defaultView`. Node callers whose
   * DOM cannot run DOMPurify (linkedom) pass a jsdom window here. Sanitising never silently falls back
   * to returning raw HTML: an unsupported window throws.
   */
  sanitizeWindow?: Window & typeof globalThis;
  /**
   * Called with elements of the *original* document while it is cloned; returning true leaves the
   * element out of the clone. The injected script passes a computed-style check here, so blocks the
   * page hides from readers are dropped without touching the live page.
   */
  isHidden?: (el: Element) => boolean;
  /**
   * The most elements the pipeline will parse: a page with more is 'too-large' at once, before anything is
   * copied or parsed (the pipeline counts them itself; Readability is not given this). Default 0: no
   * element limit. Depth is bounded whatever this says: a page nested more than `MAX_DEPTH` (256) levels
   * deep is 'too-large' too (`workBudgetExceeded` in pipeline.ts).
   */
  maxElemsToParse?: number;
  /** Keep each removed block's sanitised HTML in `removed[].html` (the reader's "show removed" toggle). Default false. */
  keepRemovedHtml?: boolean;
  /** Skip our clean-up steps: plain Readability plus sanitising. For benchmarks and comparisons. Default false. */
  readabilityOnly?: boolean;
}
