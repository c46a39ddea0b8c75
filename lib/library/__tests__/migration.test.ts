import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { Library } from '../index';
import { SEARCH_VERSION_KEY, isSearchIndexCurrent } from '../indexer';
import { LibraryDB, V1_STORES } from '../schema';
import { STORIES, articleOf, freshName } from './fixtures';

const open: { close(): void }[] = [];
afterEach(() => {
  open.splice(0).forEach((l) => l.close());
});

/** Writes rows exactly as the version-1 prototype stored them: the whole extracted article plus savedAt. */
async function seedV1(name: string, rows: Record<string, unknown>[]): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(V1_STORES);
  await v1.table('articles').bulkAdd(rows);
  v1.close();
}

const v1Row = (story: (typeof STORIES)[keyof typeof STORIES], savedAt: number, url = story.url) => {
  const { kind, removed: _removed, ...article } = articleOf(story, { url });
  return { ...article, kind, removed: [], savedAt };
};

describe('migration v1 -> v2', () => {
  it('keeps every record, its body and metadata, and makes it listable, openable and searchable', async () => {
    const name = freshName('migrate');
    const seeded = [
      v1Row(STORIES.harbour, 1000),
      v1Row(STORIES.ecole, 2000),
      v1Row(STORIES.tokyo, 3000),
      // Two spellings of one article: v1 keyed on the raw URL, so both exist. Both must survive.
      v1Row(STORIES.election, 4000, 'https://daily.example.net/politics/regional-election-turnout?id=4412'),
      v1Row(
        STORIES.election,
        5000,
        'https://daily.example.net/politics/regional-election-turnout?id=4412&utm_source=x',
      ),
      // A prototype row with fields missing.
      {
        url: 'https://notes.example.org/untitled',
        contentHtml: '<p>Bare notes about a quarry.</p>',
        text: 'Bare notes about a quarry.',
        savedAt: 6000,
      },
    ];
    await seedV1(name, seeded);

    const library = await Library.open({ name });
    open.push(library);
    expect(library.db.verno).toBe(2);
    const page = await library.list();
    expect(page.total).toBe(seeded.length);
    expect(page.skipped).toEqual([]);
    expect(page.items.map((i) => i.savedAt)).toEqual([6000, 5000, 4000, 3000, 2000, 1000]);

    for (const item of page.items) {
      const source = seeded.find((row) => row.url === item.url)!;
      const saved = await library.get(item.id);
      expect(saved.contentHtml).toBe(source.contentHtml);
      expect(saved.text).toBe(source.text);
      expect(saved.state).toBe('unread');
      expect(saved.downloaded).toBe(true);
      expect(saved.savedAt).toBe(source.savedAt);
    }
    const harbour = page.items.find((i) => i.url === STORIES.harbour.url)!;
    expect(harbour).toMatchObject({
      title: STORIES.harbour.title,
      siteName: STORIES.harbour.siteName,
      lang: 'en',
      normalizedUrl: 'https://news.example.org/2024/03/harbour-ferry-timetable',
    });
    expect(page.items.find((i) => i.url === 'https://notes.example.org/untitled')?.title).toBe(
      'https://notes.example.org/untitled',
    );

    // The body moved out of the article row.
    const raw = await library.db.articles.get(harbour.id);
    expect(raw).not.toHaveProperty('contentHtml');
    expect(raw).not.toHaveProperty('text');

    // The index was never built by v1: it is rebuilt, then every migrated body is searchable.
    expect(await isSearchIndexCurrent(library.db)).toBe(false);
    expect((await library.search('quarry')).hits.map((h) => h.item.url)).toEqual([
      'https://notes.example.org/untitled',
    ]);
    expect((await library.search('桜')).hits.map((h) => h.item.url)).toEqual([STORIES.tokyo.url]);
    expect(await isSearchIndexCurrent(library.db)).toBe(true);

    // Saving one of the duplicates again updates the newer copy and leaves the other in place.
    const resaved = await library.save(articleOf(STORIES.election));
    expect(resaved.savedAt).toBeGreaterThan(6000);
    expect(await library.count()).toBe(seeded.length);
  });

  it('an empty v1 database opens as an empty v2 library', async () => {
    const name = freshName('migrate-empty');
    await seedV1(name, []);
    const library = await Library.open({ name });
    open.push(library);
    expect(await library.list()).toEqual({ items: [], total: 0, skipped: [] });
  });

  it('a new database starts with a current index stamp, so the first search does not rebuild', async () => {
    const db = new LibraryDB(freshName('fresh'));
    open.push(db);
    await db.open();
    expect((await db.meta.get(SEARCH_VERSION_KEY))?.value).toBeDefined();
    expect(await isSearchIndexCurrent(db)).toBe(true);
  });

  it('a failing migration leaves the v1 data untouched and reports the library unavailable', async () => {
    const name = freshName('migrate-fail');
    await seedV1(name, [v1Row(STORIES.harbour, 1000)]);
    // The upgrade's write into the new `bodies` table fails as a full disk would, aborting the upgrade.
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    const raw = await v1.table('articles').toArray();
    v1.close();
    expect(raw).toHaveLength(1);

    const db = new LibraryDB(name);
    db.use({
      stack: 'dbcore',
      name: 'fail-bodies',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return tableName === 'bodies'
            ? { ...table, mutate: () => Promise.reject(new DOMException('disk full', 'QuotaExceededError')) }
            : table;
        },
      }),
    });
    await expect(Library.open({ db })).rejects.toMatchObject({ name: 'LibraryError', code: 'quota' });
    db.close();

    const after = new Dexie(name);
    after.version(1).stores(V1_STORES);
    open.push(after);
    expect(await after.table('articles').toArray()).toEqual(raw);
  });
});
