/** Raised by `withTimeout` when the work did not settle in time. */
export class TimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`Gave up after ${ms / 1000} s`);
    this.name = 'TimeoutError';
  }
}

/**
 * `work`, or a `TimeoutError` after `ms`, whichever comes first. The work itself is not cancelled (an
 * injected script cannot be stopped from outside); its late result is simply ignored.
 */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
