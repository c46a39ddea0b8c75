import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Article, NotArticle } from '@/lib/extract';
import { EXTRACT_REQUEST_KEY, type InjectedResult } from './extract-protocol';
import { EXTRACT_TIMEOUT_MS, readTab } from './read-tab';

type Injection = Parameters<typeof fakeBrowser.scripting.executeScript>[0];

const article: Article = {
  kind: 'article',
  url: 'https://news.example/story',
  title: 'Story',
  byline: null,
  siteName: null,
  lang: 'en',
  dir: null,
  publishedTime: null,
  excerpt: null,
  leadImage: null,
  contentHtml: '<p>Story text</p>',
  text: 'Story text',
  wordCount: 2,
  readingMinutes: 1,
  removed: [],
};

/** Stubs `scripting.executeScript`: the request setter succeeds, the extraction answers with `answer()`. */
function injectAnswering(answer: () => Promise<InjectedResult | undefined>) {
  return vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async (injection: Injection) => {
    if ('files' in injection && injection.files) return [{ frameId: 0, documentId: 'd', result: await answer() }];
    return [{ frameId: 0, documentId: 'd', result: undefined }];
  });
}

describe('readTab', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('refuses a browser page before injecting anything', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'chrome://settings/' });
    const inject = injectAnswering(async () => article);
    const outcome = await readTab({ tabId: tab.id });
    expect(outcome).toMatchObject({ kind: 'restricted', tabId: tab.id, restriction: { kind: 'browser-page' } });
    expect(inject).not.toHaveBeenCalled();
  });

  it('returns the article the injected script found', async () => {
    const tab = await fakeBrowser.tabs.create({ url: article.url });
    const inject = injectAnswering(async () => article);
    expect(await readTab({ tabId: tab.id })).toEqual({ kind: 'article', tabId: tab.id, article });
    expect(inject).toHaveBeenCalledWith({ target: { tabId: tab.id }, files: ['/extract.js'] });
  });

  it('passes the selection request to the page first', async () => {
    const tab = await fakeBrowser.tabs.create({ url: article.url });
    const inject = injectAnswering(async () => article);
    await readTab({ tabId: tab.id, mode: 'selection' });
    const first = inject.mock.calls[0][0] as Injection & { args: unknown[] };
    expect(first.args).toEqual([EXTRACT_REQUEST_KEY, { mode: 'selection' }]);
  });

  it('passes a "not an article" verdict through, with its best effort', async () => {
    const tab = await fakeBrowser.tabs.create({ url: article.url });
    const verdict: NotArticle = {
      kind: 'not-article',
      url: article.url,
      reason: 'too-short',
      message: 'short',
      bestEffort: article,
    };
    injectAnswering(async () => verdict);
    expect(await readTab({ tabId: tab.id })).toEqual({ kind: 'not-article', tabId: tab.id, result: verdict });
  });

  it('reads a browser refusal as a restricted page', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/story' });
    injectAnswering(async () => {
      throw new Error(
        'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
      );
    });
    expect(await readTab({ tabId: tab.id })).toMatchObject({ kind: 'restricted', restriction: { kind: 'no-access' } });
  });

  it('reports any other failure with its detail', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/story' });
    injectAnswering(async () => ({ kind: 'error', message: 'TypeError: x is undefined' }));
    expect(await readTab({ tabId: tab.id })).toEqual({
      kind: 'failed',
      tabId: tab.id,
      reason: 'error',
      detail: 'TypeError: x is undefined',
    });
  });

  it('gives up after the time budget when the page does not answer', async () => {
    vi.useFakeTimers();
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/story' });
    injectAnswering(() => new Promise<never>(() => undefined));
    const pending = readTab({ tabId: tab.id });
    await vi.advanceTimersByTimeAsync(EXTRACT_TIMEOUT_MS);
    expect(await pending).toMatchObject({ kind: 'failed', reason: 'timeout' });
  });

  it('names the PDF viewer when the document turns out to be a PDF', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/documents/report' });
    injectAnswering(async () => ({ kind: 'unsupported-document', contentType: 'application/pdf' }));
    expect(await readTab({ tabId: tab.id })).toMatchObject({ kind: 'restricted', restriction: { kind: 'pdf' } });
  });

  it('says the tab is gone when it was closed', async () => {
    injectAnswering(async () => article);
    expect(await readTab({ tabId: 4242 })).toMatchObject({ kind: 'failed', reason: 'no-tab' });
  });
});
