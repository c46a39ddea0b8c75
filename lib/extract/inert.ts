/**
 * The one place markup is parsed outside the sanitiser's own DOMPurify run (tests/unit/html-sinks.test.ts
 * enforces it). Kept apart from sanitize.ts so code that only parses (the script injected into pages,
 * which must stay small) does not pull in DOMPurify.
 */

type DomWindow = Window & typeof globalThis;

/**
 * An inert document parsed from `html` by the window's DOMParser: no script in it runs and nothing in it
 * loads. For code that reads markup (bookmark files, `<noscript>` fallbacks, the text of saved
 * articles, the injected script's answer), so HTML is parsed in one place. What it returns is not safe
 * to display: only `sanitize`'s output is.
 */
export function parseInertDocument(html: string, win: DomWindow): Document {
  return new win.DOMParser().parseFromString(html, 'text/html');
}
