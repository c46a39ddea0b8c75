import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Library } from '../index';
import { SEARCH_VERSION_KEY } from '../indexer';
import { allSmallSegments, termRowOf } from '../small-segments';
import type { StoredTermRow } from '../schema';
import {
  MERGE_AT,
  everyTermRow,
  fromStored,
  readTerm,
  segmentRows,
  sizeClass,
  termWeight,
  weightsOf,
} from '../term-index';
import { STORIES, articleOf, numberedArticle, type Story } from './fixtures';
import { freshLibraries } from './fresh-libraries';

const { fresh, track } = freshLibraries('terms');

const ids = async (library: Library, query: string) => (await library.search(query)).hits.map((h) => h.item.id);
/**
 * Every row of `term` as search reads it: `terms` rows (merged segments, indexing runs of eight or more)
 * and the rows of small segments (a save's indexing, small-segments.ts).
 */
const rowsOf = async (library: Library, term: string) =>
  (await everyTermRow(library.db)).filter((row) => row.term === term);
/** Every article id the rows of `term` hold, over all its segments, `terms` rows and small segments alike. */
const postingsOf = async (library: Library, term: string) =>
  (await rowsOf(library, term)).flatMap((row) => [...row.ids]).sort((a, b) => a - b);
/** The small segments, parsed. */
const smallSegments = (library: Library) =>
  library.db.transaction('r', library.db.smallSegs, () => allSmallSegments(library.db));
/** Numbered articles `from` to `from + count - 1`. */
const numbered = (count: number, from = 0) => Array.from({ length: count }, (_, n) => numberedArticle(from + n));
/** A `terms` row as a comparable value. */
const asValue = (r: StoredTermRow) => JSON.stringify([r.term, r.seg, [...r.ids], [...r.weights]]);

const INDONESIAN: Story = {
  url: 'https://berita.example.id/nasional/banjir-jakarta',
  title: 'Pemerintah menyiapkan pompa air baru',
  siteName: 'Berita Contoh',
  lang: 'id',
  paragraphs: [
    'Pemerintah kota mengumumkan bahwa pompa air tambahan akan dipasang sebelum musim hujan.',
    'Warga di bantaran sungai diminta bersiap menghadapi kemungkinan banjir.',
  ],
};
const CHINESE: Story = {
  url: 'https://xinwen.example.cn/city/subway',
  title: '新地铁线路明年开通',
  siteName: '示例新闻',
  lang: 'zh',
  paragraphs: ['市政府宣布，新的地铁线路将于明年春天开通。', '乘客从火车站到机场只需二十分钟。'],
};

