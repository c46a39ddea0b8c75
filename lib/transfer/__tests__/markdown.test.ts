import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../extract/pipeline';
import { articleToMarkdown, frontMatter } from '../markdown';

const paragraphs = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1} says what the council decided about the harbour wall, and who spoke for and against it that evening.</p>`,
).join('');
const PAGE = `<!doctype html><html lang="en"><head><title>Council votes: "rebuild the wall"</title></head><body><article>
<h1>Council votes: "rebuild the wall"</h1>${paragraphs}
<h2>What happens next</h2><pre><code>phase 1: survey
phase 2: build</code></pre><blockquote><p>We will be ready before the tides.</p></blockquote>
<p>The full decision is in <a href="/minutes">the published minutes</a>, which list every vote.</p></article></body></html>`;

describe('articleToMarkdown', () => {
  it('turns an extracted article into Markdown with front matter, for "Copy as Markdown"', () => {
    const dom = new JSDOM(PAGE, { url: 'https://news.example.com/council/vote' });
    const article = extractArticle(dom.window.document, 'https://news.example.com/council/vote');
    if (article.kind !== 'article') throw new Error(article.message);
    const md = articleToMarkdown(article);
    expect(
      md.startsWith(
        '---\ntitle: "Council votes: \\"rebuild the wall\\""\nurl: "https://news.example.com/council/vote"\n---\n\n# Council votes: "rebuild the wall"\n\n',
      ),
    ).toBe(true);
    expect(md).toContain('Paragraph 6 says what the council decided');
    expect(md).toContain('## What happens next');
    expect(md).toContain('```\nphase 1: survey\nphase 2: build\n```');
    expect(md).toContain('> We will be ready before the tides.');
    expect(md).toContain(
      'The full decision is in [the published minutes](https://news.example.com/minutes), which list every vote.',
    );
    expect(md.endsWith('\n')).toBe(true);
  });

  it('does not repeat the title when the body starts with it', () => {
    const md = articleToMarkdown({
      title: 'Night trains',
      url: 'https://t.example.com/',
      contentHtml: '<h1>Night trains</h1><p>Back on the tracks.</p>',
    });
    expect(md.match(/# Night trains/g)).toHaveLength(1);
  });

  it('writes front matter any YAML reader accepts, whatever the title holds', () => {
    const fm = frontMatter({
      title: 'Колонка: «цитата» — #1\nsecond line',
      url: 'https://x.example/',
      contentHtml: null,
      tags: ['a: b', '日本語'],
    });
    const lines = fm.split('\n');
    expect(lines[1]).toBe('title: "Колонка: «цитата» — #1\\nsecond line"');
    expect(JSON.parse(lines[1].slice('title: '.length))).toBe('Колонка: «цитата» — #1\nsecond line');
    expect(lines).toContain('tags: ["a: b", "日本語"]');
  });
});
