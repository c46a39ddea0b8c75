import { describe, expect, it } from 'vitest';
import { throttle, type Timers } from '../throttle';

/** Manual timers: time moves only when the test says so. */
function manualTimers() {
  let now = 0;
  let queue: { at: number; fn: () => void; handle: number }[] = [];
  let next = 1;
  const timers: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const handle = next++;
      queue.push({ at: now + ms, fn, handle });
      return handle;
    },
    clearTimeout: (handle) => {
      queue = queue.filter((t) => t.handle !== handle);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    const due = queue.filter((t) => t.at <= now);
    queue = queue.filter((t) => t.at > now);
    due.forEach((t) => t.fn());
  };
  return { timers, advance };
}

describe('throttle', () => {
  it('runs the first call at once, then at most once per interval with the latest arguments', () => {
    const { timers, advance } = manualTimers();
    const calls: number[] = [];
    const save = throttle((p: number) => calls.push(p), 1000, timers);
    save(0.1);
    save(0.2);
    save(0.3);
    expect(calls).toEqual([0.1]);
    advance(999);
    expect(calls).toEqual([0.1]);
    advance(1);
    expect(calls).toEqual([0.1, 0.3]);
    advance(5000);
    expect(calls).toEqual([0.1, 0.3]);
  });

  it('flush writes the pending value at once (page hidden), cancel drops it', () => {
    const { timers, advance } = manualTimers();
    const calls: number[] = [];
    const save = throttle((p: number) => calls.push(p), 1000, timers);
    save(0.1);
    save(0.5);
    save.flush();
    expect(calls).toEqual([0.1, 0.5]);
    save(0.6);
    save.cancel();
    advance(2000);
    expect(calls).toEqual([0.1, 0.5]);
  });
});
