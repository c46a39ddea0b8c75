import { describe, expect, it } from 'vitest';
import { importFixture, itemFor } from './helpers';

const HARBOUR = 'https://news.example.com/2024/03/harbour-sea-wall';

describe('Pocket export ZIP', () => {
  it('reads every part, in order, and reports bad rows with their file and row', async () => {
    const result = await importFixture('pocket-export.zip');
    expect(result.format).toBe('pocket-zip');
    // 10 + 3 data rows across two parts, plus one article known only from its highlights.
    expect(result.total).toBe(14);
    expect(result.items).toHaveLength(11);
    expect(result.invalid.map((r) => [r.file, r.row, r.code])).toEqual([
      ['part_000000.csv', 9, 'bad-url'],
      ['part_000000.csv', 10, 'missing-url'],
      ['part_000001.csv', 4, 'bad-row'],
    ]);
    expect(result.invalid[0].reason).toMatch(/javascript/);
    expect(result.invalid[2].reason).toMatch(/2 fields where the header has 5/);
    expect(result.items.map((i) => i.source.row).slice(0, 3)).toEqual([2, 3, 4]);
  });

  it('maps columns: Unix-seconds dates, | tags, status, and keeps highlights with their article', async () => {
    const { items } = await importFixture('pocket-export.zip');
    const harbour = itemFor(items, HARBOUR);
    expect(harbour).toMatchObject({
      title: 'How the harbour town rebuilt its sea wall',
      savedAt: '2024-03-08T05:42:23.000Z',
      tags: ['long reads', 'infrastructure'],
      state: 'unread',
      contentHtml: null,
    });
    expect(harbour.highlights).toEqual([
      {
        quote: 'The wall was finished two weeks before the spring tides, and it held.',
        createdAt: '2024-03-08T12:13:20.000Z',
        note: null,
      },
      {
        quote: 'Volunteers carried 4,000 sandbags in a single night.',
        createdAt: '2024-03-08T12:15:20.000Z',
        note: null,
      },
    ]);
    expect(itemFor(items, 'https://blog.example.org/posts/on-slow-software')).toMatchObject({
      title: '',
      state: 'archived',
    });
    expect(itemFor(items, 'https://www.example.net/recipes/flatbread')).toMatchObject({
      title: '',
      tags: ['cuisine', 'café'],
    });
    expect(itemFor(items, 'https://notes.example.com/q2').title).toBe('Quarterly notes, part 2: "what we learned"');
    expect(itemFor(items, 'https://nauka.example.ru/birds-count').tags).toEqual(['наука', 'birds']);
    expect(itemFor(items, 'https://shinbun.example.jp/articles/library-reading-room')).toMatchObject({
      tags: ['日本語', '図書館'],
      highlights: [{ quote: '読書室は朝七時から開いている。', createdAt: '2024-03-14T09:53:20.000Z', note: null }],
    });
  });

  it('keeps duplicate rows (the merge folds them) and matches highlights by normalised URL', async () => {
    const { items } = await importFixture('pocket-export.zip');
    const copies = items.filter((i) => i.url.startsWith(HARBOUR));
    expect(copies.map((i) => i.url)).toEqual([HARBOUR, `${HARBOUR}/?utm_source=pocket_saves`]);
    expect(copies[1]).toMatchObject({ state: 'archived', tags: ['harbours'], savedAt: '2024-02-27T02:13:20.000Z' });
    expect(copies[1].highlights).toHaveLength(2);
  });

  it('does not lose highlights whose article is missing from the list', async () => {
    const { items } = await importFixture('pocket-export.zip');
    const orphan = itemFor(items, 'https://science.example.org/2023/tidal-energy-pilot');
    expect(orphan).toMatchObject({
      title: 'A tidal energy pilot, one year on',
      source: { file: 'annotations/part_000000.json', row: 3 },
    });
    expect(orphan.highlights[0]).toEqual({
      quote: 'Output matched the forecast within four percent.',
      createdAt: '2023-07-22T04:26:40.000Z',
      note: null,
    });
  });

  it('trusts file names, not folders: a hand re-zipped export with __MACOSX litter reads the same', async () => {
    const plain = await importFixture('pocket-export.zip');
    const nested = await importFixture('pocket-export-nested.zip');
    const strip = (items: typeof plain.items) =>
      items.map(({ source, ...rest }) => ({ ...rest, row: source.row, file: source.file.replace(/^pocket\//, '') }));
    expect(nested.format).toBe('pocket-zip');
    expect(strip(nested.items)).toEqual(strip(plain.items));
    expect(nested.invalid.map((r) => r.row)).toEqual(plain.invalid.map((r) => r.row));
  });
});

describe('Pocket lone CSV', () => {
  it('reads the current columns; a title equal to the URL means none; bad rows go on the list', async () => {
    const result = await importFixture('pocket.csv');
    expect(result.format).toBe('pocket-csv');
    expect(result.items).toHaveLength(7);
    expect(result.invalid.map((r) => [r.row, r.code])).toEqual([
      [8, 'bad-url'],
      [9, 'missing-url'],
      [10, 'bad-url'],
    ]);
    expect(result.invalid[2].reason).toContain('see the harbour piece');
    expect(itemFor(result.items, 'https://blog.example.org/posts/on-slow-software').title).toBe('');
    expect(result.items.every((i) => i.highlights.length === 0)).toBe(true);
  });

  it('finds columns by name in an older export with a cursor column in the middle', async () => {
    const result = await importFixture('pocket-old-cursor.csv');
    expect(result.format).toBe('pocket-csv');
    expect(result.invalid).toEqual([]);
    expect(result.items.map((i) => [i.url, i.title, i.savedAt, i.tags, i.state])).toEqual([
      [
        'https://stories.example.com/lighthouse-keeper',
        'Field notes from a lighthouse keeper',
        '2019-01-01T00:00:00.000Z',
        ['long reads'],
        'archived',
      ],
      [
        'https://city.example.org/old-port-cafes',
        'Café culture in the old port',
        '2019-03-01T00:00:00.000Z',
        ['café', 'city life'],
        'unread',
      ],
      ['https://city.example.org/tram-map', '', '2019-04-01T00:00:00.000Z', [], 'unread'],
    ]);
  });
});
