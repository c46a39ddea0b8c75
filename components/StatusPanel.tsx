import type { ComponentChildren } from 'preact';

export interface StatusPanelProps {
  /** For tests: `state-restricted`, `state-not-article`… */
  testId: string;
  /** `error` is announced at once (role="alert"); the others politely (role="status"). */
  tone: 'neutral' | 'warning' | 'error';
  icon?: ComponentChildren;
  title: string;
  children?: ComponentChildren;
  /** Buttons offered under the message. */
  actions?: ComponentChildren;
}

/** The frame every non-reader state shares: an icon, one line saying what happened, what to do, actions. */
export function StatusPanel({ testId, tone, icon, title, children, actions }: StatusPanelProps) {
  return (
    <section class={`status status-${tone}`} data-testid={testId} role={tone === 'error' ? 'alert' : 'status'}>
      {icon && <div class="status-icon">{icon}</div>}
      <h1 class="status-title">{title}</h1>
      {children && <div class="status-detail">{children}</div>}
      {actions && <div class="status-actions">{actions}</div>}
    </section>
  );
}
