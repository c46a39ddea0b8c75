/**
 * The first steps of a read, small enough to sit in the reader pages' own bundle (issue 8): find the tab
 * and ask for the injection of `/extract.js` at once. A profile of the popup showed the injection waiting
 * about 170 ms (on a loaded machine) for read-tab's chunk, which carries the extension half of the
 * extraction and DOMPurify (73 KB) that are only needed once the page answers. Now that chunk loads
 * while the page extracts, and `readTab` (utils/read-tab.ts) takes the answer from here.
 *
 * Only a plain article read of a web page starts here: anything else (selection, a browser's own page, a
 * file) goes the whole way through `readTab`, which refuses restricted pages before injecting.
 */
import { MARKS, mark } from './perf-marks';

/** An injection's outcome, settled either way: a rejection nobody awaits yet must not be unhandled. */
export type Settled = { ok: true; value: unknown } | { ok: false; error: unknown };

export interface ReadStart {
  /** The tab to read (the active tab when none was named), or undefined when there is none. */
  tab: Browser.tabs.Tab | undefined;
  /** The page's answer to `/extract.js`, when it was asked for here. */
  answer?: Promise<Settled>;
}

/** A web page's address: only these are injected before `readTab` has looked at the URL. */
const WEB_PAGE = /^https?:\/\//i;

/**
 * Finds the tab and, for a web page, asks for the page half of its article. Never rejects: null when the
 * tab lookup failed, and `readTab` then does it all itself.
 */
export function beginRead(tabId: number | undefined): Promise<ReadStart | null> {
  return findTab(tabId).then(
    (tab) => (typeof tab?.id === 'number' && tab.url && WEB_PAGE.test(tab.url) ? { tab, answer: injectArticleRead(tab.id) } : { tab }),
    () => null,
  );
}

/**
 * `/extract.js` with no request set: the page half of the article (extract-protocol's default). The
 * script takes, and so clears, any request found in the page (`takeExtractRequest`).
 */
export function injectArticleRead(tabId: number): Promise<Settled> {
  mark(MARKS.injectStart);
  return runScriptFile(tabId, '/extract.js').then(
    (value) => {
      mark(MARKS.answer);
      return { ok: true, value };
    },
    (error: unknown) => ({ ok: false, error }),
  );
}

/** Runs one of the extension's script files in the tab (its isolated world) and gives back its result. */
export async function runScriptFile(tabId: number, file: '/extract.js' | '/extract-sanitized.js'): Promise<unknown> {
  const [first] = await browser.scripting.executeScript({ target: { tabId }, files: [file] });
  return first?.result;
}

export async function findTab(tabId: number | undefined): Promise<Browser.tabs.Tab | undefined> {
  if (tabId === undefined) {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    return active;
  }
  try {
    return await browser.tabs.get(tabId);
  } catch {
    return undefined;
  }
}
