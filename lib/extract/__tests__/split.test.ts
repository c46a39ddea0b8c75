/**
 * The reader's split extraction (issue 8: the injected script's budget): the page half in the page, the
 * extension half in the extension, the data between them structured-cloned as the injection result is.
 * Together they must give what the whole pipeline gives, on every golden page, every hostile page, a
 * too-short page and a page with no article, removals of both halves merged in order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle, extractPageHalf, finishPageHalf, pageBodyHalf, type PageHalf } from '../pipeline';
import { sanitizeToFragment } from '../sanitize';
import type { ExtractOptions, ExtractResult } from '../types';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'tests', 'fixtures');
const PAGES_DIR = join(FIXTURES, 'pages');
const HOSTILE_DIR = join(FIXTURES, 'hostile');

interface Case {
  name: string;
  html: string;
  url: string;
}

const golden: Case[] = readdirSync(PAGES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => ({
    name: d.name,
    html: readFileSync(join(PAGES_DIR, d.name, 'source.html'), 'utf8'),
    url: (JSON.parse(readFileSync(join(PAGES_DIR, d.name, 'expected.json'), 'utf8')) as { url: string }).url,
  }));
const hostile: Case[] = readdirSync(HOSTILE_DIR)
  .filter((f) => f.endsWith('.html'))
  .map((f) => ({ name: f, html: readFileSync(join(HOSTILE_DIR, f), 'utf8'), url: `https://hostile.example/${f}` }));

/** Readability finds a line and a list: too short, so the best effort may be the page's body. */
const TOO_SHORT = `<!DOCTYPE html><html lang="de"><head><title>Baustellen</title></head><body>
<nav><a href="/">Start</a> <a href="/stadt">Stadt</a></nav>
<p>Kurz notiert: die Arbeiten beginnen im Herbst.</p>
<ul class="grid"><li><h3>Abschnitt eins</h3><span>Marktplatz bis Rathaus, zehn Tage</span></li><li><h3>Abschnitt zwei</h3><span>Rathaus bis Kirche, zwölf Tage</span></li><li><h3>Abschnitt drei</h3><span>Kirche bis Brücke, acht Tage</span></li></ul>
<footer><p>© 2024 Stadtwerke</p></footer></body></html>`;

/** Nothing Readability can pick (no text at all): "no content", found in the page half. */
const NO_CONTENT = `<!DOCTYPE html><html><head><title>Leer</title></head><body><div><img src="/a.png"></div></body></html>`;

/**
 * The one way the halves may differ. The extension half parses Readability's article from its HTML, so
 * its steps see the tree an HTML parser builds; the whole pipeline's steps see Readability's own tree,
 * which the parser only builds at the end. Where Readability leaves a block inside a paragraph (a
 * `<p>` around an `<h2>`), the parse splits the paragraph; the split drops the empty pieces silently
 * (they are the parser's, not the page's), while the whole pipeline's HTML keeps them as empty `<p></p>`.
 * So: the same text, metadata and HTML once empty elements are dropped, and the same removals but those
 * of empty elements without content.
 */
function withoutEmpties(result: ExtractResult): unknown {
  const article = result.kind === 'article' ? result : result.bestEffort;
  if (!article) return result;
  const holder = new JSDOM(`<!DOCTYPE html><body>${article.contentHtml}`).window.document.body;
  let changed = true;
  while (changed) {
    changed = false;
    for (const el of Array.from(holder.querySelectorAll('*'))) {
      if (!el.firstChild && !/^(?:IMG|BR|HR|IFRAME|VIDEO|AUDIO|SOURCE|TD|TH)$/.test(el.tagName)) {
        el.remove();
        changed = true;
      }
    }
  }
  const normal = {
    ...article,
    contentHtml: holder.innerHTML,
    removed: article.removed.filter((r) => !(r.step === 'empty-elements' && /^<[a-z0-9]+>$/.test(r.sample))),
  };
  return result.kind === 'article' ? normal : { ...result, bestEffort: normal };
}

function page(html: string, url: string): { doc: Document; win: Window & typeof globalThis } {
  const dom = new JSDOM(html, { url });
  return { doc: dom.window.document, win: dom.window as unknown as Window & typeof globalThis };
}

/** What the extension gets: the page half and (when asked) the body, structured-cloned as messages are. */
function split(doc: Document, url: string, pageOptions: ExtractOptions, extension: Window & typeof globalThis): { result: ExtractResult; half: PageHalf | null; askedBody: boolean } {
  const answer = structuredClone(extractPageHalf(doc, url, pageOptions));
  if (answer.kind !== 'page-half') return { result: answer, half: null, askedBody: false };
  const finished = finishPageHalf(answer, sanitizeToFragment, extension, { keepRemovedHtml: true });
  if (finished.kind !== 'needs-body') return { result: finished, half: answer, askedBody: false };
  return { result: finished.withBody(structuredClone(pageBodyHalf(doc, url, pageOptions))), half: answer, askedBody: true };
}

