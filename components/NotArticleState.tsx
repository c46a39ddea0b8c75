import type { NotArticle } from '@/lib/extract';
import { t, type MessageKey } from '@/utils/i18n';
import { PageQuestionIcon } from './icons';
import { StatusPanel } from './StatusPanel';

export interface NotArticleStateProps {
  result: NotArticle;
  /** Shows the best-effort text; absent when there is none to show. */
  onShowAnyway?: () => void;
}

/** Why the page was judged not to be an article, in the UI's words (the pipeline's `message` is for logs). */
const WHY: Record<NotArticle['reason'], MessageKey> = {
  'no-content': 'whyNoContent',
  'too-short': 'whyTooShort',
  'too-large': 'whyTooLarge',
};

export function NotArticleState({ result, onShowAnyway }: NotArticleStateProps) {
  const canShow = Boolean(onShowAnyway && result.bestEffort);
  return (
    <StatusPanel
      testId="state-not-article"
      tone="warning"
      icon={<PageQuestionIcon />}
      title={t('notArticleTitle')}
      actions={
        canShow ? (
          <button type="button" class="button button-primary" data-testid="show-anyway" onClick={onShowAnyway}>
            {t('showAnyway')}
          </button>
        ) : undefined
      }
    >
      <p>{t(WHY[result.reason])}</p>
      <p>{canShow ? t('notArticleCanShow') : t('notArticleNothing')}</p>
    </StatusPanel>
  );
}
