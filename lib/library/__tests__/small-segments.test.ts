/**
 * Small segments (schema v5, small-segments.ts): an indexing batch of fewer than `MERGE_AT` articles,
 * every single save's, and a merge into fewer than 64 are one `smallSegs` row instead of a `terms` row
 * per term. These tests hold the
 * new layout to what the `terms` rows gave: a saved article is found by every word of it, in this page
 * and in another (each connection keeps its parsed rows), an article saved again or purged is taken
 * out, a damaged row is skipped, reported and repaired by a rebuild, and a merge carries small rows
 * into a small row, or into `terms` at 64 articles.
 *
 * A damaged row is written before any search on the connection reads it: a row never changes under its
 * key, so one parsed before the damage is kept as parsed until the next page opens the library.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Library } from '../index';
import type { SmallSegmentRow } from '../schema';
import { parseSmallRow, smallRow, termRowOf, termRowsOf } from '../small-segments';
import { MERGE_AT, everyTermRow, fromStored, segmentRows, type IndexedDoc } from '../term-index';
import { STORIES, articleOf, numberedArticle, type Story } from './fixtures';
import { freshLibraries } from './fresh-libraries';
import { segmentsOfEight } from './segments';

const { fresh, track } = freshLibraries('small-segments');

const idsOf = (r: { hits: { item: { id: number } }[] }) => r.hits.map((h) => h.item.id).sort((a, b) => a - b);
const keysOf = async (library: Library, table: 'smallSegs' | 'segments') =>
  (await library.db.table(table).toCollection().primaryKeys()) as number[];

/** Each article's terms as the index holds them (`terms` rows and small segments), sorted. */
async function indexedUnder(library: Library): Promise<Map<number, string[]>> {
  const under = new Map<number, string[]>();
  for (const row of await everyTermRow(library.db))
    for (const id of row.ids) under.set(id, [...(under.get(id) ?? []), row.term]);
  return new Map([...under].sort((a, b) => a[0] - b[0]).map(([id, terms]) => [id, terms.sort()]));
}

/** What `postings` says each article was indexed under, sorted: what the index must hold. */
async function postingsTerms(library: Library): Promise<Map<number, string[]>> {
  const rows = await library.db.postings.toArray();
  return new Map(rows.map((p) => [p.id, [...p.terms].sort()]));
}

/** A story about the ferry timetable whose title does not hold "timetable" but whose body does, twice. */
const TIMETABLE_LETTER: Story = {
  url: 'https://letters.example.org/2024/03/ferry-letter',
  title: 'Readers write about the crossing',
  siteName: 'Example Letters',
  lang: 'en',
  paragraphs: [
    'A reader from the northern route asks why the timetable was changed without notice.',
    'Another says the new timetable suits school runs better than the old one.',
  ],
};

describe('a save is one small row', () => {
  it('writes one `smallSegs` row and no `terms` row, and the article is found by body, title, prefix and typo', async () => {
    const library = await fresh();
    const harbour = await library.save(articleOf(STORIES.harbour));
    await library.indexPending();
    expect(await library.db.terms.count()).toBe(0);
    const rows = await library.db.smallSegs.toArray();
    expect(rows.map((r) => [...r.docs])).toEqual([[harbour.id]]);
    expect(parseSmallRow(rows[0]).ok).toBe(true);
    expect(await keysOf(library, 'segments')).toEqual([rows[0].seg]);

    const letter = await library.save(articleOf(TIMETABLE_LETTER));
    await library.indexPending();
    expect(await library.db.terms.count()).toBe(0);
    expect(await library.db.smallSegs.count()).toBe(2);

    expect(idsOf(await library.search('pontoon'))).toEqual([harbour.id]);
    // A title word ranks above the same word twice in a body.
    expect((await library.search('timetable')).hits.map((h) => h.item.id)).toEqual([harbour.id, letter.id]);
    expect(idsOf(await library.search('ponto'))).toEqual([harbour.id]);
    expect(idsOf(await library.search('goverment'))).toEqual([harbour.id]);
    expect(idsOf(await library.search('crossing'))).toEqual([letter.id]);
    expect(await indexedUnder(library)).toEqual(await postingsTerms(library));
  });
});

