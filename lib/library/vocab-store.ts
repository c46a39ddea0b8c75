/**
 * The search dictionary on disk, and its copy in memory. Measured in Chromium, writing one IndexedDB
 * row per term cost a third of a second per saved article (a thousand-odd requests), so the dictionary
 * is an append-only list of chunks instead: each indexing batch adds one row holding the terms it
 * brought (all of them when this page has not loaded the dictionary, only the new ones when it has).
 * Loading reads every chunk; when there are many, it folds them into one, so loads stay a few reads.
 */
import type { LibraryDB } from './schema';
import { Vocabulary } from './vocabulary';

/** Chunks beyond this many are folded into one when the dictionary is next loaded. */
export const COMPACT_AFTER_CHUNKS = 32;

/** The id of the dictionary's last chunk on disk (0 when it has none): one key read. */
export async function lastVocabChunk(db: LibraryDB): Promise<number> {
  return ((await db.vocab.orderBy(':id').lastKey()) as number | undefined) ?? 0;
}

export class VocabStore {
  private vocab: Vocabulary | null = null;
  /** The highest chunk id the memory copy includes: a higher one on disk means another page added terms. */
  private loadedUpTo = 0;

  constructor(private readonly db: LibraryDB) {}

  /** Whether the memory copy is loaded (then saves write only the terms it lacks). */
  get loaded(): boolean {
    return this.vocab !== null;
  }

  /** Inside a write transaction: stores the terms the dictionary may lack as one chunk. Returns its id. */
  async append(terms: Iterable<string>): Promise<number | null> {
    const fresh = new Set<string>();
    for (const term of terms) if (!this.vocab?.has(term)) fresh.add(term);
    if (!fresh.size) return null;
    return (await this.db.vocab.add({ terms: [...fresh] })) as number;
  }

  /** After the transaction that appended `chunkId` committed: adds its terms to the memory copy. */
  committed(terms: Iterable<string>, chunkId: number | null): void {
    if (!this.vocab || chunkId === null) return;
    this.vocab.addAll(terms);
    // Autoincrement ids only grow: if ours follows what we had, no other page wrote in between.
    if (chunkId === this.loadedUpTo + 1) this.loadedUpTo = chunkId;
  }

  /**
   * The memory copy and the last chunk it holds, or null when not loaded. Search checks that chunk is
   * still the last one inside its own transaction, instead of asking `current` first (a round trip).
   */
  snapshot(): { vocab: Vocabulary; upTo: number } | null {
    return this.vocab ? { vocab: this.vocab, upTo: this.loadedUpTo } : null;
  }

  /** Forgets the memory copy (after a rebuild). */
  reset(): void {
    this.vocab = null;
    this.loadedUpTo = 0;
  }

  /** The dictionary, loaded or reloaded when another page added to it since. */
  async current(): Promise<Vocabulary> {
    const lastId = await lastVocabChunk(this.db);
    if (this.vocab && lastId === this.loadedUpTo) return this.vocab;
    const chunks = await this.db.vocab.toArray();
    const vocab = new Vocabulary();
    for (const chunk of chunks) if (Array.isArray(chunk.terms)) vocab.addAll(chunk.terms);
    this.vocab = vocab;
    this.loadedUpTo = lastId;
    if (chunks.length > COMPACT_AFTER_CHUNKS)
      await this.compact(
        chunks.map((c) => c.id!),
        vocab,
      );
    return vocab;
  }

  /**
   * Replaces the chunks just read by one holding all their terms. Chunks other pages add meanwhile are
   * not touched (only the ids read are deleted), so no term is lost. Best effort: a failure leaves the
   * chunks as they were, which is still correct, only slower to load.
   */
  private async compact(ids: number[], vocab: Vocabulary): Promise<void> {
    try {
      const id = await this.db.transaction('rw', this.db.vocab, async () => {
        await this.db.vocab.bulkDelete(ids);
        return (await this.db.vocab.add({ terms: vocab.terms() })) as number;
      });
      if (this.loadedUpTo === ids[ids.length - 1] && id === this.loadedUpTo + 1) this.loadedUpTo = id;
    } catch {
      // Left for the next load.
    }
  }
}
