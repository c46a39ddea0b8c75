/**
 * Small segments: a save's indexing (a batch of fewer than `MERGE_AT` articles, one usually) and a merge
 * into fewer than `SMALL_BELOW` (64) articles write their segment as one `smallSegs` row instead of one
 * `terms` row per term (schema v5). Only a merge into 64+ articles, or a larger indexing batch (a
 * rebuild, an import), writes `terms` rows.
 *
 * Why: a one-article segment was about 2,400 `terms` rows, each with its `seg` index entry, written by
 * the save's indexing and read and deleted again by the merge eight saves later, whose 8-article
 * segment was about 7,600 rows more. At 10,000 articles LevelDB compacted 5.5 GB in a 5-minute run of
 * 180 saves, and a save started while it did took 1.5x as long (back to back 26-29 ms median against
 * 18-20 settled). As one row, a segment is one put and one delete, and an article is searchable once
 * its put commits. (lib/library/README.md has the figures.)
 *
 * A search reads the small segments whole (at most seven per class, two classes; their keys are read
 * beside the postings) and keeps them parsed in memory, per database connection: a row is never changed
 * under its key. The indexer and merges write it under a new segment id; a removal (an article indexed
 * again, or purged) writes what is left under a new segment id too and deletes the old row; a merge
 * deletes it; a rebuild clears the store. Segment ids come from the key generator of `segments`, which
 * never hands an id out twice in a database's life, so a parsed copy under a key is the row under that
 * key. (An aborted transaction gives its ids back, but nothing reads a small row in the transaction that
 * wrote it, so no row that was never committed is parsed. A row damaged on disk after this connection
 * parsed it is seen by the next page that opens the library; this one goes on with the good copy.)
 * Every search reads the keys, so a damaged small row is reported by the first search, whatever its
 * words, and the index is rebuilt.
 *
 * Layout: `docs` the segment's article ids ascending; `terms` its terms in ascending code-unit order,
 * joined by '\n' (a term is letters, marks and numbers, never a newline); per term, `counts` how many of
 * the articles hold it; per posting, in term order, `ids` its article's place in `docs` (one byte) and
 * `weights` its stored weight. Parsed, a term is found by halving the sorted list: no map of tens of
 * thousands of terms per segment in the page's heap.
 */
import type { LibraryDB, SmallSegmentRow, TermRow } from './schema';
import { SMALL_BELOW, isTyped, withoutIds, type IndexedDoc } from './term-index';
import type { Checked } from './validate';

/** A small segment as read: its term rows are built on demand (a search asks for a handful). */
export interface SmallSegment {
  seg: number;
  docs: Uint32Array;
  /** Its terms in ascending code-unit order (looked up by halving), and where each one's postings start in `ids`/`weights`. */
  terms: string[];
  starts: Uint32Array;
  ids: Uint8Array;
  weights: Uint16Array;
}

/** Whether a merged segment of `docs` articles is written as one small row. */
export const isSmall = (docs: number): boolean => docs < SMALL_BELOW;

/** The small row of segment `seg` holding `docs` (a save's batch: fewer than `MERGE_AT` of them). */
export function smallRow(seg: number, docs: readonly IndexedDoc[]): SmallSegmentRow {
  const sorted = [...docs].sort((a, b) => a.id - b.id);
  const byTerm = new Map<string, { ids: number[]; weights: number[] }>();
  sorted.forEach((doc, place) => {
    for (const [term, weight] of doc.weights) {
      let entry = byTerm.get(term);
      if (!entry) byTerm.set(term, (entry = { ids: [], weights: [] }));
      entry.ids.push(place);
      entry.weights.push(weight);
    }
  });
  return packRow(
    seg,
    sorted.map((d) => d.id),
    [...byTerm].map(([term, e]) => ({ term, ids: e.ids, weights: e.weights })),
  );
}

