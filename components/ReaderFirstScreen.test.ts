import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/extract';
import { firstScreen } from './ReaderFirstScreen';

const SEED = resolve(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/pages/seed-tumble');

/** The seed page's body through the real pipeline, as the reader receives it. */
function seedBody(): string {
  const expected = JSON.parse(readFileSync(resolve(SEED, 'expected.json'), 'utf8')) as { url: string };
  const dom = new JSDOM(readFileSync(resolve(SEED, 'source.html'), 'utf8'), { url: expected.url });
  const result = extractArticle(dom.window.document, expected.url, { sanitizeWindow: dom.window as unknown as Window & typeof globalThis });
  if (result.kind !== 'article') throw new Error(`seed page gave ${result.kind}`);
  return result.contentHtml;
}

/** The text of each paragraph-level block, in order, as a browser parses the HTML. */
function blocks(html: string): string[] {
  const doc = new JSDOM(`<body>${html}</body>`).window.document;
  return Array.from(doc.body.querySelectorAll('p, h2, h3, li, figcaption, blockquote'), (b) => b.textContent ?? '');
}

describe('firstScreen', () => {
  const body = seedBody();

  it('cuts after a block end, so the first part is the whole body’s first blocks, complete', () => {
    const chars = Math.floor(body.length / 4);
    const first = firstScreen(body, chars)!;
    expect(first).not.toBeNull();
    expect(first.length).toBeGreaterThanOrEqual(chars);
    expect(body.startsWith(first)).toBe(true);
    expect(first).toMatch(/<\/(?:p|h[1-6]|figure|ul|ol|dl|blockquote|pre|table|section|div)>$/i);
    const firstBlocks = blocks(first);
    const allBlocks = blocks(body);
    expect(firstBlocks.length).toBeGreaterThan(0);
    expect(firstBlocks.length).toBeLessThan(allBlocks.length);
    expect(firstBlocks).toEqual(allBlocks.slice(0, firstBlocks.length));
  });

  it('does not split a body shorter than two first screens', () => {
    expect(firstScreen(body, Math.ceil(body.length / 2) + 1)).toBeNull();
    expect(firstScreen(body)).toBeNull(); // the seed article is about a screen: painted whole
  });

  it('does not split when the block end comes so late that the rest is the smaller part', () => {
    const lead = `<p>${'La travesía nocturna vuelve al horario de invierno. '.repeat(6)}</p>`;
    const long = `<p>${'Los barcos salen cada hora desde el muelle norte. '.repeat(12)}</p>`;
    const html = `${lead}${long}<p>Fin.</p>`;
    expect(firstScreen(html, lead.length - 10)).toBe(lead);
    expect(firstScreen(html, lead.length + 10)).toBeNull();
  });

  it('does not split where no block ends after the first screen', () => {
    const oneParagraph = `<p>${'Kalimat panjang tanpa akhir blok. '.repeat(400)}</p>`;
    expect(firstScreen(oneParagraph, 1_000)).toBeNull();
  });
});
