import { t, type MessageKey } from '@/utils/i18n';
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

const TITLES: Record<FailureReason, MessageKey> = {
  timeout: 'failedTimeout',
  error: 'failedError',
  'no-tab': 'failedNoTab',
  'no-selection': 'failedNoSelection',
};

const ADVICE: Record<FailureReason, MessageKey> = {
  timeout: 'adviceTimeout',
  error: 'adviceError',
  'no-tab': 'adviceNoTab',
  'no-selection': 'adviceNoSelection',
};

export function FailedState({ reason, detail, onRetry, onBack }: FailedStateProps) {
  return (
    <StatusPanel
      testId="state-failed"
      tone="error"
      icon={<AlertIcon />}
      title={t(TITLES[reason])}
      actions={
        <>
          {onRetry && (
            <button type="button" class="button button-primary" data-testid="try-again" onClick={onRetry}>
              {t('tryAgain')}
            </button>
          )}
          {onBack && (
            <button type="button" class="button" onClick={onBack}>
              {t('backToArticle')}
            </button>
          )}
        </>
      }
    >
      <p data-reason={reason}>{t(ADVICE[reason])}</p>
      {reason === 'error' && <p class="status-technical">{detail}</p>}
    </StatusPanel>
  );
}
