/**
 * Keeping the full-text index in step with the library.
 *
 * Why indexing runs just after a save rather than inside it: an article's body has one to two thousand
 * distinct terms, and in Chromium writing that many index entries (v3's multi-entry keys, v4's term
 * rows alike) costs several times the rest of the save put together (measured with v3: 250 ms against
 * 48 ms for the body alone, on a loaded 2-core machine). So a save writes the article and its body and queues it (index-queue.ts) in one
 * transaction, and returns; the indexer then tokenises the body outside any transaction and writes its
 * terms. Nothing can be missed: the queue entry is written atomically with the save, every search first
 * indexes whatever is queued, and a page that closes before indexing leaves the work to the next one.
 *
 * The whole index is rebuilt (every article queued) when it was built by another tokenizer version or
 * never: after a migration, or when tokenize.ts changes. `meta` holds that version.
 */
import { dequeue, readQueue, setQueue } from './index-queue';
import type { LibraryDB, PostingRow } from './schema';
import { MERGE_AT, mergeOnce, removeDocs, segmentRows, weightsOf, type IndexedDoc } from './term-index';
import { smallRow } from './small-segments';
import { TOKENIZER_VERSION, tokenize, uniqueTerms } from './tokenize';
import type { VocabStore } from './vocab-store';

export const SEARCH_VERSION_KEY = 'searchIndexVersion';
/** Articles tokenised per indexing transaction: short transactions keep saves from waiting. */
export const INDEX_BATCH = 25;

