/**
 * Random and mutated HTML for fuzzing the extraction pipeline and the sanitiser, shared by
 * tests/unit/fuzz.test.ts (a thousand-odd cases in `npm test`) and scripts/fuzz-nightly.ts (many more).
 *
 * The generators aim at what breaks parsers and DOM code: unclosed and mis-nested tags, foreign content
 * (SVG, MathML) and raw-text elements, handlers and script URLs, NUL bytes, lone surrogates, broken
 * entities, comments and CDATA, and the hostile fixture pages cut up and recombined.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { extractArticle, type ExtractResult } from '../../lib/extract';
import { sanitize } from '../../lib/extract/sanitize';
import { unsafeIn } from './unsafe-dom';

export type DomWindow = Window & typeof globalThis;

const HOSTILE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/hostile');
/** The hostile fixture pages, as seeds for mutation. */
export const SEED_PAGES: string[] = readdirSync(HOSTILE_DIR)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => readFileSync(resolve(HOSTILE_DIR, f), 'utf8'));

const TAGS = [
  'p', 'div', 'span', 'a', 'img', 'article', 'section', 'h1', 'h2', 'ul', 'li', 'table', 'tr', 'td', 'th', 'tbody',
  'pre', 'code', 'blockquote', 'figure', 'figcaption', 'picture', 'source', 'video', 'audio', 'br', 'hr', 'b', 'i',
  'form', 'input', 'button', 'select', 'option', 'textarea', 'iframe', 'object', 'embed', 'script', 'style',
  'noscript', 'template', 'title', 'xmp', 'plaintext', 'listing', 'noembed', 'noframes', 'svg', 'math', 'mtext',
  'mglyph', 'malignmark', 'annotation-xml', 'foreignObject', 'desc', 'use', 'image', 'animate', 'set', 'mi', 'mo',
  'base', 'meta', 'link', 'head', 'body', 'html', 'frameset', 'frame', 'details', 'summary', 'dialog', 'x-card',
  'lite-youtube', 'nav', 'header', 'footer', 'main', 'aside',
];
const ATTRS = [
  'href', 'src', 'srcset', 'poster', 'style', 'onerror', 'onload', 'onclick', 'srcdoc', 'action', 'formaction',
  'ping', 'background', 'id', 'name', 'class', 'title', 'alt', 'width', 'height', 'xlink:href', 'data-src',
  'attributeName', 'values', 'to', 'encoding', 'shadowrootmode', 'is', 'target', 'rel', 'constructor', '__proto__',
  'http-equiv', 'content', 'fill', 'lang', 'dir', 'hidden', 'data-cr-removed', 'videoid', 'autofocus', 'open',
];
const VALUES = [
  'javascript:alert(1)', ' jAvAsCrIpT:alert(1)', 'java\tscript:alert(1)', '&#106;avascript:alert(1)',
  'data:text/html,<script>alert(1)</script>', 'data:image/png;base64,iVBORw0KGgo=', 'https://img.example/a.jpg',
  '/img/a.png', '//evil.invalid/x', '#top', 'x', '1', 'url(https://t.invalid/p)', '\\75 rl(https://t.invalid/p)',
  'url(#g)', 'text/html', 'open', 'cloneNode', 'getElementsByTagName', 'body', '0;url=https://evil.invalid/',
  '</style><img src=x onerror=alert(1)>', '--><img src=x onerror=alert(1)>', '"><svg onload=alert(1)>',
  'https://www.youtube.com/embed/dQw4w9WgXcQ', 'blob:https://x.example/1', 'a.jpg 1x, javascript:alert(1) 2x', '',
  '\u0000', '\ud800', 'https://cdn.example/w_300,h_200/a.jpg 300w',
];
const TEXTS = [
  'The council met again on Tuesday to discuss the harbour.', 'Residents said they were relieved.', '<', '>', '&',
  '&amp', '&#0;', '&#xD800;', '&#x110000;', '&lt;script&gt;', '\u0000', '\ud800', '\udfff', '\u202e', '\u200b',
  '<!--', '-->', '<![CDATA[', ']]>', '</', '<?xml ?>', '<!doctype html>', 'مرحبا بالعالم', '東京の天気は晴れ',
  'ภาษาไทยไม่มีช่องว่าง', '\r\n', '\t', ' ',
];

const attribute = fc
  .tuple(fc.constantFrom(...ATTRS), fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 12 })), fc.constantFrom('"', "'", ''))
  .map(([name, value, quote]) => (quote ? ` ${name}=${quote}${value.replaceAll(quote, '')}${quote}` : ` ${name}=${value.replace(/[\s>]/g, '')}`));

const token: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...TAGS), fc.array(attribute, { maxLength: 3 }), fc.boolean()).map(([t, a, selfClose]) => `<${t}${a.join('')}${selfClose ? '/' : ''}>`) },
  { weight: 3, arbitrary: fc.constantFrom(...TAGS).map((t) => `</${t}>`) },
  { weight: 4, arbitrary: fc.constantFrom(...TEXTS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map((s) => `<!--${s}-->`) },
);

