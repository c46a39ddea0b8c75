/**
 * Keeping the full-text index in step with the library.
 *
 * Why indexing runs just after a save rather than inside it: an article's body has one to two thousand
 * distinct terms, and in Chromium writing that many multi-entry index keys costs several times the rest
 * of the save put together (measured: 250 ms against 48 ms for the body alone, on a loaded 2-core
 * machine). So a save writes the article and its body and queues it (index-queue.ts) in one
 * transaction, and returns; the indexer then tokenises the body outside any transaction and writes its
 * terms. Nothing can be missed: the queue entry is written atomically with the save, every search first
 * indexes whatever is queued, and a page that closes before indexing leaves the work to the next one.
 *
 * The whole index is rebuilt (every article queued) when it was built by another tokenizer version or
 * never: after a migration, or when tokenize.ts changes. `meta` holds that version.
 */
import { dequeue, readQueue, setQueue } from './index-queue';
import type { LibraryDB } from './schema';
import { TOKENIZER_VERSION, uniqueTerms } from './tokenize';
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
  return db.transaction('rw', db.articles, db.postings, db.vocab, db.meta, async () => {
    const ids = (await db.articles.toCollection().primaryKeys()) as number[];
    await db.postings.clear();
    await db.vocab.clear();
    await setQueue(db, ids);
    await db.meta.put({ key: SEARCH_VERSION_KEY, value: TOKENIZER_VERSION });
    return ids.length;
  });
}

/**
 * Indexes every queued article, batch by batch, until the queue is empty. Each batch: read the queue
 * and the articles, tokenise outside any transaction, then write the terms of each entry whose stamp is
 * unchanged (an article saved again meanwhile stays queued and is indexed in the next round).
 * Returns how many articles were indexed.
 */
export async function indexPending(
  db: LibraryDB,
  vocab: VocabStore,
  onProgress?: (done: number) => void,
): Promise<number> {
  let done = 0;
  for (;;) {
    const batch = (await readQueue(db)).slice(0, INDEX_BATCH);
    if (!batch.length) return done;
    const ids = batch.map((e) => e.id);
    const [articles, bodies] = await db.transaction('r', db.articles, db.bodies, () =>
      Promise.all([db.articles.bulkGet(ids), db.bodies.bulkGet(ids)]),
    );
    const computed = batch.map((entry, i) => {
      const row = articles[i];
      const body = bodies[i];
      // A damaged row is indexed by what can be read of it; its list entry reports the damage.
      const head =
        row && typeof row.title === 'string' && typeof row.url === 'string'
          ? headTermsOf({ ...row, tags: Array.isArray(row.tags) ? row.tags : [] })
          : [];
      const text = body && typeof body.text === 'string' ? body.text : '';
      return { entry, gone: !row && !body, terms: [...new Set([...uniqueTerms(text), ...head])] };
    });
    const written = await db.transaction('rw', db.postings, db.vocab, db.meta, async () => {
      const current = new Map((await readQueue(db)).map((e) => [e.id, e.stamp]));
      const fresh = computed.filter((c) => current.get(c.entry.id) === c.entry.stamp);
      // An article deleted for good meanwhile: drop its terms instead of indexing nothing.
      await db.postings.bulkDelete(fresh.filter((c) => c.gone).map((c) => c.entry.id));
      await db.postings.bulkPut(fresh.filter((c) => !c.gone).map((c) => ({ id: c.entry.id, terms: c.terms })));
      await dequeue(
        db,
        fresh.map((c) => c.entry),
      );
      const terms = new Set(fresh.flatMap((c) => (c.gone ? [] : c.terms)));
      return { count: fresh.length, terms, chunk: await vocab.append(terms) };
    });
    vocab.committed(written.terms, written.chunk);
    done += written.count;
    onProgress?.(done);
  }
}
