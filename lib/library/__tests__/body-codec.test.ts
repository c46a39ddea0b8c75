/**
 * Bodies stored deflated (body-codec.ts): every script and every shape comes back exactly, rows written
 * before packing existed still open, search and export, a damaged packed row is reported and skipped,
 * and a failed write still leaves the library as it was.
 */
import 'fake-indexeddb/auto';
import type { DBCoreMutateRequest } from 'dexie';
import { strToU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../extract/types';
import { exportLibrary } from '../../transfer';
import { PACK_FROM, packBody, unpackBody } from '../body-codec';
import { Library, LibraryError } from '../index';
import { LibraryDB, SCHEMA_VERSION, type BodyRow, type PackedBodyRow } from '../schema';
import { STORIES, articleOf, freshName, type Story } from './fixtures';

const open: Library[] = [];
afterEach(() => {
  open.splice(0).forEach((l) => l.close());
});

/** One clock for every library here, so two libraries holding the same articles export the same bytes. */
const NOW = Date.parse('2025-06-01T12:00:00Z');

async function openLibrary(db?: LibraryDB): Promise<Library> {
  const library = await Library.open({ ...(db ? { db } : { name: freshName('body-codec') }), now: () => NOW });
  open.push(library);
  return library;
}

/** A story's paragraphs repeated until its body (HTML and text) is long enough to be packed. */
function longArticle(story: Story, extra: Partial<Article> = {}): Article {
  const paragraphs: string[] = [];
  for (let i = 0; paragraphs.join('').length * 2 < PACK_FROM * 1.5; i++)
    paragraphs.push(`${story.paragraphs[i % story.paragraphs.length]} (${i + 1})`);
  return articleOf({ ...story, paragraphs }, extra);
}

/** Every row of `bodies`, with what shape each is stored in. */
async function storedShapes(library: Library): Promise<Map<number, 'packed' | 'plain'>> {
  const rows = await library.db.bodies.toArray();
  return new Map(rows.map((row) => [row.id, 'deflated' in row ? 'packed' : 'plain']));
}

describe('packBody and unpackBody', () => {
  const cases: [string, string, string][] = [
    ['CJK', longArticle(STORIES.tokyo).contentHtml, longArticle(STORIES.tokyo).text],
    ['Arabic', longArticle(STORIES.arabic).contentHtml, longArticle(STORIES.arabic).text],
    ['Thai', longArticle(STORIES.thai).contentHtml, longArticle(STORIES.thai).text],
    [
      'emoji (surrogate pairs) at the cut between HTML and text',
      `<p>${'Weather 🌧️ then ☀️ and 🧭. '.repeat(700)}👩‍👩‍👧</p>`,
      `👩‍👩‍👧${'Weather 🌧️ then ☀️ and 🧭. '.repeat(700)}`,
    ],
    ['empty text', `<p>${'Only markup here. '.repeat(1200)}</p>`, ''],
  ];
  for (const [name, contentHtml, text] of cases) {
    it(`gives back ${name} exactly, packed`, () => {
      const packed = packBody({ contentHtml, text });
      expect('deflated' in packed).toBe(true);
      // Well under the 64 KiB at which Chromium moves a value to a file of its own.
      expect((packed as PackedBodyRow).deflated.length).toBeLessThan((contentHtml.length + text.length) / 2);
      expect(unpackBody({ id: 1, ...packed }, true)).toEqual({ ok: true, value: { contentHtml, text } });
    });
  }

  it('keeps short bodies and text with a lone surrogate plain, exactly as given', () => {
    expect(packBody({ contentHtml: '<p>Short.</p>', text: 'Short.' })).toEqual({
      contentHtml: '<p>Short.</p>',
      text: 'Short.',
    });
    const lone = `<p>${'Broken pair \uD83D here. '.repeat(1500)}</p>`;
    const body = packBody({ contentHtml: lone, text: 'Broken pair \uD83D here.' });
    expect(body).toEqual({ contentHtml: lone, text: 'Broken pair \uD83D here.' });
    expect(unpackBody({ id: 1, ...body }, true)).toEqual({ ok: true, value: body });
  });

  it('reports a packed row that does not inflate, inflates to other text, or lost a field', () => {
    const good = { id: 1, ...(packBody(longArticle(STORIES.harbour)) as Omit<PackedBodyRow, 'id'>) };
    const truncated = { ...good, deflated: good.deflated.slice(0, good.deflated.length >> 1) };
    const garbage = { ...good, deflated: strToU8('not deflate at all, just bytes') };
    const wrongLength = { ...good, chars: good.chars + 1 };
    const noBytes = { ...good, deflated: 'text' };
    const cutBeyond = { ...good, htmlChars: good.chars + 5 };
    for (const row of [truncated, garbage, wrongLength, noBytes, cutBeyond]) {
      const checked = unpackBody(row, true);
      expect(checked.ok).toBe(false);
    }
    expect(unpackBody(truncated, true)).toEqual({ ok: false, reason: 'body cannot be decompressed' });
  });
});

describe('the library stores long bodies packed', () => {
  it('saves, reads, searches and exports articles in every script, and a link saved without its page', async () => {
    const library = await openLibrary();
    const stories = [STORIES.harbour, STORIES.tokyo, STORIES.arabic, STORIES.moscow, STORIES.thai];
    const articles = stories.map((s) => longArticle(s));
    const items = [];
    for (const article of articles) items.push(await library.save(article));
    const link = await library.saveLink({ url: 'https://guides.example.org/winter-cycling', title: 'Winter cycling' });
    const short = await library.save(articleOf(STORIES.election));

    const shapes = await storedShapes(library);
    for (const item of items) expect(shapes.get(item.id)).toBe('packed');
    expect(shapes.get(short.id)).toBe('plain');
    expect(shapes.has(link.id)).toBe(false);

    for (const [i, item] of items.entries()) {
      const saved = await library.get(item.id);
      expect(saved.contentHtml).toBe(articles[i].contentHtml);
      expect(saved.text).toBe(articles[i].text);
    }
    expect(await library.get(link.id)).toMatchObject({ contentHtml: '', text: '', downloaded: false });
    // Indexed from the packed text: a word found only in the bodies.
    expect((await library.search('pontoon')).hits.map((h) => h.item.id)).toEqual([items[0].id]);
    expect((await library.search('満開')).hits.map((h) => h.item.id)).toContain(items[1].id);
    expect((await library.search('المكتبة')).hits.map((h) => h.item.id)).toContain(items[2].id);
    const many = await library.getMany([items[3].id, link.id, short.id]);
    expect(many.map((a) => a?.text)).toEqual([articles[3].text, '', articleOf(STORIES.election).text]);
  });

  it('a re-save replaces a packed body; an import brings packed bodies back exactly', async () => {
    const library = await openLibrary();
    const first = await library.save(longArticle(STORIES.harbour));
    const again = longArticle(STORIES.harbour, { text: `${longArticle(STORIES.moscow).text} lighthouses` });
    await library.save(again);
    expect((await library.get(first.id)).text).toBe(again.text);
    expect((await library.search('lighthouses')).hits.map((h) => h.item.id)).toEqual([first.id]);

    const other = await openLibrary();
    const all = await library.getMany([first.id]);
    await other.importArticles(
      all.map((a) => ({ ...a!, id: undefined })),
      [],
    );
    const [imported] = (await other.list()).items;
    expect(await other.get(imported.id)).toMatchObject({ contentHtml: again.contentHtml, text: again.text });
    expect((await storedShapes(other)).get(imported.id)).toBe('packed');
  });
});

describe('rows written before packing', () => {
  /** A library whose `bodies` rows are all plain, as every version before body-codec.ts wrote them. */
  async function oldLibrary(articles: Article[]): Promise<{ library: Library; ids: number[] }> {
    const library = await openLibrary();
    const ids: number[] = [];
    for (const article of articles) {
      const item = await library.save(article);
      const plain: BodyRow = { id: item.id, contentHtml: article.contentHtml, text: article.text };
      await library.db.bodies.put(plain);
      ids.push(item.id);
    }
    expect([...(await storedShapes(library)).values()].every((shape) => shape === 'plain')).toBe(true);
    return { library, ids };
  }

  it('still open, search and export; export is the same whichever shape the body is stored in', async () => {
    const articles = [longArticle(STORIES.ecole), longArticle(STORIES.tokyo), articleOf(STORIES.election)];
    const { library: old, ids } = await oldLibrary(articles);
    const packed = await openLibrary();
    for (const article of articles) await packed.save(article);
    expect([...(await storedShapes(packed)).values()]).toEqual(['packed', 'packed', 'plain']);

    for (const [i, id] of ids.entries()) expect((await old.get(id)).text).toBe(articles[i].text);
    expect((await old.search('cantine')).hits.map((h) => h.item.id)).toEqual([ids[0]]);
    expect((await old.search('桜')).hits.map((h) => h.item.id)).toEqual([ids[1]]);

    const records = async (library: Library) => (await library.getMany(ids)).map((a) => a!);
    const now = new Date(NOW);
    const zipOld = unzipSync(exportLibrary(await records(old), SCHEMA_VERSION, { now }));
    const zipPacked = unzipSync(exportLibrary(await records(packed), SCHEMA_VERSION, { now }));
    expect(Object.keys(zipPacked).sort()).toEqual(Object.keys(zipOld).sort());
    for (const name of Object.keys(zipOld)) expect(zipPacked[name]).toEqual(zipOld[name]);
  });

  it('a re-save of an old article stores its body packed', async () => {
    const article = longArticle(STORIES.moscow);
    const { library, ids } = await oldLibrary([article]);
    await library.save(article);
    expect((await storedShapes(library)).get(ids[0])).toBe('packed');
    expect((await library.get(ids[0])).contentHtml).toBe(article.contentHtml);
  });
});

describe('a damaged packed body', () => {
  it('is reported by get, left out of getMany, indexed by its head only, and the rest of the library works', async () => {
    const library = await openLibrary();
    const damaged = await library.save(longArticle(STORIES.harbour));
    const fine = await library.save(longArticle(STORIES.ecole));
    const row = (await library.db.bodies.get(damaged.id)) as PackedBodyRow;
    const cut: PackedBodyRow = { ...row, deflated: row.deflated.slice(0, 40) };
    await library.db.bodies.put(cut);
    // Indexed again from the damaged row (the save's own indexing may have run before the damage).
    await library.update(damaged.id, { tags: ['coast'] });

    const error = await library.get(damaged.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryError);
    expect(error).toMatchObject({ code: 'corrupt' });
    expect((error as Error).message).toMatch(/damaged \(body cannot be decompressed\)/);
    const many = await library.getMany([damaged.id, fine.id]);
    expect(many[0]).toBeNull();
    expect(many[1]?.text).toBe(longArticle(STORIES.ecole).text);
    // Still listed and found by its title; its body's words are not found, and nothing throws.
    expect((await library.list()).items.map((i) => i.id)).toContain(damaged.id);
    expect((await library.search('ferries')).hits.map((h) => h.item.id)).toEqual([damaged.id]);
    expect((await library.search('pontoon')).hits).toEqual([]);
    expect((await library.search('cantine')).hits.map((h) => h.item.id)).toEqual([fine.id]);
  });
});

describe('a failed write of a packed body changes nothing', () => {
  async function failingLibrary(fail: (req: DBCoreMutateRequest) => Promise<never> | null) {
    const db = new LibraryDB(freshName('body-codec-failing'));
    let on = false;
    db.use({
      stack: 'dbcore',
      name: 'inject-failure',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return name !== 'bodies' ? table : { ...table, mutate: (req) => (on && fail(req)) || table.mutate(req) };
        },
      }),
    });
    return { library: await openLibrary(db), failing: (value: boolean) => (on = value) };
  }
  const everything = async (db: LibraryDB) =>
    Promise.all([db.articles.toArray(), db.bodies.toArray(), db.trash.toArray(), db.meta.toArray()]);

  it('quota exceeded or the transaction aborted under the body: every table as before', async () => {
    const quota = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const abort = (req: DBCoreMutateRequest) => {
      (req.trans as unknown as IDBTransaction).abort();
      return null;
    };
    for (const [fail, code] of [
      [quota, 'quota'],
      [abort, 'aborted'],
    ] as const) {
      const { library, failing } = await failingLibrary(fail);
      const kept = await library.save(longArticle(STORIES.harbour));
      const before = await everything(library.db);
      failing(true);
      await expect(library.save(longArticle(STORIES.tokyo))).rejects.toMatchObject({ code });
      await expect(
        library.save(longArticle(STORIES.harbour, { text: `${longArticle(STORIES.ecole).text} again` })),
      ).rejects.toMatchObject({ code });
      expect(await everything(library.db)).toEqual(before);
      failing(false);
      expect((await library.get(kept.id)).text).toBe(longArticle(STORIES.harbour).text);
    }
  });
});
