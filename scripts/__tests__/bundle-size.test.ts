/**
 * The bundle-size measurement on a small build laid out as WXT writes one: the budgets in `npm test`
 * are only as good as the way an entry's files are found.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlReferences, jsImports, measureEntries } from '../lib/bundle-size';

const files: Record<string, string> = {
  'popup.html':
    '<!DOCTYPE html><html><head><script type="module" crossorigin src="/chunks/popup-A.js"></script>' +
    '<link rel="modulepreload" crossorigin href="/chunks/shared-B.js">' +
    '<link rel="stylesheet" crossorigin href="/assets/shared-C.css"><link rel="icon" href="/icon/16.png"></head>' +
    '<body><div id="app"></div></body></html>',
  'library.html': '<!DOCTYPE html><html><head><script type="module" src="/chunks/library-D.js"></script></head></html>',
  'chunks/popup-A.js': 'import{a as e,b as t}from"./shared-B.js";import"./side-E.js";const n=()=>import("./lazy-F.js");e(t,n);',
  'chunks/shared-B.js': 'function a(){}function b(){}export{a,b};',
  'chunks/side-E.js': 'globalThis.x=1;',
  'chunks/lazy-F.js': 'import{a}from"./shared-B.js";import"./lazy-dep-G.js";export default a;',
  'chunks/lazy-dep-G.js': 'export const g=1;',
  'chunks/library-D.js': 'export*from"./shared-B.js";',
  'assets/shared-C.css': '@font-face{font-family:x;src:url(/assets/font-H.woff2)}body{margin:0}',
  'assets/font-H.woff2': 'x'.repeat(5000),
  'icon/16.png': 'x'.repeat(300),
  'extract.js': 'var extract=(function(){return 1})();',
};

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bundle-size-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (...paths: string[]) => paths.reduce((n, p) => n + Buffer.byteLength(files[p]), 0);

describe('measureEntries', () => {
  it('counts an HTML entry with its scripts, static imports and stylesheets, not fonts, icons or lazy chunks', () => {
    const [popup] = measureEntries(dir, [{ name: 'popup', file: 'popup.html', budget: 10_000 }]);
    expect(popup.files.map((f) => f.file).sort()).toEqual(
      ['assets/shared-C.css', 'chunks/popup-A.js', 'chunks/shared-B.js', 'chunks/side-E.js', 'popup.html'].sort(),
    );
    expect(popup.js).toBe(bytes('chunks/popup-A.js', 'chunks/shared-B.js', 'chunks/side-E.js'));
    expect(popup.css).toBe(bytes('assets/shared-C.css'));
    expect(popup.html).toBe(bytes('popup.html'));
    expect(popup.total).toBe(popup.js + popup.css + popup.html);
    // The lazy chunk and what only it imports are listed apart; the shared chunk is already loaded.
    expect(popup.lazy.map((f) => f.file).sort()).toEqual(['chunks/lazy-F.js', 'chunks/lazy-dep-G.js']);
    expect(popup.lazyBytes).toBe(bytes('chunks/lazy-F.js', 'chunks/lazy-dep-G.js'));
    expect(popup.gzip).toBe(popup.files.reduce((n, f) => n + gzipSync(files[f.file], { level: 9 }).length, 0));
    expect(popup.withinBudget).toBe(true);
  });

  it('counts a shared chunk for every entry that loads it, including through `export * from`', () => {
    const [popup, library] = measureEntries(dir, [
      { name: 'popup', file: 'popup.html' },
      { name: 'library', file: 'library.html' },
    ]);
    expect(popup.files.some((f) => f.file === 'chunks/shared-B.js')).toBe(true);
    expect(library.files.map((f) => f.file).sort()).toEqual(['chunks/library-D.js', 'chunks/shared-B.js', 'library.html']);
  });

  it('reports an entry over its budget, and none for an entry without one', () => {
    const [script, popup] = measureEntries(dir, [
      { name: 'script', file: 'extract.js', budget: 10 },
      { name: 'popup', file: 'popup.html' },
    ]);
    expect(script.total).toBe(bytes('extract.js'));
    expect(script.withinBudget).toBe(false);
    expect(popup.withinBudget).toBeUndefined();
  });

  it('throws when the build is missing, so the check cannot pass without its input', () => {
    expect(() => measureEntries(join(dir, 'nothing-here'), [{ name: 'popup', file: 'popup.html' }])).toThrow(/missing/);
  });
});

describe('import scanning', () => {
  it('reads minified static and dynamic imports relative to the importing file', () => {
    expect(jsImports('import{x as y}from"./a.js";import"../b.js";export{z}from"./c.js";import("./d.js")', 'chunks/m.js')).toEqual({
      static: ['chunks/a.js', 'b.js', 'chunks/c.js'],
      dynamic: ['chunks/d.js'],
    });
  });

  it('ignores bare and absolute-URL specifiers and external links', () => {
    expect(jsImports('import"preact";import x from"https://cdn.example/x.js"', 'm.js')).toEqual({ static: [], dynamic: [] });
    expect(htmlReferences('<link rel="stylesheet" href="https://fonts.example/a.css"><script src="/a.js"></script>')).toEqual(['a.js']);
  });
});
