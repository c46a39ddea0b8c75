/**
 * Lazy pictures whose real `<img>` sits in a `<noscript>` as text (how browsers with scripting on parse
 * it): the lazy-images step parses that text with the one inert parser (StepContext.parse) and puts the
 * real picture in the placeholder's place, on jsdom and on linkedom (the CLI's and the benches' DOM).
 */
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../pipeline';

const PARA = `<p>${'Warga kampung itu menanam padi di lereng bukit sejak puluhan tahun, dan panen tahun ini lebih baik. '.repeat(6)}</p>`;
const PAGE = `<!DOCTYPE html><html lang="id"><head><title>Panen di lereng</title></head><body><article>
<h1>Panen di lereng</h1>${PARA}
<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" class="lazy" alt="">
<noscript>&lt;img src="https://news.example/foto/sawah.jpg" alt="Sawah di lereng"&gt;</noscript>
<figcaption>Sawah di lereng bukit.</figcaption></figure>${PARA}${PARA}</article></body></html>`;
const URL_ = 'https://news.example/2026/panen';

function imagesOf(result: ReturnType<typeof extractArticle>): string[] {
  expect(result.kind).toBe('article');
  return result.kind === 'article' ? [...result.contentHtml.matchAll(/<img\b[^>]*>/g)].map((m) => m[0]) : [];
}

describe('pictures held as text in <noscript>', () => {
  it('replace their placeholder on jsdom', () => {
    const imgs = imagesOf(extractArticle(new JSDOM(PAGE).window.document, URL_));
    expect(imgs).toHaveLength(1);
    expect(imgs[0]).toContain('src="https://news.example/foto/sawah.jpg"');
    expect(imgs[0]).toContain('alt="Sawah di lereng"');
  });

  it('replace their placeholder on linkedom, sanitised on a jsdom window', () => {
    const { document } = parseHTML(PAGE) as unknown as { document: Document };
    const win = new JSDOM('').window as unknown as Window & typeof globalThis;
    const imgs = imagesOf(extractArticle(document, URL_, { sanitizeWindow: win }));
    expect(imgs).toHaveLength(1);
    expect(imgs[0]).toContain('src="https://news.example/foto/sawah.jpg"');
  });

  it('never run what the text holds', () => {
    const page = PAGE.replace('alt="Sawah di lereng"', 'alt="Sawah di lereng" onerror="globalThis.__pwned = 1"');
    const dom = new JSDOM(page);
    const imgs = imagesOf(extractArticle(dom.window.document, URL_));
    expect(imgs[0]).not.toMatch(/onerror/i);
    expect((dom.window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
