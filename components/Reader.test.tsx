import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { extractArticle, type Article } from '@/lib/extract';
import { Reader } from './Reader';

const SEED = resolve(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/pages/seed-tumble');

/** The seed page through the real pipeline, keeping removed blocks' HTML as the injected script does. */
function seedArticle(): Article {
  const expected = JSON.parse(readFileSync(resolve(SEED, 'expected.json'), 'utf8')) as { url: string };
  const dom = new JSDOM(readFileSync(resolve(SEED, 'source.html'), 'utf8'), { url: expected.url });
  const result = extractArticle(dom.window.document, expected.url, {
    keepRemovedHtml: true,
    sanitizeWindow: dom.window as unknown as Window & typeof globalThis,
  });
  if (result.kind !== 'article') throw new Error(`seed page gave ${result.kind}`);
  return result;
}

function hostileArticle(): Article {
  return {
    kind: 'article',
    url: 'https://news.example/a',
    title: 'A <b>title</b>',
    byline: null,
    siteName: null,
    lang: 'en',
    dir: null,
    publishedTime: null,
    excerpt: null,
    leadImage: null,
    contentHtml:
      '<p>Hello</p><img src="x" onerror="window.__pwned = 1"><script>window.__pwned = 2</script>' +
      '<a href="javascript:window.__pwned = 3">link</a><div data-cr-removed="0" hidden=""></div>',
    text: 'Hello',
    wordCount: 1,
    readingMinutes: 1,
    removed: [{ step: 'ad-slots', sample: 'ad', html: '<p onclick="x()">ad</p><script>window.__pwned = 4</script>' }],
  };
}

describe('Reader', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.appendChild(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const mount = (article: Article) => act(() => render(<Reader article={article} browserLocales={['en-GB']} />, root));
  const $ = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;

  it('shows the title, the metadata and the body, in the article’s language', () => {
    const article = seedArticle();
    mount(article);
    expect($('reader-title').textContent).toBe(article.title);
    expect($('reader').getAttribute('lang')).toBe('id');
    expect($('reader-date').getAttribute('datetime')).toBe(article.publishedTime);
    expect($('reader-date').textContent).toBe(
      new Intl.DateTimeFormat('id', { dateStyle: 'long' }).format(new Date(article.publishedTime!)),
    );
    expect($('reader-body').textContent).toContain('Pyongyang, 27 April 2025');
    expect($('reader-body').textContent).not.toContain('dynasty4dtoto');
  });

  it('reveals the removed blocks in place, labelled, and hides them again', () => {
    const article = seedArticle();
    mount(article);
    const toggle = $('removed-toggle');
    expect(toggle.textContent).toContain(`${article.removed.length} blocks removed`);
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(root.querySelectorAll('.cr-removed')).toHaveLength(0);

    act(() => toggle.click());
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    const labels = Array.from(root.querySelectorAll('.cr-removed-label')).map((l) => l.textContent);
    const placedSteps = article.removed.filter((r) => r.html).map((r) => `Removed · ${r.step.replace(/-/g, ' ')}`);
    expect(placedSteps.length).toBeGreaterThan(0);
    expect(labels.sort()).toEqual(placedSteps.sort());
    expect($('reader-body').textContent).toContain('[image: dynasty4dtoto-gif]');
    expect($('reader-body').querySelector('img')).toBeNull();

    act(() => toggle.click());
    expect(root.querySelectorAll('.cr-removed')).toHaveLength(0);
  });

  it('paints a long article’s first screen first, then the whole body, as the popup asks', async () => {
    const seed = seedArticle();
    // A long article: the seed story's body six times over (the reader splits bodies over two screens).
    const article = { ...seed, contentHtml: seed.contentHtml.repeat(6) };
    mount(article);
    const whole = $('reader-body').textContent!;
    render(null, root);

    act(() => render(<Reader article={article} browserLocales={['en-GB']} progressive />, root));
    expect($('reader-title').textContent).toBe(article.title);
    const first = $('reader-body').textContent!;
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(whole.length);
    expect(whole.startsWith(first)).toBe(true);
    await vi.waitFor(() => expect($('reader-body').textContent).toBe(whole));
  });

  it('shows the removed blocks over the whole body even when asked before the rest has come', () => {
    const seed = seedArticle();
    const article = { ...seed, contentHtml: seed.contentHtml.repeat(6) };
    mount(article);
    act(() => $('removed-toggle').click());
    const revealed = $('reader-body').textContent!;
    render(null, root);

    act(() => render(<Reader article={article} browserLocales={['en-GB']} progressive />, root));
    act(() => $('removed-toggle').click());
    expect($('reader-body').textContent).toBe(revealed);
  });

  it('sanitises again before rendering, whatever the page context sent (and the removed blocks too)', () => {
    mount(hostileArticle());
    const body = $('reader-body');
    expect(body.textContent).toContain('Hello');
    expect(body.querySelector('script, [onerror], [onclick]')).toBeNull();
    expect(body.querySelector('a')!.getAttribute('href')).toBeNull();
    expect($('reader-title').innerHTML).toBe('A &lt;b&gt;title&lt;/b&gt;');

    act(() => $('removed-toggle').click());
    expect(body.textContent).toContain('ad');
    expect(body.querySelector('script, [onerror], [onclick]')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
