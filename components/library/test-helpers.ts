/** Small helpers for the library's component tests (jsdom, fake-indexeddb, real Library). */
import { act } from 'preact/test-utils';

/** Runs pending effects and promises until `check` passes (or throws its last error after ~2 s). */
export async function waitFor<T>(check: () => T | Promise<T>, attempts = 200): Promise<T> {
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await check();
    } catch (error) {
      lastError = error;
    }
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
  throw lastError;
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
