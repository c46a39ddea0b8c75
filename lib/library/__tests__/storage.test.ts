import { describe, expect, it } from 'vitest';
import { estimateStorage, formatBytes } from '../storage';

describe('estimateStorage', () => {
  it('returns usage and quota when the runtime estimates them', async () => {
    expect(await estimateStorage({ estimate: async () => ({ usage: 12_345_678, quota: 1e10 }) })).toEqual({
      usage: 12_345_678,
      quota: 1e10,
    });
  });

  it('returns null without an estimator, with an incomplete answer, or when it fails', async () => {
    expect(await estimateStorage(undefined)).toBeNull();
    expect(await estimateStorage({ estimate: async () => ({ quota: 5 }) })).toBeNull();
    expect(await estimateStorage({ estimate: () => Promise.reject(new Error('blocked')) })).toBeNull();
  });
});

describe('formatBytes', () => {
  it('writes sizes in decimal units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(12_345_678)).toBe('12.3 MB');
    expect(formatBytes(250_000_000_000)).toBe('250 GB');
  });
});
