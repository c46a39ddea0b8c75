import { describe, expect, it } from 'vitest';
import { articleChanges, mergeFieldsOf, newArticle, type TransferArticle } from '../library-record';
import { planMerge } from '../merge';
import { blankItem } from '../source';
import { importFixture, win } from './helpers';

const blank = (url: string) => blankItem(url, { format: 'pocket-csv', file: 'pocket.csv', row: 2 });

const NOW = Date.parse('2025-06-01T12:00:00Z');

describe('library records', () => {
  it('builds a saved article from an imported one: body text, counts, stand-in title, dates in ms', async () => {
    const { items } = await importFixture('omnivore-export.zip');
    const article = newArticle(items[0], win, NOW);
    expect(article).toMatchObject({
      url: 'https://news.example.com/2024/03/harbour-sea-wall',
      normalizedUrl: 'https://news.example.com/2024/03/harbour-sea-wall',
      title: 'How the harbour town rebuilt its sea wall',
      byline: 'Staff reporter',
      publishedTime: '2024-03-07T12:00:00.000Z',
      savedAt: Date.parse('2024-03-08T05:42:23.000Z'),
      updatedAt: NOW,
      state: 'unread',
      tags: ['long reads', 'Infrastructure'],
      readingPosition: { progress: 0.42, updatedAt: NOW },
      downloaded: true,
    });
    expect(article.text).toMatch(
      /^After the winter storms tore through the old breakwater.*\n\nThe wall was finished/s,
    );
    expect(article.wordCount).toBeGreaterThan(60);
    const link = newArticle(items[2], win, NOW);
    expect(link).toMatchObject({
      title: 'letters.example.net: issue 12',
      downloaded: false,
      contentHtml: '',
      text: '',
      wordCount: 0,
    });
  });

  it('stays idempotent through the library shape: stored articles read back as unchanged', async () => {
    for (const name of [
      'pocket-export.zip',
      'instapaper.csv',
      'omnivore-export.zip',
      'bookmarks-firefox.html',
      'ril_export.html',
    ]) {
      const { items } = await importFixture(name);
      const stored: TransferArticle[] = planMerge([], items).add.map((add, i) => ({
        id: i + 1,
        ...newArticle(add.item, win, NOW),
      }));
      const again = planMerge(
        stored.map((a) => ({ id: a.id, fields: mergeFieldsOf(a) })),
        items,
      );
      expect(again.counts, name).toEqual({ added: 0, updated: 0, skipped: items.length });
    }
  });

  it('lets a real title replace the stand-in of a link saved without one', () => {
    const stored = { id: 7, ...newArticle({ ...blank('https://letters.example.net/issue-12'), title: '' }, win, NOW) };
    expect(stored.title).toBe('letters.example.net: issue 12');
    const plan = planMerge(
      [{ id: 7, fields: mergeFieldsOf(stored) }],
      [{ ...blank('https://letters.example.net/issue-12'), title: 'Issue 12: the spring letter' }],
    );
    expect(plan.update[0].changed).toEqual(['title']);
    expect(articleChanges(plan.update[0], win, NOW)).toEqual({ title: 'Issue 12: the spring letter', updatedAt: NOW });
  });

  it('turns a planned update into the changed fields only, in the library names', async () => {
    const pocket = (await importFixture('pocket-export.zip')).items;
    const stored: TransferArticle[] = planMerge([], pocket).add.map((add, i) => ({
      id: i + 1,
      ...newArticle(add.item, win, NOW),
    }));
    const omnivore = (await importFixture('omnivore-export.zip')).items;
    const plan = planMerge(
      stored.map((a) => ({ id: a.id, fields: mergeFieldsOf(a) })),
      omnivore,
    );
    const harbour = plan.update.find((u) => u.after.url === 'https://news.example.com/2024/03/harbour-sea-wall')!;
    const changes = articleChanges(harbour, win, NOW + 1);
    expect(Object.keys(changes).sort()).toEqual([
      'byline',
      'contentHtml',
      'downloaded',
      'excerpt',
      'highlights',
      'publishedTime',
      'readingMinutes',
      'readingPosition',
      'text',
      'updatedAt',
      'wordCount',
    ]);
    expect(changes).toMatchObject({
      byline: 'Staff reporter',
      downloaded: true,
      readingPosition: { progress: 0.42, updatedAt: NOW + 1 },
    });
    expect(changes.highlights?.map((h) => h.quote)).toHaveLength(3);
  });
});