describe('the inverted index (one row per term per segment)', () => {
  it('stores each term once per segment, with the articles holding it, ascending: small segments and terms rows', async () => {
    const library = await fresh();
    const a = await library.save(articleOf(STORIES.harbour));
    const b = await library.save(articleOf(STORIES.election));
    await library.indexPending();
    // Both saves were queued before indexing ran: one segment, of fewer than eight articles, so one
    // small row (no `terms` rows), holding one row per term.
    expect(await library.db.terms.count()).toBe(0);
    expect(await library.db.smallSegs.count()).toBe(1);
    const { segments, damaged } = await smallSegments(library);
    expect(damaged).toEqual([]);
    expect([...segments[0].docs]).toEqual([a.id, b.id]);
    const small = termRowOf(segments[0], 'the')!;
    expect([...small.ids]).toEqual([a.id, b.id]);
    expect(small.weights).toHaveLength(2);
    expect(await rowsOf(library, 'the')).toHaveLength(1);
    expect(await postingsOf(library, 'pontoon')).toEqual([a.id]);
    expect(await postingsOf(library, 'no-such-term')).toEqual([]);

    // Eight articles indexed in one run: one segment, written as one `terms` row per term.
    const batch = (await library.saveMany(numbered(MERGE_AT))).map((item) => item.id);
    await library.indexPending();
    const rows = await readTerm(library.db, 'the');
    expect(rows).toHaveLength(1);
    expect([...rows[0].ids]).toEqual(batch);
    expect(rows[0].weights).toHaveLength(MERGE_AT);
    expect(await library.db.smallSegs.count()).toBe(1);
    expect(await postingsOf(library, 'the')).toEqual([a.id, b.id, ...batch]);
    expect(await postingsOf(library, 'pontoon')).toEqual([a.id]);
  });

  it('merges segments as single saves pile up, and every article stays findable', async () => {
    const library = await fresh();
    const saved: number[] = [];
    for (let n = 0; n < 3 * MERGE_AT; n++) {
      saved.push((await library.save(numberedArticle(n))).id);
      await library.indexPending();
      await library.mergeIndex();
    }
    // 24 single saves, merged eight at a time: far fewer segments than saves.
    const segments = await library.db.segments.toArray();
    expect(segments.length).toBeLessThan(MERGE_AT);
    expect(segments.reduce((n, s) => n + s.docs, 0)).toBe(3 * MERGE_AT);
    // Merged segments of fewer than 64 articles are small rows too (small-segments.ts): no `terms` rows.
    expect(await library.db.terms.count()).toBe(0);
    expect(await library.db.smallSegs.count()).toBe(segments.length);
    expect((await rowsOf(library, 'survey')).length).toBe(segments.length);
    expect(await postingsOf(library, 'survey')).toEqual(saved);
    expect((await library.search('survey')).total).toBe(3 * MERGE_AT);
    for (const n of [0, 7, 8, 23]) expect(await ids(library, `batch${n}`)).toEqual([saved[n]]);
  });

  it('an article saved again leaves the rows of its old words, even in merged segments', async () => {
    const library = await fresh();
    for (let n = 0; n < MERGE_AT; n++) {
      await library.save(numberedArticle(n));
      await library.indexPending();
      await library.mergeIndex();
    }
    expect(await library.db.segments.count()).toBe(1);
    const harbour = await library.save(articleOf(STORIES.harbour));
    await library.indexPending();
    expect(await postingsOf(library, 'entry')).toHaveLength(MERGE_AT);
    // Number 3 is rewritten: its words change, its id stays.
    const three = await library.save(
      articleOf(STORIES.harbour, {
        url: 'https://blog.example.com/posts/3',
        title: 'Rewritten',
        text: 'Now about a lighthouse.',
      }),
    );
    await library.indexPending();
    expect(await postingsOf(library, 'batch3')).toEqual([]);
    expect(await postingsOf(library, 'entry')).toHaveLength(MERGE_AT - 1);
    expect(await postingsOf(library, 'entry')).not.toContain(three.id);
    expect(await ids(library, 'lighthouse')).toEqual([three.id]);
    expect(await ids(library, 'pontoon')).toEqual([harbour.id]);
  });

  it('a new tag or note rewrites the rows of its own words only; the body postings stay where they were', async () => {
    const library = await fresh();
    // Indexed in one run of eight: a segment of `terms` rows.
    const [harbour] = await library.saveMany([
      articleOf(STORIES.harbour),
      articleOf(STORIES.election),
      ...numbered(MERGE_AT - 2),
    ]);
    await library.indexPending();
    const [pontoon] = await readTerm(library.db, 'pontoon');
    expect([...pontoon.ids]).toEqual([harbour.id]);
    const before = await library.db.terms.toArray();
    await library.update(harbour.id, { tags: ['maritime'] });
    await library.setNote(harbour.id, 'Ask the quartermaster.');
    await library.indexPending();
    expect(await readTerm(library.db, 'pontoon')).toEqual([pontoon]);
    // Of the segment's rows, only that of "the" (a body word the note weighs more now) was rewritten.
    const after = new Set((await library.db.terms.toArray()).map(asValue));
    expect(before.filter((r) => !after.has(asValue(r))).map((r) => r.term)).toEqual(['the']);
    expect(await postingsOf(library, 'maritime')).toEqual([harbour.id]);
    expect((await rowsOf(library, 'maritime'))[0].seg).toBeGreaterThan(pontoon.seg);
    expect(await ids(library, 'quartermaster')).toEqual([harbour.id]);
    // The tag now weighs like a title word: it ranks the article above one with it in the body only.
    const other = await library.save(
      articleOf(STORIES.election, { url: 'https://x.example/maritime', text: 'A maritime museum opens.' }),
    );
    expect(await ids(library, 'maritime')).toEqual([harbour.id, other.id]);
    await library.update(harbour.id, { tags: [] });
    await library.indexPending();
    expect(await postingsOf(library, 'maritime')).toEqual([other.id]);
    expect(await readTerm(library.db, 'pontoon')).toEqual([pontoon]);
  });

  it('in a small segment, a new tag or note goes to a new segment; the body postings stay, with their weights', async () => {
    const library = await fresh();
    const harbour = await library.save(articleOf(STORIES.harbour));
    await library.indexPending();
    const election = await library.save(articleOf(STORIES.election));
    await library.indexPending();
    // Each save is a small segment of its own.
    expect(await library.db.terms.count()).toBe(0);
    const [own, others] = await library.db.smallSegs.toArray();
    const body = await rowsOf(library, 'pontoon');
    expect(body.map((r) => [r.seg, [...r.ids]])).toEqual([[own.seg, [harbour.id]]]);
    const bodyTerms = (await smallSegments(library)).segments[0].terms.length;

    await library.update(harbour.id, { tags: ['maritime'] });
    await library.setNote(harbour.id, 'Ask the quartermaster.');
    await library.indexPending();
    // Each of the article's terms is in one row; the tag's and the note's words in segments written
    // since, its body's in the segment holding "pontoon" (written again under a new id without "the",
    // which the note weighs more now: a small row never changes under its key).
    const mine = (await everyTermRow(library.db)).filter((r) => r.ids.includes(harbour.id));
    const terms = mine.map((r) => r.term);
    expect(new Set(terms).size).toBe(terms.length);
    const [pontoon] = await rowsOf(library, 'pontoon');
    expect([...pontoon.ids, ...pontoon.weights]).toEqual([...body[0].ids, ...body[0].weights]);
    expect(pontoon.seg).not.toBe(own.seg);
    expect(await library.db.smallSegs.get(own.seg)).toBeUndefined();
    const inBody = mine.filter((r) => r.seg === pontoon.seg).map((r) => r.term);
    expect(inBody).toHaveLength(bodyTerms - 1);
    expect(inBody).not.toContain('the');
    const added = mine.filter((r) => r.seg !== pontoon.seg);
    expect(added.map((r) => r.term).sort()).toEqual(['ask', 'maritime', 'quartermaster', 'the']);
    expect(added.every((r) => r.seg > own.seg)).toBe(true);
    expect(await ids(library, 'quartermaster')).toEqual([harbour.id]);
    // The election's segment is untouched.
    expect(await library.db.smallSegs.get(others.seg)).toEqual(others);
    expect([...(await rowsOf(library, 'turnout'))[0].ids]).toEqual([election.id]);

    await library.update(harbour.id, { tags: [] });
    await library.indexPending();
    expect(await postingsOf(library, 'maritime')).toEqual([]);
    expect(await ids(library, 'maritime')).toEqual([]);
    const [still] = await rowsOf(library, 'pontoon');
    expect([...still.ids, ...still.weights]).toEqual([...body[0].ids, ...body[0].weights]);
  });

  it('purging an article takes it out of every term row, merged or small; trashing only hides it', async () => {
    const library = await fresh();
    // The harbour story in a segment of `terms` rows (eight articles indexed in one run), the election in
    // a small segment with the school story (a save's indexing).
    const [harbour, ...rest] = await library.saveMany([articleOf(STORIES.harbour), ...numbered(MERGE_AT - 1)]);
    await library.indexPending();
    const [election, ecole] = await library.saveMany([articleOf(STORIES.election), articleOf(STORIES.ecole)]);
    await library.indexPending();
    expect((await readTerm(library.db, 'pontoon')).flatMap((r) => [...r.ids])).toEqual([harbour.id]);
    const [small] = await library.db.smallSegs.toArray();
    expect([...small.docs]).toEqual([election.id, ecole.id]);
    expect(await postingsOf(library, 'turnout')).toEqual([election.id]);

    await library.remove(harbour.id);
    await library.remove(election.id);
    expect(await ids(library, 'pontoon')).toEqual([]);
    expect(await ids(library, 'turnout')).toEqual([]);
    expect(await postingsOf(library, 'pontoon')).toEqual([harbour.id]);
    expect(await postingsOf(library, 'turnout')).toEqual([election.id]);
    await library.emptyTrash();
    expect(await postingsOf(library, 'pontoon')).toEqual([]);
    expect(await postingsOf(library, 'turnout')).toEqual([]);
    expect(await postingsOf(library, 'the')).toEqual(rest.map((item) => item.id));
    // No row of either layout holds them; the small segment holds the school story alone.
    const held = new Set((await everyTermRow(library.db)).flatMap((r) => [...r.ids]));
    expect([...held].sort((a, b) => a - b)).toEqual([...rest.map((item) => item.id), ecole.id]);
    expect((await library.db.smallSegs.toArray()).map((r) => [...r.docs])).toEqual([[ecole.id]]);
    expect(await ids(library, 'rentree')).toEqual([ecole.id]);
    expect(await library.db.postings.get(harbour.id)).toBeUndefined();
    expect(await library.db.postings.get(election.id)).toBeUndefined();
  });

  it('ranks by BM25: more occurrences rank higher, a title word above a body word', async () => {
    const library = await fresh();
    const base: Story = { ...STORIES.harbour, paragraphs: [] };
    const once = await library.save(
      articleOf({
        ...base,
        url: 'https://x.example/once',
        title: 'Weekly notes',
        paragraphs: ['The quay was quiet. Gulls and rain.'],
      }),
    );
    const often = await library.save(
      articleOf({
        ...base,
        url: 'https://x.example/often',
        title: 'Weekly notes',
        paragraphs: ['The quay, the quay, the quay again.'],
      }),
    );
    const titled = await library.save(
      articleOf({
        ...base,
        url: 'https://x.example/titled',
        title: 'Quay repairs begin',
        paragraphs: ['Work starts on Monday.'],
      }),
    );
    expect(await ids(library, 'quay')).toEqual([titled.id, often.id, once.id]);
  });

  it('the stored weight grows with occurrences and shrinks with length', () => {
    expect(termWeight(3, 2_000)).toBeGreaterThan(termWeight(1, 2_000));
    expect(termWeight(1, 200)).toBeGreaterThan(termWeight(1, 20_000));
    const rows = segmentRows(9, [
      { id: 5, weights: weightsOf(new Map([['a', 1]]), 10) },
      { id: 2, weights: weightsOf(new Map([['a', 2]]), 10) },
    ]);
    expect(rows.map((r) => [r.term, r.seg, [...fromStored(r).ids]])).toEqual([['a', 9, [2, 5]]]);
    expect(sizeClass(1)).toBe(0);
    expect(sizeClass(MERGE_AT)).toBe(1);
  });
});

