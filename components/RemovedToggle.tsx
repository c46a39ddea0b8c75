import { plural, t } from '@/utils/i18n';
import { UI_DIR, UI_LANG } from './format';

export interface RemovedToggleProps {
  count: number;
  shown: boolean;
  onToggle: () => void;
  /** The id of the element the removed blocks appear in. */
  controls: string;
}

/** "7 blocks removed · Show": lets the user check that nothing of value was cut. */
export function RemovedToggle({ count, shown, onToggle, controls }: RemovedToggleProps) {
  return (
    <button
      type="button"
      class="removed-toggle"
      lang={UI_LANG}
      dir={UI_DIR}
      aria-pressed={shown}
      aria-controls={controls}
      data-testid="removed-toggle"
      onClick={onToggle}
    >
      <span class="removed-count">{plural('removedBlocks', count)}</span>
      <span class="removed-action">{shown ? t('hide') : t('show')}</span>
    </button>
  );
}
