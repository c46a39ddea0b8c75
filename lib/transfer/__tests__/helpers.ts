/** Shared by the transfer tests: fixtures from disk, a jsdom window, and the whole of an import. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { importAll, type ImportResult } from '../import';
import type { ImportItem, ImportWindow } from '../types';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'tests', 'fixtures', 'transfer');

/** A fixture's bytes. A missing file throws, so no test passes without its input. */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export function jsdomWindow(): ImportWindow {
  return new JSDOM('<!doctype html><html><body></body></html>').window as unknown as ImportWindow;
}

export const win = jsdomWindow();

/** Imports a fixture by name (the name is also the file name the importer sees). */
export function importFixture(name: string, options: { schemaVersion?: number } = {}): Promise<ImportResult> {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return importAll(base, fixture(name), { win, ...options });
}

/** The item for `url`, failing the test when it is absent. */
export function itemFor(items: ImportItem[], url: string): ImportItem {
  const found = items.find((item) => item.url === url);
  if (!found) throw new Error(`no item for ${url}; have ${items.map((i) => i.url).join(', ')}`);
  return found;
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
