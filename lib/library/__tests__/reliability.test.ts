import 'fake-indexeddb/auto';
import type { DBCoreMutateRequest, DBCoreTable } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { Library, LibraryError } from '../index';
import { SEARCH_VERSION_KEY } from '../indexer';
import { LibraryDB } from '../schema';
import { STORIES, articleOf, freshName, numberedArticle } from './fixtures';

const open: Library[] = [];
afterEach(() => {
  open.splice(0).forEach((l) => l.close());
});

/** Everything in the database, table by table: "exactly as it was" is compared on this. */
async function snapshot(db: LibraryDB) {
  const [articles, bodies, postings, trash, vocab, meta] = await Promise.all([
    db.articles.toArray(),
    db.bodies.toArray(),
    db.postings.toArray(),
    db.trash.toArray(),
    db.vocab.toArray(),
    db.meta.toArray(),
  ]);
  return { articles, bodies, postings, trash, vocab, meta };
}

type Failure = (req: DBCoreMutateRequest, table: DBCoreTable) => Promise<never> | null;

/**
 * A library whose writes to `tableName` can be made to fail on demand, the way IndexedDB fails: a quota
 * error from the request, or the transaction aborted under the write.
 */
async function failingLibrary(tableName: string) {
  const db = new LibraryDB(freshName('failing'));
  let failure: Failure | null = null;
  db.use({
    stack: 'dbcore',
    name: 'inject-failure',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== tableName) return table;
        return {
          ...table,
          mutate: (req) => (failure && failure(req, table)) || table.mutate(req),
        };
      },
    }),
  });
  const library = await Library.open({ db });
  open.push(library);
  return { library, failWith: (f: Failure | null) => (failure = f) };
}

const quotaExceeded: Failure = () =>
  Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
const abortTransaction: Failure = (req, table) => {
  (req.trans as unknown as IDBTransaction).abort();
  return table.mutate(req) as Promise<never>;
};

describe('nothing lost under concurrency', () => {
  it('fifty saves started at once from five pages all land, each with its body', async () => {
    const name = freshName('concurrent');
    const pages = await Promise.all(Array.from({ length: 5 }, () => Library.open({ name })));
    open.push(...pages);
    const articles = Array.from({ length: 50 }, (_, n) => numberedArticle(n));
    const saved = await Promise.all(articles.map((article, n) => pages[n % pages.length].save(article)));

    expect(new Set(saved.map((item) => item.id)).size).toBe(50);
    expect(await pages[0].count()).toBe(50);
    const page = await pages[1].list({ limit: 100 });
    expect(page.items.map((i) => i.url).sort()).toEqual(articles.map((a) => a.url).sort());
    for (const [n, item] of saved.entries()) expect((await pages[2].get(item.id)).text).toBe(articles[n].text);
    expect((await pages[3].search('batch37')).hits.map((h) => h.item.url)).toEqual([
      'https://blog.example.com/posts/37',
    ]);
  });

  it('the same article saved at once from several pages ends up as one item', async () => {
    const name = freshName('same-url');
    const pages = await Promise.all(Array.from({ length: 4 }, () => Library.open({ name })));
    open.push(...pages);
    const spellings = ['', '#top', '?utm_source=a', '?fbclid=b', '/'].map((suffix) =>
      articleOf(STORIES.ecole, { url: STORIES.ecole.url + suffix }),
    );
    const saved = await Promise.all(
      Array.from({ length: 12 }, (_, n) => pages[n % 4].save(spellings[n % spellings.length])),
    );
    expect(new Set(saved.map((i) => i.id)).size).toBe(1);
    expect(await pages[0].count()).toBe(1);
  });
});

