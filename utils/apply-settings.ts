/**
 * Reading settings become CSS on the page's root element: `data-theme` (the palettes live in
 * entrypoints/popup/themes.css), `data-align`, and custom properties the reader's styles read. One
 * function, so the popup, the tab, the side panel and the saved-article reader look the same.
 */
import { MARKS, mark } from './perf-marks';
import { loadSettings, watchSettings, type FontChoice, type ReaderSettings } from './settings';

/** The font stacks behind each choice (the families are declared in entrypoints/popup/style.css). */
const FONT_VARS: Record<FontChoice, string> = {
  serif: 'var(--serif)',
  sans: 'var(--sans)',
  mono: 'var(--mono)',
  legible: 'var(--legible)',
};

export function applySettings(root: HTMLElement, settings: ReaderSettings): void {
  root.dataset.theme = settings.theme;
  root.dataset.align = settings.align;
  root.dataset.font = settings.font;
  root.style.setProperty('--reader-font', FONT_VARS[settings.font]);
  root.style.setProperty('--reader-size', `${settings.fontSize}px`);
  root.style.setProperty('--reader-leading', String(settings.lineHeight));
  root.style.setProperty('--reader-measure', `${settings.width}ch`);
}

/**
 * Applies the stored settings as soon as they are read, and whenever they change (in any page, or from
 * sync). Nothing waits for them: the page renders with the defaults meanwhile. `bench:popup` checks,
 * with the `settings` mark, that they arrive before anything is painted in them (no flash of a theme).
 */
export function followSettings(root: HTMLElement): () => void {
  let stopped = false;
  void loadSettings().then(({ settings }) => {
    if (stopped) return;
    applySettings(root, settings);
    mark(MARKS.settings);
  });
  const unwatch = watchSettings((settings) => applySettings(root, settings));
  return () => {
    stopped = true;
    unwatch();
  };
}
