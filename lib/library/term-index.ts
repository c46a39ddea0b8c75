/**
 * The inverted index on disk: for each term, the articles that hold it, with a BM25 weight each.
 *
 * Why this layout: v3 kept each article's terms as a multi-entry IndexedDB index, so looking a term up
 * read one index entry per article holding it; in Chromium a common word cost half a second at 5,000
 * articles, and search grew with the library. Here a term's postings are packed into rows (typed
 * arrays, 6 bytes a posting), so a term costs one range read of a few rows at any size.
 *
 * Rows are keyed `[term, segment]`. An indexing batch writes one new segment (one row per term it
 * holds) instead of rewriting each term's row: a save touches its own thousand-odd terms once, never
 * the postings of every other article. Segments of similar size are merged in the background, eight at
 * a time (like a log-structured merge), so a term stays a handful of rows: at most about seven per size
 * class, and there are five classes up to 30,000 articles. A segment of fewer than 64 articles (a
 * save's, and the merges of the two smallest classes) is not written here but as one row of its own
 * (small-segments.ts): its thousands of term rows were written and, eight saves later, read and deleted
 * again by the merge, and LevelDB's compaction of that churn slowed the saves after it. A merge reads
 * those rows beside `terms` rows, and writes `terms` rows once the merged segment holds 64 articles.
 *
 * An article indexed again (re-saved, retagged, its note edited) is taken out of the rows of the terms
 * it no longer has or whose weight changed, and only those terms are written to the new segment; its
 * other postings stay where they are (its `postings` row lists its terms and weights). A tag or a note
 * rewrites a handful of rows, not the thousand-odd of the article, some holding most of the library.
 * A purged article is taken out of the rows of all its terms.
 *
 * Ids are stored packed (`packIds`: the gaps between ascending ids as varints, about 1.1 bytes an id at
 * 10,000 articles instead of 4). Why: a search's time is mostly IndexedDB reading the rows (the page
 * waits, idle, on the browser process) and it grew with the bytes read; measured in Chromium on the
 * kept 10,000-article profile, ten common terms read at once took 41.5 ms median as one Uint32Array row
 * each and 24.5 ms packed (65 ms as the ~20 rows per term they were). Rows written before packing are
 * read as they are and rewritten packed by `mergeOnce`, a segment at a time, off the path of searches.
 */
import { Dexie } from 'dexie';
import type { LibraryDB, StoredTermRow, TermRow } from './schema';
import type { SkippedRecord } from './types';
import type { Checked } from './validate';
import {
  allSmallSegments,
  isSmall,
  readSmallSegments,
  removeFromSmall,
  smallRowOfRows,
  termRowsOf,
} from './small-segments';

/** BM25's term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/**
 * The length (in terms) length normalisation is relative to. BM25 uses the collection's mean; a fixed
 * value keeps every stored weight valid as the library grows (ranking among articles is the same up to
 * how much length counts). About a 13 KB article.
 */
export const REFERENCE_LENGTH = 2_000;
/** Stored weights are this many times the BM25 term factor (at most K1 + 1), as 16-bit integers. */
const WEIGHT_SCALE = 1_000;
/** A size class holding this many segments is merged into one segment of the next class. */
export const MERGE_AT = 8;
/**
 * A merged segment of fewer articles than this is one small row (small-segments.ts): the two smallest
 * size classes, so the merge every eighth save writes one row too. A row of 63 articles is about
 * 150,000 postings (450 KB with its terms), read once per connection. Places in a small row's `docs`
 * and per-term counts are one byte, so this must stay at most 256.
 */
export const SMALL_BELOW = MERGE_AT * MERGE_AT;

/** The BM25 term factor of a term that occurs `tf` times (head words counted extra) in `length` terms, scaled. */
export function termWeight(tf: number, length: number): number {
  const norm = K1 * (1 - B + (B * Math.max(length, 1)) / REFERENCE_LENGTH);
  return Math.max(1, Math.round((WEIGHT_SCALE * tf * (K1 + 1)) / (tf + norm)));
}

/** A stored weight back as the BM25 term factor. */
export const fromWeight = (w: number): number => w / WEIGHT_SCALE;

/** One article as indexed: the stored weight of each of its terms (`termWeight`). */
export interface IndexedDoc {
  id: number;
  weights: Map<string, number>;
}

/** The stored weights of an article's terms, from their frequencies and its length. */
export function weightsOf(tf: ReadonlyMap<string, number>, length: number): Map<string, number> {
  return new Map([...tf].map(([term, n]) => [term, Math.min(0xffff, termWeight(n, length))]));
}

