import { describe, expect, it } from 'vitest';
import { parseOmnivoreHighlights } from '../formats/omnivore-highlights';
import { importFixture, itemFor } from './helpers';

const HARBOUR = 'https://news.example.com/2024/03/harbour-sea-wall';

describe('Omnivore export ZIP', () => {
  it('reads every metadata batch; deleted items and unreadable links are reported', async () => {
    const result = await importFixture('omnivore-export.zip');
    expect(result.format).toBe('omnivore-zip');
    expect(result.total).toBe(6);
    expect(result.items.map((i) => i.url)).toEqual([
      HARBOUR,
      'https://shinbun.example.jp/articles/library-reading-room',
      'https://letters.example.net/issue-12',
      'https://nauka.example.ru/birds-count',
    ]);
    expect(result.invalid.map((r) => [r.file, r.row, r.code])).toEqual([
      ['metadata_3_to_6.json', 1, 'deleted'],
      ['metadata_3_to_6.json', 2, 'bad-url'],
    ]);
  });

  it('maps metadata: labels (names or {name}), state, percent progress, dates, author, description', async () => {
    const { items } = await importFixture('omnivore-export.zip');
    expect(itemFor(items, HARBOUR)).toMatchObject({
      title: 'How the harbour town rebuilt its sea wall',
      excerpt: 'After the winter storms, the town built a new wall in eleven months.',
      byline: 'Staff reporter',
      tags: ['long reads', 'Infrastructure'],
      state: 'unread',
      readingProgress: 0.42,
      savedAt: '2024-03-08T05:42:23.000Z',
      publishedAt: '2024-03-07T12:00:00.000Z',
    });
    expect(itemFor(items, 'https://shinbun.example.jp/articles/library-reading-room')).toMatchObject({
      state: 'archived',
      readingProgress: 1,
      excerpt: null,
      byline: null,
    });
    expect(itemFor(items, 'https://nauka.example.ru/birds-count')).toMatchObject({
      tags: ['наука', 'birds'],
      readingProgress: 0.125,
    });
    expect(itemFor(items, 'https://letters.example.net/issue-12')).toMatchObject({
      title: '',
      contentHtml: null,
      highlights: [],
    });
  });

  it('imports the article HTML sanitised, readable at once', async () => {
    const { items } = await importFixture('omnivore-export.zip');
    const html = itemFor(items, HARBOUR).contentHtml ?? '';
    expect(html).toContain('The wall was finished two weeks before the spring tides');
    expect(html).toContain('<figcaption>The new wall at high tide in March.</figcaption>');
    expect(html).toContain('href="https://news.example.com/council/minutes"');
    expect(html).not.toMatch(/<script|onerror|javascript:|<iframe/i);
    const russian = itemFor(items, 'https://nauka.example.ru/birds-count').contentHtml ?? '';
    expect(russian).toContain('<blockquote><p>Главное — идти медленно и слушать.</p></blockquote>');
    expect(russian).not.toContain('style=');
    expect(itemFor(items, 'https://shinbun.example.jp/articles/library-reading-room').contentHtml).toContain(
      '読書室は朝七時から開いている。',
    );
  });

  it('keeps highlights with their article, with labels and notes, and page notes apart', async () => {
    const { items } = await importFixture('omnivore-export.zip');
    expect(itemFor(items, HARBOUR).highlights).toEqual([
      {
        quote: 'The wall was finished two weeks before the spring tides, and it held.',
        createdAt: null,
        note: '#quotes #harbour\n\nCompare with the 1953 flood defences.',
      },
      {
        quote:
          'After the winter storms tore through the old breakwater,\n\nthe town council met on a Tuesday evening and voted to rebuild the sea wall before the next spring tides.',
        createdAt: null,
        note: null,
      },
      { quote: 'Volunteers carried 4,000 sandbags in a single night.', createdAt: null, note: null },
    ]);
    const birds = itemFor(items, 'https://nauka.example.ru/birds-count');
    expect(birds.note).toBe('Прочитать вместе с прошлогодним отчётом.');
    expect(birds.highlights).toEqual([
      { quote: 'Главное — идти медленно и слушать.', createdAt: null, note: 'Хорошая цитата для доклада.' },
    ]);
  });
});

describe('Omnivore metadata file names', () => {
  it('reads any metadata*.json, whatever its numbers', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const zip = zipSync({
      'omnivore/metadata.json': strToU8(
        JSON.stringify([
          { id: '1', slug: 'a', title: 'A', url: 'https://a.example.com/', state: 'ARCHIVED', labels: [] },
        ]),
      ),
      'omnivore/metadata_20_to_40.json': strToU8(
        JSON.stringify([{ id: '2', slug: 'b', title: 'B', url: 'https://b.example.com/', labels: ['x'] }]),
      ),
    });
    const { importAll } = await import('../import');
    const { win } = await import('./helpers');
    const result = await importAll('Omnivore-export.zip', zip, { win });
    expect(result.items.map((i) => [i.title, i.state, i.tags]).sort()).toEqual([
      ['A', 'archived', []],
      ['B', 'unread', ['x']],
    ]);
  });
});

describe('Omnivore article HTML', () => {
  it('resolves relative links and pictures against the article’s own address', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const page =
      '<div><p>See <a href="../council/minutes">the minutes</a> and <a href="#vote">the vote</a>.</p>' +
      '<img src="images/wall.jpg" alt="The wall"><p id="vote">Passed nine to two.</p></div>';
    const zip = zipSync({
      'metadata_0_to_1.json': strToU8(
        JSON.stringify([
          { id: '1', slug: 'wall', title: 'Wall', url: 'https://news.example.com/2024/03/sea-wall/', labels: [] },
        ]),
      ),
      'content/wall.html': strToU8(page),
    });
    const { importAll } = await import('../import');
    const { win } = await import('./helpers');
    const [item] = (await importAll('Omnivore-export.zip', zip, { win })).items;
    expect(item.contentHtml).toContain('href="https://news.example.com/2024/03/council/minutes"');
    expect(item.contentHtml).toContain('src="https://news.example.com/2024/03/sea-wall/images/wall.jpg"');
    // A link within the article stays within it.
    expect(item.contentHtml).toMatch(/href="#[^"]*vote"/);
  });
});

describe('parseOmnivoreHighlights', () => {
  it('reads back what Omnivore wrote, quote lines that continue a paragraph included', () => {
    const md =
      '> first line\nsecond line of the same paragraph\n> next paragraph \n\n> another\r\n\r\nnote one\n\nnote two\n';
    expect(parseOmnivoreHighlights(md)).toEqual({
      highlights: [
        { quote: 'first line\nsecond line of the same paragraph\n\nnext paragraph', createdAt: null, note: null },
        { quote: 'another', createdAt: null, note: 'note one\n\nnote two' },
      ],
      notes: [],
    });
  });

  it('gives nothing for an empty file', () => {
    expect(parseOmnivoreHighlights('')).toEqual({ highlights: [], notes: [] });
  });
});
