import type { Removal } from '@/lib/extract';
import { stepLabel } from './reveal-removed';
import { t } from '@/utils/i18n';
import { UI_DIR, UI_LANG } from './format';

export interface RemovedListProps {
  /** Removals with no place in the article (taken from the page before the article was found). */
  removals: Removal[];
}

/** The removals that cannot be shown in place, as text samples (never HTML). */
export function RemovedList({ removals }: RemovedListProps) {
  return (
    <section
      class="removed-list"
      lang={UI_LANG}
      dir={UI_DIR}
      data-testid="removed-list"
      aria-label={t('removedAround')}
    >
      <h2>{t('removedAround')}</h2>
      <ul>
        {removals.map((r, i) => (
          <li key={i}>
            <span class="removed-step">{stepLabel(r.step)}</span>
            <span class="removed-sample">{r.sample}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
