/**
 * Every string the UI shows goes through `t()`: the browser's own i18n (`public/_locales/<lang>/
 * messages.json`), which picks the catalogue from the browser's language, English by default.
 *
 * When `browser.i18n` cannot answer (unit tests under the fake browser, or a key missing from a
 * catalogue, where Chrome returns ''), the English catalogue is used, so a gap shows English rather than
 * an empty button. A test checks that every catalogue has every key.
 *
 * Plurals: the messages format has none, so a counted message has `_one` and `_other` variants chosen
 * with `Intl.PluralRules` in the UI's language (Indonesian uses `_other` only).
 */
import type en from '@/public/_locales/en/messages.json';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
export type MessageKey = keyof typeof en;

/**
 * The English catalogue arrives by dynamic import, apart from every page's start-up script (33 KB, the
 * largest part of the popup's; issue 8's budget): in the extension the browser's i18n answers every key
 * itself, so the catalogue is only the fallback. Under the fake browser (unit tests) it is the only
 * source, so there the module waits for it before anything renders. (Loaded on use, not at import, so a
 * bundle that imports this module but never calls `t()`, the background, leaves it out.)
 */
let EN: Catalogue = {};
let loading: Promise<void> | undefined;
/** Loads the fallback catalogue, once: on the first key the browser cannot answer. */
export function loadEnglish(): Promise<void> {
  return (loading ??= import('@/public/_locales/en/messages.json').then((m) => {
    EN = m.default as Catalogue;
  }));
}
if (import.meta.env?.MODE === 'test') await loadEnglish();

function fromBrowser(key: string, substitutions?: string[]): string {
  try {
    return browser.i18n.getMessage(key as never, substitutions) ?? '';
  } catch {
    return '';
  }
}

/** `$1`…`$9` and `$NAME$` placeholders filled the way the browser fills them. */
export function format(entry: Catalogue[string] | undefined, substitutions: string[] = []): string {
  if (!entry) return '';
  const named = entry.placeholders ?? {};
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const placeholder = named[name.toLowerCase()];
      return placeholder ? fill(placeholder.content) : whole;
    })
    .replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '')
    .replace(/\$\$/g, '$');
}

/** The UI string `key`, in the browser's language. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const subs = substitutions.map(String);
  const answer = fromBrowser(key, subs);
  if (answer) return answer;
  void loadEnglish();
  return format(EN[key], subs);
}

/** The language the UI's strings are in ('en', 'id'): its catalogue says so in the `lang` message. */
export function uiLang(): string {
  return t('lang');
}

/**
 * A counted message: `key_one` or `key_other` by the UI language's plural rules, with `count` as $1
 * (formatted for the UI language) and any further substitutions as $2, $3...
 */
export function plural(key: string, count: number, ...more: Array<string | number>): string {
  const rule = new Intl.PluralRules(uiLang()).select(count);
  // The browser is asked first: the fallback catalogue may still be on its way.
  const hasOne = rule === 'one' && (fromBrowser(`${key}_one`) !== '' || `${key}_one` in EN);
  const form = (hasOne ? `${key}_one` : `${key}_other`) as MessageKey;
  return t(form, new Intl.NumberFormat(uiLang()).format(count), ...more);
}
