/** Damaged records the library left out of the list: said, never hidden, never fatal. */
import type { SkippedRecord } from '@/lib/library';

export function SkippedNotice({ skipped }: { skipped: readonly SkippedRecord[] }) {
  if (!skipped.length) return null;
  return (
    <details class="notice skipped-notice" data-testid="skipped-notice">
      <summary>
        {skipped.length === 1
          ? 'One saved item is damaged and is not shown.'
          : `${skipped.length} saved items are damaged and are not shown.`}
      </summary>
      <ul>
        {skipped.map((s) => (
          <li key={String(s.id)}>
            Item {String(s.id)}: {s.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
