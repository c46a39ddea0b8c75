/**
 * Keeping the full-text index in step with the library.
 *
 * Why indexing runs just after a save rather than inside it: an article's body has one to two thousand
 * distinct terms, and in Chromium writing that many multi-entry index keys costs several times the rest
 * of the save put together (measured: 250 ms against 48 ms for the body alone, on a loaded 2-core
 * machine). So a save writes the article, its body and a `pending` marker in one transaction and
 * returns; the indexer then tokenises the body outside any transaction and writes its terms. Nothing
 * can be missed: the marker is written atomically with the save, every search first indexes whatever
 * is pending, and a page that closes before indexing leaves the work to the next one.
 *
 * The whole index is rebuilt (every article marked pending) when it was built by another tokenizer
 * version or never: after a migration, or when tokenize.ts changes. `meta` holds that version.
 */
import type { LibraryDB, PostingRow } from './schema';
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

/** A `postings` row saying "index this article": written in the same transaction as the change. */
export function pendingPosting(id: number): PostingRow {
  return { id, pending: 1, stamp: Math.floor(Math.random() * 2 ** 31) };
}

export async function isSearchIndexCurrent(db: LibraryDB): Promise<boolean> {
  const row = await db.meta.get(SEARCH_VERSION_KEY);
  return row?.value === TOKENIZER_VERSION;
}

/**
 * Marks every live article pending and stamps the index with the current tokenizer version; the terms
 * are then written by `indexPending`. Trashed articles are indexed again if they are restored.
 */
export async function markAllPending(db: LibraryDB): Promise<number> {
  return db.transaction('rw', db.articles, db.postings, db.vocab, db.meta, async () => {
    const ids = (await db.articles.toCollection().primaryKeys()) as number[];
    await db.postings.clear();
    await db.vocab.clear();
    await db.postings.bulkPut(ids.map(pendingPosting));
    await db.meta.put({ key: SEARCH_VERSION_KEY, value: TOKENIZER_VERSION });
    return ids.length;
  });
}

/**
 * Indexes every pending article, batch by batch, until none is left. Each batch: read the pending rows
 * and their articles, tokenise outside any transaction, then write the terms of each row whose stamp is
 * unchanged (an article saved again meanwhile keeps its new marker and is indexed in the next round).
 * Returns how many articles were indexed.
 */
export async function indexPending(
  db: LibraryDB,
  vocab: VocabStore,
  onProgress?: (done: number) => void,
): Promise<number> {
  let done = 0;
  for (;;) {
    const pending = await db.postings.where('pending').equals(1).limit(INDEX_BATCH).toArray();
    if (!pending.length) return done;
    const ids = pending.map((p) => p.id);
    const [articles, bodies] = await db.transaction('r', db.articles, db.bodies, () =>
      Promise.all([db.articles.bulkGet(ids), db.bodies.bulkGet(ids)]),
    );
    const computed = pending.map((p, i) => {
      const row = articles[i];
      const body = bodies[i];
      // A damaged row is indexed by what can be read of it; its list entry reports the damage.
      const head =
        row && typeof row.title === 'string' && typeof row.url === 'string'
          ? headTermsOf({ ...row, tags: Array.isArray(row.tags) ? row.tags : [] })
          : [];
      const text = body && typeof body.text === 'string' ? body.text : '';
      return { id: p.id, stamp: p.stamp, terms: [...new Set([...uniqueTerms(text), ...head])] };
    });
    const written = await db.transaction('rw', db.postings, db.vocab, async () => {
      const current = await db.postings.bulkGet(ids);
      const puts: PostingRow[] = [];
      const deletes: number[] = [];
      computed.forEach((c, i) => {
        const now = current[i];
        if (!now || now.pending !== 1 || now.stamp !== c.stamp) return;
        // The article was deleted for good meanwhile: drop its marker instead of indexing nothing.
        if (!articles[i] && !bodies[i]) deletes.push(c.id);
        else puts.push({ id: c.id, terms: c.terms });
      });
      await db.postings.bulkPut(puts);
      await db.postings.bulkDelete(deletes);
      const terms = new Set(puts.flatMap((p) => p.terms ?? []));
      return { count: puts.length + deletes.length, terms, chunk: await vocab.append(terms) };
    });
    vocab.committed(written.terms, written.chunk);
    done += written.count;
    onProgress?.(done);
  }
}
