/**
 * What each part of the built extension costs to load: the bytes of every file an entry loads at
 * start, minified (as the production build writes them) and gzipped, fonts and images excluded.
 *
 * An entry is an HTML page (its module script, module preloads and stylesheets) or a script file. From
 * each JavaScript file the static imports are followed, so a shared chunk counts for every entry that
 * loads it. Dynamic `import()`s are not loaded at start: they are listed as the entry's lazy bytes,
 * beside the total, and do not count against a budget.
 *
 * "KB" is 1,000 bytes, as Vite and WXT print sizes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EntrySpec {
  name: string;
  /** The entry's file in the output directory: `popup.html`, `extract.js`. */
  file: string;
  /** Most bytes (minified, JS + CSS + HTML) the entry may load at start. */
  budget?: number;
}

export interface FileCost {
  file: string;
  kind: 'js' | 'css' | 'html';
  bytes: number;
  gzip: number;
}

export interface EntryCost {
  name: string;
  file: string;
  /** Files loaded at start, the entry first. */
  files: FileCost[];
  js: number;
  css: number;
  html: number;
  /** js + css + html, minified. */
  total: number;
  /** Sum of each file's gzipped size. */
  gzip: number;
  /** Files reached only through dynamic `import()` (not counted in `total`). */
  lazy: FileCost[];
  lazyBytes: number;
  budget?: number;
  /** False when `total` exceeds the budget; absent without a budget. */
  withinBudget?: boolean;
}

/** The entries issue 8 names: the injected script, popup, reader, library and background. */
export const EXTENSION_ENTRIES: EntrySpec[] = [
  { name: 'injected script (extract)', file: 'extract.js', budget: 60_000 },
  // What Chrome's background service worker injects for "save for later": it has no DOM to sanitise
  // with, so DOMPurify stays in the page there. Never on the reader's path.
  { name: 'injected script, background save', file: 'extract-sanitized.js' },
  { name: 'popup', file: 'popup.html', budget: 80_000 },
  { name: 'reader', file: 'reader.html' },
  { name: 'library', file: 'library.html' },
  { name: 'background', file: 'background.js' },
];

const FONT_OR_IMAGE = /\.(?:woff2?|ttf|otf|eot|png|jpe?g|gif|webp|avif|svg|ico)$/i;

/** Measures each entry in `outDir`; throws when an entry's file (or a file it loads) is missing. */
export function measureEntries(outDir: string, entries: EntrySpec[] = EXTENSION_ENTRIES): EntryCost[] {
  const load = (file: string): Buffer => {
    const path = posix.join(outDir, file);
    if (!existsSync(path)) throw new Error(`${file} is missing from ${outDir}: build the extension first`);
    return readFileSync(path);
  };
  const cache = new Map<string, FileCost>();
  const cost = (file: string): FileCost => {
    let c = cache.get(file);
    if (!c) {
      const data = load(file);
      c = { file, kind: kindOf(file), bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
      cache.set(file, c);
    }
    return c;
  };
  const read = (file: string) => load(file).toString('utf8');

  return entries.map((spec) => {
    const start = spec.file.endsWith('.html') ? [spec.file, ...htmlReferences(read(spec.file))] : [spec.file];
    const loaded = closure(start, read);
    const lazyRoots = [...loaded].flatMap((f) => (f.endsWith('.js') ? jsImports(read(f), f).dynamic : []));
    const lazy = [...closure(lazyRoots, read)].filter((f) => !loaded.has(f));
    const files = [...loaded].map(cost);
    const sum = (kind: FileCost['kind']) => files.filter((f) => f.kind === kind).reduce((n, f) => n + f.bytes, 0);
    const total = files.reduce((n, f) => n + f.bytes, 0);
    const lazyFiles = lazy.map(cost);
    return {
      name: spec.name,
      file: spec.file,
      files,
      js: sum('js'),
      css: sum('css'),
      html: sum('html'),
      total,
      gzip: files.reduce((n, f) => n + f.gzip, 0),
      lazy: lazyFiles,
      lazyBytes: lazyFiles.reduce((n, f) => n + f.bytes, 0),
      ...(spec.budget !== undefined ? { budget: spec.budget, withinBudget: total <= spec.budget } : {}),
    };
  });
}

/** Every file reachable from `roots` through static imports (fonts and images left out). */
function closure(roots: string[], read: (file: string) => string): Set<string> {
  const seen = new Set<string>();
  const queue = roots.filter((f) => !FONT_OR_IMAGE.test(f));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) queue.push(...jsImports(read(file), file).static.filter((f) => !seen.has(f)));
  }
  return seen;
}

/** Scripts, module preloads and stylesheets an HTML page loads, as paths inside the output directory. */
export function htmlReferences(html: string): string[] {
  const refs: string[] = [];
  for (const tag of html.match(/<(?:script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
    if (/^<script/i.test(tag)) {
      const src = attr('src');
      if (src) refs.push(src);
    } else if (/^(?:stylesheet|modulepreload)$/i.test(attr('rel') ?? '')) {
      const href = attr('href');
      if (href) refs.push(href);
    }
  }
  return refs.filter((r) => !/^[a-z][a-z0-9+.-]*:/i.test(r)).map((r) => posix.normalize(r.replace(/^\//, '')));
}

/**
 * The relative files a minified module imports: `import x from"./a.js"`, `import"./a.js"`,
 * `export{x}from"./a.js"` (static) and `import("./a.js")` (dynamic). Vite lists a dynamic chunk's own
 * dependencies in `__vite__mapDeps`, which following the dynamic chunk's imports covers too.
 */
export function jsImports(code: string, file: string): { static: string[]; dynamic: string[] } {
  const dir = posix.dirname(file);
  const resolve = (spec: string) => posix.normalize(spec.startsWith('/') ? spec.slice(1) : posix.join(dir, spec));
  const relative = (spec: string) => spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('/');
  const stat = new Set<string>();
  const dyn = new Set<string>();
  for (const m of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+?\s*from\s*)?(["'`])([^"'`]+)\1/g)) {
    if (relative(m[2])) stat.add(resolve(m[2]));
  }
  for (const m of code.matchAll(/\bimport\s*\(\s*(["'`])([^"'`]+)\1\s*\)/g)) {
    if (relative(m[2])) dyn.add(resolve(m[2]));
  }
  return { static: [...stat], dynamic: [...dyn].filter((f) => !stat.has(f)) };
}

function kindOf(file: string): FileCost['kind'] {
  if (file.endsWith('.css')) return 'css';
  if (file.endsWith('.html')) return 'html';
  return 'js';
}

/** `123456` -> `123.5 KB`. */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}
