/**
 * `isProtected`, `hasDescendant`, `hasAncestorOrSelf`, `isAuthorMark` and `inMathOrHead` walk the tree or
 * test attributes instead of calling `closest` / `querySelector` / `matches` with a selector (linkedom
 * compiles a selector on every call).
 * Each must say exactly what its selector says: checked here on every element of every golden page, which
 * between them hold code, KaTeX, MathJax, MathML, tables, figures and author boxes, on jsdom (the test
 * DOM) and on linkedom (the CLI's and the benchmarks').
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { BLOCK_SELECTOR, hasAncestorOrSelf, hasDescendant, isProtected, PROTECTED_SELECTOR } from '../steps/signals';
import { isAuthorMark } from '../steps/author-box';
import { inMathOrHead } from '../steps/hidden';

/** What the hidden step asked `closest` before `inMathOrHead`. */
const MATH_OR_HEAD = '.katex, .MathJax, mjx-container, math, [class*="MathJax" i], head';

/** What author-box queried before `isAuthorMark` replaced the selector list. */
const AUTHOR_MARK =
  'a[rel~="author"], [itemprop="author"], [itemtype*="schema.org/Person"], a[href*="/author/"], a[href*="/authors/"], a[href*="/penulis/"], a[href*="/autor/"], a[href*="/avtor/"]';

const PAGES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'tests', 'fixtures', 'pages');
const pages = readdirSync(PAGES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => readFileSync(join(PAGES_DIR, d.name, 'source.html'), 'utf8'));

const BLOCK_TAGS = new Set(BLOCK_SELECTOR.split(', ').map((t) => t.toUpperCase()));
/** What the controls step asked `closest` and `querySelector` of gallery counters. */
const COUNTER_PROTECTED = 'pre, code, table, math';
const COUNTER_BLOCKS = 'div, p, li';
const tagSet = (selector: string) => new Set(selector.split(', ').map((t) => t.toUpperCase()));

function disagreements(doc: Document): string[] {
  const out: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    const bySelector = el.closest(PROTECTED_SELECTOR) !== null;
    if (isProtected(el) !== bySelector) out.push(`isProtected <${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> selector says ${bySelector}`);
    const hasBlock = el.querySelector(BLOCK_SELECTOR) !== null;
    if (hasDescendant(el, BLOCK_TAGS) !== hasBlock) out.push(`hasDescendant <${el.tagName.toLowerCase()}> selector says ${hasBlock}`);
    const inMath = el.closest(MATH_OR_HEAD) !== null;
    if (inMathOrHead(el) !== inMath) out.push(`inMathOrHead <${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> selector says ${inMath}`);
    const inCounterProtected = el.closest(COUNTER_PROTECTED) !== null;
    if (hasAncestorOrSelf(el, tagSet(COUNTER_PROTECTED)) !== inCounterProtected) out.push(`hasAncestorOrSelf <${el.tagName.toLowerCase()}> selector says ${inCounterProtected}`);
    const hasCounterBlock = el.querySelector(COUNTER_BLOCKS) !== null;
    if (hasDescendant(el, tagSet(COUNTER_BLOCKS)) !== hasCounterBlock) out.push(`hasDescendant <${el.tagName.toLowerCase()}> (${COUNTER_BLOCKS}) selector says ${hasCounterBlock}`);
    const mark = el.matches(AUTHOR_MARK);
    if (isAuthorMark(el) !== mark) out.push(`isAuthorMark <${el.tagName.toLowerCase()} href="${el.getAttribute('href') ?? ''}"> selector says ${mark}`);
  }
  return out;
}

describe('isProtected and hasDescendant', () => {
  it('has golden pages with protected content to check against', () => {
    expect(pages.length).toBeGreaterThan(5);
    const protectedCount = pages
      .map((html) => new JSDOM(html).window.document)
      .reduce((n, doc) => n + Array.from(doc.querySelectorAll('*')).filter((el) => el.closest(PROTECTED_SELECTOR)).length, 0);
    expect(protectedCount).toBeGreaterThan(20);
  });

  it('agree with their selectors on every element, in jsdom', () => {
    for (const html of pages) expect(disagreements(new JSDOM(html).window.document)).toEqual([]);
  });

  it('agree with their selectors on every element, in linkedom', () => {
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

  it('isAuthorMark knows every mark, rel in any case, and nothing else', () => {
    const { document } = new JSDOM(
      '<a id="a" rel="nofollow Author" href="/x">A</a><a id="b" href="https://site.example/penulis/ana/">B</a><span id="c" itemprop="author">C</span>' +
        '<div id="d" itemtype="https://schema.org/Person">D</div><a id="e" href="/authority/">E</a><span id="f" rel="author">F</span><span id="g" itemprop="authors">G</span>',
    ).window;
    const marked = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].filter((id) => isAuthorMark(document.getElementById(id)!));
    expect(marked).toEqual(['a', 'b', 'c', 'd']);
    expect(Array.from(document.querySelectorAll(AUTHOR_MARK)).map((el) => el.id)).toEqual(marked);
  });

  it('hasAncestorOrSelf counts the element itself and every ancestor, and nothing below', () => {
    const { document } = new JSDOM('<table><tr><td id="a"><span id="b">1</span></td></tr></table><p id="c"><code id="d">x</code></p><div id="e"><pre></pre></div>').window;
    const tags = tagSet(COUNTER_PROTECTED);
    const inside = ['a', 'b', 'c', 'd', 'e'].filter((id) => hasAncestorOrSelf(document.getElementById(id)!, tags));
    expect(inside).toEqual(['a', 'b', 'd']);
  });

  it('hasDescendant looks below the element only, and not into templates', () => {
    const { document } = new JSDOM('<div id="a"><span><em><p>x</p></em></span></div><p id="b"><span>y</span></p><div id="c"><template><p>z</p></template></div>').window;
    const tags = new Set(['P']);
    expect(hasDescendant(document.getElementById('a')!, tags)).toBe(true);
    expect(hasDescendant(document.getElementById('b')!, tags)).toBe(false);
    expect(hasDescendant(document.getElementById('c')!, tags)).toBe(false);
  });
});
