/**
 * Golden pages: every folder under tests/fixtures/pages holds a page as a site served it (`source.html`)
 * and what a reader must and must not show from it (`expected.json`, written by hand).
 *
 * `readabilityKeeps` lists clutter that plain Readability lets through on that page: asserting it proves
 * the fixture really exercises our clean-up steps (it fails without them).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../lib/extract/pipeline';
import type { Article } from '../../lib/extract/types';

interface Expected {
  url: string;
  title: string;
  /** Passages that must be in the article's text. */
  mustContain: string[];
  /** Passages that must be in the text exactly, white space and line breaks included (code blocks). */
  mustContainVerbatim?: string[];
  /** Clutter that must be in neither the text nor the HTML. */
  mustNotContain: string[];
  /** Markup that must survive into the sanitised HTML (classes, tags, image URLs). */
  htmlMustContain?: string[];
  /** Passages that must appear in the text at most this many times (a pull quote repeats a sentence). */
  maxOccurrences?: Record<string, number>;
  /** Clutter (in text or HTML) that plain Readability keeps on this page. */
  readabilityKeeps?: string[];
  /** What plain Readability loses or breaks here and our pipeline must keep (text or HTML). */
  readabilityLoses?: string[];
  /** The body must not open with the title again. Default true. */
  titleNotAtTop?: boolean;
}

const PAGES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'pages');
const folders = readdirSync(PAGES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

function run(folder: string, readabilityOnly: boolean): Article {
  const html = readFileSync(join(PAGES_DIR, folder, 'source.html'), 'utf8');
  const expected = loadExpected(folder);
  const dom = new JSDOM(html, { url: expected.url });
  const result = extractArticle(dom.window.document, expected.url, { readabilityOnly });
  if (result.kind !== 'article') throw new Error(`${folder}: ${result.message}`);
  return result;
}

function loadExpected(folder: string): Expected {
  return JSON.parse(readFileSync(join(PAGES_DIR, folder, 'expected.json'), 'utf8')) as Expected;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

it('has golden pages to check', () => {
  expect(folders.length).toBeGreaterThan(0);
});

describe.each(folders)('golden page %s', (folder) => {
  it('has a source page and a hand-written expectation', () => {
    expect(existsSync(join(PAGES_DIR, folder, 'source.html'))).toBe(true);
    const expected = loadExpected(folder);
    expect(expected.mustContain.length).toBeGreaterThan(0);
    expect(expected.mustNotContain.length + (expected.htmlMustContain?.length ?? 0)).toBeGreaterThan(0);
  });

  it('reads clean: the story in, the clutter out', () => {
    const expected = loadExpected(folder);
    const article = run(folder, false);
    const text = squash(article.text);
    expect(article.title).toBe(expected.title);
    for (const passage of expected.mustContain) expect(text).toContain(squash(passage));
    for (const passage of expected.mustContainVerbatim ?? []) expect(article.text).toContain(passage);
    for (const clutter of expected.mustNotContain) {
      expect(text).not.toContain(clutter);
      expect(article.contentHtml).not.toContain(clutter);
    }
    for (const markup of expected.htmlMustContain ?? []) expect(article.contentHtml).toContain(markup);
    for (const [passage, max] of Object.entries(expected.maxOccurrences ?? {})) {
      expect(count(text, squash(passage))).toBeLessThanOrEqual(max);
    }
    if (expected.titleNotAtTop !== false) {
      const top = text.slice(0, expected.title.length + 200).toLowerCase();
      expect(top).not.toContain(squash(expected.title).toLowerCase());
    }
  });

  it('exercises the clean-up: plain Readability gets this page wrong', () => {
    const expected = loadExpected(folder);
    const keeps = expected.readabilityKeeps ?? [];
    const loses = expected.readabilityLoses ?? [];
    expect(keeps.length + loses.length).toBeGreaterThan(0);
    const plain = run(folder, true);
    const plainAll = `${squash(plain.text)}\n${plain.contentHtml}`;
    for (const clutter of keeps) expect(plainAll).toContain(clutter);
    const ours = run(folder, false);
    const oursAll = `${squash(ours.text)}\n${ours.contentHtml}`;
    for (const kept of loses) {
      expect(plainAll).not.toContain(kept);
      expect(oursAll).toContain(kept);
    }
  });
});
