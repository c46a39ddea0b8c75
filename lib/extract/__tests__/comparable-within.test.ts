/**
 * `comparableWithin` lets duplicate-title and opening-meta skip reading long blocks whole. It must answer
 * exactly `comparable(text)` whenever that is within the limit, and null only when it is not: checked on
 * texts built to put punctuation runs, white space, symbols, emoji (surrogate pairs) and letters that
 * lengthen when lower-cased (`İ`) at and around the point where the head is cut.
 */
import { describe, expect, it } from 'vitest';
import { comparable, comparableWithin } from '../steps/signals';

const PIECES = ['word', ' ', '  ', '!', '—', '...', '😀', 'İ', 'Σ', 'ß', '\u00a0', '|', '12', '中文', '\n', 'a'];

/** A deterministic pseudo-random text of `n` pieces (a linear congruential generator, seeded). */
function text(seed: number, n: number): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += PIECES[x % PIECES.length];
  }
  return out;
}

describe('comparableWithin', () => {
  it('is comparable(text) within the limit, and null only past it', () => {
    let nulls = 0;
    let values = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const t = text(seed, 10 + (seed % 120));
      for (const limit of [1, 5, 12, 20, 40]) {
        const full = comparable(t);
        const got = comparableWithin(t, limit);
        if (got === null) {
          nulls++;
          expect(full.length).toBeGreaterThan(limit);
        } else {
          values++;
          expect(got).toBe(full);
        }
      }
    }
    // Both answers occur, so the test exercises the shortcut and the full reading alike.
    expect(nulls).toBeGreaterThan(100);
    expect(values).toBeGreaterThan(100);
  });

  it('reads past a head of punctuation, which says nothing about the rest', () => {
    const t = `${'!'.repeat(200)} The Title`;
    expect(comparableWithin(t, 10)).toBe('the title');
  });

  it('does not count half an emoji cut at the head as a letter', () => {
    // A limit of 1 cuts the head at 20 code units: the 20th is the first half of the emoji, which alone
    // would read as a character and make the head 'x \ud83d', past the limit; the whole text is 'x'.
    const t = `x${'!'.repeat(18)}😀${'!'.repeat(30)}`;
    expect(comparable(t)).toBe('x');
    expect(comparableWithin(t, 1)).toBe('x');
  });
});
