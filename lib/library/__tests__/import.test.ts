import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportTarget } from '../../transfer';
import { Library } from '../index';
import type { ImportedArticle } from '../import';
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

function imported(overrides: Partial<ImportedArticle>): ImportedArticle {
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
