/**
 * The indexer's to-do list: the ids of articles whose search terms must be (re)written, each with a
 * stamp that changes at every save. One `meta` row, read with a single key lookup: a queue kept as
 * rows that come and go (or an index on a "pending" flag) left LevelDB tombstones that made every
 * search's "anything pending?" check take 100 ms in Chromium.
 */
import type { LibraryDB } from './schema';

export const INDEX_QUEUE_KEY = 'indexQueue';

export interface QueueEntry {
  id: number;
  stamp: number;
}

export async function readQueue(db: LibraryDB): Promise<QueueEntry[]> {
  return queueOf(await db.meta.get(INDEX_QUEUE_KEY));
}

/** The queue a `meta` row holds (none when the row is missing or damaged). */
export function queueOf(row: { value: unknown } | undefined): QueueEntry[] {
  return Array.isArray(row?.value) ? (row.value as QueueEntry[]) : [];
}

/** The queue with `ids` added, each with a new stamp, replacing entries they already had. */
export function withQueued(queue: readonly QueueEntry[], ids: readonly number[]): QueueEntry[] {
  const queued = new Set(ids);
  const kept = queue.filter((e) => !queued.has(e.id));
  return [...kept, ...ids.map((id) => ({ id, stamp: Math.floor(Math.random() * 2 ** 31) }))];
}

/** Inside a read-write transaction over `meta`: queues `ids`, replacing entries they already had. */
export async function enqueue(db: LibraryDB, ids: readonly number[]): Promise<void> {
  if (!ids.length) return;
  await db.meta.put({ key: INDEX_QUEUE_KEY, value: withQueued(await readQueue(db), ids) });
}

/** Inside a read-write transaction over `meta`: drops the entries that were done and not queued again since. */
export async function dequeue(db: LibraryDB, done: readonly QueueEntry[]): Promise<void> {
  const finished = new Map(done.map((e) => [e.id, e.stamp]));
  const queue = await readQueue(db);
  const left = queue.filter((e) => finished.get(e.id) !== e.stamp);
  if (left.length !== queue.length) await db.meta.put({ key: INDEX_QUEUE_KEY, value: left });
}

/** Replaces the whole queue (a rebuild queues every article). */
export async function setQueue(db: LibraryDB, ids: readonly number[]): Promise<void> {
  await db.meta.put({
    key: INDEX_QUEUE_KEY,
    value: ids.map((id) => ({ id, stamp: Math.floor(Math.random() * 2 ** 31) })),
  });
}
