// @vitest-environment node
// Node's Blob, which fake-indexeddb can store (jsdom's is another class that structuredClone refuses).
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { Library } from '../index';
import { ARTICLE_COUNT_KEY } from '../counts';
import { readQueue } from '../index-queue';
import { HEAD_WEIGHT, SEARCH_VERSION_KEY, headTermsOf, isSearchIndexCurrent } from '../indexer';
import { OFFLINE_IMAGES_KEY } from '../images';
import { articleRow, linkRow } from '../rows';
import { LibraryDB, SCHEMA_VERSION, V1_STORES, V2_STORES, V3_STORES, V4_STORES } from '../schema';
import { MERGE_AT, everyTermRow, segmentRows, weightsOf, type IndexedDoc } from '../term-index';
import { TOKENIZER_VERSION, tokenize, uniqueTerms } from '../tokenize';
import { STORIES, articleOf, freshName, numberedArticle } from './fixtures';

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

/** Each released schema in order: version N declares the first N, with no upgrade code. */
const RELEASED = [V1_STORES, V2_STORES, V3_STORES, V4_STORES];

/** Opens a database exactly as released `version` declared it (its rows written as it wrote them), fills it, closes it. */
async function seedAs(version: 2 | 3 | 4, name: string, fill: (db: Dexie) => Promise<void>): Promise<void> {
  const db = new Dexie(name);
  RELEASED.slice(0, version).forEach((stores, i) => db.version(i + 1).stores(stores));
  await db.open();
  await fill(db);
  db.close();
}

const v1Row = (story: (typeof STORIES)[keyof typeof STORIES], savedAt: number, url = story.url) => {
  const { kind, removed: _removed, ...article } = articleOf(story, { url });
  return { ...article, kind, removed: [], savedAt };
};

