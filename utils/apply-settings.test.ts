import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applySettings, followSettings, holdUnsavedChange } from './apply-settings';
import { DEFAULT_SETTINGS, saveSettings } from './settings';

/** Lets storage reads and the watchers' reloads settle. */
const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('followSettings', () => {
  let root: HTMLElement;
  let stop: () => void;

  beforeEach(async () => {
    fakeBrowser.reset();
    root = document.createElement('div');
    stop = followSettings(root);
    await settle();
  });
  afterEach(() => stop());

  it('applies the stored settings, and a change stored by another page', async () => {
    expect(root.dataset.theme).toBe(DEFAULT_SETTINGS.theme);
    await saveSettings({ ...DEFAULT_SETTINGS, theme: 'sepia', fontSize: 21 });
    await settle();
    expect(root.dataset.theme).toBe('sepia');
    expect(root.style.getPropertyValue('--reader-size')).toBe('21px');
  });

  it('does not put an older stored theme back over a newer choice not stored yet', async () => {
    // The reader chose dark, and dark is being stored; before its echo comes back, the reader picks
    // contrast (shown at once, stored a moment later, as useSettings does).
    const storing = saveSettings({ ...DEFAULT_SETTINGS, theme: 'dark' });
    holdUnsavedChange(root, true);
    applySettings(root, { ...DEFAULT_SETTINGS, theme: 'contrast' });
    await storing;
    await settle();
    expect(root.dataset.theme).toBe('contrast');
    // Once contrast is stored, the page follows storage again.
    await saveSettings({ ...DEFAULT_SETTINGS, theme: 'contrast' });
    holdUnsavedChange(root, false);
    await saveSettings({ ...DEFAULT_SETTINGS, theme: 'light' });
    await settle();
    expect(root.dataset.theme).toBe('light');
  });
});
