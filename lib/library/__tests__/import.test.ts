import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exportLibrary, runImport, type ImportTarget, type NewArticle } from '../../transfer';
import { fixture, win } from '../../transfer/__tests__/helpers';
import { Library } from '../index';
import { SCHEMA_VERSION } from '../schema';
import type { SavedArticle } from '../types';
import { STORIES, articleOf, freshName } from './fixtures';

const open: Library[] = [];
afterEach(() => {
  open.splice(0).forEach((l) => l.close());
});

async function openLibrary() {
  const library = await Library.open({ name: freshName('import'), now: () => 5_000_000 });
  open.push(library);
  return library;
}

function imported(overrides: Partial<NewArticle>): NewArticle {
  const { kind: _kind, removed: _removed, ...article } = articleOf(STORIES.election);
  return {
    ...article,
    normalizedUrl: '',
    savedAt: 1_600_000_000_000,
    updatedAt: 1_600_000_000_000,
    state: 'archived',
    favourite: true,
    tags: ['politics'],
    readingPosition: { progress: 0.3, updatedAt: 1_600_000_000_000 },
    downloaded: true,
    highlights: [],
    note: null,
    ...overrides,
  };
}

describe('importing', () => {
  it('is what lib/transfer writes through (ImportTarget), adds and updates landing in one go', async () => {
    const library = await openLibrary();
    const kept = await library.save(articleOf(STORIES.harbour));
    const target: ImportTarget = library.importTarget();
    expect((await target.loadItems()).map((i) => i.id)).toEqual([kept.id]);

    await target.write(
      [
        imported({}),
        imported({
          url: 'https://guides.example.org/import/winter',
          title: '',
          downloaded: false,
          contentHtml: '',
          text: '',
          state: 'unread',
          favourite: false,
          tags: [],
        }),
      ],
      [
        {
          id: kept.id,
          changes: {
            tags: ['ferries', 'Ferries'],
            favourite: true,
            contentHtml: '<p>Imported body about a lighthouse.</p>',
            text: 'Imported body about a lighthouse.',
          },
        },
      ],
    );

    const page = await library.list();
    expect(page.total).toBe(3);
    const election = page.items.find((i) => i.url === STORIES.election.url)!;
    expect(election).toMatchObject({
      savedAt: 1_600_000_000_000,
      state: 'archived',
      favourite: true,
      tags: ['politics'],
      normalizedUrl: 'https://daily.example.net/politics/regional-election-turnout?id=4412',
    });
    expect((await library.get(election.id)).text).toContain('Turnout in the regional election');
    const link = page.items.find((i) => i.url === 'https://guides.example.org/import/winter')!;
    expect(link).toMatchObject({ title: 'guides.example.org: winter', downloaded: false });
    expect(await library.get(kept.id)).toMatchObject({
      tags: ['ferries'],
      favourite: true,
      text: 'Imported body about a lighthouse.',
    });
    expect((await library.search('lighthouse')).hits.map((h) => h.item.id)).toEqual([kept.id]);
    expect((await library.search('turnout')).hits.map((h) => h.item.id)).toEqual([election.id]);
  });

  it('keeps an exported id when it is free, and picks a new one when it is taken', async () => {
    const library = await openLibrary();
    const taken = await library.save(articleOf(STORIES.harbour));
    const ids = await library.importArticles(
      [imported({ id: 900 }), imported({ id: taken.id, url: 'https://daily.example.net/other' })],
      [],
    );
    expect(ids[0]).toBe(900);
    expect(ids[1]).not.toBe(taken.id);
    expect((await library.get(taken.id)).title).toBe(STORIES.harbour.title);
  });

  it('writes nothing when one update names an article that is gone', async () => {
    const library = await openLibrary();
    await library.save(articleOf(STORIES.harbour));
    await expect(
      library.importArticles([imported({})], [{ id: 424242, changes: { tags: ['x'] } }]),
    ).rejects.toMatchObject({ code: 'not-found' });
    expect(await library.count()).toBe(1);
  });

  it('refuses an item it could not store properly, naming it, and writes nothing', async () => {
    const library = await openLibrary();
    await expect(
      library.importArticles([imported({}), imported({ url: 'https://x.example/bad', savedAt: Number.NaN })], []),
    ).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('https://x.example/bad'),
    });
    expect(await library.count()).toBe(0);
  });
});

