import { UI_LANG } from './format';

export interface RemovedToggleProps {
  count: number;
  shown: boolean;
  onToggle: () => void;
  /** The id of the element the removed blocks appear in. */
  controls: string;
}

const plural = new Intl.PluralRules(UI_LANG);

/** "7 blocks removed · Show": lets the user check that nothing of value was cut. */
export function RemovedToggle({ count, shown, onToggle, controls }: RemovedToggleProps) {
  const noun = plural.select(count) === 'one' ? 'block' : 'blocks';
  return (
    <button
      type="button"
      class="removed-toggle"
      lang={UI_LANG}
      aria-pressed={shown}
      aria-controls={controls}
      data-testid="removed-toggle"
      onClick={onToggle}
    >
      <span class="removed-count">
        {count} {noun} removed
      </span>
      <span class="removed-action">{shown ? 'Hide' : 'Show'}</span>
    </button>
  );
}
