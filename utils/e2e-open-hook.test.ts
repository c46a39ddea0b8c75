import { describe, expect, it } from 'vitest';
import { E2E_OPEN_PATH, pageWithTab, parseOpenRequest } from './e2e-open-hook';

describe('the e2e open hook', () => {
  const hook = (query: string, origin = 'http://127.0.0.1:4000') => `${origin}${E2E_OPEN_PATH}?${query}`;

  it('reads the page and the tab it is for', () => {
    expect(parseOpenRequest(hook('page=%2Fpopup.html&tabFor=http%3A%2F%2F127.0.0.1%3A5000%2Fa.html'))).toEqual({
      page: '/popup.html',
      tabFor: 'http://127.0.0.1:5000/a.html',
    });
    expect(parseOpenRequest(hook('page=%2Freader.html%3Fid%3D3', 'http://localhost:9'))).toEqual({
      page: '/reader.html?id=3',
      tabFor: null,
    });
  });

  it('ignores every other address, and pages that are not plain extension pages', () => {
    for (const address of [
      'http://127.0.0.1:4000/pages/a.html',
      `https://example.com${E2E_OPEN_PATH}?page=%2Fpopup.html`,
      `https://127.0.0.1${E2E_OPEN_PATH}?page=%2Fpopup.html`,
      hook('page=https%3A%2F%2Fevil.example%2F'),
      hook('page=%2F%2Fevil.example%2Fa.html'),
      hook('page=%2F..%2Fa.html'),
      hook(''),
      'not a url',
    ]) {
      expect(parseOpenRequest(address), address).toBeNull();
    }
  });

  it('adds the tab id to the page query', () => {
    expect(pageWithTab('/popup.html', 7)).toBe('/popup.html?tabId=7');
    expect(pageWithTab('/reader.html?x=1', 7)).toBe('/reader.html?x=1&tabId=7');
    expect(pageWithTab('/library.html', undefined)).toBe('/library.html');
  });
});
