import type { FailureReason } from '@/utils/read-tab';
import { AlertIcon } from './icons';
import { StatusPanel } from './StatusPanel';

export interface FailedStateProps {
  reason: FailureReason;
  /** The technical detail, shown small for bug reports. */
  detail: string;
  onRetry?: () => void;
  /** Back to the whole article after a selection attempt. */
  onBack?: () => void;
}

const TITLES: Record<FailureReason, string> = {
  timeout: 'The page took too long to read.',
  error: 'Something went wrong reading this page.',
  'no-tab': 'The tab to read is gone.',
  'no-selection': 'Nothing is selected on the page.',
};

const ADVICE: Record<FailureReason, string> = {
  timeout:
    'Very large or busy pages can take longer than 5 seconds. Wait for the page to finish loading, then try again.',
  error: 'Reload the page and try again. If it keeps failing, the details below help a bug report.',
  'no-tab': 'It may have been closed. Open the article again and click Clean Reader.',
  'no-selection': 'Select the article’s text on the page first (drag over it), then choose “Use my selection” again.',
};

export function FailedState({ reason, detail, onRetry, onBack }: FailedStateProps) {
  return (
    <StatusPanel
      testId="state-failed"
      tone="error"
      icon={<AlertIcon />}
      title={TITLES[reason]}
      actions={
        <>
          {onRetry && (
            <button type="button" class="button button-primary" data-testid="try-again" onClick={onRetry}>
              Try again
            </button>
          )}
          {onBack && (
            <button type="button" class="button" onClick={onBack}>
              Back to the article
            </button>
          )}
        </>
      }
    >
      <p data-reason={reason}>{ADVICE[reason]}</p>
      {reason === 'error' && <p class="status-technical">{detail}</p>}
    </StatusPanel>
  );
}