describe('search over the inverted index', () => {
  it('prefix, fuzzy and accent-insensitive in every script, Indonesian and Chinese included', async () => {
    const library = await fresh();
    const id: Record<string, number> = {};
    for (const story of [...Object.values(STORIES), INDONESIAN, CHINESE])
      id[story.url] = (await library.save(articleOf(story))).id;
    expect(await ids(library, 'pemerintah')).toEqual([id[INDONESIAN.url]]);
    expect(await ids(library, 'pemer')).toEqual([id[INDONESIAN.url]]);
    expect(await ids(library, 'bantaran sungai')).toEqual([id[INDONESIAN.url]]);
    expect(await ids(library, 'pemerintha')).toEqual([id[INDONESIAN.url]]);
    expect(await ids(library, '地铁')).toEqual([id[CHINESE.url]]);
    expect(await ids(library, '机场')).toEqual([id[CHINESE.url]]);
    expect(await ids(library, 'المكتبة')).toEqual([id[STORIES.arabic.url]]);
    expect(await ids(library, 'ประชาชน')).toEqual([id[STORIES.thai.url]]);
    expect(await ids(library, 'rentree')).toEqual([id[STORIES.ecole.url]]);
    expect(await ids(library, 'ÉLECTION')).toEqual([id[STORIES.election.url]]);
  });

  it('finds an article by its note and its highlights, and forgets them when removed', async () => {
    const library = await fresh();
    const harbour = await library.save(articleOf(STORIES.harbour));
    await library.save(articleOf(STORIES.election));
    expect(await ids(library, 'grantwriting')).toEqual([]);
    await library.setNote(harbour.id, 'Follow up: grantwriting workshop in April.');
    expect(await ids(library, 'grantwriting')).toEqual([harbour.id]);
    await library.update(harbour.id, {
      highlights: [{ quote: 'two thousand responses', createdAt: null, note: 'Quayside survey' }],
    });
    expect(await ids(library, 'quayside')).toEqual([harbour.id]);
    await library.setNote(harbour.id, null);
    await library.update(harbour.id, { highlights: [] });
    expect(await ids(library, 'grantwriting')).toEqual([]);
    expect(await ids(library, 'quayside')).toEqual([]);
    expect(await ids(library, 'pontoon')).toEqual([harbour.id]);
  });

  it('rebuilds the whole index when it is stale, in the new layout', async () => {
    const library = await fresh();
    const harbour = await library.save(articleOf(STORIES.harbour));
    const tokyo = await library.save(articleOf(STORIES.tokyo));
    await library.saveMany(numbered(MERGE_AT - 2));
    await library.indexPending();
    const name = library.db.name;
    await library.db.meta.put({ key: SEARCH_VERSION_KEY, value: -1 });
    await library.db.terms.clear();
    await library.db.smallSegs.clear();
    library.close();
    const reopened = track(await Library.open({ name }));
    expect(await ids(reopened, 'pontoon')).toEqual([harbour.id]);
    expect(await ids(reopened, '満開')).toEqual([tokyo.id]);
    // The eight articles indexed again in one run: one segment of `terms` rows.
    expect((await reopened.db.segments.toArray()).map((s) => s.docs)).toEqual([MERGE_AT]);
    expect(await reopened.db.smallSegs.count()).toBe(0);
    expect((await readTerm(reopened.db, 'pontoon')).flatMap((r) => [...r.ids])).toEqual([harbour.id]);
    expect(await postingsOf(reopened, 'pontoon')).toEqual([harbour.id]);
  });
});
