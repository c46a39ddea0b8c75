import { describe, expect, it } from 'vitest';
import { MAX_FUZZY_EXPANSIONS, Vocabulary } from '../vocabulary';

const terms = (vocab: Vocabulary, word: string, options?: { prefix?: boolean }) =>
  vocab.expand(word, options).map((e) => `${e.kind}:${e.term}`);

describe('query word expansion: near misspellings only for words the dictionary neither holds nor begins', () => {
  const vocab = new Vocabulary(['moment', 'moments', 'home', 'homes', 'some', 'come', 'harbour', 'government']);

  it('a word that begins dictionary words stands for them, not for look-alikes one edit away', () => {
    // "mome" is one edit from home, some and come: before, all three were read and ranked too.
    expect(terms(vocab, 'mome')).toEqual(['exact:mome', 'prefix:moment', 'prefix:moments']);
  });

  it('a known word stands for itself and the words it begins, never look-alikes', () => {
    expect(terms(vocab, 'home')).toEqual(['exact:home', 'prefix:homes']);
    expect(terms(vocab, 'some', { prefix: false })).toEqual(['exact:some']);
  });

  it('a word the dictionary neither holds nor begins falls back to near misspellings', () => {
    expect(terms(vocab, 'goverment')).toEqual(['exact:goverment', 'fuzzy:government']);
    expect(terms(vocab, 'hme')).toEqual(['exact:hme']); // too short to guess at
  });

  it('two neighbouring letters swapped count as one edit, so a 7-letter word with a swap is found', () => {
    expect(vocab.expand('harbuor')).toEqual([
      { term: 'harbuor', kind: 'exact', distance: 0 },
      { term: 'harbour', kind: 'fuzzy', distance: 1 },
    ]);
    // Swaps go by character, not UTF-16 unit: an astral letter is swapped whole.
    const astral = new Vocabulary(['𐐨𐐩abc']);
    expect(terms(astral, '𐐩𐐨abc')).toEqual(['exact:𐐩𐐨abc', 'fuzzy:𐐨𐐩abc']);
  });

  it('a typo keeps at most MAX_FUZZY_EXPANSIONS look-alikes, the closest first', () => {
    const near = [...'abcdefghijklmnop'].map((c) => `${c}ater`); // one substitution from "xater"
    const many = new Vocabulary([...near, 'xatre', 'wateer']); // one swap; two edits
    const fuzzy = many.expand('xater').filter((e) => e.kind === 'fuzzy');
    expect(fuzzy.map((e) => e.term)).toEqual([...near, 'xatre'].sort().slice(0, MAX_FUZZY_EXPANSIONS));
    expect(fuzzy.every((e) => e.distance === 1)).toBe(true);
  });
});
