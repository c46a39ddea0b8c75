/**
 * The reader's keys, defined once: the handler and the help overlay (`?`) both read this list.
 * Single keys without modifiers, ignored while typing in a field, so they never fight the browser's
 * or the page's own shortcuts.
 */
import type { MessageKey } from '@/utils/i18n';

export type ReaderAction =
  'bigger' | 'smaller' | 'theme' | 'save' | 'listen' | 'contents' | 'settings' | 'help' | 'close';

export interface KeyBinding {
  action: ReaderAction;
  /** `KeyboardEvent.key` values; the first is the one shown. */
  keys: string[];
  label: MessageKey;
}

export const KEY_BINDINGS: KeyBinding[] = [
  { action: 'bigger', keys: ['+', '='], label: 'keyBigger' },
  { action: 'smaller', keys: ['-', '_'], label: 'keySmaller' },
  { action: 'theme', keys: ['t', 'T'], label: 'keyTheme' },
  { action: 'settings', keys: ['a', 'A'], label: 'keySettings' },
  { action: 'listen', keys: ['l', 'L'], label: 'keyListen' },
  { action: 'contents', keys: ['c', 'C'], label: 'keyContents' },
  { action: 'save', keys: ['s', 'S'], label: 'keySave' },
  { action: 'help', keys: ['?'], label: 'keyHelp' },
  { action: 'close', keys: ['Escape'], label: 'keyClose' },
];

/** The action for a key press, or null when the key is not ours or the user is typing. */
export function actionFor(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
): ReaderAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const target = event.target as HTMLElement | null;
  if (
    event.key !== 'Escape' &&
    target &&
    typeof target.closest === 'function' &&
    target.closest(
      'input:not([type="range"]):not([type="radio"]), textarea, select, [contenteditable=""], [contenteditable="true"]',
    )
  ) {
    return null;
  }
  return KEY_BINDINGS.find((b) => b.keys.includes(event.key))?.action ?? null;
}