/** Ascending ids as the gaps between them (the first from 0), each a little-endian base-128 varint. */
export function packIds(ids: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(ids.length * 5);
  let at = 0;
  let prev = 0;
  for (let i = 0; i < ids.length; i++) {
    let gap = ids[i] - prev;
    if (gap < 0 || (i > 0 && gap === 0)) throw new Error('packIds: ids must be ascending and distinct');
    prev = ids[i];
    while (gap >= 0x80) {
      out[at++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    out[at++] = gap;
  }
  return out.slice(0, at);
}

/**
 * `count` ids back from `packIds`. Refuses bytes that are not exactly `count` ids (too few, some left
 * over, an id beyond 32 bits): a damaged row. These checks ride on the decoding, no pass of their own.
 */
export function unpackIds(bytes: Uint8Array, count: number): Uint32Array {
  const ids = new Uint32Array(count);
  let at = 0;
  let prev = 0;
  for (let i = 0; i < count; i++) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      if (at >= bytes.length) throw new Error('unpackIds: fewer ids than weights');
      byte = bytes[at++];
      gap += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    prev += gap;
    ids[i] = prev;
  }
  if (at !== bytes.length) throw new Error('unpackIds: more ids than weights');
  // Ids only grow, so the last one is the largest.
  if (prev > 0xffff_ffff) throw new Error('unpackIds: an id beyond 32 bits');
  return ids;
}

/** Whether a stored row's ids are packed (rows from before packing hold a Uint32Array). */
export const isPacked = (row: StoredTermRow): boolean => row.ids.BYTES_PER_ELEMENT === 1;

/** A row as written: ids packed. */
export function toStored(row: TermRow): StoredTermRow {
  return { term: row.term, seg: row.seg, ids: packIds(row.ids), weights: row.weights };
}

/**
 * A row as written, put in order first when its ids are not ascending and distinct (only a row written
 * before packing can be so, and reading does not look for it: that would be a pass over the postings).
 * Sorted only when packing refuses it, so rows in order cost nothing more. An id twice is kept once.
 */
function toStoredInOrder(row: TermRow): StoredTermRow {
  try {
    return toStored(row);
  } catch {
    return toStored(inOrder(row.term, row.seg, [row]));
  }
}

/**
 * One row of `term` in segment `seg` holding the postings of `parts`, ids ascending. An id twice (only
 * a damaged row written before packing could hold one) is kept once: packing refuses repeats, and a
 * merge or a repack would fail at every try.
 */
function inOrder(term: string, seg: number, parts: readonly TermRow[]): TermRow {
  const pairs: [number, number][] = [];
  for (const p of parts) p.ids.forEach((id, i) => pairs.push([id, p.weights[i]]));
  pairs.sort((a, b) => a[0] - b[0]);
  const kept = pairs.filter((p, i) => i === 0 || p[0] !== pairs[i - 1][0]);
  return { term, seg, ids: Uint32Array.from(kept, (p) => p[0]), weights: Uint16Array.from(kept, (p) => p[1]) };
}

/**
 * Whether `v` is a typed array of kind `name`. By its tag, not `instanceof`: a value read back from
 * IndexedDB may come from another realm (fake-indexeddb under jsdom does this), where `instanceof` fails.
 */
export const isTyped = <T extends Uint8Array | Uint16Array | Uint32Array>(v: unknown, name: string): v is T =>
  ArrayBuffer.isView(v) && (v as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] === name;

/**
 * A row as read, packed or not, with its ids as a Uint32Array (one id per weight), or why it is damaged.
 * O(1) checks beside the unpacking search does anyway: what ranking and merges rely on (typed arrays,
 * one id per weight). Ids out of order within a row are not looked for (that is a pass over the
 * postings; ranking does not depend on it, and merges sort).
 */
export function checkTermRow(row: unknown): Checked<TermRow> {
  if (!row || typeof row !== 'object') return { ok: false, reason: 'not a row' };
  const r = row as Partial<Record<keyof StoredTermRow, unknown>>;
  if (typeof r.term !== 'string' || typeof r.seg !== 'number') return { ok: false, reason: 'no term or segment' };
  const { term, seg, ids, weights } = r;
  if (!isTyped<Uint16Array>(weights, 'Uint16Array')) return { ok: false, reason: 'weights are not 16-bit numbers' };
  if (isTyped<Uint32Array>(ids, 'Uint32Array'))
    return ids.length === weights.length
      ? { ok: true, value: { term, seg, ids, weights } }
      : { ok: false, reason: 'not one id per weight' };
  if (!isTyped<Uint8Array>(ids, 'Uint8Array')) return { ok: false, reason: 'ids are not stored as numbers' };
  try {
    return { ok: true, value: { term, seg, ids: unpackIds(ids, weights.length), weights } };
  } catch (err) {
    return { ok: false, reason: (err as Error).message.replace('unpackIds: ', '') };
  }
}

/** A row as read, packed or not, with its ids as a Uint32Array (one id per weight). Throws on a damaged row. */
export function fromStored(row: StoredTermRow): TermRow {
  const checked = checkTermRow(row);
  if (!checked.ok) throw new Error(`damaged term row: ${checked.reason}`);
  return checked.value;
}

/** The rows of one new segment holding `docs`, as stored (ids packed). */
export function segmentRows(seg: number, docs: readonly IndexedDoc[]): StoredTermRow[] {
  const byTerm = new Map<string, { ids: number[]; weights: number[] }>();
  for (const doc of [...docs].sort((a, b) => a.id - b.id)) {
    for (const [term, weight] of doc.weights) {
      let entry = byTerm.get(term);
      if (!entry) byTerm.set(term, (entry = { ids: [], weights: [] }));
      entry.ids.push(doc.id);
      entry.weights.push(weight);
    }
  }
  return [...byTerm].map(([term, e]) => ({
    term,
    seg,
    ids: packIds(e.ids),
    weights: Uint16Array.from(e.weights),
  }));
}

/**
 * Every row of `term`, one range read on the primary key, ids unpacked. Inside a transaction over `terms`.
 * `read`, when given, counts the rows and their postings' bytes as stored (for the benchmark's figures).
 * A damaged row (`checkTermRow`) is left out, and listed in `damaged` when given, by its key.
 */
export async function readTerm(
  db: LibraryDB,
  term: string,
  read?: { rows: number; bytes: number },
  damaged?: SkippedRecord[],
): Promise<TermRow[]> {
  const rows: unknown[] = await db.terms
    .where(':id')
    .between([term, Dexie.minKey], [term, Dexie.maxKey], true, true)
    .toArray();
  const out: TermRow[] = [];
  for (const row of rows) {
    const checked = checkTermRow(row);
    if (!checked.ok) {
      damaged?.push({ id: [term, (row as { seg?: unknown } | null)?.seg], reason: checked.reason });
      continue;
    }
    out.push(checked.value);
    if (read) {
      read.rows++;
      read.bytes += (row as StoredTermRow).ids.byteLength + checked.value.weights.byteLength;
    }
  }
  return out;
}

/**
 * Inside a read-write transaction over `terms`, `smallSegs` and `segments`: takes the articles of `docs`
 * out of the rows of the terms each held, in `terms` and in the small segments (small-segments.ts).
 * Rows left empty are deleted. A damaged row is left as it is (what it held cannot be read, so neither
 * rewritten): the next search that reads it reports it and has the index rebuilt.
 */
export async function removeDocs(db: LibraryDB, docs: readonly { id: number; terms: readonly string[] }[]) {
  const byTerm = new Map<string, Set<number>>();
  for (const doc of docs) {
    for (const term of doc.terms) {
      let ids = byTerm.get(term);
      if (!ids) byTerm.set(term, (ids = new Set()));
      ids.add(doc.id);
    }
  }
  if (!byTerm.size) return;
  await removeFromSmall(db, byTerm);
  const rows = (await Promise.all([...byTerm.keys()].map((term) => readTerm(db, term)))).flat();
  const put: TermRow[] = [];
  const drop: [string, number][] = [];
  for (const row of rows) {
    const left = withoutIds(row, byTerm.get(row.term));
    if (left === row) continue;
    if (!left.ids.length) drop.push([row.term, row.seg]);
    else put.push(left);
  }
  await db.terms.bulkDelete(drop);
  await db.terms.bulkPut(put.map(toStoredInOrder));
}

/**
 * `row` without the postings of the articles in `gone`, ids in the same order; `row` itself when it
 * holds none of them. For a removal: `terms` rows here, small segments' rows in small-segments.ts.
 */
export function withoutIds(row: TermRow, gone: ReadonlySet<number> | undefined): TermRow {
  if (!gone || !row.ids.some((id) => gone.has(id))) return row;
  const keep: number[] = [];
  row.ids.forEach((id, i) => {
    if (!gone.has(id)) keep.push(i);
  });
  return {
    term: row.term,
    seg: row.seg,
    ids: Uint32Array.from(keep, (i) => row.ids[i]),
    weights: Uint16Array.from(keep, (i) => row.weights[i]),
  };
}

/** The size class of a segment of `docs` articles: 0 below 8, 1 below 64, 2 below 512... */
export const sizeClass = (docs: number): number => Math.floor(Math.log(Math.max(docs, 1)) / Math.log(MERGE_AT));

/**
 * Merges the segments of the smallest size class that holds `MERGE_AT` of them into one, in one
 * transaction (a failure leaves them as they were, which is still correct). When no class is full, packs
 * the ids of one segment written before packing instead (`repackOne`). Returns whether it did either,
 * so the caller repeats while merges cascade into the next class and old segments remain.
 */
export async function mergeOnce(db: LibraryDB): Promise<boolean> {
  return db.transaction('rw', [db.terms, db.segments, db.smallSegs], async () => {
    const segments = await db.segments.toArray();
    const classes = new Map<number, typeof segments>();
    for (const s of segments) {
      const c = sizeClass(s.docs);
      classes.set(c, [...(classes.get(c) ?? []), s]);
    }
    const full = [...classes].filter(([, list]) => list.length >= MERGE_AT).sort((a, b) => a[0] - b[0])[0];
    if (!full) return repackOne(db, segments);
    const merging = full[1];
    const ids = merging.map((s) => s.id);
    // A damaged row is neither merged nor deleted: copied into the merged segment it would pass for a
    // valid one; left, the next search that reads its term still reports it and has the index rebuilt
    // (its segment row is gone, so no merge reads it again).
    const rows: TermRow[] = [];
    for (const row of await db.terms.where('seg').anyOf(ids).toArray()) {
      const checked = checkTermRow(row);
      if (checked.ok) rows.push(checked.value);
    }
    // Small segments are one row each (small-segments.ts); `terms` rows of small segments written before
    // schema v5 are read above. A damaged small row stays, like a damaged `terms` row.
    const small = (await readSmallSegments(db, ids, false)).segments;
    for (const s of small) rows.push(...termRowsOf(s));
    const docs = merging.reduce((n, s) => n + s.docs, 0);
    const seg = (await db.segments.add({ docs, packed: 1 } as never)) as number;
    const byTerm = new Map<string, TermRow[]>();
    for (const row of rows) byTerm.set(row.term, [...(byTerm.get(row.term) ?? []), row]);
    const smallIds = new Set(small.map((s) => s.seg));
    await db.terms.bulkDelete(rows.filter((r) => !smallIds.has(r.seg)).map((r) => [r.term, r.seg] as [string, number]));
    await db.smallSegs.bulkDelete([...smallIds]);
    const merged = [...byTerm].map(([term, parts]) => inOrder(term, seg, parts));
    // Fewer than SMALL_BELOW articles (the merges of the two smallest classes): one row again. (`docs`
    // counts articles taken out of `terms` rows since, so the segment holds at most that many.)
    if (isSmall(docs)) await db.smallSegs.put(smallRowOfRows(seg, merged));
    else await db.terms.bulkPut(merged.map(toStored));
    await db.segments.bulkDelete(ids);
    return true;
  });
}

/**
 * Inside `mergeOnce`'s transaction: the oldest segment not marked packed (written before packing; the
 * indexer and merges mark theirs) has its rows rewritten packed, and is marked. Returns whether there
 * was one.
 */
async function repackOne(db: LibraryDB, segments: readonly { id: number; docs: number; packed?: 1 }[]) {
  const segment = segments.find((s) => !s.packed);
  if (!segment) return false;
  const rows = await db.terms.where('seg').equals(segment.id).toArray();
  // Damaged rows stay as they are, for the search to report (see `mergeOnce`).
  const repacked: StoredTermRow[] = [];
  for (const row of rows) {
    const checked = checkTermRow(row);
    if (checked.ok && !isPacked(row)) repacked.push(toStoredInOrder(checked.value));
  }
  await db.terms.bulkPut(repacked);
  await db.segments.put({ ...segment, packed: 1 });
  return true;
}

/**
 * Every row of the index as search reads it: `terms` rows and the small segments' (small-segments.ts),
 * unpacked. For consistency checks; a damaged row is left out. Inside a transaction over both, or alone.
 */
export async function everyTermRow(db: LibraryDB): Promise<TermRow[]> {
  return db.transaction('r', [db.terms, db.smallSegs], async () => {
    const rows: TermRow[] = [];
    for (const row of await db.terms.toArray()) {
      const checked = checkTermRow(row);
      if (checked.ok) rows.push(checked.value);
    }
    for (const s of (await allSmallSegments(db)).segments) rows.push(...termRowsOf(s));
    return rows;
  });
}
