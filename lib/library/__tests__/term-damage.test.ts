/**
 * A damaged row of the full-text index (`terms`) is skipped and reported, never fatal: a search still
 * answers from the other rows and says what it could not read, the index is then rebuilt from the
 * articles (which the damaged row's postings came from), and merges and re-indexing leave such a row
 * alone instead of throwing or copying it into a merged segment.
 *
 * A `terms` row cannot be replaced by a bare string: the store's key path (`[term+seg]`) must be read
 * from the value, so IndexedDB refuses any value without it. What can be left behind is a row with
 * its key and damaged fields (a half-written or hand-edited row, an older build's format, a JSON round
 * trip turning typed arrays into plain objects), which is what these tests write.
 *
 * Since schema v5 a save's indexing and merges into fewer than 64 articles write a small segment (one
 * `smallSegs` row, small-segments.ts), not `terms` rows: the rows damaged here are those of segments
 * indexed eight articles at a time (a rebuild, an import) and of merges into 64, the two ways `terms`
 * rows are written.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Library } from '../index';
import type { StoredTermRow } from '../schema';
import { MERGE_AT, checkTermRow, everyTermRow, isPacked, mergeOnce, packIds, unpackIds } from '../term-index';
import { STORIES, articleOf, numberedArticle } from './fixtures';
import { freshLibraries } from './fresh-libraries';
import { segmentsOfEight } from './segments';

const { fresh } = freshLibraries('term-damage');

/**
 * A library of eight numbered articles saved and indexed together, in one segment, and three more
 * indexed one by one, each in a segment of its own (every one holds "survey"), plus the harbour story.
 * The segment of eight is `terms` rows; each later save's is a small segment (one `smallSegs` row,
 * small-segments.ts). So "survey" is one `terms` row, holding the first eight articles, and four rows
 * as search reads them.
 */
async function seeded() {
  const library = await fresh();
  const [first] = await segmentsOfEight(library, 1);
  const second: number[] = [];
  for (let n = MERGE_AT; n < MERGE_AT + 3; n++) {
    second.push((await library.save(numberedArticle(n))).id);
    await library.indexPending();
  }
  const harbour = (await library.save(articleOf(STORIES.harbour))).id;
  await library.indexPending();
  const rows = await library.db.terms.where(':id').between(['survey', 0], ['survey', Infinity]).toArray();
  expect(rows).toHaveLength(1);
  // The row holding the first eight articles, the one each test damages.
  const [row] = rows;
  expect([...unpackIds(row.ids as Uint8Array, row.weights.length)]).toEqual(first);
  const survey = (await everyTermRow(library.db)).filter((r) => r.term === 'survey');
  expect(survey.map((r) => [r.seg === row.seg, [...r.ids]])).toEqual([
    [true, first],
    ...second.map((id) => [false, [id]]),
  ]);
  return { library, first, second, harbour, row };
}

/**
 * Rewrites segment `seg` as code from before packing could have left it: ids unpacked and, in the rows
 * of `reversed`, not ascending (each id still with its own weight); the segment unmarked.
 */
async function unpackSegment(library: Library, seg: number, reversed: string[]) {
  const rows = await library.db.terms.where('seg').equals(seg).toArray();
  await library.db.terms.bulkPut(
    rows.map((r) => {
      const ids = [...unpackIds(r.ids as Uint8Array, r.weights.length)];
      return reversed.includes(r.term)
        ? { ...r, ids: Uint32Array.from(ids.reverse()), weights: Uint16Array.from([...r.weights].reverse()) }
        : { ...r, ids: Uint32Array.from(ids) };
    }),
  );
  const segment = (await library.db.segments.get(seg))!;
  await library.db.segments.put({ id: seg, docs: segment.docs });
}

const idsOf = (r: { hits: { item: { id: number } }[] }) => r.hits.map((h) => h.item.id).sort((a, b) => a - b);

/** Every row of `terms` that does not pass the check, by key. */
async function damagedRows(library: Library) {
  const rows = await library.db.terms.toArray();
  return rows.filter((r) => !checkTermRow(r).ok).map((r) => [r.term, r.seg]);
}

/** Ways a row is found damaged, each written over the "survey" row of the first segment. */
const DAMAGE: [string, (row: StoredTermRow) => unknown][] = [
  ['packed ids cut short', (row) => ({ ...row, ids: row.ids.slice(0, row.ids.length - 1) })],
  ['weights cut short (bytes left over after the ids)', (row) => ({ ...row, weights: row.weights.slice(0, -1) })],
  ['weights not a Uint16Array (a JSON round trip)', (row) => JSON.parse(JSON.stringify(row)) as unknown],
  ['ids and weights gone (only the key left)', (row) => ({ term: row.term, seg: row.seg })],
  ['ids as 32-bit numbers, one fewer than the weights', (row) => ({ ...row, ids: Uint32Array.of(1, 2) })],
];

