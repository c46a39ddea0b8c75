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
      <Notice
        testId="skipped-notice"
        summary={plural('skipped', items.length)}
        records={items}
        line={(s) => t('skippedItem', String(s.id), s.reason)}
      />
      <Notice testId="index-damaged-notice" summary={t('indexDamaged')} records={index} line={(s) => s.reason} />
    </>
  );
}

/** A closed notice with one line per record, or nothing when there is none. */
function Notice(props: {
  testId: string;
  summary: string;
  records: readonly SkippedRecord[];
  line: (record: SkippedRecord) => string;
}) {
  if (!props.records.length) return null;
  return (
    <details class="notice skipped-notice" data-testid={props.testId}>
      <summary>{props.summary}</summary>
      <ul>
        {props.records.map((s) => (
          <li key={String(s.id)}>{props.line(s)}</li>
        ))}
      </ul>
    </details>
  );
}
