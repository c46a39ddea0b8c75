/** Wording for the library's rows: dates, counts and sizes, in the browser's languages. */
import { displayHost, formatReadingTime, usableLocales } from '../format';
import type { LibraryItem } from '@/lib/library';

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

/** "1 article", "12 articles". */
export function countLabel(n: number, one: string, many: string): string {
  return `${new Intl.NumberFormat('en').format(n)} ${n === 1 ? one : many}`;
}