describe('a damaged term row', () => {
  it.each(DAMAGE)(
    'search answers from the other rows and reports it, then the rebuild finds all: %s',
    async (_, damage) => {
      const { library, first, second, harbour, row } = await seeded();
      await library.db.terms.put(damage(row) as StoredTermRow);

      const result = await library.search('survey');
      expect(idsOf(result)).toEqual(second);
      expect(result.total).toBe(second.length);
      expect(result.skipped).toHaveLength(1);
      expect(result.skipped[0].id).toEqual(['survey', row.seg]);
      expect(result.skipped[0].reason).toMatch(/search index/);
      // Other words are untouched.
      expect(idsOf(await library.search('harbour ferries'))).toEqual([harbour]);

      // The next search follows the rebuild the damage set off: every article holding the word again.
      const after = await library.search('survey');
      expect(idsOf(after)).toEqual([...first, ...second]);
      expect(after.skipped).toEqual([]);
      expect(await damagedRows(library)).toEqual([]);
      expect(idsOf(await library.search('batch3'))).toEqual([first[3]]);
    },
  );

  it('re-indexing an article held in a damaged row leaves the row and indexes the article', async () => {
    const { library, first, second, row } = await seeded();
    await library.db.terms.put({ ...row, ids: row.ids.slice(0, 1) });
    // Saved again without the word: its id is taken out of every "survey" row, the damaged one included.
    await library.save(
      articleOf({
        url: 'https://blog.example.com/posts/0',
        title: 'Field notes, entry 0',
        siteName: 'Example Field Notes',
        lang: 'en',
        paragraphs: ['Entry 0 now records the evening count of herons on the estuary.'],
      }),
    );
    await library.indexPending();
    expect(idsOf(await library.search('herons'))).toEqual([first[0]]);
    expect(await damagedRows(library)).toEqual([['survey', row.seg]]);

    const result = await library.search('survey');
    expect(idsOf(result)).toEqual(second);
    expect(result.skipped.map((s) => s.id)).toEqual([['survey', row.seg]]);
    expect(idsOf(await library.search('survey'))).toEqual([...first.slice(1), ...second]);
  });

  it('a merge leaves a damaged row out of the merged segment, and the search still reports it', async () => {
    const library = await fresh();
    const batches = await segmentsOfEight(library, MERGE_AT - 1);
    const segments = await library.db.segments.toArray();
    expect(segments.map((s) => s.docs)).toEqual(Array(MERGE_AT - 1).fill(MERGE_AT));
    const row = (await library.db.terms.get(['survey', segments[0].id]))!;
    expect([...unpackIds(row.ids as Uint8Array, row.weights.length)]).toEqual(batches[0]);
    await library.db.terms.put({ ...row, ids: new Uint8Array(0) });
    // The eighth segment fills the size class: the merge runs (in the background, awaited here).
    batches.push(...(await segmentsOfEight(library, 1, (MERGE_AT - 1) * MERGE_AT)));
    await library.mergeIndex();
    const ids = batches.flat();

    const merged = await library.db.segments.toArray();
    expect(merged.map((s) => s.docs)).toEqual([MERGE_AT * MERGE_AT]);
    const survey = (await library.db.terms.get(['survey', merged[0].id]))!;
    expect(checkTermRow(survey).ok).toBe(true);
    expect([...unpackIds(survey.ids as Uint8Array, survey.weights.length)]).toEqual(batches.slice(1).flat());
    // Every other term of the first segment's articles was merged.
    expect(idsOf(await library.search('batch0'))).toEqual([ids[0]]);
    expect(idsOf(await library.search('entry', { limit: 100 }))).toEqual(ids);

    const result = await library.search('survey', { limit: 100 });
    expect(idsOf(result)).toEqual(batches.slice(1).flat());
    expect(result.skipped.map((s) => s.id)).toEqual([['survey', segments[0].id]]);
    expect(idsOf(await library.search('survey', { limit: 100 }))).toEqual(ids);
  });

  it('a merge keeps an id found in two rows of a term once, instead of failing at every try', async () => {
    const library = await fresh();
    const batches = await segmentsOfEight(library, MERGE_AT - 1);
    // Well formed, so not found damaged: the second segment's row names the first segment's articles again.
    const [a, b] = await library.db.segments.toArray();
    const row = (await library.db.terms.get(['survey', a.id]))!;
    await library.db.terms.put({ ...row, seg: b.id });
    batches.push(...(await segmentsOfEight(library, 1, (MERGE_AT - 1) * MERGE_AT)));
    await library.mergeIndex();

    const merged = await library.db.segments.toArray();
    expect(merged).toHaveLength(1);
    const survey = (await library.db.terms.get(['survey', merged[0].id]))!;
    expect([...unpackIds(survey.ids as Uint8Array, survey.weights.length)]).toEqual([
      ...batches[0],
      ...batches.slice(2).flat(),
    ]);
    // Number 13 is the second segment's sixth article.
    expect(idsOf(await library.search('batch13'))).toEqual([batches[1][5]]);
  });

  it('a row written before packing with ids out of order is put in order when an article is taken out', async () => {
    const { library, first, second, row } = await seeded();
    await unpackSegment(library, row.seg, ['survey']);
    // Saved again without "survey": its id comes out of the reversed row, which is written packed.
    await library.save(
      articleOf({
        url: 'https://blog.example.com/posts/2',
        title: 'Field notes, entry 2',
        siteName: 'Example Field Notes',
        lang: 'en',
        paragraphs: ['Entry 2 now records the evening count of herons.'],
      }),
    );
    await library.indexPending();
    const survey = checkTermRow(await library.db.terms.get(['survey', row.seg]));
    expect(survey.ok && [...survey.value.ids]).toEqual(first.filter((id) => id !== first[2]));
    expect(idsOf(await library.search('survey'))).toEqual([...first.filter((id) => id !== first[2]), ...second]);
  });

  it('rows written before packing with ids out of order are put in order by the repack', async () => {
    const { library, first, second, row } = await seeded();
    await unpackSegment(library, row.seg, ['survey', 'morning']);
    await expect(mergeOnce(library.db)).resolves.toBe(true);
    const rows = await library.db.terms.where('seg').equals(row.seg).toArray();
    expect(rows.filter((r) => !isPacked(r) || !checkTermRow(r).ok)).toEqual([]);
    const morning = checkTermRow(rows.find((r) => r.term === 'morning'));
    expect(morning.ok && [...morning.value.ids]).toEqual(first);
    expect(idsOf(await library.search('morning survey'))).toEqual([...first, ...second]);
  });

  it('repacking a segment written before packing leaves a damaged row as it was', async () => {
    const { library, first, row } = await seeded();
    // Its "survey" row holds one id fewer than weights.
    await unpackSegment(library, row.seg, []);
    await library.db.terms.put({ ...row, ids: Uint32Array.from(first.slice(1)) });

    await expect(mergeOnce(library.db)).resolves.toBe(true);
    expect((await library.db.segments.get(row.seg))?.packed).toBe(1);
    // Still the damaged row, not rewritten packed (as it would be with one id fewer than weights).
    const left = (await library.db.terms.get(['survey', row.seg]))!;
    expect(isPacked(left)).toBe(false);
    expect([...left.ids]).toEqual(first.slice(1));
    expect([...left.weights]).toEqual([...row.weights]);
    expect(await damagedRows(library)).toEqual([['survey', row.seg]]);
    expect(idsOf(await library.search('batch3'))).toEqual([first[3]]);
  });
});

