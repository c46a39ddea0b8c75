import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import { FailedState } from './FailedState';

export interface ErrorBoundaryProps {
  children: ComponentChildren;
}

/** A rendering error shows the "something went wrong" state with "Try again", never a blank popup. */
export function ErrorBoundary({ children }: ErrorBoundaryProps) {
  const [error, reset] = useErrorBoundary();
  if (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return (
      <main class="content" data-testid="reader-app" data-state="failed">
        <FailedState reason="error" detail={detail} onRetry={reset} />
      </main>
    );
  }
  return <>{children}</>;
}