describe('a failed write changes nothing and says what happened', () => {
  it('quota exceeded while writing the body: the article row written before it is rolled back', async () => {
    const { library, failWith } = await failingLibrary('bodies');
    const kept = await library.save(articleOf(STORIES.harbour));
    await library.update(kept.id, { tags: ['ferries'] });
    await library.indexPending();
    const before = await snapshot(library.db);

    failWith(quotaExceeded);
    const error = await library.save(articleOf(STORIES.election)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryError);
    expect(error).toMatchObject({ code: 'quota' });
    expect((error as Error).message).toMatch(/not enough storage space.*Nothing was changed/i);
    expect(await snapshot(library.db)).toEqual(before);

    failWith(null);
    expect((await library.search('turnout')).hits).toEqual([]);
    await library.save(articleOf(STORIES.election));
    expect(await library.count()).toBe(2);
  });

  it('a re-save aborted at its last write keeps the previous version of the article, body and index', async () => {
    const { library, failWith } = await failingLibrary('meta');
    const item = await library.save(articleOf(STORIES.harbour));
    await library.indexPending();
    const before = await snapshot(library.db);
    failWith(abortTransaction);
    await expect(
      library.save(articleOf(STORIES.harbour, { text: 'Entirely new wording about lighthouses.' })),
    ).rejects.toMatchObject({ code: 'aborted' });
    expect(await snapshot(library.db)).toEqual(before);
    failWith(null);
    expect((await library.get(item.id)).text).toContain('pontoon');
    expect((await library.search('lighthouses')).hits).toEqual([]);
  });

  it('an aborted delete leaves the item in the library and out of the trash', async () => {
    const { library, failWith } = await failingLibrary('trash');
    const item = await library.save(articleOf(STORIES.ecole));
    await library.indexPending();
    const before = await snapshot(library.db);
    failWith(abortTransaction);
    await expect(library.remove(item.id)).rejects.toMatchObject({ code: 'aborted' });
    expect(await snapshot(library.db)).toEqual(before);
    failWith(null);
    expect((await library.list()).items.map((i) => i.id)).toEqual([item.id]);
  });

  it('a batch save that fails on its third article leaves none of them', async () => {
    const { library, failWith } = await failingLibrary('bodies');
    await library.save(articleOf(STORIES.harbour));
    await library.indexPending();
    const before = await snapshot(library.db);
    let writes = 0;
    failWith(() => (++writes === 3 ? quotaExceeded({} as DBCoreMutateRequest, {} as DBCoreTable) : null));
    await expect(
      library.saveMany([numberedArticle(1), numberedArticle(2), numberedArticle(3), numberedArticle(4)]),
    ).rejects.toMatchObject({ code: 'quota' });
    expect(await snapshot(library.db)).toEqual(before);
  });

  it('a tag edit that hits the quota keeps the old tags', async () => {
    const { library, failWith } = await failingLibrary('articles');
    const item = await library.save(articleOf(STORIES.tokyo));
    await library.update(item.id, { tags: ['spring'] });
    await library.indexPending();
    const before = await snapshot(library.db);
    failWith(quotaExceeded);
    await expect(library.update(item.id, { tags: ['spring', 'parks'] })).rejects.toMatchObject({ code: 'quota' });
    expect(await snapshot(library.db)).toEqual(before);
  });
});

describe('a corrupt record is skipped and reported, never fatal', () => {
  async function libraryWithDamage() {
    const library = await Library.open({ name: freshName('corrupt') });
    open.push(library);
    const good = await library.save(articleOf(STORIES.harbour));
    const other = await library.save(articleOf(STORIES.election));
    const { db } = library;
    // What a crashed older build or a hand-edited database could leave behind.
    const noTitle = await db.articles.add({
      ...(await db.articles.get(good.id))!,
      id: undefined,
      normalizedUrl: 'x1',
      title: 42 as unknown as string,
    });
    const badState = await db.articles.add({
      ...(await db.articles.get(good.id))!,
      id: undefined,
      normalizedUrl: 'x2',
      state: 'deleted?' as 'unread',
    });
    const noDate = await db.articles.add({
      ...(await db.articles.get(good.id))!,
      id: undefined,
      normalizedUrl: 'x3',
      savedAt: 'yesterday' as unknown as number,
    });
    await db.bodies.delete(other.id);
    return { library, good, other, damaged: [noTitle, badState, noDate] };
  }

  it('the list shows the good items and names each damaged one with its reason', async () => {
    const { library, good, other, damaged } = await libraryWithDamage();
    const page = await library.list();
    expect(page.items.map((i) => i.id).sort()).toEqual([good.id, other.id].sort());
    expect(page.skipped.map((s) => s.id).sort()).toEqual([...damaged].sort());
    expect(page.skipped.find((s) => s.id === damaged[0])?.reason).toBe('missing title');
    expect(page.skipped.find((s) => s.id === damaged[1])?.reason).toMatch(/unknown state/);
    expect(page.skipped.find((s) => s.id === damaged[2])?.reason).toBe('missing saved date');
  });

  it('a row no list can show (its date is not a valid key) is found by check() and reported', async () => {
    const { library, good } = await libraryWithDamage();
    const row = (await library.db.articles.get(good.id))!;
    const hidden = await library.db.articles.add({
      ...row,
      id: undefined,
      normalizedUrl: 'x4',
      savedAt: null as unknown as number,
    });
    expect((await library.list({ limit: 100 })).items.map((i) => i.id)).not.toContain(hidden);
    expect(await library.check()).toEqual([{ id: hidden, reason: 'missing saved date' }]);
  });

  it('opening a damaged article fails with a clear error, opening the others still works', async () => {
    const { library, good, other, damaged } = await libraryWithDamage();
    await expect(library.get(damaged[0])).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(/damaged \(missing title\)/),
    });
    await expect(library.get(other.id)).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringMatching(/body is missing/),
    });
    expect((await library.get(good.id)).title).toBe(STORIES.harbour.title);
  });

  it('search skips damaged rows and reports them', async () => {
    const { library, good, damaged } = await libraryWithDamage();
    // The damaged rows are copies of the harbour article's row, so its title words find them too once
    // indexed: a stale index stamp makes the next search rebuild the index over every row.
    await library.db.meta.put({ key: SEARCH_VERSION_KEY, value: -1 });
    const result = await library.search('harbour ferries');
    expect(result.hits.map((h) => h.item.id)).toEqual([good.id]);
    expect(result.skipped.map((s) => s.id).sort()).toEqual([...damaged].sort());
  });
});
