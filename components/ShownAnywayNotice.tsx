import { t } from '@/utils/i18n';
import { UI_DIR, UI_LANG } from './format';

export interface ShownAnywayNoticeProps {
  onBack: () => void;
}

/** Above a best-effort reader: a reminder that the page was not judged an article. */
export function ShownAnywayNotice({ onBack }: ShownAnywayNoticeProps) {
  return (
    <div class="notice" lang={UI_LANG} dir={UI_DIR} role="note" data-testid="shown-anyway">
      <p>{t('shownAnyway')}</p>
      <button type="button" class="button button-small" onClick={onBack}>
        {t('back')}
      </button>
    </div>
  );
}
