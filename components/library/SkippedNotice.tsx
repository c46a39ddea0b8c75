/** Damaged records the library left out of the list: said, never hidden, never fatal. */
import type { SkippedRecord } from '@/lib/library';
import { plural, t } from '@/utils/i18n';

export function SkippedNotice({ skipped }: { skipped: readonly SkippedRecord[] }) {
  if (!skipped.length) return null;
  return (
    <details class="notice skipped-notice" data-testid="skipped-notice">
      <summary>{plural('skipped', skipped.length)}</summary>
      <ul>
        {skipped.map((s) => (
          <li key={String(s.id)}>{t('skippedItem', String(s.id), s.reason)}</li>
        ))}
      </ul>
    </details>
  );
}