/** The small row of segment `seg` holding the merged rows `rows` (of fewer than `SMALL_BELOW` articles). */
export function smallRowOfRows(seg: number, rows: readonly TermRow[]): SmallSegmentRow {
  const docs = [...new Set(rows.flatMap((r) => [...r.ids]))].sort((a, b) => a - b);
  const place = new Map(docs.map((id, i) => [id, i]));
  return packRow(
    seg,
    docs,
    rows.map((r) => ({ term: r.term, ids: Array.from(r.ids, (id) => place.get(id)!), weights: [...r.weights] })),
  );
}

/** The distinct articles of `rows`. */
export const articlesOf = (rows: readonly TermRow[]): number => new Set(rows.flatMap((r) => [...r.ids])).size;

/**
 * A row from its articles and, per term, the places (in `docs`) and weights of its postings. Terms are
 * stored in ascending order, so a lookup halves the list instead of building a map of it.
 */
function packRow(
  seg: number,
  docs: readonly number[],
  unsorted: readonly { term: string; ids: readonly number[]; weights: readonly number[] }[],
): SmallSegmentRow {
  if (docs.length > 255) throw new Error('smallRow: more articles than one-byte places and counts hold');
  const terms = [...unsorted].sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  const total = terms.reduce((n, t) => n + t.ids.length, 0);
  const ids = new Uint8Array(total);
  const weights = new Uint16Array(total);
  let at = 0;
  for (const t of terms) {
    ids.set(t.ids, at);
    weights.set(t.weights, at);
    at += t.ids.length;
  }
  return {
    seg,
    docs: Uint32Array.from(docs),
    terms: terms.map((t) => t.term).join('\n'),
    counts: Uint8Array.from(terms, (t) => t.ids.length),
    ids,
    weights,
  };
}

/**
 * A stored row parsed, or why it is damaged: the shapes ranking and merges rely on (typed arrays, one
 * count per term, terms ascending, the counts adding up to the postings, every place inside `docs`).
 * One pass over the terms and the postings, once per row per connection (the result is kept).
 */
export function parseSmallRow(row: unknown): Checked<SmallSegment> {
  if (!row || typeof row !== 'object') return { ok: false, reason: 'not a row' };
  const r = row as Partial<Record<keyof SmallSegmentRow, unknown>>;
  const { seg, docs, terms, counts, ids, weights } = r;
  if (typeof seg !== 'number' || typeof terms !== 'string') return { ok: false, reason: 'no segment or terms' };
  if (
    !isTyped<Uint32Array>(docs, 'Uint32Array') ||
    !isTyped<Uint8Array>(counts, 'Uint8Array') ||
    !isTyped<Uint8Array>(ids, 'Uint8Array')
  )
    return { ok: false, reason: 'articles or postings are not stored as numbers' };
  if (!isTyped<Uint16Array>(weights, 'Uint16Array')) return { ok: false, reason: 'weights are not 16-bit numbers' };
  const [d, c, p, w] = [docs, counts, ids, weights];
  const list = terms ? terms.split('\n') : [];
  if (list.length !== c.length) return { ok: false, reason: 'not one count per term' };
  if (p.length !== w.length) return { ok: false, reason: 'not one article per weight' };
  const starts = new Uint32Array(c.length + 1);
  for (let i = 0; i < c.length; i++) starts[i + 1] = starts[i] + c[i];
  if (starts[c.length] !== p.length) return { ok: false, reason: 'counts do not add up to the postings' };
  for (let i = 0; i < p.length; i++) if (p[i] >= d.length) return { ok: false, reason: 'a posting of no article' };
  for (let i = 1; i < list.length; i++)
    if (!(list[i - 1] < list[i])) return { ok: false, reason: 'terms out of order' };
  return {
    ok: true,
    value: { seg, docs: d, terms: list, starts, ids: p, weights: w },
  };
}

