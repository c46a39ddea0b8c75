import { describe, expect, it } from 'vitest';
import { importFixture, itemFor } from './helpers';

describe('Chrome bookmarks', () => {
  it('turns the folder path into tags, but not the toolbar root', async () => {
    const result = await importFixture('bookmarks-chrome.html');
    expect(result.format).toBe('bookmarks-html');
    expect(result.items.map((i) => [i.url, i.tags])).toEqual([
      ['https://news.example.com/2024/03/harbour-sea-wall', []],
      ['https://essays.example.org/on-walking', ['Reading']],
      ['https://longform.example.com/the-last-ferry', ['Reading', 'Long reads & essays']],
      ['https://longform.example.com/mountain-post-office', ['Reading', 'Long reads & essays']],
      ['https://kitchen.example.fr/recettes/tarte-aux-pommes', ['Reading', 'Cuisine du monde']],
      ['https://shinbun.example.jp/articles/library-reading-room', ['Other bookmarks']],
      ['https://essays.example.org/on-walking/?utm_campaign=share', ['Other bookmarks']],
    ]);
  });

  it('reads titles and ADD_DATE, and refuses bookmarklets and browser pages by position', async () => {
    const { items, invalid } = await importFixture('bookmarks-chrome.html');
    expect(itemFor(items, 'https://longform.example.com/the-last-ferry')).toMatchObject({
      title: 'The last ferry',
      savedAt: '2023-11-14T22:25:00.000Z',
      state: 'unread',
    });
    expect(itemFor(items, 'https://longform.example.com/mountain-post-office').title).toBe('');
    expect(invalid.map((r) => [r.row, r.code])).toEqual([
      [2, 'bad-url'],
      [7, 'bad-url'],
    ]);
    expect(invalid[1].reason).toMatch(/chrome link/);
  });
});

describe('Firefox bookmarks', () => {
  it('reads TAGS, descriptions, folders; root folders are places, not tags', async () => {
    const result = await importFixture('bookmarks-firefox.html');
    expect(result.format).toBe('bookmarks-html');
    expect(result.items.map((i) => [i.url, i.tags])).toEqual([
      ['https://science.example.org/2024/comet-returns', ['astronomy', 'space news']],
      ['https://kitchen.example.fr/recettes/ratatouille', ["Recettes d'été", 'cuisine', 'été']],
      ['https://nauka.example.ru/birds-count', ['наука']],
      ['https://verkehr.example.de/staedte-ohne-autos', ['Städte']],
      ['https://notes.example.net/untitled', []],
    ]);
    expect(itemFor(result.items, 'https://science.example.org/2024/comet-returns')).toMatchObject({
      excerpt: 'Astronomers had predicted the date to the day.',
      savedAt: '2024-04-13T09:20:00.000Z',
    });
    expect(itemFor(result.items, 'https://kitchen.example.fr/recettes/ratatouille')).toMatchObject({
      title: '',
      excerpt: null,
    });
    expect(result.invalid).toEqual([
      expect.objectContaining({ row: 3, code: 'bad-url', reason: expect.stringMatching(/place link/) }),
    ]);
  });
});

describe("Pocket's ril_export.html", () => {
  it('maps the Unread and Read Archive lists to states, with comma tags', async () => {
    const result = await importFixture('ril_export.html');
    expect(result.format).toBe('pocket-html');
    expect(result.items.map((i) => [i.url, i.state, i.tags, i.title])).toEqual([
      [
        'https://stories.example.com/lighthouse-keeper',
        'unread',
        ['long reads'],
        'Field notes from a lighthouse keeper',
      ],
      ['https://city.example.org/old-port-cafes', 'unread', ['café', 'city life'], 'Café culture in the old port'],
      ['https://city.example.org/tram-map', 'unread', [], ''],
      [
        'https://history.example.com/bicycle-bell',
        'archived',
        ['history', '日本語'],
        'A short history of the bicycle bell',
      ],
      [
        'https://stories.example.com/lighthouse-keeper#part-2',
        'archived',
        ['archive copy'],
        'Field notes from a lighthouse keeper (part 2)',
      ],
    ]);
    expect(result.items[0].savedAt).toBe('2019-01-01T00:00:00.000Z');
    expect(result.invalid).toEqual([expect.objectContaining({ row: 4, code: 'missing-url' })]);
  });
});
