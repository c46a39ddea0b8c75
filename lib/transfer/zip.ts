/** Reading ZIP archives with fflate, with every failure turned into one clear refusal. */
import { unzipSync } from 'fflate';
import { TransferError } from './errors';

export type ZipEntries = Map<string, Uint8Array>;

export interface ZipLimits {
  /** Largest unpacked entry, in bytes. Default 512 MiB. */
  maxEntryBytes: number;
  /** Largest unpacked archive, in bytes. Default 2 GiB: more than a page can hold anyway. */
  maxTotalBytes: number;
}

export const ZIP_LIMITS: ZipLimits = { maxEntryBytes: 512 * 2 ** 20, maxTotalBytes: 2 * 2 ** 30 };

/**
 * Unpacks a whole archive. Directory entries and macOS resource forks (`__MACOSX/`, `._name`), which
 * appear when people re-zip an export by hand, are left out. A truncated or corrupt archive throws a
 * `TransferError` ('broken-zip'); one that would unpack beyond `limits` (a ZIP bomb, or not an export)
 * throws 'too-large' before anything is unpacked.
 */
export function readZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipEntries {
  let raw: Record<string, Uint8Array>;
  let total = 0;
  let tooLarge = false;
  try {
    raw = unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        if (file.originalSize > limits.maxEntryBytes || total > limits.maxTotalBytes) tooLarge = true;
        return !tooLarge;
      },
    });
  } catch (cause) {
    throw new TransferError(
      'broken-zip',
      'This ZIP file is damaged or incomplete, so nothing was imported. Download the export again and retry.',
      { cause },
    );
  }
  if (tooLarge) {
    throw new TransferError(
      'too-large',
      'This ZIP file unpacks to more than Clean Reader can import at once, so nothing was imported.',
    );
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
