import { describe, expect, it } from 'vitest';
import { mergeFields, planMerge, type ExistingRecord, type MergeFields, type MergePlan } from '../merge';
import type { ImportItem } from '../types';
import { importFixture } from './helpers';

function item(url: string, fields: Partial<ImportItem> = {}, row = 2): ImportItem {
  return {
    url,
    title: '',
    excerpt: null,
    byline: null,
    tags: [],
    state: 'unread',
    favourite: false,
    savedAt: null,
    publishedAt: null,
    readingProgress: 0,
    contentHtml: null,
    highlights: [],
    note: null,
    source: { format: 'pocket-csv', file: 'pocket.csv', row },
    ...fields,
  };
}

function fieldsOf({ source: _source, record: _record, ...fields }: ImportItem): MergeFields {
  return fields;
}

/** A library in memory that applies plans as the real one must: adds get new ids, updates replace fields. */
class MemoryLibrary {
  records: ExistingRecord[] = [];
  private next = 1;
  apply(plan: MergePlan): void {
    for (const add of plan.add) this.records.push({ id: this.next++, fields: fieldsOf(add.item) });
    for (const update of plan.update) {
      const record = this.records.find((r) => r.id === update.id)!;
      record.fields = update.after;
    }
  }
}

describe('planMerge', () => {
  it('adds new URLs, folds duplicates within the file, and says so', () => {
    const plan = planMerge(
      [],
      [
        item('https://a.example.com/story', { title: 'Story', tags: ['one'] }, 2),
        item(
          'https://a.example.com/story/?utm_source=x#top',
          { tags: ['two'], savedAt: '2020-01-01T00:00:00.000Z' },
          3,
        ),
        item('https://b.example.com/', {}, 4),
      ],
    );
    expect(plan.counts).toEqual({ added: 2, updated: 0, skipped: 1 });
    expect(plan.add[0].item).toMatchObject({
      url: 'https://a.example.com/story',
      title: 'Story',
      tags: ['one', 'two'],
      savedAt: '2020-01-01T00:00:00.000Z',
      source: { row: 2 },
    });
    expect(plan.skipped).toEqual([
      expect.objectContaining({
        reason: 'duplicate',
        matchedId: null,
        item: expect.objectContaining({ source: expect.objectContaining({ row: 3 }) }),
      }),
    ]);
  });

  it('keeps the richer record: content, merged tags and highlights, earliest date, furthest progress', () => {
    const existing: ExistingRecord = {
      id: 'rec-1',
      fields: fieldsOf(
        item('https://a.example.com/story', {
          title: 'Saved title',
          tags: ['Reading'],
          state: 'archived',
          savedAt: '2024-05-01T00:00:00.000Z',
          readingProgress: 0.5,
          contentHtml: '<p>Saved content</p>',
          highlights: [{ quote: 'first  quote', createdAt: null, note: null }],
        }),
      ),
    };
    const plan = planMerge(
      [existing],
      [
        item('https://A.example.com/story/', {
          title: 'Imported title',
          excerpt: 'An excerpt',
          tags: ['reading', 'café'],
          state: 'unread',
          favourite: true,
          savedAt: '2019-01-01T00:00:00.000Z',
          readingProgress: 0.2,
          contentHtml: '<p>Imported content</p>',
          highlights: [
            { quote: 'first quote', createdAt: '2019-02-01T00:00:00.000Z', note: 'a note' },
            { quote: 'second quote', createdAt: null, note: null },
          ],
        }),
      ],
    );
    expect(plan.counts).toEqual({ added: 0, updated: 1, skipped: 0 });
    const update = plan.update[0];
    expect(update.id).toBe('rec-1');
    expect(update.after).toEqual({
      url: 'https://a.example.com/story',
      title: 'Saved title',
      excerpt: 'An excerpt',
      byline: null,
      tags: ['Reading', 'café'],
      state: 'archived',
      favourite: true,
      savedAt: '2019-01-01T00:00:00.000Z',
      publishedAt: null,
      readingProgress: 0.5,
      contentHtml: '<p>Saved content</p>',
      highlights: [
        { quote: 'first  quote', createdAt: '2019-02-01T00:00:00.000Z', note: 'a note' },
        { quote: 'second quote', createdAt: null, note: null },
      ],
      note: null,
    });
    expect(update.changed).toEqual(['excerpt', 'tags', 'favourite', 'savedAt', 'highlights']);
  });

  it('gives content to a saved link that had none', () => {
    const existing = { id: 1, fields: fieldsOf(item('https://a.example.com/x', { title: 'X' })) };
    const plan = planMerge([existing], [item('https://a.example.com/x', { contentHtml: '<p>Body</p>' })]);
    expect(plan.update[0]).toMatchObject({
      changed: ['contentHtml'],
      after: { contentHtml: '<p>Body</p>', title: 'X' },
    });
  });

  it('skips what the library already has', () => {
    const saved = item('https://a.example.com/x', { title: 'X', tags: ['a', 'b'] });
    const plan = planMerge(
      [{ id: 9, fields: fieldsOf(saved) }],
      [item('https://a.example.com/x#section', { tags: ['B'] }), item('https://a.example.com/x/')],
    );
    expect(plan.counts).toEqual({ added: 0, updated: 0, skipped: 2 });
    expect(plan.skipped.map((s) => [s.reason, s.matchedId])).toEqual([
      ['duplicate', 9],
      ['unchanged', 9],
    ]);
  });

  it('is idempotent on every sample file: importing the same file twice adds and changes nothing', async () => {
    for (const name of [
      'pocket-export.zip',
      'pocket.csv',
      'instapaper.csv',
      'omnivore-export.zip',
      'bookmarks-chrome.html',
      'bookmarks-firefox.html',
      'ril_export.html',
    ]) {
      const { items } = await importFixture(name);
      const library = new MemoryLibrary();
      const first = planMerge(library.records, items);
      library.apply(first);
      expect(first.counts.added, name).toBeGreaterThan(0);
      expect(first.counts.added + first.counts.updated + first.counts.skipped, name).toBe(items.length);
      const snapshot = JSON.stringify(library.records);
      const second = planMerge(library.records, items);
      expect(second.counts, name).toEqual({ added: 0, updated: 0, skipped: items.length });
      library.apply(second);
      expect(JSON.stringify(library.records), name).toBe(snapshot);
    }
  });

  it('merges a Pocket import and then an Omnivore import of the same articles into one record each', async () => {
    const library = new MemoryLibrary();
    library.apply(planMerge(library.records, (await importFixture('pocket-export.zip')).items));
    const before = library.records.length;
    const omnivore = planMerge(library.records, (await importFixture('omnivore-export.zip')).items);
    // Harbour, the Japanese and the Russian articles were in Pocket; the newsletter was not.
    expect(omnivore.counts).toEqual({ added: 1, updated: 3, skipped: 0 });
    library.apply(omnivore);
    expect(library.records).toHaveLength(before + 1);
    const harbour = library.records.find((r) => r.fields.url === 'https://news.example.com/2024/03/harbour-sea-wall')!;
    expect(harbour.fields.contentHtml).toContain('The wall was finished');
    expect(harbour.fields.tags).toEqual(['long reads', 'infrastructure', 'harbours']);
    expect(harbour.fields.highlights.map((h) => h.quote)).toHaveLength(3);
    expect(harbour.fields.savedAt).toBe('2024-02-27T02:13:20.000Z');
  });

  it('uses the normaliser it is given', () => {
    const byHostOnly = (url: string) => new URL(url).host;
    const plan = planMerge([], [item('https://a.example.com/1'), item('https://a.example.com/2')], byHostOnly);
    expect(plan.counts).toEqual({ added: 1, updated: 0, skipped: 1 });
  });
});

describe('mergeFields', () => {
  it('merging the same item twice changes nothing the second time', () => {
    const base = fieldsOf(
      item('https://a.example.com/x', { tags: ['a'], highlights: [{ quote: 'q', createdAt: null, note: null }] }),
    );
    const incoming = item('https://a.example.com/x', {
      tags: ['b'],
      favourite: true,
      readingProgress: 0.3,
      highlights: [{ quote: 'r', createdAt: null, note: 'n' }],
    });
    const once = mergeFields(base, incoming);
    expect(mergeFields(once, incoming)).toEqual(once);
  });
});
