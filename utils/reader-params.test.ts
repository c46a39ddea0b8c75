import { describe, expect, it } from 'vitest';
import { parseReaderParams } from './reader-params';

describe('parseReaderParams', () => {
  it('reads the tab id', () => {
    expect(parseReaderParams('?tabId=42')).toEqual({ tabId: 42 });
    expect(parseReaderParams('?x=1&tabId=0')).toEqual({ tabId: 0 });
  });

  it('falls back to the active tab for a missing or malformed id', () => {
    for (const search of [
      '',
      '?',
      '?tabId=',
      '?tabId=-3',
      '?tabId=4.5',
      '?tabId=abc',
      '?tabId=1e3',
      '?tabId=99999999999999999',
    ]) {
      expect(parseReaderParams(search)).toEqual({});
    }
  });
});
