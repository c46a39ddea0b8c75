import { describe, expect, it } from 'vitest';
import { currentProgress, scrollToProgress, type ScrollView } from './reading-position';

function view(scrollHeight: number, innerHeight: number, scrollY = 0): ScrollView & { scrolledTo: number | null } {
  return {
    scrollY,
    innerHeight,
    document: { documentElement: { scrollHeight } },
    scrolledTo: null,
    scrollTo(_x: number, y: number) {
      this.scrolledTo = y;
      this.scrollY = y;
    },
  };
}

describe('reading position', () => {
  it('is the fraction of the scrollable height above the viewport', () => {
    expect(currentProgress(view(5000, 1000, 0))).toBe(0);
    expect(currentProgress(view(5000, 1000, 2000))).toBe(0.5);
    expect(currentProgress(view(5000, 1000, 4000))).toBe(1);
    expect(currentProgress(view(800, 1000, 0))).toBe(0);
  });

  it('scrolls back to a saved fraction, and says when the page cannot scroll yet', () => {
    const v = view(9000, 1000);
    expect(scrollToProgress(v, 0.25)).toBe(true);
    expect(v.scrolledTo).toBe(2000);
    expect(currentProgress(v)).toBe(0.25);
    expect(scrollToProgress(view(600, 1000), 0.5)).toBe(false);
  });
});
