import { describe, expect, it } from 'vitest';
import { isTrackingParam, normalizeUrl, titleFromUrl } from '../url';

describe('normalizeUrl', () => {
  it('drops utm_* and click ids but keeps the parameters that choose the article', () => {
    expect(normalizeUrl('https://daily.example.net/story?id=4412&utm_source=newsletter&utm_medium=email')).toBe(
      'https://daily.example.net/story?id=4412',
    );
    expect(normalizeUrl('https://daily.example.net/story?fbclid=IwAR0abc&p=2')).toBe(
      'https://daily.example.net/story?p=2',
    );
    expect(normalizeUrl('https://daily.example.net/story?gclid=Cj0KCQ&UTM_Campaign=x')).toBe(
      'https://daily.example.net/story',
    );
  });

  it('drops the fragment and a trailing slash, and lower-cases the host', () => {
    expect(normalizeUrl('https://News.Example.org/2024/ferry/#comments')).toBe('https://news.example.org/2024/ferry');
    expect(normalizeUrl('https://news.example.org/2024/ferry//')).toBe('https://news.example.org/2024/ferry');
    expect(normalizeUrl('https://news.example.org/')).toBe('https://news.example.org/');
    expect(normalizeUrl('https://news.example.org:443/a')).toBe('https://news.example.org/a');
  });

  it('gives one key for the variants of one article and different keys for different articles', () => {
    const variants = [
      'https://news.example.org/a/story/',
      'https://news.example.org/a/story#top',
      'https://news.example.org/a/story?utm_source=x',
      'https://NEWS.example.org/a/story/?fbclid=1#p3',
    ];
    expect(new Set(variants.map(normalizeUrl)).size).toBe(1);
    expect(normalizeUrl('https://news.example.org/a/story?page=2')).not.toBe(
      normalizeUrl('https://news.example.org/a/story'),
    );
    expect(normalizeUrl('https://news.example.org/a/story?id=1')).not.toBe(
      normalizeUrl('https://news.example.org/a/story?id=2'),
    );
  });

  it('keeps the query as the site wrote it (no re-encoding)', () => {
    expect(normalizeUrl('https://search.example.org/q?term=a%20b&utm_term=c')).toBe(
      'https://search.example.org/q?term=a%20b',
    );
  });

  it('returns a string that is not a URL trimmed, so it still dedupes against itself', () => {
    expect(normalizeUrl('  not a url ')).toBe('not a url');
  });

  it('knows the tracking parameters case-insensitively', () => {
    expect(isTrackingParam('utm_content')).toBe(true);
    expect(isTrackingParam('FBCLID')).toBe(true);
    expect(isTrackingParam('id')).toBe(false);
    expect(isTrackingParam('utmost')).toBe(false);
  });
});

describe('titleFromUrl', () => {
  it('makes a readable stand-in title from the host and last path segment', () => {
    expect(titleFromUrl('https://www.example.org/news/harbour-ferry_timetable.html')).toBe(
      'example.org: harbour ferry timetable',
    );
    expect(titleFromUrl('https://example.org/')).toBe('example.org');
    expect(titleFromUrl('https://example.org/caf%C3%A9-menu')).toBe('example.org: café menu');
  });
});
