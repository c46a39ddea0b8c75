import { describe, expect, it } from 'vitest';
import { displayHost, formatPublished, formatReadingTime, usableLocales } from './format';

describe('formatPublished', () => {
  it('writes the date the way the article’s language does', () => {
    expect(formatPublished('2025-04-27T09:15:00+07:00', ['en-US'], 'Asia/Jakarta')).toBe('April 27, 2025');
    expect(formatPublished('2025-04-27T09:15:00+07:00', ['de'], 'Asia/Jakarta')).toBe('27. April 2025');
    expect(formatPublished('2025-04-27T09:15:00+07:00', ['ja'], 'Asia/Jakarta')).toBe('2025年4月27日');
  });

  it('never moves a bare calendar date to another day by time zone', () => {
    expect(formatPublished('2024-11-03', ['en-GB'], 'America/Los_Angeles')).toBe('3 November 2024');
    expect(formatPublished('2024-11-03', ['en-GB'], 'Pacific/Kiritimati')).toBe('3 November 2024');
  });

  it('gives null for a missing or unreadable date', () => {
    expect(formatPublished(null, ['en'])).toBeNull();
    expect(formatPublished('', ['en'])).toBeNull();
    expect(formatPublished('last Tuesday', ['en'])).toBeNull();
  });
});

describe('usableLocales', () => {
  it('keeps well-formed tags in order, fixes underscores, drops junk and repeats', () => {
    expect(usableLocales('id_ID', null, 'not a tag!', 'en-GB', 'id-ID')).toEqual(['id-ID', 'en-GB']);
  });
});

describe('formatReadingTime', () => {
  it('says minutes, and something sensible under one', () => {
    expect(formatReadingTime(3)).toBe('3 min read');
    expect(formatReadingTime(0)).toBe('Under 1 min read');
  });
});

describe('displayHost', () => {
  it('shows the host without www', () => {
    expect(displayHost('https://www.news.example/a/b')).toBe('news.example');
    expect(displayHost('not a url')).toBeNull();
  });
});
