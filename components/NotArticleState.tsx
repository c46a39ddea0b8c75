import type { NotArticle } from '@/lib/extract';
import { PageQuestionIcon } from './icons';
import { StatusPanel } from './StatusPanel';

export interface NotArticleStateProps {
  result: NotArticle;
  /** Shows the best-effort text; absent when there is none to show. */
  onShowAnyway?: () => void;
}

/** Why the page was judged not to be an article, in the UI's words (the pipeline's `message` is for logs). */
const WHY: Record<NotArticle['reason'], string> = {
  'no-content': 'Clean Reader found no article on this page: it looks like a home page, a list or an app.',
  'too-short': 'This page has too little text to be an article.',
  'too-large': 'This page is too large to read in one go: it looks like an endless feed rather than an article.',
};

export function NotArticleState({ result, onShowAnyway }: NotArticleStateProps) {
  const canShow = Boolean(onShowAnyway && result.bestEffort);
  return (
    <StatusPanel
      testId="state-not-article"
      tone="warning"
      icon={<PageQuestionIcon />}
      title="This page doesn’t look like an article."
      actions={
        canShow ? (
          <button type="button" class="button button-primary" data-testid="show-anyway" onClick={onShowAnyway}>
            Show anyway
          </button>
        ) : undefined
      }
    >
      <p>{WHY[result.reason]}</p>
      <p>
        {canShow
          ? 'You can still see the text it found, cleaned up as well as it can be. Or select the article’s text on the page and use “Use my selection”.'
          : 'There is no text to show. If the page has an article, select its text on the page and use “Use my selection”.'}
      </p>
    </StatusPanel>
  );
}
