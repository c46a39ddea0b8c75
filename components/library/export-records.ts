/**
 * Every saved article with its body, for the export ZIP, read through `Library`'s public API: the
 * import target's item list, then each downloaded article's body by id, a few at a time.
 *
 * Why not one read: `Library` has no "every article with its body" call yet (lib/library is another
 * helper's room); this costs one small transaction per article, a few seconds at 10,000 articles.
 */
import type { Library } from '@/lib/library';
import type { ExportableRecord } from '@/lib/transfer';

/** How many articles are read at once: enough to keep IndexedDB busy without holding many bodies idle. */
const PARALLEL = 32;

export async function loadAllForExport(library: Library): Promise<ExportableRecord[]> {
  const items = await library.importTarget().loadItems();
  // Oldest first, so an export lists articles in the order they were saved.
  items.sort((a, b) => a.savedAt - b.savedAt || a.id - b.id);
  const out: ExportableRecord[] = [];
  for (let i = 0; i < items.length; i += PARALLEL) {
    const chunk = await Promise.all(
      items.slice(i, i + PARALLEL).map((item) =>
        // A link saved without its page has no body to read: `get` would return it with an empty one.
        // An article deleted or damaged meanwhile is left out, not fatal to the export.
        item.downloaded ? library.get(item.id).catch(() => null) : { ...item, contentHtml: '', text: '' },
      ),
    );
    for (const article of chunk) if (article) out.push(article);
  }
  return out;
}
