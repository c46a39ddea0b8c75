/**
 * Fuzzing in `npm test`: a thousand-odd random and mutated pages through the sanitiser and the whole
 * pipeline, plus the pathological shapes named in the issue (10,000 levels of nesting, a 1 MB
 * attribute, NUL bytes and lone surrogates, pages over the element budget). The pipeline must never
 * throw, must say "article" or "not an article", and what it hands the reader must be safe and stable.
 *
 * Cases are small so the run stays short on a 2-core machine; `npm run fuzz:nightly` runs many more.
 * A failure prints fast-check's seed and path: replay with `FUZZ_SEED=<seed> npx vitest run tests/unit/fuzz.test.ts`.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract';
import { MAX_DEPTH, workBudgetExceeded } from '../../lib/extract/pipeline';
import { sanitize } from '../../lib/extract/sanitize';
import { MAX_ELEMS_TO_PARSE } from '../../utils/extract-in-page';
import { anyHtml, anyPage, checkExtraction, checkSanitized, documentFrom, FUZZ_URL, type DomWindow } from './fuzz-html';

const win = window as DomWindow;
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const runs = (numRuns: number) => ({ numRuns, seed, endOnFailure: true });

const PARAGRAPH = '<p>The council met again on Tuesday evening to talk about the harbour wall, the ferry timetable and the library.</p>';
const article = (body: string) => `<!doctype html><html><head><title>Harbour news</title></head><body><article><h1>Harbour news</h1>${PARAGRAPH.repeat(6)}${body}</article></body></html>`;

describe('fuzzing the sanitiser', () => {
  it('turns any HTML into safe HTML that the reader renders unchanged (800 cases)', { timeout: 180_000 }, () => {
    fc.assert(
      fc.property(anyHtml, (html) => {
        checkSanitized(sanitize(html, win), win);
      }),
      runs(800),
    );
  });
});

describe('fuzzing the pipeline', () => {
  it('never throws on random and mutated pages, and hands the reader only safe HTML (200 cases)', { timeout: 180_000 }, () => {
    fc.assert(
      fc.property(anyPage, (html) => {
        checkExtraction(documentFrom(html, win), win);
      }),
      runs(200),
    );
  });
});

describe('pathological pages', () => {
  it('10,000 levels of nesting: "too large", not a stack overflow', () => {
    // Parsed by linkedom, the command-line reader's DOM: jsdom needs minutes to build a tree this deep
    // (and overflows its stack attaching one built by script), and Chromium's parser stops nesting at
    // 512 levels; the browser test opens the same page in Chromium.
    const deep = article(`${'<div>'.repeat(10_000)}<p>The innermost paragraph.</p>${'</div>'.repeat(10_000)}`);
    const { document } = parseHTML(deep);
    const result = checkExtraction(document as unknown as Document, win);
    expect(result).toMatchObject({ kind: 'not-article', reason: 'too-large', bestEffort: null });
    if (result.kind === 'not-article') expect(result.message).toMatch(/levels deep/);
  });

  it('nesting at the depth budget is extracted; one level more is "too large"', () => {
    // html > body > `wrappers` divs > article > p: the deepest element is `wrappers + 4` levels down.
    const page = (wrappers: number) => {
      const doc = documentFrom(article(''), win);
      let parent: Element = doc.body;
      for (let i = 0; i < wrappers; i++) parent = parent.appendChild(doc.createElement('div'));
      parent.append(doc.querySelector('article')!);
      return doc;
    };
    const atBudget = page(MAX_DEPTH - 4);
    expect(workBudgetExceeded(atBudget, 0, MAX_DEPTH)).toBeNull();
    expect(checkExtraction(atBudget, win).kind).toBe('article');
    const over = page(MAX_DEPTH - 3);
    expect(workBudgetExceeded(over, 0, MAX_DEPTH)).toMatch(/levels deep/);
    expect(checkExtraction(over, win)).toMatchObject({ kind: 'not-article', reason: 'too-large' });
  });

  it('a 1 MB attribute (on a paragraph, a picture and a link) is carried through or dropped, never fatal', () => {
    const mb = 'x'.repeat(1 << 20);
    const doc = new JSDOM(article(`<p title="${mb}">Captioned.</p><img src="https://img.example/a.jpg?${mb.slice(0, 100_000)}" alt="a"><a href="https://news.example/${mb}">more</a><p data-x="${mb}">${PARAGRAPH}</p>`)).window.document;
    const result = checkExtraction(doc, win);
    expect(result.kind).toBe('article');
    if (result.kind === 'article') expect(result.contentHtml).toContain(`title="${mb}"`);
  });

  it('NUL bytes, lone surrogates and broken entities in text and attributes', () => {
    const junk = '\u0000\ud800\udfff\ud83d&#0;&#xD800;&#x110000;&#;&amp\u202e';
    const doc = new JSDOM(article(`<p title="${junk}">${junk}${PARAGRAPH}</p><a href="https://news.example/\u0000\ud800">${junk}</a>`)).window.document;
    const result = checkExtraction(doc, win);
    expect(result.kind).toBe('article');
    if (result.kind === 'article') expect(result.text).not.toContain('\u0000');
  });

  it('unclosed tags everywhere: the text still reaches the reader', () => {
    const unclosed = Array.from({ length: 12 }, (_, i) => `<div><p><b><i><table><tr><td>Part ${i}: ${PARAGRAPH.slice(3, -4)}`).join('');
    const result = checkExtraction(new JSDOM(`<html><body><article><h1>Harbour news</h1>${unclosed}`).window.document, win);
    const shown = result.kind === 'article' ? result : result.bestEffort;
    expect(shown?.text).toContain('Part 0: The council met again');
    expect(shown?.text).toContain('Part 11: The council met again');
  });
});

describe('the work budget', () => {
  const manyElements = (n: number) => article(`<ul>${'<li>item</li>'.repeat(n)}</ul>`);

  it('a page over the element budget is "too large", before any copying or parsing', () => {
    const doc = new JSDOM(manyElements(MAX_ELEMS_TO_PARSE)).window.document;
    const count = doc.getElementsByTagName('*').length;
    expect(count).toBeGreaterThan(MAX_ELEMS_TO_PARSE);
    const result = extractArticle(doc, FUZZ_URL, { sanitizeWindow: win, maxElemsToParse: MAX_ELEMS_TO_PARSE });
    expect(result).toMatchObject({ kind: 'not-article', reason: 'too-large', bestEffort: null });
    if (result.kind === 'not-article') expect(result.message).toContain(String(count));
  });

  it('a page under the budget is extracted in full', () => {
    const doc = new JSDOM(manyElements(2_000)).window.document;
    const budget = doc.getElementsByTagName('*').length;
    expect(extractArticle(doc, FUZZ_URL, { sanitizeWindow: win, maxElemsToParse: budget }).kind).toBe('article');
    expect(extractArticle(doc, FUZZ_URL, { sanitizeWindow: win, maxElemsToParse: budget - 1 })).toMatchObject({ reason: 'too-large' });
  });
});
