/**
 * The hostile page suite (tests/fixtures/hostile, described in its README) through the real pipeline
 * under jsdom: each page still reads as its article, and what the reader would render from it is safe
 * by an independent check (`unsafe-dom.ts`), stable under the reader's own sanitise, and fetches nothing
 * but the article's pictures. Page scripts do not run here, as they do not run in the injected script's
 * isolated world; tests/e2e/hostile.test.ts runs the same pages in Chromium, scripts and all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle, type Article } from '../../lib/extract';
import { sanitize } from '../../lib/extract/sanitize';
import { parseAsReader, reserialised, unsafeIn } from './unsafe-dom';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/hostile');
const PAGES = readdirSync(DIR).filter((f) => f.endsWith('.html')).sort();
const ORIGIN = 'https://news.example';
const readerWindow = window as Window & typeof globalThis;

/** Thumbnails the reader derives for video embeds: pictures of the article's own videos. */
const DERIVED_THUMBNAILS = /^https:\/\/(?:i\.ytimg\.com\/vi\/|www\.dailymotion\.com\/thumbnail\/video\/)/;

const extracted = new Map<string, { article: Article; doc: Document }>();

/** The page's article, extracted once per page (each page is read by several tests). */
function extract(file: string): { article: Article; doc: Document } {
  const cached = extracted.get(file);
  if (cached) return cached;
  const url = `${ORIGIN}/fixtures/hostile/${file}`;
  const dom = new JSDOM(readFileSync(resolve(DIR, file), 'utf8'), { url });
  const result = extractArticle(dom.window.document, url, { keepRemovedHtml: true, maxElemsToParse: 50_000 });
  if (result.kind !== 'article') throw new Error(`${file}: ${result.reason}: ${result.message}`);
  extracted.set(file, { article: result, doc: dom.window.document });
  return extracted.get(file)!;
}

/** Every URL the reader would fetch while showing `html` (pictures, posters, media), as written. */
function fetchedUrls(html: string): string[] {
  const urls: string[] = [];
  for (const el of Array.from(parseAsReader(html).querySelectorAll('[src], [srcset], [poster]'))) {
    for (const attr of ['src', 'poster']) {
      const v = el.getAttribute(attr);
      if (v) urls.push(v);
    }
    for (const candidate of (el.getAttribute('srcset') ?? '').split(/,\s+/)) {
      const u = candidate.trim().split(/\s+/)[0];
      if (u) urls.push(u);
    }
  }
  return urls;
}

describe('the hostile page suite', () => {
  it('has at least 30 pages, each described in the README', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(30);
    const readme = readFileSync(resolve(DIR, 'README.md'), 'utf8');
    for (const page of PAGES) expect(readme).toContain(`\`${page}\``);
  });
});

describe.each(PAGES)('hostile page %s', (file) => {
  const name = file.replace(/\.html$/, '');

  it('still reads as its article', () => {
    const { article, doc } = extract(file);
    // Readability keeps the site name in short titles ("Title | Site"); the headline must be there.
    expect(article.title).toContain(doc.querySelector('article h1')!.textContent!.trim());
    expect(article.wordCount).toBeGreaterThanOrEqual(50);
    expect(article.contentHtml).toContain(`src="${ORIGIN}/img/${name}-lead.png"`);
  });

  it('gives the reader HTML that is safe, and stable under its own sanitise and re-parsing', () => {
    const { article } = extract(file);
    expect(unsafeIn(article.contentHtml)).toEqual([]);
    expect(sanitize(article.contentHtml, readerWindow)).toBe(article.contentHtml);
    expect(reserialised(article.contentHtml)).toBe(article.contentHtml);
    for (const removal of article.removed) {
      if (removal.html) expect(unsafeIn(removal.html), `removed by ${removal.step}`).toEqual([]);
    }
  });

  it('makes the reader fetch nothing but the article’s pictures', () => {
    const { article } = extract(file);
    const html = [article.contentHtml, ...article.removed.map((r) => r.html ?? '')].join('');
    for (const url of fetchedUrls(html)) {
      // The page's own pictures (broken ones like `src=x` included), inline pictures, video thumbnails;
      // never a beacon, never another site the page pointed at.
      const own = url.startsWith(`${ORIGIN}/`) && !url.includes('/beacon/');
      expect(own || /^data:image\//.test(url) || DERIVED_THUMBNAILS.test(url), url).toBe(true);
    }
    expect(html).not.toMatch(/\b(?:ping|action|formaction|background|srcdoc)=/);
  });
});

describe('what particular hostile pages become', () => {
  it('video embeds become links to the videos, with thumbnails; the ad iframe goes', () => {
    const { article } = extract('video-embeds.html');
    const html = article.contentHtml;
    expect(html).toContain('href="https://www.youtube.com/watch?v=aBcDeFgHiJk"');
    expect(html).toContain('src="https://i.ytimg.com/vi/aBcDeFgHiJk/hqdefault.jpg"');
    expect(html).toContain('▶ The new ward, a walk-through');
    expect(html).toContain('href="https://vimeo.com/123456789"');
    expect(html).toContain('href="https://www.dailymotion.com/video/x8zz9yy"');
    // The script-fed <video> links back to the article's page, with its poster.
    expect(html).toContain(`<a href="${ORIGIN}/fixtures/hostile/video-embeds.html" data-cr-video="video"`);
    expect(html).toContain(`src="${ORIGIN}/img/video-embeds-poster.png"`);
    expect(html).not.toContain('ad-slot');
    expect(html).not.toMatch(/<(?:iframe|video)/);
  });

  it('<base href> in the head resolves pictures as the page did; the one in the body changes nothing', () => {
    const { article } = extract('base-href.html');
    expect(article.contentHtml).toContain(`src="${ORIGIN}/img/base-href-roof.png"`);
    expect(article.contentHtml).not.toContain('evil.invalid');
  });

  it('links cannot target the reader, and links into the extension are gone', () => {
    for (const file of ['link-targets.html', 'extension-urls.html']) {
      const html = extract(file).article.contentHtml;
      expect(html).not.toMatch(/target="(?!_blank")/);
      expect(html).not.toMatch(/chrome-extension:|moz-extension:|chrome:\/\//);
      expect(html).not.toContain('rel="opener"');
    }
  });

  it('content cannot pose as the reader’s own interface', () => {
    const html = extract('ui-spoofing.html').article.contentHtml;
    expect(html).not.toContain('data-testid');
    expect(html).not.toMatch(/id="(?!user-content-)/);
  });

  it('a page full of clobbering names is read like any other', () => {
    const { article } = extract('dom-clobbering.html');
    expect(article.contentHtml).toContain(`src="${ORIGIN}/img/dom-clobbering-bench.png"`);
    expect(article.contentHtml).not.toMatch(/\b(?:name|id)="(?!user-content-)/);
  });

  it('a dangling attribute swallows what the browser would swallow, and fetches nothing', () => {
    const { article } = extract('dangling-markup.html');
    expect(article.contentHtml).not.toContain('/beacon/');
    // The paragraph inside the unterminated src= is gone, as on the page; the rest is there.
    expect(article.text).not.toContain('Les nouveaux stands');
    expect(article.text).toContain('La mairie rappelle que le marché ouvre à sept heures');
  });
});
