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
 * class, and there are five classes up to 30,000 articles.
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

/** `count` ids back from `packIds`. */
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
  return ids;
}

/** Whether a stored row's ids are packed (rows from before packing hold a Uint32Array). */
export const isPacked = (row: StoredTermRow): boolean => row.ids.BYTES_PER_ELEMENT === 1;

/** A row as written: ids packed. */
export function toStored(row: TermRow): StoredTermRow {
  return { term: row.term, seg: row.seg, ids: packIds(row.ids), weights: row.weights };
}

/** A row as read, packed or not, with its ids as a Uint32Array (one id per weight). */
export function fromStored(row: StoredTermRow): TermRow {
  if (!isPacked(row)) return row as TermRow;
  return { term: row.term, seg: row.seg, ids: unpackIds(row.ids as Uint8Array, row.weights.length), weights: row.weights };
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
 */
export async function readTerm(db: LibraryDB, term: string, read?: { rows: number; bytes: number }): Promise<TermRow[]> {
  const rows = await db.terms.where(':id').between([term, Dexie.minKey], [term, Dexie.maxKey], true, true).toArray();
  if (read)
    for (const row of rows) {
      read.rows++;
      read.bytes += row.ids.byteLength + row.weights.byteLength;
    }
  return rows.map(fromStored);
}

/**
 * Inside a read-write transaction over `terms`: takes the articles of `docs` out of the rows of the
 * terms each held. Rows left empty are deleted.
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
  const rows = (await Promise.all([...byTerm.keys()].map((term) => readTerm(db, term)))).flat();
  const put: TermRow[] = [];
  const drop: [string, number][] = [];
  for (const row of rows) {
    const gone = byTerm.get(row.term)!;
    if (!row.ids.some((id) => gone.has(id))) continue;
    const keep: number[] = [];
    row.ids.forEach((id, i) => {
      if (!gone.has(id)) keep.push(i);
    });
    if (!keep.length) drop.push([row.term, row.seg]);
    else
      put.push({
        term: row.term,
        seg: row.seg,
        ids: Uint32Array.from(keep, (i) => row.ids[i]),
        weights: Uint16Array.from(keep, (i) => row.weights[i]),
      });
  }
  await db.terms.bulkDelete(drop);
  await db.terms.bulkPut(put.map(toStored));
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
  return db.transaction('rw', db.terms, db.segments, async () => {
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
    const rows = (await db.terms.where('seg').anyOf(ids).toArray()).map(fromStored);
    const seg = (await db.segments.add({ docs: merging.reduce((n, s) => n + s.docs, 0), packed: 1 } as never)) as number;
    const byTerm = new Map<string, TermRow[]>();
    for (const row of rows) byTerm.set(row.term, [...(byTerm.get(row.term) ?? []), row]);
    const merged: TermRow[] = [];
    for (const [term, parts] of byTerm) {
      const pairs: [number, number][] = [];
      for (const p of parts) p.ids.forEach((id, i) => pairs.push([id, p.weights[i]]));
      pairs.sort((a, b) => a[0] - b[0]);
      merged.push({
        term,
        seg,
        ids: Uint32Array.from(pairs, (p) => p[0]),
        weights: Uint16Array.from(pairs, (p) => p[1]),
      });
    }
    await db.terms.bulkDelete(rows.map((r) => [r.term, r.seg] as [string, number]));
    await db.terms.bulkPut(merged.map(toStored));
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
  await db.terms.bulkPut(rows.filter((r) => !isPacked(r)).map((r) => toStored(r as TermRow)));
  await db.segments.put({ ...segment, packed: 1 });
  return true;
}
