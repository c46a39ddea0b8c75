/**
 * Every saved article with its body, for the export ZIP, read through `Library`'s public API: the
 * import target's item list (oldest first), then the bodies a few hundred at a time with `getMany`
 * (one read each), which keeps memory flat and the page free between reads.
 */
import type { Library } from '@/lib/library';
import type { ExportableRecord } from '@/lib/transfer';

/** Articles read per transaction. */
const BATCH = 200;

export async function loadAllForExport(library: Library): Promise<ExportableRecord[]> {
  const items = await library.importTarget().loadItems();
  // Oldest first, so an export lists articles in the order they were saved.
  const ids = items.sort((a, b) => a.savedAt - b.savedAt || a.id - b.id).map((item) => item.id);
  const out: ExportableRecord[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    // An article deleted or damaged meanwhile comes back null and is left out, not fatal to the export.
    for (const article of await library.getMany(ids.slice(i, i + BATCH))) if (article) out.push(article);
  }
  return out;
}
