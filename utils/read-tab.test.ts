import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Article, NotArticle } from '@/lib/extract';
import { EXTRACT_REQUEST_KEY, takeExtractRequest } from './extract-protocol';
import { beginRead } from './begin-read';
import { EXTRACT_TIMEOUT_MS, readTab } from './read-tab';
import { extractHalfInPage } from './extract-in-page';
import { JSDOM } from 'jsdom';

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
function injectAnswering(answer: () => Promise<unknown>) {
  return vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async (injection: Injection) => {
    if ('files' in injection && injection.files) return [{ frameId: 0, documentId: 'd', result: await answer() }];
    return [{ frameId: 0, documentId: 'd', result: undefined }];
  });
}

/**
 * Stubs the page as `/extract.js` runs in it: a function injection runs on the extension's world of the
 * page (`scope`), the file takes the request from there as the real script does (takeExtractRequest)
 * and hands it to the page half (extractHalfInPage) on a jsdom page, the answer structured-cloned as an
 * injection result is. `failFiles` makes the file injection fail, as a page that navigated away would.
 */
function injectPage(html: string, url: string, options: { failFiles?: boolean } = {}) {
  const dom = new JSDOM(html, { url });
  const pageWindow = dom.window as unknown as Window & typeof globalThis;
  const scope: Record<string, unknown> = {};
  const spy = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async (injection: Injection) => {
    if ('files' in injection && injection.files) {
      if (options.failFiles) throw new Error('Frame with ID 0 was removed.');
      const request = takeExtractRequest(scope);
      return [{ frameId: 0, documentId: 'd', result: structuredClone(extractHalfInPage(dom.window.document, pageWindow, request)) }];
    }
    const { func, args } = injection as Injection & { func: (...a: unknown[]) => void; args: unknown[] };
    func.call(scope, ...args);
    return [{ frameId: 0, documentId: 'd', result: undefined }];
  });
  return Object.assign(spy, { scope });
}

const STORY_PAGE = `<!DOCTYPE html><html lang="es"><head><title>El puente del río reabre</title></head><body>
<nav><a href="/">Portada</a> <a href="/local">Local</a></nav>
<article><h1>El puente del río reabre</h1>
<p>El puente de hierro que cruza el río volvió a abrirse al tráfico el lunes, tras catorce meses de obras que cambiaron las vigas, el firme y las barandillas originales del siglo pasado.</p>
<p>Los vecinos de la orilla norte, que durante las obras daban un rodeo de once kilómetros, celebraron la reapertura con una comida popular junto al embarcadero.</p>
<p>El ayuntamiento calcula que cada día cruzarán el puente unos nueve mil vehículos y que el autobús urbano recuperará su antiguo recorrido a partir de la semana próxima.</p>
<p>Las obras costaron algo más de lo previsto, según el informe municipal presentado en el último pleno.</p>
<p>La segunda fase, que renovará el alumbrado del paseo, empezará en primavera.</p>
<p>Etiquetas: <a href="/tema/puentes" rel="tag">Puentes</a>, <a href="/tema/obras" rel="tag">Obras</a>, <a href="/tema/trafico" rel="tag">Tráfico</a></p>
<div class="share"><a href="https://twitter.com/intent/tweet?url=https://diario.example/puente">Compartir</a> <a href="https://www.facebook.com/sharer/sharer.php?u=https://diario.example/puente">Compartir</a></div>
</article>
<section class="newsletter"><form><label>Recibe las noticias de tu barrio</label><input type="email" placeholder="Tu correo"><button>Suscribirme</button></form></section>
</body></html>`;

