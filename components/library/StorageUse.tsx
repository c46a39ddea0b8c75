/** "Uses 12.3 MB": the space the library takes, when the browser can tell. */
import type { StorageUse as Use } from '@/lib/library';
import { t } from '@/utils/i18n';
import { formatSize } from './library-format';

export function StorageUse({ use }: { use: Use | null }) {
  if (!use) return null;
  return (
    <p class="storage-use" data-testid="storage-use" title={t('storageQuota', formatSize(use.quota))}>
      {t('storageUse', formatSize(use.usage))}
    </p>
  );
}
