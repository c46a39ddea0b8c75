/**
 * A whole import, from the chosen file to the counts on the result screen: read the file in batches,
 * plan the merge against what the library holds, write the plan in one go. The library is reached only
 * through `ImportTarget`, which `lib/library` implements over its database; pages call `runImport`.
 *
 * A refused file throws its `TransferError` before anything is written. A failed write leaves the library
 * as it was (the target writes in one transaction) and its error is thrown as is.
 */
import { importFile, type ImportOptions } from './import';
import { articleChanges, mergeFieldsOf, newArticle, type TransferArticle, type TransferItem } from './library-record';
import { changedFields, mergeFields, planMerge, type MergePlan, type PlannedAdd } from './merge';
import type { ImportFormat, ImportItem, InvalidRow } from './types';

/** A new article for the library; `id` is the one it had in our own export, kept when still free. */
export type NewArticle = Omit<TransferArticle, 'id'> & { id?: number };

export interface ArticleUpdate {
  id: number;
  changes: Partial<TransferArticle>;
}

export interface ImportTarget {
  /** Every saved article, without bodies (trash excluded): what imported items are merged with. */
  loadItems(): Promise<TransferItem[]>;
  /** The duplicate keys (normalised URLs) of the trash: items matching one are skipped, not brought back. */
  loadTrashedUrls?(): Promise<string[]>;
  /** Writes every add and update in one transaction: all land or none does. */
  write(adds: NewArticle[], updates: ArticleUpdate[]): Promise<void>;
}

export interface ImportProgress {
  phase: 'reading' | 'merging' | 'saving';
  /** Rows read so far and in all ('reading'); 0 of 1, then 1 of 1 for the short phases. */
  done: number;
  total: number;
}

export interface ImportReport {
  format: ImportFormat;
  /** Rows in the file, valid or not. */
  total: number;
  counts: MergePlan['counts'];
  /** Every row left out, with its row number and reason, in file order. */
  invalid: InvalidRow[];
  /** URLs of items skipped because the user deleted their article (it stays in the trash); part of `counts.skipped`. */
  inTrash: string[];
}

export interface RunImportOptions extends ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
  /** The clock, for saved and updated dates. Default `Date.now`. */
  now?: () => number;
}

export async function runImport(
  fileName: string,
  bytes: Uint8Array,
  target: ImportTarget,
  options: RunImportOptions,
): Promise<ImportReport> {
  const { onProgress, win } = options;
  const clock = options.now ?? Date.now;
  const items: ImportItem[] = [];
  const invalid: InvalidRow[] = [];
  let format: ImportFormat | null = null;
  let total = 0;
  for await (const batch of importFile(fileName, bytes, options)) {
    format = batch.format;
    total = batch.total;
    items.push(...batch.items);
    invalid.push(...batch.invalid);
    onProgress?.({ phase: 'reading', done: batch.done, total: batch.total });
  }

  onProgress?.({ phase: 'merging', done: 0, total: 1 });
  const existing = (await target.loadItems()).map((item) => ({ id: item.id, fields: mergeFieldsOf(item) }));
  const trashed = new Set((await target.loadTrashedUrls?.()) ?? []);
  const plan = planMerge(existing, items, undefined, trashed);
  // Building articles parses each new body for its text: thousands of Omnivore articles take seconds,
  // so this goes in stretches too, with the progress bar moving.
  const at = clock();
  const work = plan.add.length + plan.update.length;
  const adds: NewArticle[] = [];
  const updates: ArticleUpdate[] = [];
  const budget = options.batchBudgetMs ?? 12;
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  let started = performance.now();
  for (let i = 0; i < work; i++) {
    if (i < plan.add.length) adds.push(toNewArticle(plan.add[i], win, at));
    else {
      const update = plan.update[i - plan.add.length];
      updates.push({ id: update.id as number, changes: articleChanges(update, win, at) });
    }
    if (performance.now() - started > budget && i < work - 1) {
      onProgress?.({ phase: 'merging', done: i + 1, total: work });
      await pause();
      started = performance.now();
    }
  }
  onProgress?.({ phase: 'merging', done: 1, total: 1 });

  if (adds.length || updates.length) {
    onProgress?.({ phase: 'saving', done: 0, total: 1 });
    await target.write(adds, updates);
    onProgress?.({ phase: 'saving', done: 1, total: 1 });
  }
  const inTrash = plan.skipped.filter((s) => s.reason === 'in-trash').map((s) => s.item.url);
  return { format: format!, total, counts: plan.counts, invalid, inTrash };
}

/**
 * A planned add as the library will store it. A record from our own export comes back as it was
 * exported (that is what makes export and import a round trip), with whatever later rows of the same
 * file added to it.
 */
function toNewArticle(add: PlannedAdd, win: ImportOptions['win'], now: number): NewArticle {
  const exported = add.item.record as Partial<TransferArticle> | undefined;
  if (!exported) return newArticle(add.item, win, now);
  // Exports made before highlights and notes existed have neither.
  const record = { ...exported, highlights: exported.highlights ?? [], note: exported.note ?? null } as TransferArticle;
  const before = mergeFieldsOf(record);
  const after = mergeFields(before, add.item);
  const changed = changedFields(before, after);
  if (changed.length === 0) return { ...record };
  return {
    ...record,
    ...articleChanges({ id: record.id, key: add.key, before, after, changed, sources: [] }, win, now),
  };
}
