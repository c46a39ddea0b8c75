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
 * Roots showing a change made in this page that is not stored yet (`useSettings` writes a moment after
 * the last change). Until it is, what storage says is older than what the reader sees: the echo of the
 * previous write, arriving after a newer choice, would put the older theme back for a moment.
 */
const unsaved = new WeakSet<HTMLElement>();

/** `useSettings` marks its root while a change of its own is on its way to storage. */
export function holdUnsavedChange(root: HTMLElement, held: boolean): void {
  if (held) unsaved.add(root);
  else unsaved.delete(root);
}

/**
 * Applies the stored settings as soon as they are read, and whenever they change (in any page, or from
 * sync), except over a change of this page's own not stored yet. Nothing waits for them: the page
 * renders with the defaults meanwhile. `bench:popup` checks, with the `settings` mark, that they arrive
 * before anything is painted in them (no flash of a theme).
 */
export function followSettings(root: HTMLElement): () => void {
  let stopped = false;
  const follow = (settings: ReaderSettings) => {
    if (!unsaved.has(root)) applySettings(root, settings);
  };
  void loadSettings().then(({ settings }) => {
    if (stopped) return;
    follow(settings);
    mark(MARKS.settings);
  });
  const unwatch = watchSettings(follow);
  return () => {
    stopped = true;
    unwatch();
  };
}
