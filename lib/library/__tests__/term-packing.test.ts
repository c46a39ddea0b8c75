/**
 * `terms` rows store their ids packed (gaps as varints, term-index.ts), and rows written before packing
 * (a Uint32Array of ids) are still read as they are and rewritten packed by the background merge.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Library } from '../index';
import type { StoredTermRow } from '../schema';
import { fromStored, isPacked, packIds, readTerm, unpackIds } from '../term-index';
import { STORIES, articleOf, numberedArticle } from './fixtures';
import { freshLibraries } from './fresh-libraries';

const { fresh } = freshLibraries('packing');

/** Saves numbered articles 0 to `count - 1`, each indexed and merged before the next. */
async function saveSettled(library: Library, count: number) {
  for (let n = 0; n < count; n++) {
    await library.save(numberedArticle(n));
    await library.indexPending();
    await library.mergeIndex();
  }
}

/** Every search's ids and scores, in order: what must not change when only the storage does. */
const answers = async (library: Library, queries: string[]) =>
  Promise.all(
    queries.map(async (q) => {
      const r = await library.search(q, { limit: 100 });
      return { q, total: r.total, hits: r.hits.map((h) => [h.item.id, h.score]) };
    }),
  );

/** Rewrites the library's index as code from before packing left it: Uint32Array ids, segments unmarked. */
async function unpackAll(library: Library) {
  const rows = await library.db.terms.toArray();
  await library.db.terms.bulkPut(rows.map((r) => ({ ...fromStored(r), ids: Uint32Array.from(fromStored(r).ids) })));
  const segments = await library.db.segments.toArray();
  await library.db.segments.bulkPut(segments.map(({ id, docs }) => ({ id, docs })));
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

  it('saves write packed rows and marked segments; merges keep them packed', async () => {
    const library = await fresh();
    await saveSettled(library, 9);
    const rows = await library.db.terms.toArray();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => !isPacked(r))).toEqual([]);
    expect((await library.db.segments.toArray()).every((s) => s.packed === 1)).toBe(true);
    const survey = await readTerm(library.db, 'survey');
    expect(survey.every((r) => r.ids instanceof Uint32Array && r.ids.length === r.weights.length)).toBe(true);
    expect(survey.flatMap((r) => [...r.ids]).sort((a, b) => a - b)).toHaveLength(9);
  });

  it('an index written before packing searches the same, and the merge packs it segment by segment', async () => {
    const library = await fresh();
    await saveSettled(library, 10);
    const harbour = await library.save(articleOf(STORIES.harbour));
    await library.save(articleOf(STORIES.election));
    await library.indexPending();
    const before = await answers(library, QUERIES);
    expect(before.find((a) => a.q === 'survey')!.total).toBe(10);

    await unpackAll(library);
    const old = await library.db.terms.toArray();
    expect(old.some(isPacked)).toBe(false);
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
