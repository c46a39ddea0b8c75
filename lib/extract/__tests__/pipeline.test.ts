import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../pipeline';

const paragraphs = Array.from({ length: 8 }, (_, i) =>
  `<p>Paragraph ${i + 1} of the story tells readers what happened in the harbour town, who saw it, and why the council met again that evening to talk it over.</p>`,
).join('');
const PAGE = `<!doctype html><html lang="en"><head><title>Harbour council meets again</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>Harbour council meets again</h1>${paragraphs}
<p><a href="/more">A relative link</a> and <img src="pic.jpg" alt="The harbour"></p></article></body></html>`;

describe('extractArticle', () => {
  it('does not throw on a <base> whose only href is xlink:href (jsdom matches it as base[href])', () => {
    const html = `<!DOCTYPE html><html><body><desc><set>x<base xlink:href='cloneNode'>]]&gt;</set></desc></body></html>`;
    const dom = new JSDOM(html, { url: 'https://example.org/a' });
    expect(extractArticle(dom.window.document, 'https://example.org/a').kind).toBe('not-article');
    expect(dom.window.document.querySelectorAll('base')).toHaveLength(1);
  });

  it('never mutates the document it is given', () => {
    const dom = new JSDOM(PAGE, { url: 'https://news.example/a/b.html' });
    const before = dom.serialize();
    const result = extractArticle(dom.window.document, 'https://news.example/a/b.html');
    expect(result.kind).toBe('article');
    expect(dom.serialize()).toBe(before);
  });

  it('returns absolute URLs and block-separated text', () => {
    const dom = new JSDOM(PAGE, { url: 'https://news.example/a/b.html' });
    const result = extractArticle(dom.window.document, 'https://news.example/a/b.html');
    if (result.kind !== 'article') throw new Error(result.message);
    expect(result.contentHtml).toContain('href="https://news.example/more"');
    expect(result.contentHtml).toContain('src="https://news.example/a/pic.jpg"');
    expect(result.text).toMatch(/evening to talk it over\.\n\nParagraph 2/);
    expect(result.lang).toBe('en');
    expect(result.wordCount).toBeGreaterThan(150);
  });

  it('calls a page with no article "not an article"', () => {
    const dom = new JSDOM('<html><body><p>Sign in</p></body></html>', { url: 'https://x.example/' });
    const result = extractArticle(dom.window.document, 'https://x.example/');
    expect(result.kind).toBe('not-article');
  });
});