const SHORT_PAGE = `<!DOCTYPE html><html lang="de"><head><title>Baustellen</title></head><body>
<nav><a href="/">Start</a> <a href="/stadt">Stadt</a></nav>
<p>Kurz notiert: die Arbeiten beginnen im Herbst.</p>
<ul class="grid"><li><h3>Abschnitt eins</h3><span>Marktplatz bis Rathaus, zehn Tage</span></li><li><h3>Abschnitt zwei</h3><span>Rathaus bis Kirche, zwölf Tage</span></li></ul>
<footer><p>© 2024 Stadtwerke</p></footer></body></html>`;

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

  it('finishes the page half here: after steps, sanitising, removals of both halves in order', async () => {
    const url = 'https://diario.example/puente';
    const tab = await fakeBrowser.tabs.create({ url });
    const inject = injectPage(STORY_PAGE, url);
    const outcome = await readTab({ tabId: tab.id });
    expect(outcome, JSON.stringify(outcome).slice(0, 600)).toMatchObject({ kind: 'article' });
    if (outcome.kind !== 'article') return;
    expect(outcome.article.text).toContain('nueve mil vehículos');
    expect(outcome.article.text).not.toContain('Etiquetas');
    expect(outcome.article.lang).toBe('es');
    const steps = outcome.article.removed.map((r) => r.step);
    expect(steps.indexOf('prompts')).toBeGreaterThanOrEqual(0);
    expect(steps.indexOf('tag-list'), steps.join()).toBeGreaterThan(steps.indexOf('prompts'));
    // The after step's block kept for "reveal", its marker pointing at its record.
    const tagRecord = steps.indexOf('tag-list');
    expect(outcome.article.removed[tagRecord].html).toContain('Puentes');
    expect(outcome.article.contentHtml).toContain(`data-cr-removed="${tagRecord}"`);
    // One injection of the page half (and its request) only.
    expect(inject.mock.calls.filter(([i]) => 'files' in i && i.files)).toHaveLength(1);
  });

  it('asks the page for its body when the article is too short, for the best effort', async () => {
    const url = 'https://stadt.example/baustellen';
    const tab = await fakeBrowser.tabs.create({ url });
    const inject = injectPage(SHORT_PAGE, url);
    const outcome = await readTab({ tabId: tab.id });
    expect(outcome).toMatchObject({ kind: 'not-article', result: { reason: 'too-short' } });
    // The article read is the script's default and sets nothing; the body is asked for.
    const requests = inject.mock.calls.filter(([i]) => !('files' in i && i.files)).map(([i]) => (i as Injection & { args: unknown[] }).args[1]);
    expect(requests).toEqual([{ mode: 'article', part: 'body' }]);
    expect(inject.mock.calls.filter(([i]) => 'files' in i && i.files)).toHaveLength(2);
  });

  it('reads an article in one injection, with no request set first', async () => {
    const url = 'https://diario.example/puente';
    const tab = await fakeBrowser.tabs.create({ url });
    const inject = injectPage(STORY_PAGE, url);
    expect(await readTab({ tabId: tab.id })).toMatchObject({ kind: 'article' });
    expect(inject.mock.calls.map(([i]) => i)).toEqual([{ target: { tabId: tab.id }, files: ['/extract.js'] }]);
  });

  it('clears a request the page never took, so the next article read is not a selection read', async () => {
    const url = 'https://diario.example/puente';
    const tab = await fakeBrowser.tabs.create({ url });
    const failing = injectPage(STORY_PAGE, url, { failFiles: true });
    expect(await readTab({ tabId: tab.id, mode: 'selection' })).toMatchObject({ kind: 'failed', reason: 'error' });
    expect(failing.scope).not.toHaveProperty(EXTRACT_REQUEST_KEY);
  });

  it('finishes the answer to an injection started before it loaded, without injecting again', async () => {
    const url = 'https://diario.example/puente';
    const tab = await fakeBrowser.tabs.create({ url });
    const inject = injectPage(STORY_PAGE, url);
    const started = beginRead(tab.id);
    const outcome = await readTab({ tabId: tab.id }, started);
    expect(outcome).toMatchObject({ kind: 'article', tabId: tab.id });
    if (outcome.kind === 'article') expect(outcome.article.text).toContain('nueve mil vehículos');
    expect(inject).toHaveBeenCalledTimes(1);
  });

  it('starts nothing early on a browser page, and still refuses it before injecting', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'chrome://settings/' });
    const inject = injectAnswering(async () => article);
    const started = beginRead(tab.id);
    expect((await started)?.answer).toBeUndefined();
    expect(await readTab({ tabId: tab.id }, started)).toMatchObject({ kind: 'restricted', restriction: { kind: 'browser-page' } });
    expect(inject).not.toHaveBeenCalled();
  });

  it('reports a refusal of an injection started early as a restricted page', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/story' });
    injectAnswering(async () => {
      throw new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');
    });
    expect(await readTab({ tabId: tab.id }, beginRead(tab.id))).toMatchObject({ kind: 'restricted', restriction: { kind: 'no-access' } });
  });

  it('says the tab is gone when an early start found none', async () => {
    const inject = injectAnswering(async () => article);
    expect(await readTab({ tabId: 4242 }, beginRead(4242))).toMatchObject({ kind: 'failed', reason: 'no-tab' });
    expect(inject).not.toHaveBeenCalled();
  });

  it('reports a malformed page half as a failure', async () => {
    const tab = await fakeBrowser.tabs.create({ url: article.url });
    injectAnswering(async () => ({ kind: 'page-half', url: article.url, removed: 'nope' }));
    expect(await readTab({ tabId: tab.id })).toMatchObject({ kind: 'failed', reason: 'error' });
  });
});
