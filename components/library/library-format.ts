/** Wording for the library's rows: dates, counts and sizes, in the browser's languages. */
import { displayHost, formatReadingTime, usableLocales } from '../format';
import type { LibraryItem } from '@/lib/library';
import { uiLang } from '@/utils/i18n';

/** "3 Mar 2024", in the user's locale. */
export function formatSavedDate(ms: number, locales: readonly string[] = []): string {
  return new Intl.DateTimeFormat(usableLocales(...locales), { dateStyle: 'medium' }).format(new Date(ms));
}

/** The site to show for an item: its name, else its host. */
export function siteOf(item: Pick<LibraryItem, 'siteName' | 'url'>): string | null {
  return item.siteName?.trim() || displayHost(item.url);
}

/** "Reading time" for a row; nothing for a link whose page was never downloaded. */
export function readingTimeOf(item: Pick<LibraryItem, 'downloaded' | 'readingMinutes'>): string | null {
  return item.downloaded ? formatReadingTime(item.readingMinutes) : null;
}

/** "45%", as the UI's language writes it. */
export function formatPercent(fraction: number): string {
  return new Intl.NumberFormat(uiLang(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "12.3 MB" ("12,3 MB" in Indonesian): decimal units, as the browser's storage figures are. */
export function formatSize(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(uiLang(), {
    style: 'unit',
    unit: UNITS[unit],
    maximumFractionDigits: unit === 0 || value >= 100 ? 0 : 1,
  }).format(value);
}

/**
 * Locales for dates inside UI sentences ("Saved 3 Mar 2024"): the browser's languages that match the
 * UI's language (so en-GB keeps its day-month order), then the UI's language itself. A date must not
 * come out in English inside an Indonesian sentence because the browser also lists English.
 */
export function uiLocales(browserLanguages: readonly string[]): string[] {
  const lang = uiLang();
  const primary = (tag: string) => tag.split('-')[0].toLowerCase();
  return [...browserLanguages.filter((tag) => primary(tag) === primary(lang)), lang];
}
