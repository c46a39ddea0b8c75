import { describe, expect, it } from 'vitest';
import { restrictionFor, restrictionFromError, type RestrictionKind } from './restricted-url';

const kindOf = (url: string | undefined, fileAccess?: boolean) => restrictionFor(url, { fileAccess })?.kind ?? null;

describe('restrictionFor', () => {
  it.each<[string, RestrictionKind]>([
    ['chrome://settings/', 'browser-page'],
    ['chrome://newtab/', 'browser-page'],
    ['edge://favorites', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['about:reader?url=https%3A%2F%2Fexample.org%2F', 'browser-page'],
    ['brave://settings', 'browser-page'],
    ['chrome-untrusted://print/', 'browser-page'],
    ['devtools://devtools/bundled/inspector.html', 'browser-page'],
    ['data:text/html,<p>hi</p>', 'browser-page'],
    ['view-source:https://news.example.org/story', 'view-source'],
    ['VIEW-SOURCE:https://news.example.org/story', 'view-source'],
    ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html?tabId=4', 'extension-page'],
    ['moz-extension://1b2c3d4e-0000-4000-8000-123456789abc/popup.html', 'extension-page'],
    ['https://chromewebstore.google.com/detail/some-extension/abcdefghijklmnop', 'store'],
    ['https://chromewebstore.google.com/', 'store'],
    ['https://chrome.google.com/webstore/category/extensions', 'store'],
    ['https://chrome.google.com/webstore', 'store'],
    ['https://addons.mozilla.org/en-US/firefox/addon/some-addon/', 'store'],
    ['https://microsoftedge.microsoft.com/addons/detail/some-addon/abc', 'store'],
    ['https://reports.example.org/2024/annual-report.pdf', 'pdf'],
    ['https://reports.example.org/files/SCAN.PDF', 'pdf'],
    ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', 'pdf'],
    ['file:///home/reader/Documents/paper.pdf', 'pdf'],
  ])('%s is restricted as %s', (url, kind) => {
    expect(kindOf(url)).toBe(kind);
  });

  it.each([
    'https://news.example.org/2025/04/27/story.html',
    'http://127.0.0.1:8080/pages/seed/source.html',
    'https://chrome.google.com/intl/en/chrome/',
    'https://chrome.google.com/webstorefront-like-but-not',
    'https://google.com/webstore',
    'https://microsoftedge.microsoft.com/',
    'https://mozilla.org/addons',
    'https://blog.example.org/why-i-stopped-using-pdf-files',
    'https://example.org/report.pdf.html',
  ])('%s may be read', (url) => {
    expect(kindOf(url)).toBeNull();
  });

  it('leaves an unknown URL to the injection (no permission to see it yet)', () => {
    expect(kindOf(undefined)).toBeNull();
    expect(kindOf('')).toBeNull();
  });

  it('blocks file:// only when the user has not allowed file access', () => {
    expect(kindOf('file:///home/reader/saved/story.html', false)).toBe('file');
    expect(kindOf('file:///home/reader/saved/story.html', true)).toBeNull();
    // Firefox cannot tell: try, and let the refusal speak.
    expect(kindOf('file:///home/reader/saved/story.html', undefined)).toBeNull();
  });

  it('says why and what to do for every kind', () => {
    for (const url of [
      'chrome://settings',
      'view-source:https://a.example/',
      'chrome-extension://x/p.html',
      'https://addons.mozilla.org/',
      'https://a.example/x.pdf',
    ]) {
      const r = restrictionFor(url)!;
      expect(r.title.length).toBeGreaterThan(10);
      expect(r.detail.length).toBeGreaterThan(r.title.length);
    }
  });
});

describe('restrictionFromError', () => {
  it('reads Chromium refusals as restrictions, specific to the URL when it is known', () => {
    expect(restrictionFromError('chrome://version/', 'Cannot access a chrome:// URL')?.kind).toBe('browser-page');
    expect(
      restrictionFromError(
        'file:///tmp/story.html',
        'Cannot access contents of url "file:///tmp/story.html". Extension manifest must request permission to access this host.',
      )?.kind,
    ).toBe('file');
    expect(
      restrictionFromError(
        undefined,
        'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
      )?.kind,
    ).toBe('no-access');
    expect(restrictionFromError('https://news.example.org/a', 'Missing host permission for the tab')?.kind).toBe(
      'no-access',
    );
    expect(restrictionFromError(undefined, 'The extensions gallery cannot be scripted.')?.kind).toBe('no-access');
  });

  it('leaves other failures to the "something went wrong" state', () => {
    expect(restrictionFromError('https://news.example.org/a', 'No tab with id: 41.')).toBeNull();
    expect(restrictionFromError('https://news.example.org/a', 'Frame with ID 0 was removed.')).toBeNull();
  });
});
