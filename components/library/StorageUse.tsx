/** "Uses 12.3 MB": the space the library takes, when the browser can tell. */
import { formatBytes, type StorageUse as Use } from '@/lib/library';

export function StorageUse({ use }: { use: Use | null }) {
  if (!use) return null;
  return (
    <p
      class="storage-use"
      data-testid="storage-use"
      title={`Of ${formatBytes(use.quota)} the browser allows this extension`}
    >
      Uses {formatBytes(use.usage)} of storage
    </p>
  );
}
