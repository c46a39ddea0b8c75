// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeHtmlBytes } from '../lib/encoding';
import { linkedomShapeProblem, PAGES_PER_SANITIZE_WINDOW, parsePage, sanitizeWindow } from '../lib/node-dom';
import { pageId } from '../lib/page-file';
import { loadUrlMap, urlFor } from '../lib/url-map';

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('decodeHtmlBytes', () => {
  it('follows a byte-order mark over a contrary <meta charset>', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('<meta charset="windows-1252"><p>Grüße</p>')]);
    const { html, encoding } = decodeHtmlBytes(bytes);
    expect(encoding).toBe('UTF-8');
    expect(html).toBe('<meta charset="windows-1252"><p>Grüße</p>');
  });

  it('follows <meta charset> in the first 1,024 bytes', () => {
    const { html, encoding } = decodeHtmlBytes(latin1('<meta charset="iso-8859-1"><p>caf\xe9</p>'));
    expect(encoding).toBe('windows-1252'); // the standard maps the iso-8859-1 label to windows-1252
    expect(html).toContain('<p>café</p>');
  });

  it('follows a <meta charset> that comes after the first 1,024 bytes of the head', () => {
    const filler = `<script>${'x'.repeat(1500)}</script>`;
    const bytes = Buffer.concat([latin1(`<head>${filler}<meta charset="windows-1251">`), Buffer.from([0xcf, 0xf0, 0xe8]), latin1('</head><body>')]);
    const { html, encoding } = decodeHtmlBytes(bytes);
    expect(encoding).toBe('windows-1251');
    expect(html).toContain('При');
  });

  it('takes undeclared valid UTF-8 as UTF-8, and anything else undeclared as windows-1252', () => {
    expect(decodeHtmlBytes(utf8('<p>Grüße — “quoted”</p>'))).toEqual({ html: '<p>Grüße — “quoted”</p>', encoding: 'UTF-8' });
    // 0x93/0x94 are windows-1252's curly quotes, and invalid as UTF-8.
    expect(decodeHtmlBytes(Buffer.from([0x3c, 0x70, 0x3e, 0x93, 0x68, 0x69, 0x94]))).toEqual({ html: '<p>“hi”', encoding: 'windows-1252' });
  });
});

describe('parsePage', () => {
  const ARTICLE = '<p>First paragraph of the story.</p><p>Second paragraph.</p>';

  it('uses linkedom for a well-formed page and gives it the page URL', () => {
    const page = parsePage(`<!doctype html><html><head><title>T</title></head><body>${ARTICLE}</body></html>`, 'https://news.example/a/b.html');
    expect(page.dom).toBe('linkedom');
    expect(page.document.body.textContent).toContain('Second paragraph.');
    expect(page.document.URL).toBe('https://news.example/a/b.html');
    expect(page.document.baseURI).toBe('https://news.example/a/b.html');
  });

  it('resolves the base URI against a relative <base href>', () => {
    const page = parsePage(`<html><head><base href="/static/"></head><body>${ARTICLE}</body></html>`, 'https://news.example/a/b.html');
    expect(page.document.baseURI).toBe('https://news.example/static/');
  });

  it('falls back to jsdom where linkedom would leave <body> empty (no <html> or no <body> tag)', () => {
    for (const html of [
      `<!doctype html><head><title>T</title></head><body>${ARTICLE}</body>`,
      `<title>T</title>${ARTICLE}`,
      `<html><head><title>T</title></head>${ARTICLE}</html>`,
    ]) {
      const page = parsePage(html, 'https://news.example/');
      expect(page.dom).toBe('jsdom');
      expect(page.note).toMatch(/^linkedom: /);
      expect(page.document.body.textContent).toContain('Second paragraph.');
      expect(page.document.title).toBe('T');
      page.close();
    }
  });

  it('does not fall back for a script left after </body>', () => {
    const page = parsePage(`<html><head></head><body>${ARTICLE}</body><script>track()</script></html>`);
    expect(linkedomShapeProblem(page.document)).toBeNull();
    expect(page.dom).toBe('linkedom');
  });

  it('parses with jsdom on request, and gives a sanitising window that DOMPurify supports', () => {
    const page = parsePage(`<html><body>${ARTICLE}</body></html>`, 'https://news.example/', { prefer: 'jsdom' });
    expect(page.dom).toBe('jsdom');
    expect(page.document.URL).toBe('https://news.example/');
    page.close();
    expect(sanitizeWindow().document.createElement('template').content).toBeDefined();
  });

  it('shares a sanitising window between pages, and replaces it after a set number of them', () => {
    const windows = Array.from({ length: 3 * PAGES_PER_SANITIZE_WINDOW }, () => sanitizeWindow());
    const distinct = [...new Set(windows)];
    expect(distinct.length).toBeGreaterThanOrEqual(3);
    for (const win of distinct) {
      const uses = windows.filter((w) => w === win).length;
      expect(uses).toBeLessThanOrEqual(PAGES_PER_SANITIZE_WINDOW);
      // Each window's uses are consecutive: it is never handed out again once replaced.
      expect(windows.lastIndexOf(win) - windows.indexOf(win) + 1).toBe(uses);
    }
  });
});

describe('--urls maps', () => {
  const dir = mkdtempSync(join(tmpdir(), 'url-map-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads both a plain map and the corpus ground-truth shape, keyed by the file name without .html(.gz)', () => {
    const file = join(dir, 'map.json');
    writeFileSync(file, JSON.stringify({ abc: 'https://a.example/1', def: { url: 'https://b.example/2', articleBody: '…' }, ghi: { articleBody: 'no url' } }));
    const map = loadUrlMap(file);
    expect(urlFor(map, '/pages/abc.html.gz')).toBe('https://a.example/1');
    expect(urlFor(map, 'def.html')).toBe('https://b.example/2');
    expect(urlFor(map, 'ghi.html')).toBeUndefined();
    expect(pageId('x/y/0a1b.htm.gz')).toBe('0a1b');
  });

  it('rejects a file that is not a JSON object', () => {
    const file = join(dir, 'list.json');
    writeFileSync(file, '["https://a.example/"]');
    expect(() => loadUrlMap(file)).toThrow(/expected a JSON object/);
  });
});