/** Every live article with its body, oldest first: what the library page hands to the export. */
async function everything(library: Library): Promise<SavedArticle[]> {
  const items = await library.importTarget().loadItems();
  items.sort((a, b) => a.savedAt - b.savedAt || a.id - b.id);
  const one = await Promise.all(items.map((item) => library.get(item.id)));
  // getMany reads the same articles in one go.
  expect(await library.getMany(items.map((i) => i.id))).toEqual(one);
  return one;
}

describe('export, then import into an empty library', () => {
  it('gives back exactly the same library: records, bodies, highlights, notes, ids, lists and search', async () => {
    let clock = Date.parse('2025-06-01T12:00:00Z');
    const source = await Library.open({ name: freshName('roundtrip-from'), now: () => clock++ });
    open.push(source);
    // Articles from every way in: saved, saved as a link, imported from Omnivore (bodies, highlights,
    // notes) and Pocket (highlights), then edited by the user; one deleted (the trash is not exported).
    const saved = await source.save(articleOf(STORIES.tokyo));
    await source.saveLink({ url: 'https://letters.example.org/winter-issue', title: 'The winter issue' });
    await runImport('omnivore-export.zip', fixture('omnivore-export.zip'), source.importTarget(), {
      win,
      now: () => clock,
    });
    await runImport('pocket-export.zip', fixture('pocket-export.zip'), source.importTarget(), {
      win,
      now: () => clock,
    });
    await source.update(saved.id, { favourite: true, tags: ['日本', 'spring'], state: 'archived' });
    await source.setNote(saved.id, '花見の計画に使う。');
    await source.setReadingPosition(saved.id, 0.6);
    const deleted = await source.save(articleOf(STORIES.moscow));
    await source.remove(deleted.id);
    expect(await source.getMany([deleted.id, saved.id, 424242])).toEqual([null, await source.get(saved.id), null]);

    const records = await everything(source);
    expect(records.length).toBe(13);
    expect(records.filter((r) => r.highlights.length).length).toBeGreaterThanOrEqual(3);
    expect(records.filter((r) => r.note).length).toBeGreaterThanOrEqual(2);
    const zip = exportLibrary(records, SCHEMA_VERSION, { now: new Date(clock) });

    const restored = await Library.open({ name: freshName('roundtrip-to'), now: () => clock + 1_000_000 });
    open.push(restored);
    const report = await runImport('clean-reader-export.zip', zip, restored.importTarget(), {
      win,
      schemaVersion: SCHEMA_VERSION,
    });
    expect(report.counts).toEqual({ added: records.length, updated: 0, skipped: 0 });
    expect(report.invalid).toEqual([]);

    expect(await everything(restored)).toEqual(records);
    expect(await restored.list({ limit: 100 })).toEqual(await source.list({ limit: 100 }));
    expect(await restored.tags()).toEqual(await source.tags());
    expect(await restored.count()).toBe(await source.count());
    for (const query of ['sandbags', '桜', 'птиц', 'winter issue']) {
      const ids = async (l: Library) => (await l.search(query)).hits.map((h) => h.item.id);
      expect(await ids(restored), query).toEqual(await ids(source));
      expect((await ids(restored)).length, query).toBeGreaterThan(0);
    }

    // Importing the same export again adds and changes nothing.
    const again = await runImport('clean-reader-export.zip', zip, restored.importTarget(), {
      win,
      schemaVersion: SCHEMA_VERSION,
    });
    expect(again.counts).toEqual({ added: 0, updated: 0, skipped: records.length });
    expect(await everything(restored)).toEqual(records);
  });
});
