import { describe, expect, it } from 'vitest';
import { aggregate, scorePage, shingles, tokenize } from '../lib/score';

describe('tokenize', () => {
  it('splits on anything but letters, digits and underscore, in any script, keeping case', () => {
    expect(tokenize('Grüße, Dr. Müller! 東京 café_1 — 3.5%')).toEqual(['Grüße', 'Dr', 'Müller', '東京', 'café_1', '3', '5']);
    expect(tokenize(' \n ')).toEqual([]);
  });
});

describe('shingles', () => {
  it('counts 4-word windows as a multiset', () => {
    // "go go go go go": 5 words, 2 windows, both "go go go go".
    expect([...shingles(tokenize('go go go go go'))]).toEqual([['go go go go', 2]]);
  });
  it('gives one shingle for fewer than 4 words and none for no words', () => {
    expect([...shingles(['A', 'b', 'c'])]).toEqual([['A b c', 1]]);
    expect(shingles([]).size).toBe(0);
  });
});

describe('scorePage, computed by hand', () => {
  it('page 1: one clutter word before, one article word lost after', () => {
    // truth "The cat sat on the mat today": shingles
    //   [The cat sat on] [cat sat on the] [sat on the mat] [on the mat today]
    // pred  "Menu The cat sat on the mat": shingles
    //   [Menu The cat sat] [The cat sat on] [cat sat on the] [sat on the mat]
    // tp = 3, fp = 1 (Menu...), fn = 1 (on the mat today); sum 5 -> 0.6, 0.2, 0.2
    // precision = 0.6 / 0.8 = 0.75, recall = 0.75
    const s = scorePage('The cat sat on the mat today.', 'Menu\nThe cat sat on the mat');
    expect(s.tp).toBeCloseTo(0.6, 12);
    expect(s.fp).toBeCloseTo(0.2, 12);
    expect(s.fn).toBeCloseTo(0.2, 12);
    expect(s.precision).toBeCloseTo(0.75, 12);
    expect(s.recall).toBeCloseTo(0.75, 12);
    expect(s.exact).toBe(false);
  });

  it('counts repeated shingles as a multiset, not a set', () => {
    // truth: "go go go go" x2; pred: x1 -> tp 1, fn 1, fp 0 -> precision 1, recall 0.5
    const s = scorePage('go go go go go', 'go go go go');
    expect(s.precision).toBe(1);
    expect(s.recall).toBeCloseTo(0.5, 12);
  });

  it('is case-sensitive', () => {
    // [The cat sat on] vs [the cat sat on]: tp 0, fp 1, fn 1
    const s = scorePage('The cat sat on', 'the cat sat on');
    expect(s.precision).toBe(0);
    expect(s.recall).toBe(0);
  });

  it('leaves an empty prediction out of precision and an empty truth out of recall', () => {
    const empty = scorePage('A b c', '');
    expect(empty.precision).toBeNull();
    expect(empty.recall).toBe(0);
    const nothingExpected = scorePage('', 'Sign in');
    expect(nothingExpected.precision).toBe(0);
    expect(nothingExpected.recall).toBeNull();
  });
});

describe('aggregate, computed by hand', () => {
  it('averages per page, then takes F1 of the means', () => {
    const pages = [
      scorePage('The cat sat on the mat today.', 'Menu\nThe cat sat on the mat'), // P 0.75, R 0.75
      scorePage('A b c', ''), // P left out, R 0
      scorePage('x y z w v', 'x, y; z - w v!'), // same words: P 1, R 1, exact
    ];
    // precision = mean(0.75, 1) = 0.875; recall = mean(0.75, 0, 1) = 0.583333...
    // F1 = 2 * 0.875 * 0.583333 / (0.875 + 0.583333) = 1.0208333 / 1.4583333 = 0.7
    // accuracy = 1 exact page of 3
    const s = aggregate(pages);
    expect(s.precision).toBeCloseTo(0.875, 12);
    expect(s.recall).toBeCloseTo(1.75 / 3, 12);
    expect(s.f1).toBeCloseTo(0.7, 12);
    expect(s.accuracy).toBeCloseTo(1 / 3, 12);
    expect(s.pages).toBe(3);
  });
});
