/**
 * What the search index stores for an article, and the rebuild that recreates it when it is missing or
 * was built by another tokenizer version (after a migration, or when tokenize.ts changes).
 * Saves and edits keep the index current in their own transaction; the rebuild is only for the cases
 * where no save could have: the stamp in `meta` says which version built the index.
 */
import type { LibraryDB } from './schema';
import { TOKENIZER_VERSION, uniqueTerms } from './tokenize';

export const SEARCH_VERSION_KEY = 'searchIndexVersion';

/** Head terms: what a result is most likely wanted for. Matches here rank above body matches. */
export function headTermsOf(fields: { title: string; siteName: string | null; byline: string | null; tags: readonly string[]; url: string }): string[] {
  return uniqueTerms(fields.title, fields.siteName, fields.byline, fields.tags.join(' '), hostOf(fields.url));
}

export function bodyTermsOf(text: string): string[] {
  return uniqueTerms(text);
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

export interface RebuildOptions {
  /** Articles per transaction: small enough to keep each transaction short. Default 100. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Recomputes the terms of every article (live and trashed) batch by batch, then stamps the index with
 * the current tokenizer version. Interrupted half-way, it leaves no stamp and runs again at the next open;
 * each batch is its own transaction, so a batch is either indexed whole or not at all.
 * The dictionary is rebuilt with it, so terms of deleted articles leave it.
 */
export async function rebuildSearchIndex(db: LibraryDB, options: RebuildOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? 100;
  // Bodies of trashed articles too (restoring one must find it indexed); head terms of live rows only:
  // restore() recomputes a trashed row's head terms when it brings it back.
  const bodyIds = (await db.bodies.toCollection().primaryKeys()) as number[];
  const known = new Set(bodyIds);
  const linkIds = ((await db.articles.toCollection().primaryKeys()) as number[]).filter((id) => !known.has(id));
  const all = [...bodyIds, ...linkIds];
  await db.vocab.clear();
  for (let start = 0; start < all.length; start += batchSize) {
    const batch = all.slice(start, start + batchSize);
    await db.transaction('rw', db.articles, db.bodies, db.vocab, async () => {
      const [bodies, articles] = await Promise.all([db.bodies.bulkGet(batch), db.articles.bulkGet(batch)]);
      const vocab = new Set<string>();
      const bodyPuts = [];
      const articlePuts = [];
      for (let i = 0; i < batch.length; i++) {
        const body = bodies[i];
        if (body && typeof body.text === 'string') {
          const terms = bodyTermsOf(body.text);
          terms.forEach((t) => vocab.add(t));
          bodyPuts.push({ ...body, terms });
        }
        const row = articles[i];
        // A corrupt row is left as it is: lists report it, and rewriting it could only lose more.
        if (row && typeof row.title === 'string' && typeof row.url === 'string') {
          const headTerms = headTermsOf({ ...row, tags: Array.isArray(row.tags) ? row.tags : [] });
          headTerms.forEach((t) => vocab.add(t));
          articlePuts.push({ ...row, headTerms });
        }
      }
      await db.bodies.bulkPut(bodyPuts);
      await db.articles.bulkPut(articlePuts);
      if (vocab.size) await db.vocab.add({ terms: [...vocab] });
    });
    options.onProgress?.(Math.min(start + batchSize, all.length), all.length);
  }
  await db.meta.put({ key: SEARCH_VERSION_KEY, value: TOKENIZER_VERSION });
  return all.length;
}