describe('another page, another connection', () => {
  it('sees an article indexed by another connection, and no longer one purged there', async () => {
    const mine = await fresh();
    const harbour = await mine.save(articleOf(STORIES.harbour));
    await mine.indexPending();
    // This page parses (and keeps) the small rows there are now.
    expect(idsOf(await mine.search('pontoon'))).toEqual([harbour.id]);

    const other = track(await Library.open({ name: mine.db.name }));
    // Two articles indexed together: one small segment of two.
    const [ecole, tokyo] = await other.saveMany([articleOf(STORIES.ecole), articleOf(STORIES.tokyo)]);
    await other.indexPending();
    const pair = (await other.db.smallSegs.toArray()).find((r) => r.docs.length === 2)!;
    expect([...pair.docs]).toEqual([ecole.id, tokyo.id]);

    expect(idsOf(await mine.search('cantine'))).toEqual([ecole.id]);
    expect(idsOf(await mine.search('満開'))).toEqual([tokyo.id]);
    expect(idsOf(await mine.search('pontoon'))).toEqual([harbour.id]);

    // Purged in the other page: its small segment is rewritten there under a new id.
    await other.remove(ecole.id);
    await other.purgeTrash([ecole.id]);
    expect(await keysOf(other, 'smallSegs')).not.toContain(pair.seg);

    expect(idsOf(await mine.search('cantine'))).toEqual([]);
    expect(idsOf(await mine.search('満開'))).toEqual([tokyo.id]);
    expect(idsOf(await mine.search('pontoon'))).toEqual([harbour.id]);
    expect(await indexedUnder(mine)).toEqual(await postingsTerms(mine));
  });
});

describe('taking articles out of a small segment', () => {
  /** The harbour story with "pontoon" replaced by "slipway": same length, so only those terms change weight. */
  const harbourEdited = (): Story => ({
    ...STORIES.harbour,
    paragraphs: STORIES.harbour.paragraphs.map((p) => p.replace('pontoon', 'slipway')),
  });

  it('an article saved again with changed text: old words no longer find it, its neighbour keeps every word', async () => {
    const library = await fresh();
    const [harbour, election] = await library.saveMany([articleOf(STORIES.harbour), articleOf(STORIES.election)]);
    await library.indexPending();
    const [before] = await library.db.smallSegs.toArray();
    expect([...before.docs]).toEqual([harbour.id, election.id]);
    const electionTerms = (await postingsTerms(library)).get(election.id)!;
    expect(electionTerms.length).toBeGreaterThan(20);

    await library.save(articleOf(harbourEdited()));
    await library.indexPending();

    expect(idsOf(await library.search('pontoon'))).toEqual([]);
    expect(idsOf(await library.search('slipway'))).toEqual([harbour.id]);
    // Its unchanged words stay where they were, and still find it.
    expect(idsOf(await library.search('ferries'))).toEqual([harbour.id]);
    // The segment was rewritten under a new id: the old row and its `segments` row are gone.
    const smallKeys = await keysOf(library, 'smallSegs');
    expect(smallKeys).not.toContain(before.seg);
    expect(await keysOf(library, 'segments')).not.toContain(before.seg);
    expect(await keysOf(library, 'segments')).toEqual(smallKeys);
    const after = await library.db.smallSegs.toArray();
    expect(after.map((r) => [...r.docs])).toEqual([[harbour.id, election.id], [harbour.id]]);
    expect(after[1].terms).toBe('slipway');
    expect(after.every((r) => r.seg > before.seg)).toBe(true);
    expect((await library.db.segments.toArray()).map((s) => s.docs)).toEqual([2, 1]);

    // The untouched article is found by each of its words, and the index holds what `postings` says.
    expect(await indexedUnder(library)).toEqual(await postingsTerms(library));
    for (const term of electionTerms) expect(idsOf(await library.search(term)), term).toContain(election.id);
  });

  it('purging the only article of a small segment deletes its row and its `segments` row', async () => {
    const library = await fresh();
    const harbour = await library.save(articleOf(STORIES.harbour));
    await library.indexPending();
    const tokyo = await library.save(articleOf(STORIES.tokyo));
    await library.indexPending();
    const [first, second] = await library.db.smallSegs.toArray();
    expect([...first.docs]).toEqual([harbour.id]);

    await library.remove(harbour.id);
    expect(await library.purgeTrash([harbour.id])).toBe(1);
    expect(await keysOf(library, 'smallSegs')).toEqual([second.seg]);
    expect(await keysOf(library, 'segments')).toEqual([second.seg]);
    expect(await library.db.terms.count()).toBe(0);
    expect(idsOf(await library.search('pontoon'))).toEqual([]);
    expect(idsOf(await library.search('満開'))).toEqual([tokyo.id]);
    expect(await indexedUnder(library)).toEqual(await postingsTerms(library));
  });
});

/** Saves `count` numbered articles from `from`, each indexed alone (one small segment each); their ids. */
async function oneSegmentEach(library: Library, count: number, from = 0): Promise<number[]> {
  const ids: number[] = [];
  for (let n = from; n < from + count; n++) {
    ids.push((await library.save(numberedArticle(n))).id);
    await library.indexPending();
  }
  return ids;
}

