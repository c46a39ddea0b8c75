/**
 * `terms` rows store their ids packed (gaps as varints, term-index.ts), and rows written before packing
 * (a Uint32Array of ids) are still read as they are and rewritten packed by the background merge.
 * `terms` rows are written by indexing runs of eight articles or more and by merges into 64; a save's
 * indexing and smaller merges write small segments (one `smallSegs` row, small-segments.ts), which hold
 * no varints.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Library } from '../index';
import type { StoredTermRow } from '../schema';
import { MERGE_AT, everyTermRow, fromStored, isPacked, packIds, readTerm, unpackIds } from '../term-index';
import { STORIES, articleOf, numberedArticle } from './fixtures';
import { freshLibraries } from './fresh-libraries';
import { segmentsOfEight } from './segments';

const { fresh } = freshLibraries('packing');

/** Every search's ids and scores, in order: what must not change when only the storage does. */
const answers = async (library: Library, queries: string[]) =>
  Promise.all(
    queries.map(async (q) => {
      const r = await library.search(q, { limit: 100 });
      return { q, total: r.total, hits: r.hits.map((h) => [h.item.id, h.score]) };
    }),
  );

/**
 * Rewrites the library's `terms` rows as code from before packing left them: Uint32Array ids, their
 * segments unmarked (small segments came after packing, and stay as they are).
 */
async function unpackAll(library: Library) {
  const rows = await library.db.terms.toArray();
  await library.db.terms.bulkPut(rows.map((r) => ({ ...fromStored(r), ids: Uint32Array.from(fromStored(r).ids) })));
  const segments = await library.db.segments.bulkGet([...new Set(rows.map((r) => r.seg))]);
  await library.db.segments.bulkPut(segments.map((s) => ({ id: s!.id, docs: s!.docs })));
}

const QUERIES = ['survey', 'entry', 'batch3', 'pontoon', 'harb', 'the quay', 'elction', 'lighthouse'];

