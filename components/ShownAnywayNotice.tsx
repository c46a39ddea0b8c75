import { UI_LANG } from './format';

export interface ShownAnywayNoticeProps {
  onBack: () => void;
}

/** Above a best-effort reader: a reminder that the page was not judged an article. */
export function ShownAnywayNotice({ onBack }: ShownAnywayNoticeProps) {
  return (
    <div class="notice" lang={UI_LANG} role="note" data-testid="shown-anyway">
      <p>This page doesn’t look like an article; this is the best text Clean Reader could find.</p>
      <button type="button" class="button button-small" onClick={onBack}>
        Back
      </button>
    </div>
  );
}
