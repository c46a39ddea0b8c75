/** Reading ZIP archives with fflate, with every failure turned into one clear refusal. */
import { unzipSync } from 'fflate';
import { TransferError } from './errors';

export type ZipEntries = Map<string, Uint8Array>;

/**
 * Unpacks a whole archive. Directory entries and macOS resource forks (`__MACOSX/`, `._name`), which
 * appear when people re-zip an export by hand, are left out. A truncated or corrupt archive throws a
 * `TransferError` ('broken-zip').
 */
export function readZip(bytes: Uint8Array): ZipEntries {
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes);
  } catch (cause) {
    throw new TransferError('broken-zip', 'This ZIP file is damaged or incomplete, so nothing was imported. Download the export again and retry.', { cause });
  }
  const entries: ZipEntries = new Map();
  for (const [name, data] of Object.entries(raw)) {
    if (name.endsWith('/') || name.startsWith('__MACOSX/') || baseName(name).startsWith('._')) continue;
    entries.set(name, data);
  }
  return entries;
}

/** The last path segment of a ZIP entry name. */
export function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/**
 * Entries whose base name matches `pattern`, wherever they sit: exports are often re-zipped with an
 * extra top folder (`pocket/part_000000.csv`), so only the name is trusted, never the depth. Sorted by
 * name with numbers compared as numbers, so part_000010 follows part_000009.
 */
export function entriesNamed(entries: ZipEntries, pattern: RegExp): string[] {
  return [...entries.keys()].filter((name) => pattern.test(baseName(name))).sort(compareNatural);
}

const collator = new Intl.Collator('en', { numeric: true });
export function compareNatural(a: string, b: string): number {
  return collator.compare(a, b);
}
