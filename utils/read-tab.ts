/**
 * The popup's one job: the tab in, what to show out. Resolves the tab, refuses pages browsers keep
 * closed to extensions (told from the URL before the answer is looked at, so the message is instant and
 * specific), injects `/extract.js` (the page half of the extraction) and finishes its answer here, with
 * a 5 s budget for both, and sorts the result into one of the popup's states. The reader pages start
 * the injection of an http(s) page's article earlier (utils/begin-read.ts) and hand it in: a store or a
 * `.pdf` address among those is then still refused by its URL, and the injection's answer ignored.
 */
import type { Article, NotArticle } from '@/lib/extract';
import { EXTRACT_REQUEST_KEY, type ExtractMode, type ExtractRequest, type InjectedResult } from './extract-protocol';
import { restriction, restrictionFor, restrictionFromError, type Restriction } from './restricted-url';
import { fileSchemeAccess } from './platform';
import { TimeoutError, withTimeout } from './with-timeout';
import { MARKS, mark } from './perf-marks';
import { canSanitizeHere, sanitizeInjected } from './sanitize-injected';
import { finishInExtension } from './finish-page-half';
import { findTab, runScriptFile, type ReadStart, type Settled } from './begin-read';

/** How long the user waits for an extraction before being offered "Try again". */
export const EXTRACT_TIMEOUT_MS = 5_000;

export type FailureReason = 'timeout' | 'error' | 'no-tab' | 'no-selection';

export type ReadOutcome =
  | { kind: 'article'; tabId: number; article: Article }
  | { kind: 'not-article'; tabId: number; result: NotArticle }
  | { kind: 'restricted'; tabId: number | null; restriction: Restriction }
  | { kind: 'failed'; tabId: number | null; reason: FailureReason; detail: string };

export interface ReadRequest {
  /** The tab to read; the active tab of the current window when omitted. */
  tabId?: number;
  mode?: ExtractMode;
  timeoutMs?: number;
}

/**
 * `started`: the tab lookup and injection `beginRead` already asked for (the reader pages start them
 * before this chunk has loaded), used instead of asking again; null or absent, all is done here.
 */
export async function readTab(request: ReadRequest = {}, started?: Promise<ReadStart | null>): Promise<ReadOutcome> {
  const early = started ? await started : null;
  const tab = early ? early.tab : await findTab(request.tabId);
  if (!tab || typeof tab.id !== 'number') {
    return {
      kind: 'failed',
      tabId: request.tabId ?? null,
      reason: 'no-tab',
      detail: 'The tab was closed, or there is no tab to read.',
    };
  }
  const tabId = tab.id;
  const blocked = restrictionFor(tab.url, { fileAccess: await fileAccess(tab.url) });
  if (blocked) return { kind: 'restricted', tabId, restriction: blocked };

  let result: InjectedResult | undefined;
  try {
    result = await withTimeout(
      inject(tabId, { mode: request.mode ?? 'article' }, early?.answer),
      request.timeoutMs ?? EXTRACT_TIMEOUT_MS,
    );
  } catch (error) {
    if (error instanceof TimeoutError) {
      return {
        kind: 'failed',
        tabId,
        reason: 'timeout',
        detail: `The page did not answer within ${error.ms / 1000} seconds.`,
      };
    }
    const message = error instanceof Error ? error.message : String(error);
    const refused = restrictionFromError(tab.url, message);
    if (refused) return { kind: 'restricted', tabId, restriction: refused };
    return { kind: 'failed', tabId, reason: 'error', detail: message };
  }
  // Raw from the page (see entrypoints/extract.ts): sanitised here, before anything else sees it.
  if (canSanitizeHere()) {
    result = sanitizeInjected(result, window);
    mark(MARKS.sanitized);
  }
  return sortResult(tabId, result);
}

/** Sorts the injected script's answer into a popup state. */
export function sortResult(tabId: number, result: InjectedResult | undefined): ReadOutcome {
  if (!result) return { kind: 'failed', tabId, reason: 'error', detail: 'The page gave no answer.' };
  switch (result.kind) {
    case 'article':
      return { kind: 'article', tabId, article: result };
    case 'not-article':
      return { kind: 'not-article', tabId, result };
    case 'unsupported-document':
      return /pdf/i.test(result.contentType)
        ? { kind: 'restricted', tabId, restriction: restriction('pdf') }
        : {
            kind: 'failed',
            tabId,
            reason: 'error',
            detail: `This tab shows a file of type ${result.contentType}, not a web page.`,
          };
    case 'no-selection':
      return { kind: 'failed', tabId, reason: 'no-selection', detail: 'Nothing is selected on the page.' };
    case 'error':
      return { kind: 'failed', tabId, reason: 'error', detail: result.message };
  }
}

/** Whether `file://` pages may be read; undefined where the browser cannot say (then we try). */
async function fileAccess(url: string | undefined): Promise<boolean | undefined> {
  return url?.startsWith('file:') ? fileSchemeAccess() : undefined;
}

async function inject(tabId: number, request: ExtractRequest, started?: Promise<Settled>): Promise<InjectedResult | undefined> {
  // Without a DOM (Chrome's background service worker), the page does everything, sanitising included.
  if (!canSanitizeHere()) return (await injectFile(tabId, '/extract-sanitized.js', request)) as InjectedResult | undefined;
  let answer: unknown;
  if (started) {
    const settled = await started;
    if (!settled.ok) throw settled.error;
    answer = settled.value;
  } else {
    mark(MARKS.injectStart);
    answer = await injectFile(tabId, '/extract.js', request);
    mark(MARKS.answer);
  }
  return finishInExtension(answer, window, () => injectFile(tabId, '/extract.js', { ...request, part: 'body' }));
}

/**
 * A plain article read sets no request: it is the injected script's default, and the script clears any
 * request it finds, so the read costs one round trip to the page, not two. Any other request is set in
 * the page first; when the injection then fails, it is cleared again, so that it never leaks into the
 * next read (which sets none).
 */
async function injectFile(tabId: number, file: '/extract.js' | '/extract-sanitized.js', request: ExtractRequest): Promise<unknown> {
  const asks = request.mode !== 'article' || request.part !== undefined;
  if (asks) await setRequest(tabId, request);
  try {
    return await runScriptFile(tabId, file);
  } catch (error) {
    if (asks) await setRequest(tabId, undefined).catch(() => undefined);
    throw error;
  }
}

/** Sets (or, with undefined, clears) the request in the extension's isolated world of the page. */
async function setRequest(tabId: number, request: ExtractRequest | undefined): Promise<void> {
  await browser.scripting.executeScript({
    target: { tabId },
    func: (key: string, value: ExtractRequest | null) => {
      const scope = globalThis as unknown as Record<string, unknown>;
      if (value) scope[key] = value;
      else delete scope[key];
    },
    args: [EXTRACT_REQUEST_KEY, request ?? null],
  });
}
