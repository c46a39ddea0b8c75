/**
 * The injected script returns raw HTML (DOMPurify is left out of the page); the extension sanitises it
 * on arrival. Two things must hold: what arrives hostile leaves clean, and on every golden page the
 * reader gets exactly what in-page sanitising gave before.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Article } from '@/lib/extract';
import { extractInPage, extractInPageWith } from './extract-in-page';
import { inertFragment } from './inert-fragment';
import { sanitizeInjected } from './sanitize-injected';

type DomWindow = Window & typeof globalThis;
const win = (dom: JSDOM) => dom.window as unknown as DomWindow;

const PAGES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'pages');
const pages = readdirSync(PAGES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

function raw(contentHtml: string, extra: Partial<Article> = {}): Article {
  return {
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
    contentHtml,
    text: 'whatever the page claims',
    wordCount: 9999,
    readingMinutes: 99,
    removed: [],
    ...extra,
  };
}

describe('sanitizeInjected', () => {
  const dom = new JSDOM('<!doctype html><body></body>', { url: 'chrome-extension://id/popup.html' });

  it('sanitises a hostile body and recomputes the text from what is left', () => {
    const result = sanitizeInjected(
      raw(
        '<p>Kept words here.</p><script>steal()</script><img src=x onerror="steal()">' +
          '<a href="javascript:steal()">link</a><iframe src="https://evil.example/"></iframe><form action="https://evil.example/"><p>in form</p></form>',
      ),
      win(dom),
    );
    expect(result?.kind).toBe('article');
    const article = result as Article;
    expect(article.contentHtml).not.toMatch(/<script|onerror|javascript:|<iframe|<form/i);
    expect(article.contentHtml).toContain('Kept words here.');
    expect(article.text).not.toContain('steal');
    expect(article.text).not.toContain('whatever the page claims');
    expect(article.wordCount).toBe(article.text.split(/\s+/).filter(Boolean).length);
  });

  it('sanitises removed blocks and a best effort, and drops unsafe lead images', () => {
    const result = sanitizeInjected(
      {
        kind: 'not-article',
        url: 'https://news.example/',
        reason: 'too-short',
        message: 'short',
        bestEffort: raw('<p>Short</p>', {
          leadImage: 'javascript:steal()',
          removed: [{ step: 'share-bars', sample: 'Share', html: '<div onclick="steal()"><svg><script>steal()</script></svg>Share</div>' }],
        }),
      },
      win(dom),
    );
    expect(result?.kind).toBe('not-article');
    const best = result?.kind === 'not-article' ? result.bestEffort : null;
    expect(best?.leadImage).toBeNull();
    expect(best?.removed[0].html).not.toMatch(/script|onclick|steal/i);
    expect(best?.removed[0].html).toContain('Share');
  });

  it('turns an article without a body into an error, and passes other answers through', () => {
    const malformed = { ...raw(''), contentHtml: 42 } as unknown as Article;
    expect(sanitizeInjected(malformed, win(dom))).toMatchObject({ kind: 'error' });
    expect(sanitizeInjected({ kind: 'no-selection' }, win(dom))).toEqual({ kind: 'no-selection' });
    expect(sanitizeInjected(undefined, win(dom))).toBeUndefined();
  });
});

describe('raw in the page, sanitised on arrival', () => {
  it.each(pages)('%s: gives the reader what in-page sanitising gave', (name) => {
    const html = readFileSync(join(PAGES_DIR, name, 'source.html'), 'utf8');
    const { url } = JSON.parse(readFileSync(join(PAGES_DIR, name, 'expected.json'), 'utf8')) as { url: string };
    const before = new JSDOM(html, { url });
    const inPage = extractInPage(before.window.document, win(before), 'article');
    const page = new JSDOM(html, { url });
    const rawResult = extractInPageWith(inertFragment, page.window.document, win(page), 'article');
    const extension = new JSDOM('<!doctype html><body></body>', { url: 'chrome-extension://id/popup.html' });
    const arrived = sanitizeInjected(rawResult, win(extension));
    const pick = (r: typeof arrived) => {
      const a = r?.kind === 'article' ? r : r?.kind === 'not-article' ? r.bestEffort : null;
      return a && { kind: r?.kind, contentHtml: a.contentHtml, text: a.text, wordCount: a.wordCount, removed: a.removed };
    };
    expect(pick(arrived)).toEqual(pick(inPage));
  });
});
