/**
 * Throttling for the reading position: scroll events fire dozens of times a second, a write per event
 * would queue hundreds of transactions. The last value always lands (trailing call), and `flush` writes
 * it at once when the page is hidden or closed.
 */

export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** Runs the pending call now, if any. */
  flush(): void;
  /** Drops the pending call. */
  cancel(): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/** Calls `fn` at most once per `ms`, with the latest arguments; the first call runs at once. */
export function throttle<A extends unknown[]>(
  fn: (...args: A) => void,
  ms: number,
  timers: Timers = realTimers,
): Throttled<A> {
  let last = -Infinity;
  let pending: A | null = null;
  let handle: unknown = null;

  const run = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
    if (!pending) return;
    const args = pending;
    pending = null;
    last = timers.now();
    fn(...args);
  };

  const throttled = ((...args: A) => {
    pending = args;
    const wait = last + ms - timers.now();
    if (wait <= 0) run();
    else if (handle === null) handle = timers.setTimeout(run, wait);
  }) as Throttled<A>;
  throttled.flush = run;
  throttled.cancel = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
    pending = null;
  };
  return throttled;
}
