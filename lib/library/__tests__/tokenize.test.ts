import { describe, expect, it } from 'vitest';
import { foldText, isCjkTerm, tokenize, uniqueTerms } from '../tokenize';

describe('foldText', () => {
  it('folds case and Latin accents', () => {
    expect(foldText('À la rentrée, l’ÉCOLE')).toBe('a la rentree, l’ecole');
    expect(foldText('Straße')).toBe('strasse');
  });

  it('drops Arabic harakat and Hebrew points, which readers usually leave out', () => {
    expect(foldText('افتُتِحَت')).toBe('افتتحت');
    expect(foldText('שָׁלוֹם')).toBe('שלום');
  });

  it('keeps marks that spell the word (Devanagari vowel signs) and recomposes Hangul', () => {
    expect(foldText('किताब')).toBe('किताब');
    expect(foldText('한국어')).toBe('한국어');
  });
});

describe('tokenize', () => {
  it('splits spaced scripts into words of letters and digits, without punctuation', () => {
    expect(tokenize('Turnout reached 61% — the highest since 2009!')).toEqual([
      'turnout',
      'reached',
      '61',
      'the',
      'highest',
      'since',
      '2009',
    ]);
    expect(tokenize('Новая линия метро')).toEqual(['новая', 'линия', 'метро']);
  });

  it('drops lone Latin letters but keeps each Han and kana character as a term', () => {
    expect(tokenize('a b cd')).toEqual(['cd']);
    expect(tokenize('東京で桜')).toEqual(['東', '京', 'で', '桜']);
  });

  it('separates Han from Latin letters written next to them', () => {
    expect(tokenize('iPhone発売')).toEqual(['iphone', '発', '売']);
  });

  it('splits Thai into words (the runtime has Intl.Segmenter)', () => {
    const terms = tokenize('ฤดูฝนมาถึงเร็วกว่าปกติ');
    expect(terms.length).toBeGreaterThan(2);
    expect(terms.join('')).toBe('ฤดูฝนมาถึงเร็วกว่าปกติ');
  });

  it('skips runs too long to be words', () => {
    expect(tokenize(`key ${'x'.repeat(60)} end`)).toEqual(['key', 'end']);
  });

  it('uniqueTerms merges several texts and ignores missing ones', () => {
    expect(uniqueTerms('The ferry', null, 'the FERRY timetable', undefined)).toEqual(['the', 'ferry', 'timetable']);
  });

  it('isCjkTerm is true only for a single Han or kana character', () => {
    expect(isCjkTerm('桜')).toBe(true);
    expect(isCjkTerm('で')).toBe(true);
    expect(isCjkTerm('ab')).toBe(false);
    expect(isCjkTerm('한')).toBe(false);
  });
});
