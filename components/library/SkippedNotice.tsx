/**
 * Damaged records the library left out: said, never hidden, never fatal. A damaged row of the search
 * index hides no saved item (the index is rebuilt from the articles), so it is said apart, as such.
 */
import type { SkippedRecord } from '@/lib/library';
import { plural, t } from '@/utils/i18n';

export function SkippedNotice({ skipped }: { skipped: readonly SkippedRecord[] }) {
  const items = skipped.filter((s) => s.kind !== 'index');
  const index = skipped.filter((s) => s.kind === 'index');
  return (
    <>
      {items.length > 0 && (
        <details class="notice skipped-notice" data-testid="skipped-notice">
          <summary>{plural('skipped', items.length)}</summary>
          <ul>
            {items.map((s) => (
              <li key={String(s.id)}>{t('skippedItem', String(s.id), s.reason)}</li>
            ))}
          </ul>
        </details>
      )}
      {index.length > 0 && (
        <details class="notice skipped-notice" data-testid="index-damaged-notice">
          <summary>{t('indexDamaged')}</summary>
          <ul>
            {index.map((s) => (
              <li key={String(s.id)}>{s.reason}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