/** The row of `term` in `s`, as a `terms` row reads, or undefined when `s` does not hold it. */
export function termRowOf(s: SmallSegment, term: string): TermRow | undefined {
  let lo = 0;
  let hi = s.terms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const t = s.terms[mid];
    if (t === term) return rowAt(s, mid);
    if (t < term) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** The row of the `i`th term of `s`. */
function rowAt(s: SmallSegment, i: number): TermRow {
  const from = s.starts[i];
  const to = s.starts[i + 1];
  const ids = new Uint32Array(to - from);
  for (let k = from; k < to; k++) ids[k - from] = s.docs[s.ids[k]];
  return { term: s.terms[i], seg: s.seg, ids, weights: s.weights.subarray(from, to) };
}

/** Every term row of `s`. */
export function termRowsOf(s: SmallSegment): TermRow[] {
  return s.terms.map((_, i) => rowAt(s, i));
}

/** Parsed rows (or why they are damaged) by segment id, per connection (see above). */
const parsed = new WeakMap<object, Map<number, Checked<SmallSegment>>>();

function cacheOf(db: LibraryDB): Map<number, Checked<SmallSegment>> {
  const key = db.backendDB();
  let cache = parsed.get(key);
  if (!cache) parsed.set(key, (cache = new Map()));
  return cache;
}

/**
 * The small segments under `keys`, parsed; only rows not already parsed on this connection are read,
 * in one request. A key with no row (a segment of `terms` rows, which a merge also asks for) is left
 * out. `complete`: `keys` are every key of the store (`db.smallSegs.toCollection().primaryKeys()` in
 * the same transaction), so parsed rows under other keys (merged, rewritten) are forgotten.
 * Inside a transaction over `smallSegs`. A damaged row is returned in `damaged` by its segment id.
 */
export async function readSmallSegments(
  db: LibraryDB,
  keys: readonly number[],
  complete: boolean,
): Promise<{ segments: SmallSegment[]; damaged: { seg: number; reason: string }[] }> {
  const cache = cacheOf(db);
  const missing = keys.filter((k) => !cache.has(k));
  if (missing.length) {
    const rows: unknown[] = await db.smallSegs.bulkGet(missing);
    missing.forEach((k, i) => {
      if (rows[i] === undefined) return;
      const p = parseSmallRow(rows[i]);
      cache.set(k, p.ok && p.value.seg !== k ? { ok: false, reason: 'stored under another segment' } : p);
    });
  }
  if (complete) {
    const wanted = new Set(keys);
    for (const k of cache.keys()) if (!wanted.has(k)) cache.delete(k);
  }
  const segments: SmallSegment[] = [];
  const damaged: { seg: number; reason: string }[] = [];
  for (const k of keys) {
    const p = cache.get(k);
    if (p?.ok) segments.push(p.value);
    else if (p) damaged.push({ seg: k, reason: p.reason });
  }
  return { segments, damaged };
}

/** Every small segment, parsed. Inside a transaction over `smallSegs`. */
export async function allSmallSegments(db: LibraryDB) {
  return readSmallSegments(db, (await db.smallSegs.toCollection().primaryKeys()) as number[], true);
}

/**
 * Inside a read-write transaction over `smallSegs` and `segments`: takes the articles listed under each
 * term of `gone` out of the small segments' rows of that term. A segment changed is written under a new
 * segment id (a row never changes under its key, see above) with the articles that still hold a term;
 * one left empty is deleted. A damaged row is left as it is, like a damaged `terms` row.
 */
export async function removeFromSmall(db: LibraryDB, gone: ReadonlyMap<string, ReadonlySet<number>>) {
  const articles = new Set([...gone.values()].flatMap((ids) => [...ids]));
  if (!articles.size) return;
  const { segments } = await allSmallSegments(db);
  for (const s of segments) {
    if (!s.docs.some((id) => articles.has(id))) continue;
    const kept: TermRow[] = [];
    let changed = false;
    for (const row of termRowsOf(s)) {
      const left = withoutIds(row, gone.get(row.term));
      if (left !== row) changed = true;
      if (left.ids.length) kept.push(left);
    }
    if (!changed) continue;
    await db.smallSegs.delete(s.seg);
    await db.segments.delete(s.seg);
    if (!kept.length) continue;
    const seg = (await db.segments.add({ docs: articlesOf(kept), packed: 1 } as never)) as number;
    await db.smallSegs.put(smallRowOfRows(seg, kept));
  }
}