describe('the split extraction gives what the whole pipeline gives', () => {
  it('has pages to compare', () => {
    expect(golden.length).toBeGreaterThan(15);
    expect(hostile.length).toBeGreaterThan(20);
  });

  it.each(golden.map((c) => [c.name, c] as const))('golden page %s: exactly', (_name, c) => {
    const { doc, win } = page(c.html, c.url);
    const extension = new JSDOM('').window as unknown as Window & typeof globalThis;
    const whole = extractArticle(doc, c.url, { sanitizeWindow: win, keepRemovedHtml: true });
    const { result } = split(doc, c.url, { sanitizeWindow: win, keepRemovedHtml: true }, extension);
    expect(result).toEqual(whole);
  });

  it.each(hostile.map((c) => [c.name, c] as const))('hostile page %s: the same but for empty elements', (_name, c) => {
    const { doc, win } = page(c.html, c.url);
    const extension = new JSDOM('').window as unknown as Window & typeof globalThis;
    const whole = extractArticle(doc, c.url, { sanitizeWindow: win, keepRemovedHtml: true });
    const { result } = split(doc, c.url, { sanitizeWindow: win, keepRemovedHtml: true }, extension);
    expect(withoutEmpties(result)).toEqual(withoutEmpties(whole));
    if (result.kind === 'article' && whole.kind === 'article') expect(result.text).toBe(whole.text);
  });

  it('differs only by empty elements where Readability leaves a block inside a paragraph', () => {
    const c = hostile.find((h) => h.name === 'ui-spoofing.html')!;
    const { doc, win } = page(c.html, c.url);
    const extension = new JSDOM('').window as unknown as Window & typeof globalThis;
    const whole = extractArticle(doc, c.url, { sanitizeWindow: win, keepRemovedHtml: true });
    const { result } = split(doc, c.url, { sanitizeWindow: win, keepRemovedHtml: true }, extension);
    expect(result).not.toEqual(whole);
    expect(withoutEmpties(result)).toEqual(withoutEmpties(whole));
    // The parser's empty pieces are not shown to the user as blocks the reader removed.
    const removedCount = (r: ExtractResult) => (r.kind === 'article' ? r.removed.length : -1);
    expect(removedCount(result)).toBe(removedCount(whole));
  });

  it('on a too-short page, asks the page for its body and offers the same best effort', () => {
    const url = 'https://stadt.example/baustellen';
    const { doc, win } = page(TOO_SHORT, url);
    const extension = new JSDOM('').window as unknown as Window & typeof globalThis;
    const whole = extractArticle(doc, url, { sanitizeWindow: win, keepRemovedHtml: true });
    const { result, askedBody } = split(doc, url, { sanitizeWindow: win, keepRemovedHtml: true }, extension);
    expect(whole).toMatchObject({ kind: 'not-article', reason: 'too-short' });
    expect(askedBody).toBe(true);
    expect(result).toEqual(whole);
  });

  it('on a page with no article, the page sends its body at once', () => {
    const url = 'https://stadt.example/leer';
    const { doc, win } = page(NO_CONTENT, url);
    const extension = new JSDOM('').window as unknown as Window & typeof globalThis;
    const whole = extractArticle(doc, url, { sanitizeWindow: win, keepRemovedHtml: true });
    const { result, half, askedBody } = split(doc, url, { sanitizeWindow: win, keepRemovedHtml: true }, extension);
    expect(whole).toMatchObject({ kind: 'not-article', reason: 'no-content' });
    expect(half?.body?.kind).toBe('body-half');
    expect(askedBody).toBe(false);
    expect(result).toEqual(whole);
  });

  it('merges the removals of both halves in order, the after steps’ markers pointing past the before steps’', () => {
    const c = golden.find((g) => g.name === 'newsletter-paywall-ru')!;
    const { doc, win } = page(c.html, c.url);
    const extension = new JSDOM('').window as unknown as Window & typeof globalThis;
    const { result, half } = split(doc, c.url, { sanitizeWindow: win, keepRemovedHtml: true }, extension);
    expect(result.kind).toBe('article');
    if (result.kind !== 'article' || !half) return;
    const before = half.removed.length;
    expect(before).toBeGreaterThan(0);
    expect(result.removed.slice(0, before)).toEqual(half.removed);
    expect(result.removed.length).toBeGreaterThan(before);
    const markers = Array.from(result.contentHtml.matchAll(/data-cr-removed="(\d+)"/g), (m) => Number(m[1]));
    expect(markers.length).toBeGreaterThan(0);
    for (const index of markers) {
      expect(index).toBeGreaterThanOrEqual(before);
      expect(result.removed[index].html).toBeTruthy();
    }
  });
});
