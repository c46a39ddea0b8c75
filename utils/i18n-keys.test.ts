/**
 * The catalogues against the code that reads them: every key the code asks for exists (in English and
 * Indonesian, by the check in i18n.test.ts), every key is one the browser's i18n accepts, placeholders
 * agree between the languages, and no key sits in the catalogues unused.
 *
 * "Used" is read from the sources as text: a key is used where the code names it in quotes (`t('key')`,
 * a `Record<..., MessageKey>` of them), as `__MSG_key__` (manifest, CSS), or as the stem of a
 * `plural('key', n)` (`key_one`, `key_other`). A key built at run time from pieces would escape this
 * check, so the code writes keys out whole (components/library/transfer-text.ts shows how).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const read = (lang: string) =>
  JSON.parse(readFileSync(resolve(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8')) as Catalogue;
const en = read('en');
const id = read('id');

/** The folders whose code shows UI strings, and the config that writes the manifest. */
const SOURCE_DIRS = ['components', 'entrypoints', 'utils', 'hooks'];
const isSource = (name: string) => /\.(ts|tsx|css|html)$/.test(name) && !/\.test\.|test-helpers/.test(name);

function sourcesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesIn(path);
    return isSource(entry.name) ? [path] : [];
  });
}

const files = [...SOURCE_DIRS.flatMap((dir) => sourcesIn(resolve(ROOT, dir))), resolve(ROOT, 'wxt.config.ts')];
const code = files.map((file) => readFileSync(file, 'utf8')).join('\n');

const all = (pattern: RegExp) => [...code.matchAll(pattern)].map((m) => m[1]);
/** Keys named in a call or in the manifest, each of which must exist. */
const asked = {
  t: all(/\bt\(\s*['"`]([^'"`$]+)['"`]/g),
  plural: all(/\bplural\(\s*['"`]([^'"`$]+)['"`]/g),
  manifest: all(/__MSG_(\w+)__/g),
  getMessage: all(/getMessage\(\s*['"`]([^'"`$]+)['"`]/g),
};
const quoted = new Set(all(/['"`]([A-Za-z0-9_]+)['"`]/g));

/** `$NAME$` references in a message, lower-cased as the browser matches them. */
const references = (message: string) =>
  [...new Set([...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1].toLowerCase()))].sort().join();

describe('message keys and the code', () => {
  it('reads the code it checks (the scan finds the calls)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(asked.t.length).toBeGreaterThan(100);
    expect(asked.plural.length).toBeGreaterThan(3);
    expect(asked.manifest).toEqual(expect.arrayContaining(['extName', 'extDescription', 'commandOpenReader']));
  });

  it('names every key the way chrome.i18n accepts: letters, digits and underscores, unique ignoring case', () => {
    const bad = Object.keys(en).filter((key) => !/^[A-Za-z0-9_]+$/.test(key));
    expect(bad).toEqual([]);
    // The browser looks names up case-insensitively, so two keys that differ by case are one.
    const lower = Object.keys(en).map((key) => key.toLowerCase());
    expect(lower.filter((key, i) => lower.indexOf(key) !== i)).toEqual([]);
  });

  it('has every key the code asks for', () => {
    const missing = [
      ...asked.t.filter((key) => !(key in en)).map((key) => `t: ${key}`),
      ...asked.manifest.filter((key) => !(key in en)).map((key) => `__MSG_: ${key}`),
      ...asked.getMessage.filter((key) => !(key in en)).map((key) => `getMessage: ${key}`),
      ...asked.plural.filter((stem) => !(`${stem}_other` in en)).map((stem) => `plural: ${stem}_other`),
    ];
    expect(missing).toEqual([]);
  });

  it('gives each placeholder in both languages, used by the message, filled from the same substitution', () => {
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(en)) {
      const defined = Object.keys(entry.placeholders ?? {})
        .map((name) => name.toLowerCase())
        .sort()
        .join();
      if (references(entry.message) !== defined) problems.push(`en ${key}`);
      if (references(id[key].message) !== defined) problems.push(`id ${key}`);
      for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
        if (id[key].placeholders?.[name]?.content !== placeholder.content) problems.push(`id ${key} $${name}$`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no key the code never uses', () => {
    const stems = new Set(asked.plural);
    const used = (key: string) =>
      quoted.has(key) || asked.manifest.includes(key) || stems.has(key.replace(/_(one|other)$/, ''));
    expect(Object.keys(en).filter((key) => !used(key))).toEqual([]);
  });
});

describe('page titles', () => {
  it('writes no words in a page’s static <title>: HTML is not translated, so each page sets its title with t()', () => {
    const pages = readdirSync(resolve(ROOT, 'entrypoints'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => resolve(ROOT, 'entrypoints', entry.name, 'index.html'))
      .filter((path) => sourcesIn(dirname(path)).includes(path));
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const page of pages) {
      const title = /<title>([^<]*)<\/title>/.exec(readFileSync(page, 'utf8'))?.[1];
      expect(title, page).toBe(en.extName.message);
    }
  });
});
