import { useEffect, useRef, useState } from 'preact/hooks';
import { applySettings, holdUnsavedChange } from '@/utils/apply-settings';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  saveSettings,
  watchSettings,
  type ReaderSettings,
  type SaveResult,
} from '@/utils/settings';

/** Writes wait this long after the last change: a dragged slider must not spend sync's 120 writes a minute. */
const SAVE_DELAY_MS = 400;

export interface SettingsState {
  settings: ReaderSettings;
  /** Applies a change at once and stores it shortly after. */
  update: (change: Partial<ReaderSettings>) => void;
  /** Where the last write went: `local` means sync refused it (the panel says so). */
  saved: SaveResult | null;
}

/** The reading settings for a component that shows or changes them; the page follows them live. */
export function useSettings(root: HTMLElement = document.documentElement): SettingsState {
  const [settings, setSettings] = useState<ReaderSettings>(DEFAULT_SETTINGS);
  const [saved, setSaved] = useState<SaveResult | null>(null);
  const latest = useRef(settings);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let current = true;
    const take = (next: ReaderSettings) => {
      if (!current || timer.current !== undefined) return; // a change of ours is still on its way
      latest.current = next;
      setSettings(next);
      applySettings(root, next);
    };
    void loadSettings().then(({ settings: s, area }) => {
      take(s);
      if (current && area === 'local') setSaved({ area: 'local', reason: 'refused', detail: '' });
    });
    const unwatch = watchSettings(take);
    return () => {
      current = false;
      unwatch();
      if (timer.current !== undefined) {
        clearTimeout(timer.current);
        timer.current = undefined;
        void saveSettings(latest.current).finally(() => holdUnsavedChange(root, false));
      }
    };
  }, [root]);

  const update = (change: Partial<ReaderSettings>) => {
    const next = { ...latest.current, ...change };
    latest.current = next;
    setSettings(next);
    applySettings(root, next);
    holdUnsavedChange(root, true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void saveSettings(latest.current)
        .then(setSaved)
        .finally(() => {
          // A newer change started its own wait meanwhile: the hold is its now.
          if (timer.current === undefined) holdUnsavedChange(root, false);
        });
    }, SAVE_DELAY_MS);
  };

  return { settings, update, saved };
}