/** Ways a small row is damaged, each caught by `parseSmallRow`, with the reason it gives. */
const DAMAGE: [string, (row: SmallSegmentRow) => unknown, RegExp][] = [
  [
    'counts not adding up to the postings',
    (row) => ({ ...row, counts: Uint8Array.from(row.counts, (c, i) => (i === 0 ? c + 1 : c)) }),
    /counts do not add up/,
  ],
  [
    'a posting of an article beyond `docs`',
    (row) => ({ ...row, ids: Uint8Array.from(row.ids, () => row.docs.length) }),
    /no article/,
  ],
  ['weights as a plain array', (row) => ({ ...row, weights: [...row.weights] }), /16-bit/],
  [
    'a JSON round trip (typed arrays turned into objects)',
    (row) => JSON.parse(JSON.stringify(row)) as unknown,
    /numbers/,
  ],
  ['one term more than counts', (row) => ({ ...row, terms: `${row.terms}\nextra` }), /one count per term/],
  [
    'one weight fewer than postings',
    (row) => ({ ...row, weights: row.weights.slice(0, -1) }),
    /one article per weight/,
  ],
  ['fields gone (only the key left)', (row) => ({ seg: row.seg }), /no segment or terms/],
];

describe('a damaged small row', () => {
  it.each(DAMAGE)(
    'search answers from the other segments and reports it, then the rebuild finds all: %s',
    async (_, damage) => {
      const library = await fresh();
      const ids = await oneSegmentEach(library, 3);
      const harbour = (await library.save(articleOf(STORIES.harbour))).id;
      await library.indexPending();
      const row = (await library.db.smallSegs.toArray()).find((r) => r.docs[0] === ids[0])!;
      expect(parseSmallRow(damage(row)).ok).toBe(false);
      await library.db.smallSegs.put(damage(row) as SmallSegmentRow);

      const result = await library.search('survey');
      expect(idsOf(result)).toEqual(ids.slice(1));
      expect(result.total).toBe(2);
      expect(result.skipped).toEqual([
        { id: ['*', row.seg], kind: 'index', reason: expect.stringMatching(/search index/) },
      ]);
      expect(idsOf(await library.search('harbour ferries'))).toEqual([harbour]);

      // The next search follows the rebuild the damage set off.
      const after = await library.search('survey');
      expect(idsOf(after)).toEqual(ids);
      expect(after.skipped).toEqual([]);
      expect(idsOf(await library.search('batch0'))).toEqual([ids[0]]);
      const rows = await library.db.smallSegs.toArray();
      expect(rows.map((r) => parseSmallRow(r).ok)).toEqual(rows.map(() => true));
      expect(await keysOf(library, 'smallSegs')).not.toContain(row.seg);
      expect(await indexedUnder(library)).toEqual(await postingsTerms(library));
    },
  );

  it('a merge leaves a damaged small row in place, and the search still reports it', async () => {
    const library = await fresh();
    const ids = await oneSegmentEach(library, MERGE_AT - 1);
    const [damaged] = await library.db.smallSegs.toArray();
    expect([...damaged.docs]).toEqual([ids[0]]);
    await library.db.smallSegs.put({ ...damaged, counts: new Uint8Array(damaged.counts.length) });
    // The eighth segment fills the smallest class: the merge runs.
    ids.push(...(await oneSegmentEach(library, 1, MERGE_AT - 1)));
    await library.mergeIndex();

    const merged = await library.db.segments.toArray();
    expect(merged).toHaveLength(1);
    // The damaged row stays, its segment row gone; every other small row went into the merged segment,
    // itself a small row (fewer than 64 articles).
    expect(await keysOf(library, 'smallSegs')).toEqual([damaged.seg, merged[0].id]);
    expect(await library.db.terms.count()).toBe(0);
    const survey = (await everyTermRow(library.db)).filter((r) => r.term === 'survey');
    expect(survey.map((r) => [r.seg, [...r.ids]])).toEqual([[merged[0].id, ids.slice(1)]]);
    // Every other article is whole in the merged segment; the damaged row held all of the first's terms.
    const expected = await postingsTerms(library);
    expected.delete(ids[0]);
    expect(await indexedUnder(library)).toEqual(expected);

    // Any search reads every small row, so the first one reports the damage, even of a word the row lacks.
    const result = await library.search('batch7');
    expect(idsOf(result)).toEqual([ids[7]]);
    expect(result.skipped.map((s) => s.id)).toEqual([['*', damaged.seg]]);
    // The next search follows the rebuild it set off.
    const after = await library.search('survey');
    expect(idsOf(after)).toEqual(ids);
    expect(after.skipped).toEqual([]);
    expect(await library.db.smallSegs.get(damaged.seg)).toBeUndefined();
    expect(await indexedUnder(library)).toEqual(await postingsTerms(library));
  });
});

