import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

let fail = true;
function Flaky() {
  if (fail) throw new Error('render broke');
  return <p data-testid="ok">fine</p>;
}

describe('ErrorBoundary', () => {
  const root = document.createElement('div');
  afterEach(() => render(null, root));

  it('shows the failed state instead of a blank page, and "Try again" renders again', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    act(() =>
      render(
        <ErrorBoundary>
          <Flaky />
        </ErrorBoundary>,
        root,
      ),
    );
    expect(root.querySelector('[data-testid="state-failed"]')!.textContent).toContain('Error: render broke');
    fail = false;
    act(() => root.querySelector<HTMLButtonElement>('[data-testid="try-again"]')!.click());
    expect(root.querySelector('[data-testid="ok"]')!.textContent).toBe('fine');
  });
});
