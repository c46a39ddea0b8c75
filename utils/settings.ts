/**
 * The reading settings: one definition, one set of defaults, stored in `storage.sync` so they follow
 * the user to every browser they sign in to.
 *
 * `storage.sync` is small and can refuse a write (item or total quota, writes per minute, sync turned
 * off by policy). Then the settings are kept in `storage.local` instead, and `saveSettings` says so:
 * the reader shows "saved on this device only". A later write that sync accepts clears the local copy.
 */
import { storage } from 'wxt/utils/storage';
import { syncItemQuotaBytes } from './platform';

export const THEMES = ['auto', 'light', 'sepia', 'dark', 'contrast'] as const;
export const FONTS = ['serif', 'sans', 'mono', 'legible'] as const;
export const ALIGNS = ['start', 'justify'] as const;

export type Theme = (typeof THEMES)[number];
export type FontChoice = (typeof FONTS)[number];
export type Align = (typeof ALIGNS)[number];

export interface ReaderSettings {
  theme: Theme;
  font: FontChoice;
  /** Body text size in CSS pixels. */
  fontSize: number;
  /** Unitless line height. */
  lineHeight: number;
  /** The column's measure in `ch` of the body font. */
  width: number;
  align: Align;
  /** Speech rate for "Listen" (1 = the voice's normal speed). */
  speechRate: number;
  /** The voice last chosen (`voiceURI`); used only when it speaks the article's language. */
  voice: string | null;
}

/** A setting's range and step; the keyboard and the sliders both move by `step`. */
export interface Range {
  min: number;
  max: number;
  step: number;
}

export const FONT_SIZE: Range = { min: 14, max: 28, step: 1 };
export const LINE_HEIGHT: Range = { min: 1.3, max: 2.1, step: 0.1 };
export const WIDTH: Range = { min: 45, max: 90, step: 5 };
export const SPEECH_RATE: Range = { min: 0.5, max: 2.5, step: 0.25 };

export const DEFAULT_SETTINGS: Readonly<ReaderSettings> = Object.freeze({
  theme: 'auto',
  font: 'serif',
  fontSize: 18,
  lineHeight: 1.7,
  width: 65,
  align: 'start',
  speechRate: 1,
  voice: null,
});

/** Bump with a migration when the stored shape changes; a failed migration throws (WXT's default). */
const VERSION = 1;

export const settingsItem = storage.defineItem<ReaderSettings>('sync:settings', {
  version: VERSION,
  fallback: DEFAULT_SETTINGS,
  // Keyed by the version they migrate to, e.g. `2: (v1) => ({ ...v1, newField })`.
  migrations: {},
});

/** Where the settings went when sync refused them. */
export const localSettingsItem = storage.defineItem<ReaderSettings | null>('local:settings', { fallback: null });

export type SaveResult = { area: 'sync' } | { area: 'local'; reason: 'quota' | 'refused'; detail: string };

/**
 * Any stored value (another device may run an older or newer version) made into valid settings:
 * unknown keys dropped, out-of-range numbers clamped, unknown choices replaced by the default.
 */
export function normalizeSettings(raw: unknown): ReaderSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  return {
    theme: oneOf(value.theme, THEMES, d.theme),
    font: oneOf(value.font, FONTS, d.font),
    fontSize: inRange(value.fontSize, FONT_SIZE, d.fontSize),
    lineHeight: inRange(value.lineHeight, LINE_HEIGHT, d.lineHeight),
    width: inRange(value.width, WIDTH, d.width),
    align: oneOf(value.align, ALIGNS, d.align),
    speechRate: inRange(value.speechRate, SPEECH_RATE, d.speechRate),
    voice: typeof value.voice === 'string' && value.voice.length <= 200 ? value.voice : null,
  };
}

/** The settings in force: the local copy when sync refused the last write, else sync's. */
export async function loadSettings(): Promise<{ settings: ReaderSettings; area: 'sync' | 'local' }> {
  const local = await localSettingsItem.getValue().catch(() => null);
  if (local) return { settings: normalizeSettings(local), area: 'local' };
  const synced = await settingsItem.getValue().catch(() => DEFAULT_SETTINGS);
  return { settings: normalizeSettings(synced), area: 'sync' };
}

/** Stores `settings` in sync, or locally when sync cannot take them, and says which. */
export async function saveSettings(settings: ReaderSettings): Promise<SaveResult> {
  const value = normalizeSettings(settings);
  const bytes = byteLength('settings') + byteLength(JSON.stringify(value));
  let result: SaveResult;
  if (bytes > syncItemQuotaBytes()) {
    result = { area: 'local', reason: 'quota', detail: `${bytes} bytes is over sync's per-item limit` };
  } else {
    try {
      await settingsItem.setValue(value);
      await localSettingsItem.removeValue().catch(() => undefined);
      return { area: 'sync' };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      result = { area: 'local', reason: /quota|MAX_/i.test(detail) ? 'quota' : 'refused', detail };
    }
  }
  await localSettingsItem.setValue(value);
  return result;
}

/** Calls `onChange` when the settings change in any page (another reader, the side panel, sync). */
export function watchSettings(onChange: (settings: ReaderSettings) => void): () => void {
  const reload = () => void loadSettings().then(({ settings }) => onChange(settings));
  const unwatchSync = settingsItem.watch(reload);
  const unwatchLocal = localSettingsItem.watch(reload);
  return () => {
    unwatchSync();
    unwatchLocal();
  };
}

/** `value` moved by `steps` steps of `range`, kept inside it, without floating-point dust. */
export function stepValue(value: number, range: Range, steps: number): number {
  const next = Math.min(range.max, Math.max(range.min, value + steps * range.step));
  return Math.round(next * 100) / 100;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function inRange(value: unknown, range: Range, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(range.max, Math.max(range.min, value));
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
