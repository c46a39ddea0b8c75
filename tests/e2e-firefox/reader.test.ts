/**
 * The reader in Firefox ESR, through the real Firefox build: the seed page (an Indonesian news article
 * buried in gambling banners and site chrome) and one real page from the shared corpus, each read by
 * injecting `/extract.js` with `scripting.executeScript`, as the toolbar button does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, readerState, readerText, startFirefoxHarness, waitForReaderState, type FirefoxHarness } from './harness';

interface Expected {
  /** Where the page lives; the fixture server serves it as if from there (its own links stay its own). */
  url: string;
  title: string;
  mustContain: string[];
  mustNotContain: string[];
}

const SEED = resolve(ROOT, 'tests/fixtures/pages/seed-tumble');
const expected = JSON.parse(readFileSync(resolve(SEED, 'expected.json'), 'utf8')) as Expected;

/**
 * One real page from ../shared/corpus (beside the repository): a fact-check article from an Indian
 * news site, full of third-party scripts that cannot load here. Chosen because it declares its charset
 * (Firefox, unlike the command line, does not guess UTF-8 for pages served over HTTP) and Node
 * extraction finds every sentence of its hand-labelled text. The expectations are that hand-labelled
 * text, never the extension's own output.
 */
const CORPUS_DIR = resolve(ROOT, '../shared/corpus/zyte');
const CORPUS_ID = '076f4f33bf75059db581bedf36e76fb65e89a8f7752db3339aa3ea11c5122f32';
const corpusPage = findCorpusPage(CORPUS_ID);

function findCorpusPage(id: string): { id: string; url: string; articleBody: string } | null {
  const truthFile = resolve(CORPUS_DIR, 'ground-truth.json');
  if (!existsSync(truthFile)) return null;
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, { url: string; articleBody: string }>;
  // Present but without this page is a broken corpus, not a missing one: fail, do not skip.
  if (!truth[id]) throw new Error(`The corpus at ${CORPUS_DIR} has no page ${id}`);
  return { id, ...truth[id] };
}

if (!corpusPage) {
  console.warn(`Firefox corpus page: skipped, no corpus at ${CORPUS_DIR} (it lives in ../shared/corpus beside the repository).`);
}

/** One Firefox for the file: it takes 15 s or more to start on a loaded machine. */
let h: FirefoxHarness;

beforeAll(async () => {
  // Served as if from their own sites: a page's home and section links are then links to "this site"
  // (which the clean-up steps treat as site chrome), as they were when the page was saved.
  h = await startFirefoxHarness({
    roots: corpusPage ? { '/corpus/': resolve(CORPUS_DIR, 'html') } : {},
    rehost: [new URL(expected.url).origin, ...(corpusPage ? [new URL(corpusPage.url).origin] : [])],
  });
});

afterAll(async () => {
  await h?.close();
});

describe('the seed page in Firefox', () => {
  let reader: Page;

  beforeAll(async () => {
    const { url } = await h.openPage('/pages/seed-tumble/source.html');
    reader = await h.openReader(url);
  });

  it('shows the article and everything it must contain', async () => {
    expect(await readerState(reader)).toBe('article');
    const { title, body } = await readerText(reader);
    expect(title).toBe(expected.title);
    expect(expected.mustContain.length).toBeGreaterThan(0);
    for (const text of expected.mustContain) expect(body, `reader text lacks "${text}"`).toContain(text);
  });

  it('shows none of the clutter, in the text or the markup', async () => {
    const { title, body } = await readerText(reader);
    const html = await reader.$eval('[data-testid="reader-body"]', (el) => el.innerHTML);
    expect(expected.mustNotContain.length).toBeGreaterThan(0);
    for (const text of expected.mustNotContain) {
      expect(body, `reader text contains "${text}"`).not.toContain(text);
      expect(html, `reader markup contains "${text}"`).not.toContain(text);
      expect(title).not.toContain(text);
    }
  });

  it('sets the article language, and links open in new tabs', async () => {
    expect(await reader.$eval('[data-testid="reader"]', (el) => el.getAttribute('lang'))).toBe('id');
    const targets = await reader.$$eval('[data-testid="reader-body"] a[href^="http"]', (links) =>
      links.map((a) => `${a.getAttribute('target')} ${a.getAttribute('rel')}`),
    );
    for (const t of targets) expect(t).toBe('_blank noopener noreferrer');
  });

  it('reads the same tab in the sidebar page (the Firefox sidebar loads sidepanel.html)', async () => {
    // Automation cannot open the sidebar itself (it needs a user gesture); its page, in a tab, can be.
    const { url } = await h.openPage('/pages/seed-tumble/source.html');
    const panel = await h.openExtensionPage('/sidepanel.html', { tabFor: url });
    expect(await waitForReaderState(panel)).toBe('article');
    const { title, body } = await readerText(panel);
    expect(title).toBe(expected.title);
    for (const text of expected.mustContain) expect(body).toContain(text);
  });

  it('logs no console errors in the extension', () => {
    expect(h.extensionProblems()).toEqual([]);
  });
});

describe.skipIf(!corpusPage)('a corpus page in Firefox (needs ../shared/corpus)', () => {
  let reader: Page;

  beforeAll(async () => {
    const { url } = await h.openPage(`/corpus/${corpusPage!.id}.html.gz`);
    reader = await h.openReader(url);
  });

  it('shows the hand-labelled article text', async () => {
    expect(await readerState(reader)).toBe('article');
    const { body } = await readerText(reader);
    const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
    const sentences = corpusPage!.articleBody
      .split(/(?<=[.!?])\s+/)
      .map(flat)
      .filter((s) => s.length >= 60);
    expect(sentences.length).toBeGreaterThan(5);
    const missing = sentences.filter((s) => !flat(body).includes(s));
    expect(missing).toEqual([]);
  });

  it('logs no console errors in the extension', () => {
    expect(h.extensionProblems()).toEqual([]);
  });
});
