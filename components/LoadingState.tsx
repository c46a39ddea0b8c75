import { t } from '@/utils/i18n';

export interface LoadingStateProps {
  /** What is being read, for the screen-reader announcement. */
  label?: string;
}

/** A placeholder shaped like the article it stands for, so the reader does not jump when it arrives. */
export function LoadingState({ label = t('loadingPage') }: LoadingStateProps) {
  return (
    <div class="loading" data-testid="state-loading" role="status" aria-busy="true">
      <span class="visually-hidden">{label}</span>
      <div class="skeleton skeleton-kicker" aria-hidden="true" />
      <div class="skeleton skeleton-title" aria-hidden="true" />
      <div class="skeleton skeleton-title short" aria-hidden="true" />
      <div class="skeleton skeleton-meta" aria-hidden="true" />
      {[0, 1, 2, 3, 4, 5].map((i) => (
        <div key={i} class={`skeleton skeleton-line${i % 3 === 2 ? ' short' : ''}`} aria-hidden="true" />
      ))}
    </div>
  );
}
