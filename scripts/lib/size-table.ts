/** The bundle-size table `check-bundle-size` and `bench:size` print. */
import { kb, type EntryCost } from './bundle-size';
import { formatTable } from './table';

export function sizeTable(entries: EntryCost[]): string {
  return formatTable(
    ['entry', 'JS', 'CSS', 'HTML', 'minified', 'gzipped', 'budget', 'status', 'lazy (not counted)'],
    entries.map((e) => [
      e.name,
      kb(e.js),
      kb(e.css),
      kb(e.html),
      kb(e.total),
      kb(e.gzip),
      e.budget === undefined ? null : `<= ${kb(e.budget)}`,
      e.withinBudget === undefined ? null : e.withinBudget ? 'met' : 'OVER',
      e.lazyBytes ? kb(e.lazyBytes) : null,
    ]),
  );
}