describe('migration v1 -> current', () => {
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
    expect(library.db.verno).toBe(SCHEMA_VERSION);
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

/**
 * Every story as a library stored it (no marks), ids 1, 2... saved a second apart, with its body: what
 * the v3 and v4 seeds start from.
 */
function storyRows() {
  const marks = { favourite: 0 as const, tags: [], readingPosition: null, highlights: [], note: null };
  const all = Object.values(STORIES);
  return {
    all,
    rows: all.map((s, i) => ({ ...articleRow(articleOf(s), 1000 * (i + 1), marks), id: i + 1 })),
    bodies: all.map((s, i) => ({ id: i + 1, contentHtml: articleOf(s).contentHtml, text: articleOf(s).text })),
  };
}

async function tableRows(db: Dexie, table: string): Promise<unknown[]> {
  return db.table(table).toArray();
}

describe('migration v2 -> current (the index queue leaves `postings` for one meta row)', () => {
  it('keeps every record of every table, and moves pending markers into the queue with their stamps', async () => {
    const name = freshName('migrate-v2');
    const story = (s: (typeof STORIES)[keyof typeof STORIES], id: number, savedAt: number) => ({
      ...articleRow(articleOf(s), savedAt, {
        favourite: id === 1 ? 1 : 0,
        tags: id === 2 ? ['école'] : [],
        readingPosition: null,
        highlights: [],
        note: null,
      }),
      id,
    });
    const harbour = story(STORIES.harbour, 1, 1000);
    const ecole = { ...story(STORIES.ecole, 2, 2000), headTerms: headTermsOf({ ...story(STORIES.ecole, 2, 2000) }) };
    const tokyo = story(STORIES.tokyo, 3, 3000);
    const link = { ...linkRow({ url: 'https://notes.example.org/quarry-visit', title: 'Quarry visit' }, 4000), id: 4 };
    const trashed = { ...story(STORIES.moscow, 5, 500), deletedAt: 4500 };
    const body = (s: (typeof STORIES)[keyof typeof STORIES], id: number) => {
      const a = articleOf(s);
      return { id, contentHtml: a.contentHtml, text: a.text };
    };
    const indexed = (s: (typeof STORIES)[keyof typeof STORIES], id: number) => ({
      id,
      terms: [...new Set([...uniqueTerms(articleOf(s).text)])],
    });
    const v2 = {
      articles: [harbour, ecole, tokyo, link],
      bodies: [body(STORIES.harbour, 1), body(STORIES.ecole, 2), body(STORIES.tokyo, 3), body(STORIES.moscow, 5)],
      // Harbour and the trashed article were indexed; the others were saved and still waited, as v2 marked them.
      postings: [
        indexed(STORIES.harbour, 1),
        { id: 2, pending: 1, stamp: 111 },
        { id: 3, pending: 1, stamp: 222 },
        { id: 4, pending: 1, stamp: 333 },
        indexed(STORIES.moscow, 5),
      ],
      images: [
        {
          articleId: 1,
          url: 'https://news.example.org/img/ferry.jpg',
          blob: new Blob(['jpeg bytes'], { type: 'image/jpeg' }),
        },
      ],
      trash: [trashed],
      vocab: [
        { id: 1, terms: [...new Set([...indexed(STORIES.harbour, 1).terms, ...indexed(STORIES.moscow, 5).terms])] },
      ],
      meta: [
        { key: SEARCH_VERSION_KEY, value: TOKENIZER_VERSION },
        { key: OFFLINE_IMAGES_KEY, value: true },
      ],
    };
    await seedAs(2, name, async (db) => {
      for (const [table, rows] of Object.entries(v2)) await db.table(table).bulkAdd(rows);
    });

    const library = await Library.open({ name });
    open.push(library);
    const db = library.db;
    expect(db.verno).toBe(SCHEMA_VERSION);

    // Untouched tables: every row as it was.
    for (const table of ['articles', 'bodies', 'trash', 'vocab'] as const) {
      expect(await tableRows(db, table), table).toEqual(v2[table]);
    }
    const images = await db.images.toArray();
    expect(images.map(({ articleId, url }) => ({ articleId, url }))).toEqual([{ articleId: 1, url: v2.images[0].url }]);
    expect(await images[0].blob.text()).toBe('jpeg bytes');
    // Indexed postings stay; pending markers (which held no terms) became queue entries, stamps kept.
    expect(await tableRows(db, 'postings')).toEqual([v2.postings[0], v2.postings[4]]);
    expect(await readQueue(db)).toEqual([
      { id: 2, stamp: 111 },
      { id: 3, stamp: 222 },
      { id: 4, stamp: 333 },
    ]);
    expect((await db.meta.get(OFFLINE_IMAGES_KEY))?.value).toBe(true);
    expect((await db.meta.get(ARTICLE_COUNT_KEY))?.value).toBe(4);
    // v3 -> v4 changed the index's layout: its stamp is gone, so the first search rebuilds it.
    expect(await isSearchIndexCurrent(db)).toBe(false);

    expect(await library.count()).toBe(4);
    const page = await library.list();
    expect(page.items.map((i) => i.id)).toEqual([4, 3, 2, 1]);
    expect(page.skipped).toEqual([]);
    expect((await library.get(2)).text).toBe(v2.bodies[1].text);
    expect((await library.trash()).items.map((i) => i.id)).toEqual([5]);

    // Every article is found once the first search has rebuilt the index.
    expect((await library.search('pontoon')).hits.map((h) => h.item.id)).toEqual([1]);
    expect(await readQueue(db)).toEqual([]);
    expect(await isSearchIndexCurrent(db)).toBe(true);
    expect((await library.search('cantine')).hits.map((h) => h.item.id)).toEqual([2]);
    expect((await library.search('桜')).hits.map((h) => h.item.id)).toEqual([3]);
    expect((await library.search('quarry')).hits.map((h) => h.item.id)).toEqual([4]);
    // The trashed article comes back searchable.
    await library.restore(5);
    expect((await library.search('метро')).hits.map((h) => h.item.id)).toEqual([5]);
    expect(await library.count()).toBe(5);
  });

  it('a v2 library with nothing pending opens with an empty queue and its count', async () => {
    const name = freshName('migrate-v2-idle');
    const row = { ...articleRow(articleOf(STORIES.harbour), 1000), id: 1 };
    await seedAs(2, name, async (db) => {
      await db.table('articles').add(row);
      await db.table('meta').add({ key: SEARCH_VERSION_KEY, value: TOKENIZER_VERSION });
    });
    const library = await Library.open({ name });
    open.push(library);
    expect(await readQueue(library.db)).toEqual([]);
    expect(await library.count()).toBe(1);
    expect(await library.db.articles.toArray()).toEqual([row]);
  });
});

describe('migration v3 -> v4 (the inverted index: one row per term per segment)', () => {
  it('keeps every record, drops the old index, rebuilds the new one, and search works in every script', async () => {
    const name = freshName('migrate-v3');
    const { all, rows: articles, bodies } = storyRows();
    // The last story is in the trash: its body stays, its row moved.
    const trashed = { ...articles.pop()!, deletedAt: 99_000 };
    const postings = all.slice(0, -2).map((s, i) => ({ id: i + 1, terms: uniqueTerms(articleOf(s).text) }));
    const v3 = {
      articles,
      bodies,
      postings,
      trash: [trashed],
      images: [{ articleId: 1, url: 'https://news.example.org/img/ferry.jpg', blob: new Blob(['jpeg']) }],
      vocab: [{ id: 1, terms: [...new Set(postings.flatMap((p) => p.terms))] }],
      meta: [
        { key: SEARCH_VERSION_KEY, value: TOKENIZER_VERSION },
        { key: OFFLINE_IMAGES_KEY, value: true },
        { key: ARTICLE_COUNT_KEY, value: articles.length },
        // The article before the trashed one was saved but not yet indexed when v3 closed.
        { key: 'indexQueue', value: [{ id: articles.length, stamp: 7 }] },
      ],
    };
    await seedAs(3, name, async (db) => {
      for (const [table, rows] of Object.entries(v3)) await db.table(table).bulkAdd(rows);
    });

    const library = await Library.open({ name });
    open.push(library);
    const db = library.db;
    expect(db.verno).toBe(SCHEMA_VERSION);
    for (const table of ['articles', 'bodies', 'trash'] as const)
      expect(await tableRows(db, table), table).toEqual(v3[table]);
    expect(await images(db)).toEqual([{ articleId: 1, url: v3.images[0].url, text: 'jpeg' }]);
    expect((await db.meta.get(OFFLINE_IMAGES_KEY))?.value).toBe(true);
    expect(await library.count()).toBe(articles.length);
    expect(await readQueue(db)).toEqual([{ id: articles.length, stamp: 7 }]);
    // The old multi-entry indexes are gone; the new index is empty until rebuilt.
    expect(db.postings.schema.indexes.map((i) => i.name)).toEqual([]);
    expect(db.articles.schema.indexes.map((i) => i.name)).not.toContain('headTerms');
    expect(await isSearchIndexCurrent(db)).toBe(false);
    expect(await db.terms.count()).toBe(0);

    // The first search rebuilds over every live article: body words, prefixes, typos, accents, scripts.
    const ids = async (query: string) => (await library.search(query)).hits.map((h) => h.item.id);
    const idOf = (story: (typeof STORIES)[keyof typeof STORIES]) => all.indexOf(story) + 1;
    expect(await ids('pontoon')).toEqual([idOf(STORIES.harbour)]);
    expect(await ids('ponto')).toEqual([idOf(STORIES.harbour)]);
    expect(await ids('goverment')).toEqual([idOf(STORIES.harbour)]);
    expect(await ids('ECOLE')).toEqual([idOf(STORIES.ecole)]);
    expect(await ids('満開')).toEqual([idOf(STORIES.tokyo)]);
    expect(await ids('افتتحت')).toEqual([idOf(STORIES.arabic)]);
    expect(await isSearchIndexCurrent(db)).toBe(true);
    expect(await readQueue(db)).toEqual([]);
    // The rebuild wrote the index: it holds every live article (the trashed one is left out) under
    // exactly the terms its `postings` row lists.
    const rebuilt = await db.postings.toArray();
    expect(rebuilt.map((p) => p.id)).toEqual(articles.map((a) => a.id));
    expect(await indexedUnder(db)).toEqual(new Map(rebuilt.map((p) => [p.id, [...p.terms].sort()])));
    // The trashed article was not indexed; restoring it indexes it.
    const last = all[all.length - 1];
    expect(await ids(uniqueTerms(last.title)[0])).toEqual([]);
    await library.restore(trashed.id);
    expect(await ids(uniqueTerms(last.title)[0])).toEqual([trashed.id]);
    expect(await tableRows(db, 'bodies')).toEqual(v3.bodies);
  });
});

/**
 * An article as v4's indexer weighed it (its body's terms, head words `HEAD_WEIGHT` times, length the
 * body's): the weights its `postings` row and its segment's `terms` rows hold.
 */
function v4Doc(
  id: number,
  row: { title: string; siteName: string | null; byline: string | null; url: string },
  text: string,
): IndexedDoc {
  const tf = new Map<string, number>();
  const body = tokenize(text);
  for (const t of body) tf.set(t, (tf.get(t) ?? 0) + 1);
  for (const t of headTermsOf({ ...row, tags: [] })) tf.set(t, (tf.get(t) ?? 0) + HEAD_WEIGHT);
  return { id, weights: weightsOf(tf, body.length) };
}

describe('migration v4 -> v5 (a small segment is one `smallSegs` row)', () => {
  it('keeps every record and the index as it is, and merges v4 `terms` rows with new small rows', async () => {
    const name = freshName('migrate-v4');
    const { rows, bodies } = storyRows();
    const docs = rows.map((row, i) => v4Doc(row.id, row, bodies[i].text));
    // harbour 1, election 2, ecole 3, tokyo 4, moscow 5: live and indexed; arabic 6: indexed, then
    // trashed; thai 7: saved, not yet indexed when v4 closed.
    const [harbour, election, ecole, tokyo, moscow, arabic, thai] = rows;
    const indexed = docs.slice(0, 6);
    // Segments as v4's saves wrote them, each as `terms` rows: one article each, ecole and tokyo in one batch.
    const batches = [[harbour], [election], [ecole, tokyo], [moscow], [arabic]].map((b) =>
      b.map((r) => docs[r.id - 1]),
    );
    const v4 = {
      articles: [harbour, election, ecole, tokyo, moscow, thai],
      bodies,
      postings: indexed.map((d) => ({ id: d.id, terms: [...d.weights.keys()], weights: [...d.weights.values()] })),
      // In key order ([term, seg], strings compared by code unit as IndexedDB does), as the store lists them.
      terms: batches
        .flatMap((b, i) => segmentRows(i + 1, b))
        .sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : a.seg - b.seg)),
      segments: batches.map((b, i) => ({ id: i + 1, docs: b.length, packed: 1 as const })),
      trash: [{ ...arabic, deletedAt: 90_000 }],
      images: [{ articleId: 1, url: 'https://news.example.org/img/ferry.jpg', blob: new Blob(['jpeg']) }],
      vocab: [{ id: 1, terms: [...new Set(indexed.flatMap((d) => [...d.weights.keys()]))] }],
      meta: [
        { key: SEARCH_VERSION_KEY, value: TOKENIZER_VERSION },
        { key: OFFLINE_IMAGES_KEY, value: true },
        { key: ARTICLE_COUNT_KEY, value: 6 },
        { key: 'indexQueue', value: [{ id: thai.id, stamp: 7 }] },
      ],
    };
    await seedAs(4, name, async (db) => {
      for (const [table, rows] of Object.entries(v4)) await db.table(table).bulkAdd(rows);
    });
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);

    const library = await Library.open({ name });
    open.push(library);
    const db = library.db;
    expect(db.verno).toBe(SCHEMA_VERSION);
    for (const table of ['articles', 'bodies', 'postings', 'terms', 'segments', 'trash', 'vocab'] as const)
      expect(await tableRows(db, table), table).toEqual(v4[table]);
    expect((await db.meta.toArray()).sort(byKey)).toEqual([...v4.meta].sort(byKey));
    expect(await images(db)).toEqual([{ articleId: 1, url: v4.images[0].url, text: 'jpeg' }]);
    expect(await db.smallSegs.count()).toBe(0);
    // v5 reads v4's index as it is: the stamp stays, so nothing is rebuilt.
    expect(await isSearchIndexCurrent(db)).toBe(true);

    const ids = async (query: string) => (await library.search(query)).hits.map((h) => h.item.id);
    expect(await ids('pontoon')).toEqual([harbour.id]);
    expect(await ids('turnout')).toEqual([election.id]);
    expect(await ids('cantine')).toEqual([ecole.id]);
    expect(await ids('満開')).toEqual([tokyo.id]);
    expect(await ids('метро')).toEqual([moscow.id]);
    expect(await ids(uniqueTerms(STORIES.arabic.title)[0])).toEqual([]);
    // The queued article was indexed by the first search, as a small row; v4's rows were not touched.
    expect(await ids(uniqueTerms(STORIES.thai.title)[0])).toEqual([thai.id]);
    expect(await readQueue(db)).toEqual([]);
    expect(await tableRows(db, 'terms')).toEqual(v4.terms);
    expect(await tableRows(db, 'postings')).toEqual(expect.arrayContaining(v4.postings));
    expect((await db.smallSegs.toArray()).map((r) => [...r.docs])).toEqual([[thai.id]]);
    expect(await isSearchIndexCurrent(db)).toBe(true);
    // v4's weights are what this indexer computes: an article saved again unchanged writes nothing.
    await library.save(articleOf(STORIES.harbour));
    await library.indexPending();
    expect(await db.segments.count()).toBe(v4.segments.length + 1);
    expect(await db.smallSegs.count()).toBe(1);

    // A save after the upgrade goes into a small row, not `terms`.
    const saved: number[] = [];
    saved.push((await library.save(numberedArticle(0))).id);
    await library.indexPending();
    expect((await db.smallSegs.toArray()).map((r) => [...r.docs])).toEqual([[thai.id], [saved[0]]]);
    expect(await tableRows(db, 'terms')).toEqual(v4.terms);
    expect(await db.segments.count()).toBe(MERGE_AT - 1);

    // The eighth segment of the smallest class: the merge combines v4's `terms` rows and the small rows,
    // into one small row (nine articles, fewer than 64): v4's `terms` rows are gone.
    saved.push((await library.save(numberedArticle(1))).id);
    await library.indexPending();
    await library.mergeIndex();
    const merged = await db.segments.toArray();
    expect(merged).toEqual([{ id: expect.any(Number), docs: 9, packed: 1 }]);
    expect((await db.smallSegs.toArray()).map((r) => r.seg)).toEqual([merged[0].id]);
    expect(await db.terms.count()).toBe(0);
    const postings = await db.postings.toArray();
    expect(postings.map((p) => p.id)).toEqual([1, 2, 3, 4, 5, 6, 7, ...saved]);
    expect(await indexedUnder(db)).toEqual(new Map(postings.map((p) => [p.id, [...p.terms].sort()])));

    expect(await ids('pontoon')).toEqual([harbour.id]);
    expect(await ids('cantine')).toEqual([ecole.id]);
    expect(await ids('満開')).toEqual([tokyo.id]);
    expect(await ids('метро')).toEqual([moscow.id]);
    expect(await ids(uniqueTerms(STORIES.thai.title)[0])).toEqual([thai.id]);
    expect(await ids('batch0')).toEqual([saved[0]]);
    expect((await ids('survey')).sort((a, b) => a - b)).toEqual(saved);
    await library.restore(arabic.id);
    expect(await ids(uniqueTerms(STORIES.arabic.title)[0])).toEqual([arabic.id]);
    expect(await db.bodies.bulkGet(v4.bodies.map((b) => b.id))).toEqual(v4.bodies);
  });
});

/** Each article's terms as the inverted index holds them (`terms` rows and small segments), sorted. */
async function indexedUnder(db: LibraryDB): Promise<Map<number, string[]>> {
  const under = new Map<number, string[]>();
  for (const row of await everyTermRow(db))
    for (const id of row.ids) under.set(id, [...(under.get(id) ?? []), row.term]);
  return new Map([...under].sort((a, b) => a[0] - b[0]).map(([id, terms]) => [id, terms.sort()]));
}

async function images(db: Dexie) {
  const rows = (await db.table('images').toArray()) as { articleId: number; url: string; blob: Blob }[];
  return Promise.all(rows.map(async (r) => ({ articleId: r.articleId, url: r.url, text: await r.blob.text() })));
}
