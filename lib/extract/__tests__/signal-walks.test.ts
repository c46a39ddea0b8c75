/**
 * `isProtected` walks up the ancestors instead of calling `closest(PROTECTED_SELECTOR)` (linkedom compiles
 * a selector on every call). The walk must say exactly what the selector says: checked here on every
 * element of every golden page, which between them hold code, KaTeX, MathJax, MathML, tables and figures,
 * on jsdom (the test DOM) and on linkedom (the CLI's and the benchmarks').
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { isProtected, PROTECTED_SELECTOR } from '../steps/signals';

const PAGES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'tests', 'fixtures', 'pages');
const pages = readdirSync(PAGES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => readFileSync(join(PAGES_DIR, d.name, 'source.html'), 'utf8'));

function disagreements(doc: Document): string[] {
  const out: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    const bySelector = el.closest(PROTECTED_SELECTOR) !== null;
    if (isProtected(el) !== bySelector) out.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> selector says ${bySelector}`);
  }
  return out;
}

describe('isProtected', () => {
  it('has golden pages with protected content to check against', () => {
    expect(pages.length).toBeGreaterThan(5);
    const protectedCount = pages
      .map((html) => new JSDOM(html).window.document)
      .reduce((n, doc) => n + Array.from(doc.querySelectorAll('*')).filter((el) => el.closest(PROTECTED_SELECTOR)).length, 0);
    expect(protectedCount).toBeGreaterThan(20);
  });

  it('agrees with closest(PROTECTED_SELECTOR) on every element, in jsdom', () => {
    for (const html of pages) expect(disagreements(new JSDOM(html).window.document)).toEqual([]);
  });

  it('agrees with closest(PROTECTED_SELECTOR) on every element, in linkedom', () => {
    for (const html of pages) expect(disagreements((parseHTML(html) as unknown as { document: Document }).document)).toEqual([]);
  });

  it('sees the class names of math renderers among other classes, and only whole names', () => {
    const { document } = new JSDOM(
      '<p><span class="x katex\tdisplay"><b id="a">1</b></span><span class="katexish"><b id="b">2</b></span><span class="MathJax_Preview"><b id="c">3</b></span></p>',
    ).window;
    expect(isProtected(document.getElementById('a')!)).toBe(true);
    expect(isProtected(document.getElementById('b')!)).toBe(false);
    expect(isProtected(document.getElementById('c')!)).toBe(false);
  });
});