/** Head terms: what a result is most likely wanted for. Matches here rank above body matches. */
export function headTermsOf(fields: {
  title: string;
  siteName: string | null;
  byline: string | null;
  tags: readonly string[];
  url: string;
}): string[] {
  return uniqueTerms(fields.title, fields.siteName, fields.byline, fields.tags.join(' '), hostOf(fields.url));
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

export async function isSearchIndexCurrent(db: LibraryDB): Promise<boolean> {
  const row = await db.meta.get(SEARCH_VERSION_KEY);
  return row?.value === TOKENIZER_VERSION;
}

/**
 * Queues every live article and stamps the index with the current tokenizer version; the terms are
 * then written by `indexPending`. Trashed articles are queued again if they are restored.
 */
export async function markAllPending(db: LibraryDB): Promise<number> {
  return db.transaction(
    'rw',
    [db.articles, db.postings, db.terms, db.segments, db.smallSegs, db.vocab, db.meta],
    async () => {
      const ids = (await db.articles.toCollection().primaryKeys()) as number[];
      await db.postings.clear();
      await db.terms.clear();
      await db.smallSegs.clear();
      await db.segments.clear();
      await db.vocab.clear();
      await setQueue(db, ids);
      await db.meta.put({ key: SEARCH_VERSION_KEY, value: TOKENIZER_VERSION });
      return ids.length;
    },
  );
}

/** How many times a head word (title, site, author, tag, host) counts: a title match ranks above the body. */
export const HEAD_WEIGHT = 4;

/** Highlights and the note: what the user wrote or picked out, searchable like the body. */
function userText(row: { note?: unknown; highlights?: unknown }): string {
  const parts: string[] = [];
  if (typeof row.note === 'string') parts.push(row.note);
  if (Array.isArray(row.highlights))
    for (const h of row.highlights as { quote?: unknown; note?: unknown }[]) {
      if (typeof h?.quote === 'string') parts.push(h.quote);
      if (typeof h?.note === 'string') parts.push(h.note);
    }
  return parts.join('\n');
}

/**
 * An article's terms and their stored weights. Its length is the body's alone, so a tag or a note
 * changes the weights of its own words only, and indexing it again rewrites just those (term-index.ts).
 */
function indexedDoc(id: number, text: string, head: readonly string[], user: string): IndexedDoc {
  const tf = new Map<string, number>();
  let length = 0;
  for (const t of tokenize(text)) {
    tf.set(t, (tf.get(t) ?? 0) + 1);
    length++;
  }
  if (user) for (const t of tokenize(user)) tf.set(t, (tf.get(t) ?? 0) + 1);
  for (const t of head) tf.set(t, (tf.get(t) ?? 0) + HEAD_WEIGHT);
  return { id, weights: weightsOf(tf, length) };
}

/**
 * What indexing `doc` again changes, given its `postings` row: the terms to take its id out of (gone,
 * or weighed differently), and the weights to write in the new segment (new, or weighed differently).
 */
function changesOf(doc: IndexedDoc | null, before: PostingRow | undefined) {
  const old = new Map<string, number>();
  if (before && Array.isArray(before.terms))
    before.terms.forEach((t, i) => old.set(t, Array.isArray(before.weights) ? before.weights[i] : -1));
  const remove = [...old.keys()].filter((t) => doc?.weights.get(t) !== old.get(t));
  const write = new Map([...(doc?.weights ?? [])].filter(([t, w]) => old.get(t) !== w));
  return { remove, write };
}

/**
 * Indexes every queued article, batch by batch, until the queue is empty. Each batch: read the queue
 * and the articles, tokenise outside any transaction, take what changed out of the index and write the
 * batch's new postings as one new segment (term-index.ts), then drop the queue entries whose stamp is
 * unchanged (an article saved again meanwhile stays queued and is indexed in the next round). Returns how many articles
 * were indexed. Merging segments is left to `mergeSegments`, which the library runs afterwards without
 * making anyone wait for it: an article is searchable once its segment is written. `batch` is how many articles per transaction (the benchmark's fill uses more).
 */
export async function indexPending(
  db: LibraryDB,
  vocab: VocabStore,
  onProgress?: (done: number) => void,
  batchSize = INDEX_BATCH,
): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = (await readQueue(db)).slice(0, batchSize);
    if (!batch.length) break;
    const ids = batch.map((e) => e.id);
    const [articles, bodies] = await db.transaction('r', db.articles, db.bodies, () =>
      Promise.all([db.articles.bulkGet(ids), db.bodies.bulkGet(ids)]),
    );
    const computed = batch.map((entry, i) => {
      const row = articles[i];
      const body = bodies[i];
      // A damaged row is indexed by what can be read of it; its list entry reports the damage.
      // A row too damaged to read its head falls back on the head terms stored with it at its save.
      const head =
        row && typeof row.title === 'string' && typeof row.url === 'string'
          ? headTermsOf({ ...row, tags: Array.isArray(row.tags) ? row.tags : [] })
          : Array.isArray(row?.headTerms)
            ? row.headTerms.filter((t): t is string => typeof t === 'string')
            : [];
      const text = body && typeof body.text === 'string' ? body.text : '';
      const doc = indexedDoc(entry.id, text, head, row ? userText(row) : '');
      return { entry, gone: !row && !body, doc };
    });
    // The index is written without `meta`, which every save writes (the queue, the count), so a save
    // never waits for an indexing transaction; the queue entries are dropped just after, in a short one.
    const written = await db.transaction(
      'rw',
      [db.postings, db.terms, db.segments, db.smallSegs, db.vocab],
      async () => {
        const fresh = computed;
        // What changed since these articles were last indexed comes out first; an article deleted for
        // good meanwhile only comes out.
        const before = await db.postings.bulkGet(fresh.map((c) => c.entry.id));
        const changes = fresh.map((c, i) => changesOf(c.gone ? null : c.doc, before[i]));
        await removeDocs(
          db,
          fresh.map((c, i) => ({ id: c.entry.id, terms: changes[i].remove })),
        );
        await db.postings.bulkDelete(fresh.filter((c) => c.gone).map((c) => c.entry.id));
        const kept = fresh.filter((c) => !c.gone);
        await db.postings.bulkPut(
          kept.map((c) => ({ id: c.entry.id, terms: [...c.doc.weights.keys()], weights: [...c.doc.weights.values()] })),
        );
        const changed = fresh
          .map((c, i) => ({ id: c.entry.id, weights: changes[i].write }))
          .filter((d) => d.weights.size);
        if (changed.length) {
          const seg = (await db.segments.add({ docs: changed.length, packed: 1 } as never)) as number;
          // A save's batch (fewer than MERGE_AT articles) is one row. A larger batch (a rebuild, an import:
          // hundreds of batches before the merges catch up) is a row per term, so that searches meanwhile
          // do not read hundreds of small rows whole.
          if (changed.length < MERGE_AT) await db.smallSegs.put(smallRow(seg, changed));
          else await db.terms.bulkPut(segmentRows(seg, changed));
        }
        const terms = new Set(kept.flatMap((c) => [...c.doc.weights.keys()]));
        return { terms, chunk: await vocab.append(terms) };
      },
    );
    vocab.committed(written.terms, written.chunk);
    // Entries whose stamp changed meanwhile (the article was saved again) stay queued and are indexed
    // again with the new text. Indexing an article whose text did not change writes nothing
    // (`changesOf` finds no difference), so a failure between the two transactions is harmless too.
    await db.transaction('rw', db.meta, () => dequeue(db, batch));
    done += batch.length;
    onProgress?.(done);
  }
  return done;
}

/** Merges segments while a size class is full. Best effort: a failure leaves them, which stays correct. */
export async function mergeSegments(db: LibraryDB): Promise<void> {
  try {
    while (await mergeOnce(db));
  } catch {
    // Left for the next indexing run.
  }
}