describe('merging small rows', () => {
  it('eight saves merge into one small row of eight; a merge into 64 writes `terms` rows', async () => {
    const library = await fresh();
    const ids = await oneSegmentEach(library, MERGE_AT - 1);
    await library.mergeIndex();
    // Seven segments do not fill the class.
    expect(await library.db.smallSegs.count()).toBe(MERGE_AT - 1);
    expect(await library.db.terms.count()).toBe(0);
    ids.push(...(await oneSegmentEach(library, 1, MERGE_AT - 1)));
    await library.mergeIndex();
    // Eight articles are fewer than 64: the merged segment is one small row again.
    const [eight] = await library.db.segments.toArray();
    expect(eight.docs).toBe(MERGE_AT);
    expect(await keysOf(library, 'smallSegs')).toEqual([eight.id]);
    expect(await library.db.terms.count()).toBe(0);
    expect(await indexedUnder(library)).toEqual(await postingsTerms(library));
    expect(idsOf(await library.search('survey'))).toEqual(ids);
    expect(idsOf(await library.search('batch3'))).toEqual([ids[3]]);

    // Seven segments of eight indexed at once (`terms` rows) fill the next class with it: the merge
    // into 64 reads the small row beside them and writes `terms` rows.
    ids.push(...(await segmentsOfEight(library, MERGE_AT - 1, MERGE_AT)).flat());
    await library.mergeIndex();
    const [merged, ...others] = await library.db.segments.toArray();
    expect(others).toEqual([]);
    expect(merged.docs).toBe(MERGE_AT * MERGE_AT);
    expect(await library.db.smallSegs.count()).toBe(0);
    expect(new Set((await library.db.terms.toArray()).map((r) => r.seg))).toEqual(new Set([merged.id]));
    const survey = fromStored((await library.db.terms.get(['survey', merged.id]))!);
    expect([...survey.ids]).toEqual(ids);
    expect(await indexedUnder(library)).toEqual(await postingsTerms(library));
    expect((await library.search('survey', { limit: 100 })).total).toBe(MERGE_AT * MERGE_AT);
    // "batch7", not "batch3": the last word of a query also stands for the words it begins (batch30...).
    expect(idsOf(await library.search('batch7'))).toEqual([ids[7]]);
  });
});

describe('parsing a small row', () => {
  const doc = (id: number, weights: [string, number][]): IndexedDoc => ({ id, weights: new Map(weights) });
  const docs = [
    doc(40, [
      ['quay', 900],
      ['ferry', 1200],
    ]),
    doc(3, [
      ['ferry', 700],
      ['pontoon', 1500],
    ]),
    doc(9, [['quay', 650]]),
  ];

  it('reads back what `smallRow` wrote, term by term as the `terms` rows of the same segment', () => {
    const row = smallRow(5, docs);
    expect([...row.docs]).toEqual([3, 9, 40]);
    const parsed = parseSmallRow(row);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.seg).toBe(5);
    const quay = termRowOf(parsed.value, 'quay')!;
    expect([...quay.ids]).toEqual([9, 40]);
    expect([...quay.weights]).toEqual([650, 900]);
    expect(termRowOf(parsed.value, 'harbour')).toBeUndefined();
    const byTerm = (rows: { term: string }[]) => [...rows].sort((a, b) => a.term.localeCompare(b.term));
    expect(byTerm(termRowsOf(parsed.value))).toEqual(byTerm(segmentRows(5, docs).map(fromStored)));
  });

  it('a row of no terms parses, holding none', () => {
    const parsed = parseSmallRow(smallRow(6, [doc(1, [])]));
    expect(parsed.ok && termRowsOf(parsed.value)).toEqual([]);
  });

  it.each(DAMAGE)('refuses %s', (_, damage, reason) => {
    const parsed = parseSmallRow(damage(smallRow(5, docs)));
    expect(parsed).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('refuses what is not a row', () => {
    expect(parseSmallRow(null).ok).toBe(false);
    expect(parseSmallRow('quay').ok).toBe(false);
    const row = smallRow(5, docs);
    expect(parseSmallRow({ ...row, docs: Array.from(row.docs) }).ok).toBe(false);
    expect(parseSmallRow({ ...row, ids: Uint16Array.from(row.ids) }).ok).toBe(false);
  });
});
