import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  FONT_SIZE,
  loadSettings,
  normalizeSettings,
  saveSettings,
  stepValue,
  watchSettings,
  type ReaderSettings,
} from './settings';

const custom: ReaderSettings = { ...DEFAULT_SETTINGS, theme: 'sepia', font: 'legible', fontSize: 21, align: 'justify' };

describe('reading settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gives the defaults when nothing was stored', async () => {
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, area: 'sync' });
  });

  it('stores settings in storage.sync, with the item version, and reads them back', async () => {
    expect(await saveSettings(custom)).toEqual({ area: 'sync' });
    const raw = await fakeBrowser.storage.sync.get(['settings', 'settings$']);
    expect(raw.settings).toEqual(custom);
    expect(raw.settings$).toEqual({ v: 1 });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({ settings: undefined });
    expect(await loadSettings()).toEqual({ settings: custom, area: 'sync' });
  });

  it('falls back to storage.local when sync refuses the write over its quota, and says so', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    const result = await saveSettings(custom);
    expect(result).toMatchObject({ area: 'local', reason: 'quota' });
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(custom);
    expect(await loadSettings()).toEqual({ settings: custom, area: 'local' });
  });

  it('keeps a value larger than sync allows per item on this device without trying sync', async () => {
    const sync = fakeBrowser.storage.sync as unknown as { QUOTA_BYTES_PER_ITEM: number };
    const quota = sync.QUOTA_BYTES_PER_ITEM;
    sync.QUOTA_BYTES_PER_ITEM = 64;
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    try {
      expect(await saveSettings({ ...custom, voice: 'urn:voice:'.padEnd(150, 'x') })).toMatchObject({
        area: 'local',
        reason: 'quota',
      });
      expect(set).not.toHaveBeenCalled();
    } finally {
      sync.QUOTA_BYTES_PER_ITEM = quota;
    }
  });

  it('returns to sync once sync accepts a write again, dropping the local copy', async () => {
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('Sync is disabled'));
    expect(await saveSettings(custom)).toMatchObject({ area: 'local', reason: 'refused' });
    set.mockRestore();
    const next = { ...custom, fontSize: 22 };
    expect(await saveSettings(next)).toEqual({ area: 'sync' });
    expect(await loadSettings()).toEqual({ settings: next, area: 'sync' });
  });

  it('repairs values written by another version: unknown choices, out-of-range numbers, junk', () => {
    expect(
      normalizeSettings({ theme: 'neon', font: 'comic', fontSize: 99, lineHeight: 'tall', width: 10, extra: 1 }),
    ).toEqual({ ...DEFAULT_SETTINGS, fontSize: FONT_SIZE.max, width: 45 });
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('tells every page when the settings change elsewhere (another reader, the side panel)', async () => {
    const seen: ReaderSettings[] = [];
    const stop = watchSettings((s) => seen.push(s));
    await saveSettings(custom);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(custom));
    stop();
  });

  it('steps sizes within their range without floating-point dust', () => {
    expect(stepValue(18, FONT_SIZE, 1)).toBe(19);
    expect(stepValue(28, FONT_SIZE, 1)).toBe(28);
    expect(stepValue(1.7, { min: 1.3, max: 2.1, step: 0.1 }, 1)).toBe(1.8);
  });
});