describe('packed term ids', () => {
  it('round-trip ascending ids, from 0 and across every varint length', () => {
    const ids = [0, 1, 2, 127, 128, 300, 16_383, 16_384, 2_097_152, 268_435_456, 0xffff_fffe, 0xffff_ffff];
    const packed = packIds(Uint32Array.from(ids));
    expect([...unpackIds(packed, ids.length)]).toEqual(ids);
    // Neighbouring ids (a common word's postings) take one byte each, a quarter of a Uint32Array.
    const dense = Uint32Array.from({ length: 1_000 }, (_, i) => 5_000 + i * 3);
    expect(packIds(dense).byteLength).toBe(1_000 + 1);
    expect([...unpackIds(packIds(dense), dense.length)]).toEqual([...dense]);
  });

  it('refuses ids out of order and bytes that run out', () => {
    expect(() => packIds([3, 2])).toThrow();
    expect(() => packIds([3, 3])).toThrow();
    expect(() => unpackIds(packIds([1, 2]), 3)).toThrow();
  });

  it('indexing eight articles at once writes packed rows and marked segments; the merge into 64 keeps them packed', async () => {
    const library = await fresh();
    // Eight saved at once and indexed in one run (a segment of `terms` rows), one save (a small
    // segment), eight more at once.
    const [first] = await segmentsOfEight(library, 1);
    await library.save(numberedArticle(100));
    await library.indexPending();
    const [second] = await segmentsOfEight(library, 1, MERGE_AT);
    await library.mergeIndex();
    const segments = await library.db.segments.toArray();
    expect(segments.map((s) => s.docs)).toEqual([MERGE_AT, 1, MERGE_AT]);
    expect(segments.every((s) => s.packed === 1)).toBe(true);
    expect(await library.db.smallSegs.count()).toBe(1);
    const rows = await library.db.terms.toArray();
    expect(new Set(rows.map((r) => r.seg))).toEqual(new Set([segments[0].id, segments[2].id]));
    expect(rows.filter((r) => !isPacked(r))).toEqual([]);
    const survey = await readTerm(library.db, 'survey');
    expect(survey.every((r) => r.ids instanceof Uint32Array && r.ids.length === r.weights.length)).toBe(true);
    expect(survey.map((r) => [...r.ids])).toEqual([first, second]);
    // As search reads it, with the small segment's row: all seventeen articles, once each.
    const all = (await everyTermRow(library.db)).filter((r) => r.term === 'survey').flatMap((r) => [...r.ids]);
    expect(new Set(all).size).toBe(1 + 2 * MERGE_AT);
    expect(all).toHaveLength(1 + 2 * MERGE_AT);
    expect((await library.search('survey', { limit: 100 })).total).toBe(1 + 2 * MERGE_AT);

    // Six more segments of eight fill the class: merged into one segment of 64, still packed.
    const more = await segmentsOfEight(library, MERGE_AT - 2, 2 * MERGE_AT);
    await library.mergeIndex();
    const merged = (await library.db.segments.toArray()).filter((s) => s.docs === MERGE_AT * MERGE_AT);
    expect(merged).toHaveLength(1);
    const after = await library.db.terms.toArray();
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((r) => !isPacked(r) || r.seg !== merged[0].id)).toEqual([]);
    expect([...(await readTerm(library.db, 'survey'))[0].ids]).toEqual([...first, ...second, ...more.flat()]);
    expect((await library.search('survey', { limit: 100 })).total).toBe(1 + MERGE_AT * MERGE_AT);
  });

  it('an index written before packing searches the same, and the merge packs it segment by segment', async () => {
    const library = await fresh();
    // Two segments of `terms` rows (eight articles indexed at once, twice) and, for the harbour and
    // election stories, a small one.
    await segmentsOfEight(library, 2);
    const harbour = await library.save(articleOf(STORIES.harbour));
    await library.save(articleOf(STORIES.election));
    await library.indexPending();
    const before = await answers(library, QUERIES);
    expect(before.find((a) => a.q === 'survey')!.total).toBe(2 * MERGE_AT);

    await unpackAll(library);
    const old = await library.db.terms.toArray();
    expect(old.some(isPacked)).toBe(false);
    expect(new Set(old.map((r) => r.seg)).size).toBe(2);
    expect((await library.db.segments.toArray()).filter((s) => !s.packed)).toHaveLength(2);
    // Old rows read as they are.
    expect(await answers(library, QUERIES)).toEqual(before);

    // An article saved again while its rows are old: its old words leave old rows, its new ones go packed.
    await library.save(
      articleOf(STORIES.harbour, { url: 'https://blog.example.com/posts/3', title: 'Rewritten', text: 'Now about a lighthouse.' }),
    );
    await library.indexPending();
    const mixed = await library.db.terms.toArray();
    expect(mixed.some(isPacked) && mixed.some((r) => !isPacked(r))).toBe(true);
    const rewritten = await answers(library, QUERIES);
    expect(rewritten.find((a) => a.q === 'batch3')!.total).toBe(0);
    expect(rewritten.find((a) => a.q === 'lighthouse')!.total).toBe(1);
    expect(rewritten.find((a) => a.q === 'pontoon')!.hits.map((h) => h[0])).toEqual([harbour.id]);

    // The background merge packs every old segment and marks it; nothing found changes.
    await library.mergeIndex();
    const after = await library.db.terms.toArray();
    expect(after.filter((r: StoredTermRow) => !isPacked(r))).toEqual([]);
    expect((await library.db.segments.toArray()).every((s) => s.packed === 1)).toBe(true);
    expect(after.map((r) => [r.term, r.seg, [...fromStored(r).ids], [...r.weights]])).toEqual(
      mixed.map((r) => [r.term, r.seg, [...fromStored(r).ids], [...r.weights]]),
    );
    expect(await answers(library, QUERIES)).toEqual(rewritten);
  });
});