describe('checking a term row', () => {
  const weights = Uint16Array.of(900, 1200, 700);
  const ids = packIds([3, 9, 40]);

  it('passes a packed row and an unpacked one, ids as a Uint32Array', () => {
    const packed = checkTermRow({ term: 'quay', seg: 2, ids, weights });
    expect(packed.ok && [...packed.value.ids]).toEqual([3, 9, 40]);
    const unpacked = checkTermRow({ term: 'quay', seg: 2, ids: Uint32Array.of(3, 9, 40), weights });
    expect(unpacked.ok && [...unpacked.value.ids]).toEqual([3, 9, 40]);
  });

  it('refuses bytes left over, bytes that run out, ids beyond 32 bits and rows that are not rows', () => {
    const withExtra = Uint8Array.of(...ids, 5);
    expect(checkTermRow({ term: 'quay', seg: 2, ids: withExtra, weights }).ok).toBe(false);
    expect(checkTermRow({ term: 'quay', seg: 2, ids: ids.slice(0, 2), weights }).ok).toBe(false);
    const huge = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x1f, 0x01);
    expect(checkTermRow({ term: 'quay', seg: 2, ids: huge, weights: Uint16Array.of(1, 1) }).ok).toBe(false);
    expect(checkTermRow('quay').ok).toBe(false);
    expect(checkTermRow(null).ok).toBe(false);
    expect(checkTermRow({ term: 'quay', seg: 2, ids: [3, 9, 40], weights }).ok).toBe(false);
    expect(checkTermRow({ term: 'quay', seg: 2, ids, weights: [900, 1200, 700] }).ok).toBe(false);
  });
});
