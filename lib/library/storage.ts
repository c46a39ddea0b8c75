/** How much space the extension's storage uses, when the runtime can say (`navigator.storage.estimate`). */
import type { StorageUse } from './types';

export interface StorageEstimator {
  estimate(): Promise<{ usage?: number; quota?: number }>;
}

/**
 * Returns usage and quota in bytes, or null where the runtime has no estimate (older browsers, some
 * private modes) or it fails: the library page then says nothing rather than a wrong number. The figure
 * covers the whole extension origin, which the library dominates.
 */
export async function estimateStorage(
  storage: StorageEstimator | undefined = globalThis.navigator?.storage,
): Promise<StorageUse | null> {
  if (!storage || typeof storage.estimate !== 'function') return null;
  try {
    const { usage, quota } = await storage.estimate();
    if (typeof usage !== 'number' || typeof quota !== 'number') return null;
    return { usage, quota };
  } catch {
    return null;
  }
}

/** "12.3 MB": sizes for people, in decimal units as browsers show them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  do {
    value /= 1000;
    unit++;
  } while (value >= 1000 && unit < units.length - 1);
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
