/**
 * Formatting for the reader's header. Dates use `Intl` in the article's language when the runtime
 * knows it (the date sits inside the article, next to its text), else in the browser's.
 */

import { t, uiLang } from '@/utils/i18n';

/** The language the UI's strings are in (the browser's i18n picks the catalogue: 'en' or 'id'). */
export const UI_LANG = uiLang();
/** Its direction: set with UI_LANG, so UI words inside a right-to-left article keep their order. */
export const UI_DIR = t('dir') === 'rtl' ? 'rtl' : 'ltr';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Locales to try, most wanted first, with malformed tags dropped (Intl throws on them). */
export function usableLocales(...tags: Array<string | null | undefined>): string[] {
  const out: string[] = [];
  for (const tag of tags) {
    if (!tag) continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(tag.replace(/_/g, '-'));
      if (canonical && !out.includes(canonical)) out.push(canonical);
    } catch {
      /* a page's lang attribute can hold anything */
    }
  }
  return out;
}

/**
 * "27 April 2025" (or the locale's way of writing it), or null for a missing or unreadable date.
 * A bare date (`2025-04-27`) is a calendar day, not a UTC instant, so it is never shifted by time zone.
 */
export function formatPublished(iso: string | null | undefined, locales: string[], timeZone?: string): string | null {
  if (!iso) return null;
  const trimmed = iso.trim();
  const date = new Date(trimmed);
  if (Number.isNaN(date.getTime())) return null;
  const zone = DATE_ONLY.test(trimmed) ? 'UTC' : timeZone;
  return new Intl.DateTimeFormat(locales, { dateStyle: 'long', ...(zone ? { timeZone: zone } : {}) }).format(date);
}

/** "3 min read"; "Under 1 min read" for a very short text. */
export function formatReadingTime(minutes: number): string {
  if (minutes < 1) return t('readingTimeUnder');
  return t('readingTime', new Intl.NumberFormat(UI_LANG).format(minutes));
}

/** The host a link points to, without `www.`, for "from example.org". */
export function displayHost(url: string): string | null {
  try {
    const host = new URL(url).hostname;
    return host ? host.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}
