/**
 * What an import does to the library, planned without touching it: which items are new, which saved
 * articles they enrich, which change nothing. Pure, so the library page can show the counts, apply the
 * plan in one transaction, and a test can prove that importing the same file twice adds nothing.
 *
 * Items and records meet by the library's normalised URL (lib/library/url.ts). When they meet, the richer record is kept, field by field:
 * - content beats no content (saved content is never overwritten);
 * - tags and highlights are merged (highlights by their quoted text);
 * - the earliest saved date, the furthest reading progress, favourite if either says so;
 * - title, excerpt, author, publication date and note are filled in where missing;
 * - the read state already in the library stands: it is the user's latest word.
 * Every rule is a union, a minimum, a maximum or a fill, so merging the same item again changes
 * nothing: the plan is idempotent.
 *
 * An item whose article the user deleted (its key is in `trashed`, and no live article has it) is
 * skipped: an import never brings back what the user threw away in the last 30 days.
 */
import { normalizeUrl as defaultNormalize } from '../library/url';
import type { ImportHighlight, ImportItem, ImportSource } from './types';
import { cleanTags } from './values';

/** The fields a merge reads and writes: an `ImportItem` without where it came from. */
export type MergeFields = Omit<ImportItem, 'source' | 'record'>;

export interface ExistingRecord {
  id: string | number;
  fields: MergeFields;
}

export interface PlannedAdd {
  key: string;
  /** The merged item: the first occurrence's source and record, every occurrence's fields. */
  item: ImportItem;
}

export interface PlannedUpdate {
  id: string | number;
  key: string;
  before: MergeFields;
  after: MergeFields;
  /** The fields that differ, for the result screen and for a narrow write. */
  changed: (keyof MergeFields)[];
  sources: ImportSource[];
}

export interface PlannedSkip {
  item: ImportItem;
  /**
   * 'unchanged': the library already had all of it. 'duplicate': an earlier row of this import had the
   * same URL and took its data. 'in-trash': the user deleted this article; it stays in the trash.
   */
  reason: 'unchanged' | 'duplicate' | 'in-trash';
  /** The saved record it matched, if any. */
  matchedId: string | number | null;
}

export interface MergePlan {
  add: PlannedAdd[];
  update: PlannedUpdate[];
  skipped: PlannedSkip[];
  counts: { added: number; updated: number; skipped: number };
}

export const MERGE_FIELDS: readonly (keyof MergeFields)[] = [
  'url',
  'title',
  'excerpt',
  'byline',
  'tags',
  'state',
  'favourite',
  'savedAt',
  'publishedAt',
  'readingProgress',
  'contentHtml',
  'highlights',
  'note',
];

export function planMerge(
  existing: readonly ExistingRecord[],
  items: readonly ImportItem[],
  normalize: (url: string) => string = defaultNormalize,
  trashed: ReadonlySet<string> = new Set(),
): MergePlan {
  const byKey = new Map<string, ExistingRecord>();
  for (const record of existing) {
    const key = normalize(record.fields.url);
    if (!byKey.has(key)) byKey.set(key, record);
  }

  const adds = new Map<string, PlannedAdd>();
  const touched = new Map<
    string,
    { record: ExistingRecord; after: MergeFields; first: ImportItem; sources: ImportSource[] }
  >();
  const skipped: PlannedSkip[] = [];

  for (const item of items) {
    const key = normalize(item.url);
    const pending = adds.get(key);
    if (pending) {
      pending.item = { ...pending.item, ...mergeFields(pending.item, item) };
      skipped.push({ item, reason: 'duplicate', matchedId: null });
      continue;
    }
    const record = byKey.get(key);
    if (!record && trashed.has(key)) {
      skipped.push({ item, reason: 'in-trash', matchedId: null });
      continue;
    }
    if (!record) {
      adds.set(key, { key, item: { ...item, ...mergeFields(item, item) } });
      continue;
    }
    const seen = touched.get(key);
    if (seen) {
      seen.after = mergeFields(seen.after, item);
      seen.sources.push(item.source);
      skipped.push({ item, reason: 'duplicate', matchedId: record.id });
    } else {
      touched.set(key, { record, after: mergeFields(record.fields, item), first: item, sources: [item.source] });
    }
  }

  const update: PlannedUpdate[] = [];
  for (const [key, { record, after, first, sources }] of touched) {
    const changed = changedFields(record.fields, after);
    if (changed.length === 0) skipped.push({ item: first, reason: 'unchanged', matchedId: record.id });
    else update.push({ id: record.id, key, before: record.fields, after, changed, sources });
  }

  const add = [...adds.values()];
  return { add, update, skipped, counts: { added: add.length, updated: update.length, skipped: skipped.length } };
}

/** `base` enriched by `incoming`, by the rules at the top of this file. */
export function mergeFields(base: MergeFields, incoming: MergeFields): MergeFields {
  return {
    url: base.url,
    title: base.title || incoming.title,
    excerpt: base.excerpt ?? incoming.excerpt,
    byline: base.byline ?? incoming.byline,
    tags: cleanTags([...base.tags, ...incoming.tags]),
    state: base.state,
    favourite: base.favourite || incoming.favourite,
    savedAt: earliest(base.savedAt, incoming.savedAt),
    publishedAt: base.publishedAt ?? incoming.publishedAt,
    readingProgress: Math.max(base.readingProgress, incoming.readingProgress),
    contentHtml: base.contentHtml ?? incoming.contentHtml,
    highlights: mergeHighlights(base.highlights, incoming.highlights),
    note: base.note ?? incoming.note,
  };
}

function earliest(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b) < Date.parse(a) ? b : a;
}

/** Highlights are the same when their quoted text is, ignoring white space; the first keeps its place. */
function mergeHighlights(base: readonly ImportHighlight[], incoming: readonly ImportHighlight[]): ImportHighlight[] {
  const out: ImportHighlight[] = [];
  const at = new Map<string, number>();
  for (const h of [...base, ...incoming]) {
    const key = h.quote.replace(/\s+/g, ' ').trim();
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, out.length);
      out.push({ quote: h.quote, createdAt: h.createdAt, note: h.note });
    } else {
      const kept = out[i];
      out[i] = { quote: kept.quote, createdAt: earliest(kept.createdAt, h.createdAt), note: kept.note ?? h.note };
    }
  }
  return out;
}

/** The fields that differ between two versions of a record. */
export function changedFields(before: MergeFields, after: MergeFields): (keyof MergeFields)[] {
  return MERGE_FIELDS.filter((field) => !sameValue(before[field], after[field]));
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