/** A soup of tags, attributes, text and junk, nothing guaranteed to be closed or nested right. */
export const htmlSoup: fc.Arbitrary<string> = fc.array(token, { maxLength: 40 }).map((tokens) => tokens.join(''));

/** A plausible article (enough words to pass as one) with soup spliced in, so the article path runs too. */
export const articleWithSoup: fc.Arbitrary<string> = fc
  .tuple(fc.array(htmlSoup, { minLength: 1, maxLength: 4 }), fc.integer({ min: 3, max: 8 }))
  .map(([soups, n]) => {
    const paragraphs = Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1}: the council met again on Tuesday evening to talk about the harbour wall, the ferry timetable and the new library hours.</p>${soups[i % soups.length]}`);
    return `<!doctype html><html><head><title>Harbour news</title></head><body><article><h1>Harbour news</h1>${paragraphs.join('')}</article></body></html>`;
  });

/** A hostile fixture page cut, spliced and corrupted at random places. */
export const mutatedPage: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...SEED_PAGES),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 200 }), fc.oneof(token, fc.constant(''), fc.constant('\u0000'), fc.constant('\ud800'))), { minLength: 1, maxLength: 6 }),
  )
  .map(([page, edits]) => {
    let out = page;
    for (const [at, cut, insert] of edits) {
      const i = at % (out.length + 1);
      out = out.slice(0, i) + insert + out.slice(i + cut);
    }
    return out;
  });

/** Bytes that are not valid UTF-8, decoded the way a browser would (replacement characters, or windows-1252). */
export const badlyEncoded: fc.Arbitrary<string> = fc
  .tuple(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('utf-8', 'windows-1252', 'utf-16le'), articleWithSoup)
  .map(([bytes, encoding, page]) => {
    const junk = new TextDecoder(encoding).decode(bytes);
    const cut = Math.floor(page.length / 2);
    return page.slice(0, cut) + junk + page.slice(cut);
  });

/**
 * Pages for the whole pipeline, where each case costs a Readability run: mostly soups and short
 * articles, a mutated fixture page now and then.
 */
export const anyPage: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: htmlSoup },
  { weight: 3, arbitrary: articleWithSoup },
  { weight: 1, arbitrary: mutatedPage },
  { weight: 1, arbitrary: badlyEncoded },
);

/** Any of the above, small soups most often (they are cheap, and where parsers get creative). */
export const anyHtml: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: htmlSoup },
  { weight: 2, arbitrary: articleWithSoup },
  { weight: 2, arbitrary: mutatedPage },
  { weight: 1, arbitrary: badlyEncoded },
);

/**
 * A document built from `html` without a new window per case (jsdom windows are heavy): the markup is
 * parsed by jsdom's spec parser as a fragment and moved into a fresh HTML document.
 */
export function documentFrom(html: string, win: DomWindow): Document {
  const doc = win.document.implementation.createHTMLDocument('');
  doc.body.append(doc.importNode(JSDOM.fragment(html), true));
  return doc;
}

export const FUZZ_URL = 'https://news.example/fuzz/page.html';

/**
 * The pipeline's contract on any input: it never throws; it says "article" or "not an article"; and
 * whatever the reader would show is safe, fetches no script URL, and does not change when the reader
 * sanitises it again. Throws (with the reason) when the contract is broken.
 */
export function checkExtraction(doc: Document, win: DomWindow, options: { maxElemsToParse?: number } = {}): ExtractResult {
  const result = extractArticle(doc, FUZZ_URL, { sanitizeWindow: win, keepRemovedHtml: true, maxElemsToParse: options.maxElemsToParse ?? 50_000 });
  if (result.kind !== 'article' && result.kind !== 'not-article') throw new Error(`unexpected result kind ${String((result as { kind: unknown }).kind)}`);
  const article = result.kind === 'article' ? result : result.bestEffort;
  if (article) {
    checkSanitized(article.contentHtml, win);
    for (const r of article.removed) if (r.html) checkSanitized(r.html, win);
  }
  return result;
}

/**
 * Sanitised HTML parses (as the reader parses it) into nothing unsafe; so does what the reader renders
 * from it after sanitising it again; and that rendering is settled: sanitising it once more changes
 * nothing. (Sanitising is not always idempotent on the first pass: DOMPurify may reorder an attribute
 * or re-nest an odd tree once, never twice.)
 */
export function checkSanitized(html: string, win: DomWindow): void {
  const problems = unsafeIn(html);
  if (problems.length) throw new Error(`unsafe output: ${problems.join('; ')}\n${html.slice(0, 500)}`);
  const rendered = sanitize(html, win);
  const renderedProblems = unsafeIn(rendered);
  if (renderedProblems.length) throw new Error(`unsafe after the reader's sanitise: ${renderedProblems.join('; ')}\n${rendered.slice(0, 500)}`);
  const again = sanitize(rendered, win);
  if (again !== rendered) throw new Error(`the reader's rendering is not settled:\n${rendered.slice(0, 300)}\n${again.slice(0, 300)}`);
}
