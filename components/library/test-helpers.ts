/** Small helpers for the library's component tests (jsdom, fake-indexeddb, real Library). */
import { act } from 'preact/test-utils';

/**
 * Runs pending effects and promises until `check` passes, or throws its last error after `timeoutMs` of
 * wall time. A bound in time, not in attempts: on a loaded machine (CI shares 2 cores) 200 attempts of
 * 10 ms ran out while fake-indexeddb was still indexing 25 saves, and the test failed on a slow machine,
 * not on wrong behaviour. The test's own timeout (vitest.config.ts, 20 s) stays above it.
 */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
}

/** Text of every element matching `selector` under `root`. */
export function texts(root: ParentNode, selector: string): string[] {
  return [...root.querySelectorAll(selector)].map((el) => el.textContent?.trim() ?? '');
}

export function click(el: Element | null): void {
  if (!el) throw new Error('nothing to click');
  act(() => {
    (el as HTMLElement).click();
  });
}

export function type(input: Element | null, value: string): void {
  if (!input) throw new Error('no input');
  act(() => {
    (input as HTMLInputElement).value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
