/**
 * `npm run bench:popup`: popup to article in real Chromium (issue 8, items 2 and 5).
 *
 * The e2e build (`npm run build:e2e`, built first unless `--no-build`) runs in Debian's Chromium; the
 * golden pages (tests/fixtures/pages) and a sample of the corpus (../shared/corpus/zyte, skipped with a
 * message when absent) are served from 127.0.0.1, with every other host refused, so nothing leaves the
 * machine. For each page the reader is opened as `popup.html?tabId=N` in a tab, as the popup's "open in
 * a tab" does, and the extension's own performance marks (utils/perf-marks.ts) give, from the reader
 * page starting (its time origin):
 *   inject   the injection requested (after the page's own start-up and the tab lookup),
 *   answer   the injected script's answer back (injection + extraction in the page + the message),
 *   sanitised  the answer sanitised in the extension,
 *   painted  the article painted (the frame after the reader rendered it).
 * In the page, the injected script marks its extraction (`cr:extract-*`).
 *
 * Baseline, same run, same page: plain Readability (its own unminified file) evaluated in a fresh
 * isolated world of the page over CDP, cloning the document and parsing it, the result sent back:
 * "inject, extract, answer" the plainest way. Ratios are ours / baseline.
 *
 * Memory (item 5): on the largest corpus page, after a forced GC, the page's JS heap (CDP
 * `Performance.getMetrics`) before and right after the extraction, and the bytes allocated during it
 * (CDP sampling heap profiler, counting objects GC already collected), for ours and the baseline.
 *
 * Options: `--runs N` timed runs per page (default 5), `--fixtures N` golden pages sampled evenly (default
 * all), `--corpus N` corpus pages sampled evenly (default 20), `--largest-runs N` (default 15), `--no-build`, `--extension DIR` (measure another build,
 * e.g. a copy of an earlier one, for a before/after in the same conditions; implies `--no-build`),
 * `--against DIR` (a second build, e.g. the commit before a change, loaded in the same browser and opened
 * on the same pages, its openings alternating with this build's, so load on the machine falls on both
 * alike: the fair before/after on a busy machine; printed beside this build's figures, with ratios).
 * `--no-floor` skips the floor rows: what this machine needs for any extension page to paint one line,
 * and the same after loading the popup's stylesheet and start bundle (no read), opened as the reader is
 * and alternating with it (see `writeFloorPages`); "painted minus floor" is what the reader adds.
 * Each reader opens in a new tab, closed after, as the toolbar popup is a new document with no previous
 * one to tear down. `--reuse-tab` navigates one reader tab from opening to opening instead, as this bench
 * did up to 2026-11-26 (for figures comparable with those runs): the reused tab's start -> injection is
 * ~75 ms longer under load, the previous reader page's teardown falling inside the new page's navigation.
 * Writes bench/results/popup.json.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { loadZyteCorpus, repoRoot, zyteDir, corpusMissingMessage } from './lib/corpus';
import { startFixtureServer } from './lib/fixture-server';
import { launchWithExtension, readerUrl, tabIdOf } from './lib/launch-chromium';
import { describeMachine, machineInfo } from './lib/machine';
import { writeResults, type SummaryRow } from './lib/results';
import { median, percentile } from './lib/stats';
import { formatTable } from './lib/table';

const EXTENSION_DIR = join(repoRoot, '.output', 'chrome-mv3-e2e');
const PAGES_DIR = join(repoRoot, 'tests', 'fixtures', 'pages');
const TARGET_MEDIAN_MS = 150;
const TARGET_P95_MS = 400;
const WARMUP_RUNS = 3;

interface Args {
  runs: number;
  fixtures: number;
  corpus: number;
  largestRuns: number;
  build: boolean;
  extensionDir: string;
  againstDir: string | null;
  freshTab: boolean;
  floor: boolean;
}

function parseArgs(argv: string[]): Args {
  const num = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    if (i < 0) return fallback;
    const v = Number(argv[i + 1]);
    if (!Number.isFinite(v) || v < 0) throw new Error(`${name} takes a number`);
    return v;
  };
  const ext = argv.indexOf('--extension');
  const extensionDir = ext >= 0 ? argv[ext + 1] : undefined;
  if (ext >= 0 && !extensionDir) throw new Error('--extension takes a folder');
  const vs = argv.indexOf('--against');
  const againstDir = vs >= 0 ? argv[vs + 1] : undefined;
  if (vs >= 0 && !againstDir) throw new Error('--against takes a folder');
  return {
    runs: num('--runs', 5),
    fixtures: num('--fixtures', Infinity),
    corpus: num('--corpus', 20),
    largestRuns: num('--largest-runs', 15),
    build: !argv.includes('--no-build') && !extensionDir,
    extensionDir: extensionDir ? resolve(extensionDir) : EXTENSION_DIR,
    againstDir: againstDir ? resolve(againstDir) : null,
    freshTab: !argv.includes('--reuse-tab'),
    floor: !argv.includes('--no-floor'),
  };
}

interface Target {
  name: string;
  path: string;
}

/** One opening of the reader: milliseconds from the reader page's time origin. */
interface ReaderRun {
  state: string;
  inject: number;
  answer: number;
  sanitized: number;
  painted: number;
  /** The extraction in the page (its own marks), or null when they could not be read. */
  extractInPage: number | null;
  /** The stored settings applied (the defaults show until then), and the page's first paint of content. */
  settings: number;
  firstContentfulPaint: number;
}

interface BaselineRun {
  /** Sent to answer received, as seen from Node. */
  total: number;
  /** Readability's clone + parse inside the page. */
  parse: number;
}

/** The reader tab's own DevTools session, one per tab (see `openReader`). */
const readerSessions = new WeakMap<Page, Promise<CDPSession>>();

/** Evaluates a plain expression in the reader page's main world, without Playwright's helper scripts. */
async function readerValue<T>(reader: Page, expression: string): Promise<T> {
  let session = readerSessions.get(reader);
  if (!session) readerSessions.set(reader, (session = reader.context().newCDPSession(reader)));
  const { result, exceptionDetails } = (await (await session).send('Runtime.evaluate', { expression, returnByValue: true })) as {
    result: { value?: T };
    exceptionDetails?: { text: string };
  };
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value as T;
}

/** Polls `expression` in the reader page until it is truthy; a page between documents counts as false. */
async function readerUntil(reader: Page, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await readerValue<boolean>(reader, expression).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Each opening in a new tab unless `--reuse-tab` (see the header). */
let freshTab = true;

async function openReader(reader: Page, extensionId: string, tabId: number, page: Page, file = 'popup.html'): Promise<ReaderRun> {
  if (!freshTab) return openReaderIn(reader, extensionId, tabId, page, file);
  const tab = await reader.context().newPage();
  try {
    return await openReaderIn(tab, extensionId, tabId, page, file);
  } finally {
    await readerSessions.get(tab)?.then((s) => s.detach()).catch(() => undefined);
    await tab.close();
  }
}

async function openReaderIn(reader: Page, extensionId: string, tabId: number, page: Page, file: string): Promise<ReaderRun> {
  // A page's own scripts may navigate it (corpus pages are real sites): then its marks are gone.
  await page.evaluate(() => performance.clearMarks()).catch(() => undefined);
  // In front, as the popup is: a background tab's frames and timers are throttled.
  await reader.bringToFront();
  // Waited on with plain CDP evaluations, not Playwright's waits: those evaluate Playwright's injected
  // script (about 330 KB) in the reader page while it starts, on its main thread, which the real popup
  // never pays (seen in the trace: a 200 ms evaluation before the injection, on a loaded machine).
  const url = readerUrl(extensionId, tabId).replace('/popup.html?', `/${file}?`);
  await reader.goto(`${url}&bench=${Date.now()}`, { waitUntil: 'commit' });
  await readerUntil(reader, `(document.querySelector('[data-state]')?.getAttribute('data-state') ?? 'loading') !== 'loading'`, 30_000);
  const state = (await readerValue<string | null>(reader, `document.querySelector('[data-state]')?.getAttribute('data-state') ?? null`)) ?? 'none';
  if (state === 'article' || state === 'shown-anyway') {
    await readerUntil(reader, `performance.getEntriesByName('cr:article-painted').length > 0`, 10_000);
  }
  const marks = await readerValue<Record<string, number>>(
    reader,
    `Object.fromEntries([...performance.getEntriesByType('mark'), ...performance.getEntriesByType('paint')].map((m) => [m.name, m.startTime]))`,
  );
  const inPage = await page
    .evaluate(() => {
      const start = performance.getEntriesByName('cr:extract-start').at(-1);
      const end = performance.getEntriesByName('cr:extract-end').at(-1);
      return start && end ? end.startTime - start.startTime : null;
    })
    .catch(() => null);
  return {
    state,
    inject: marks['cr:inject-start'] ?? NaN,
    answer: marks['cr:answer'] ?? NaN,
    sanitized: marks['cr:sanitized'] ?? NaN,
    painted: marks['cr:article-painted'] ?? NaN,
    extractInPage: inPage,
    settings: marks['cr:settings'] ?? NaN,
    firstContentfulPaint: marks['first-contentful-paint'] ?? NaN,
  };
}

const READABILITY_SOURCE = readFileSync(join(repoRoot, 'node_modules', '@mozilla', 'readability', 'Readability.js'), 'utf8');
const BASELINE_EXPRESSION = `(() => {
  const t0 = performance.now();
  ${READABILITY_SOURCE}
  const article = new Readability(document.cloneNode(true)).parse();
  return { parse: performance.now() - t0, title: article && article.title, content: article && article.content };
})()`;

async function runBaseline(cdp: CDPSession): Promise<BaselineRun> {
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const started = performance.now();
  const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: `bench-readability-${Date.now()}`,
  })) as { executionContextId: number };
  const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
    expression: BASELINE_EXPRESSION,
    contextId: executionContextId,
    returnByValue: true,
  })) as { result: { value?: { parse: number } }; exceptionDetails?: { text: string } };
  const total = performance.now() - started;
  if (exceptionDetails || !result.value) throw new Error(`baseline failed: ${exceptionDetails?.text ?? 'no value'}`);
  return { total, parse: result.value.parse };
}

interface HeapFigures {
  usedBefore: number;
  usedAfter: number;
  totalBefore: number;
  totalAfter: number;
  /** Bytes allocated while it ran, collected or not (sampled). */
  allocated: number;
}

async function heapMetrics(cdp: CDPSession): Promise<{ used: number; total: number }> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
  const get = (n: string) => metrics.find((m) => m.name === n)?.value ?? NaN;
  return { used: get('JSHeapUsedSize'), total: get('JSHeapTotalSize') };
}

interface SamplingNode {
  selfSize: number;
  children: SamplingNode[];
}

function sampledBytes(node: SamplingNode): number {
  return node.selfSize + node.children.reduce((n, c) => n + sampledBytes(c), 0);
}

async function measureHeap(cdp: CDPSession, work: () => Promise<unknown>): Promise<HeapFigures> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const before = await heapMetrics(cdp);
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  await work();
  const after = await heapMetrics(cdp);
  const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as { profile: { head: SamplingNode } };
  return { usedBefore: before.used, usedAfter: after.used, totalBefore: before.total, totalAfter: after.total, allocated: sampledBytes(profile.head) };
}

function fixtureTargets(sample: number): Target[] {
  const all = readdirSync(PAGES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(PAGES_DIR, d.name, 'source.html')))
    .map((d) => ({ name: `fixture ${d.name}`, path: `/pages/${d.name}/source.html` }));
  const n = Math.min(sample, all.length);
  return Array.from({ length: n }, (_, k) => all[Math.floor((k * all.length) / n)]);
}

function corpusTargets(sample: number): { sampled: Target[]; largest: Target | null; largestBytes: number } {
  const pages = loadZyteCorpus();
  if (!pages) return { sampled: [], largest: null, largestBytes: 0 };
  const sampled = Array.from({ length: Math.min(sample, pages.length) }, (_, k) => pages[Math.floor((k * pages.length) / Math.min(sample, pages.length))]);
  // The largest page as a browser receives it: its decompressed bytes.
  let largest = pages[0];
  let largestBytes = 0;
  for (const p of pages) {
    const bytes = gunzipSync(readFileSync(p.file)).length;
    if (bytes > largestBytes) [largest, largestBytes] = [p, bytes];
  }
  const target = (p: { id: string }) => ({ name: `corpus ${p.id.slice(0, 10)}`, path: `/corpus/${p.id}.html.gz` });
  return { sampled: sampled.map(target), largest: target(largest), largestBytes };
}

async function openPage(context: BrowserContext, origin: string, path: string): Promise<{ page: Page; tabId: number; cdp: CDPSession }> {
  const page = await context.newPage();
  await page.goto(`${origin}${path}`, { waitUntil: 'load', timeout: 60_000 });
  const tabId = await tabIdOf(context, page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, tabId, cdp };
}

interface PageFigures {
  name: string;
  state: string;
  runs: ReaderRun[];
  baseline: BaselineRun[];
  /** The `--against` build's openings of the same page, alternating with `runs`. */
  againstRuns: ReaderRun[];
  /** The floor pages' openings (see `writeFloorPages`), alternating with the readers'; empty with `--no-floor`. */
  floorRuns: ReaderRun[];
  floorBundleRuns: ReaderRun[];
}

/** The extension ids of this build and of the `--against` build (null without one). */
interface ExtensionIds {
  main: string;
  against: string | null;
}

/**
 * The floor: what this machine needs for any extension page to paint one line, opened exactly as the
 * reader is (a new tab in front, the same waits) and read with the same Element Timing (`cr-article`,
 * marked `cr:article-painted`), its openings alternating with the readers'. Written only into the
 * bench's private copy of the build, never into the product.
 * - FLOOR_PAGE: a blank page whose one small module script paints an `<h1>`;
 * - FLOOR_BUNDLE_PAGE: the popup's own page (its stylesheet, its start bundle's files and their
 *   evaluation) with the entry's call replaced: the same `<h1>` once the start bundle's modules have run,
 *   without reading any tab. What lies between it and the reader's painted is the read and the render.
 */
const FLOOR_PAGE = 'bench-floor.html';
const FLOOR_BUNDLE_PAGE = 'bench-floor-bundle.html';

/** The floors' script: the title painted, as the Reader's is, with the browser's own paint time as the mark. */
const FLOOR_SCRIPT = `
const title = document.createElement('h1');
title.setAttribute('elementtiming', 'cr-article');
title.textContent = 'One line of an extension page';
new PerformanceObserver((list, observer) => {
  const entry = list.getEntries().find((e) => e.identifier === 'cr-article' && e.renderTime > 0);
  if (!entry) return;
  observer.disconnect();
  performance.mark('cr:article-painted', { startTime: entry.renderTime });
}).observe({ type: 'element', buffered: true });
const app = document.getElementById('app') ?? document.body;
app.setAttribute('data-state', 'article');
app.append(title);
`;

function writeFloorPages(dir: string): void {
  writeFileSync(join(dir, 'bench-floor.js'), FLOOR_SCRIPT);
  writeFileSync(
    join(dir, FLOOR_PAGE),
    `<!doctype html>\n<html lang="en"><head><meta charset="UTF-8"><title>Floor</title><script type="module" src="/bench-floor.js"></script></head><body><div id="app"></div></body></html>\n`,
  );
  // The popup's page with its entry script swapped for one that imports what the entry imports (the
  // start bundle's chunks, which only define things when evaluated) and then paints the floor's title.
  const popup = readFileSync(join(dir, 'popup.html'), 'utf8');
  const entry = /<script type="module" crossorigin src="(\/chunks\/popup-[^"]+\.js)"><\/script>/.exec(popup);
  if (!entry) throw new Error('bench:popup: popup.html has no entry script to stand in for (floor pages)');
  const imports = [...readFileSync(join(dir, entry[1]), 'utf8').matchAll(/import\s*(?:\{[^}]*\}\s*from\s*)?"\.\/([^"]+)"/g)].map((m) => `import '/chunks/${m[1]}';`);
  writeFileSync(join(dir, 'bench-floor-bundle.js'), `${imports.join('\n')}\n${FLOOR_SCRIPT}`);
  writeFileSync(join(dir, FLOOR_BUNDLE_PAGE), popup.replace(entry[0], '<script type="module" crossorigin src="/bench-floor-bundle.js"></script>'));
}

/** A file written into each private copy, so that each loaded build can be told apart by its id. */
const BUILD_MARK_FILE = 'bench-build-mark.txt';

/** Which loaded extension is which build: each reads back the mark written into its copy. */
async function extensionIds(context: BrowserContext, fallback: string, against: boolean): Promise<ExtensionIds> {
  if (!against) return { main: fallback, against: null };
  const deadline = Date.now() + 15_000;
  while (context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://')).length < 2) {
    if (Date.now() > deadline) throw new Error('the --against build did not start');
    await context.waitForEvent('serviceworker', { timeout: 15_000 }).catch(() => undefined);
  }
  const ids: Record<string, string> = {};
  for (const worker of context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'))) {
    const mark = await worker.evaluate(async (file) => (await fetch(`/${file}`)).text(), BUILD_MARK_FILE);
    ids[mark.trim()] = new URL(worker.url()).host;
  }
  if (!ids.main || !ids.against) throw new Error('could not tell the two builds apart');
  return { main: ids.main, against: ids.against };
}

const ms = (v: number) => (Number.isFinite(v) ? Math.round(v * 10) / 10 : NaN);
const stat = (values: number[]) => ({ median: ms(median(values)), p95: ms(percentile(values, 95)), n: values.length });

async function measurePage(context: BrowserContext, ids: ExtensionIds, origin: string, reader: Page, target: Target, runs: number, floor: boolean): Promise<PageFigures> {
  const { page, tabId, cdp } = await openPage(context, origin, target.path);
  try {
    await runBaseline(cdp); // untimed: compiles Readability once in this process, as our script is once
    await openReader(reader, ids.main, tabId, page);
    if (ids.against) await openReader(reader, ids.against, tabId, page);
    const figures: PageFigures = { name: target.name, state: '', runs: [], baseline: [], againstRuns: [], floorRuns: [], floorBundleRuns: [] };
    for (let i = 0; i < runs; i++) {
      // Alternate, so load on the machine falls on all alike: the two builds each go first in turn, and
      // the floors open before and after them in turn.
      const against = ids.against;
      const openings: Array<() => Promise<unknown>> = [
        async () => figures.runs.push(await openReader(reader, ids.main, tabId, page)),
        ...(against ? [async () => figures.againstRuns.push(await openReader(reader, against, tabId, page))] : []),
      ];
      if (floor) {
        openings.unshift(async () => figures.floorRuns.push(await openReader(reader, ids.main, tabId, page, FLOOR_PAGE)));
        openings.push(async () => figures.floorBundleRuns.push(await openReader(reader, ids.main, tabId, page, FLOOR_BUNDLE_PAGE)));
      }
      if (i % 2 === 1) openings.reverse();
      for (const open of openings) await open();
      figures.baseline.push(await runBaseline(cdp));
    }
    figures.state = figures.runs[0]?.state ?? 'none';
    return figures;
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

function summarise(pages: PageFigures[]) {
  const runs = pages.flatMap((p) => p.runs.filter((r) => Number.isFinite(r.painted)));
  const base = pages.flatMap((p) => p.baseline);
  const painted = stat(runs.map((r) => r.painted));
  const answer = stat(runs.map((r) => r.answer - r.inject));
  const baseline = stat(base.map((b) => b.total));
  return {
    painted,
    startToInject: stat(runs.map((r) => r.inject)),
    injectToAnswer: answer,
    extractInPage: stat(runs.map((r) => r.extractInPage).filter((v): v is number => v !== null)),
    sanitize: stat(runs.map((r) => r.sanitized - r.answer)),
    render: stat(runs.map((r) => r.painted - r.sanitized)),
    baselineTotal: baseline,
    baselineParse: stat(base.map((b) => b.parse)),
    settings: stat(runs.map((r) => r.settings)),
    // A theme or type the user chose, applied after something was painted in the defaults, would flash.
    settingsAfterFirstPaint: runs.filter((r) => !(r.settings <= r.firstContentfulPaint)).length,
    settingsAfterArticle: runs.filter((r) => !(r.settings <= r.painted)).length,
    ratioInjectToAnswer: Math.round((answer.median / baseline.median) * 100) / 100,
    ratioPainted: Math.round((painted.median / baseline.median) * 100) / 100,
    floor: stat(pages.flatMap((p) => p.floorRuns.map((r) => r.painted)).filter(Number.isFinite)),
    floorBundle: stat(pages.flatMap((p) => p.floorBundleRuns.map((r) => r.painted)).filter(Number.isFinite)),
    notPainted: pages.flatMap((p) => p.runs).length - runs.length,
  };
}

/** This build against the `--against` build, opened alternately on the same pages: printed, and returned for the results file. */
function compareBuilds(pages: PageFigures[], largest: PageFigures | null, againstDir: string) {
  const mine = summarise(pages);
  const theirs = summarise(pages.map((p) => ({ ...p, runs: p.againstRuns })));
  const bigMine = largest ? summarise([largest]) : null;
  const bigTheirs = largest ? summarise([{ ...largest, runs: largest.againstRuns }]) : null;
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const row = (label: string, a: ReturnType<typeof stat>, b: ReturnType<typeof stat>) => [label, b.median, a.median, ratio(a.median, b.median), b.p95, a.p95, ratio(a.p95, b.p95)];
  const rows = [
    row('reader start -> article painted', mine.painted, theirs.painted),
    row('  reader start -> injection requested', mine.startToInject, theirs.startToInject),
    row('  injection -> answer back', mine.injectToAnswer, theirs.injectToAnswer),
    row('  answer -> sanitised', mine.sanitize, theirs.sanitize),
    row('  sanitised -> painted (render)', mine.render, theirs.render),
    ...(bigMine && bigTheirs ? [row('largest corpus page: start -> painted', bigMine.painted, bigTheirs.painted)] : []),
  ];
  process.stdout.write(`\nThis build against ${againstDir} (same browser, same pages, openings alternating; ratio = this / against)\n`);
  process.stdout.write(`${formatTable(['interval (ms)', 'against median', 'this median', 'ratio', 'against p95', 'this p95', 'ratio'], rows)}\n`);
  return { againstDir, against: theirs, largestAgainst: bigTheirs, rows };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  freshTab = args.freshTab;
  if (args.build) {
    process.stdout.write('Building the e2e extension (npm run build:e2e)...\n');
    const built = spawnSync('npm', ['run', '-s', 'build:e2e'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    if (built.status !== 0) {
      process.stderr.write(`bench:popup: the build failed (exit ${built.status})\n`);
      return 1;
    }
  }
  if (!existsSync(join(args.extensionDir, 'manifest.json'))) {
    process.stderr.write(`bench:popup: no e2e build at ${args.extensionDir}; run npm run build:e2e\n`);
    return 1;
  }
  // A private copy: other work rebuilding .output/ mid-run would pull files from under the browser.
  const extensionDir = mkdtempSync(join(tmpdir(), 'clean-reader-bench-ext-'));
  cpSync(args.extensionDir, extensionDir, { recursive: true });
  writeFileSync(join(extensionDir, BUILD_MARK_FILE), 'main');
  if (args.floor) writeFloorPages(extensionDir);
  let againstDir: string | null = null;
  if (args.againstDir) {
    if (!existsSync(join(args.againstDir, 'manifest.json'))) {
      process.stderr.write(`bench:popup: no build at ${args.againstDir} (--against)\n`);
      return 1;
    }
    againstDir = mkdtempSync(join(tmpdir(), 'clean-reader-bench-against-'));
    cpSync(args.againstDir, againstDir, { recursive: true });
    writeFileSync(join(againstDir, BUILD_MARK_FILE), 'against');
  }
  const corpus = corpusTargets(args.corpus);
  if (!corpus.largest) process.stdout.write(`${corpusMissingMessage('bench:popup (corpus pages)')}; measuring the fixture pages only\n`);

  const server = await startFixtureServer({ roots: { '/pages/': PAGES_DIR, ...(corpus.largest ? { '/corpus/': join(zyteDir, 'html') } : {}) } });
  // Chromium's --load-extension takes a comma-separated list.
  const browser = await launchWithExtension({ extensionDir: againstDir ? `${extensionDir},${againstDir}` : extensionDir });
  const machine = machineInfo();
  try {
    const ids = await extensionIds(browser.context, browser.extensionId, againstDir !== null);
    // Offline: the served pages' pictures, fonts and scripts on other hosts are refused at once.
    await browser.context.route((url) => url.protocol.startsWith('http') && url.host !== new URL(server.origin).host, (route) => route.abort());
    const reader = await browser.context.newPage();
    const main = [...fixtureTargets(args.fixtures), ...corpus.sampled];

    // Warm-up: the first openings pay for Chromium's and the extension's first start.
    const warm = await openPage(browser.context, server.origin, main[0].path);
    for (let i = 0; i < WARMUP_RUNS; i++) {
      await openReader(reader, ids.main, warm.tabId, warm.page);
      if (ids.against) await openReader(reader, ids.against, warm.tabId, warm.page);
      if (args.floor) {
        await openReader(reader, ids.main, warm.tabId, warm.page, FLOOR_PAGE);
        await openReader(reader, ids.main, warm.tabId, warm.page, FLOOR_BUNDLE_PAGE);
      }
    }
    await warm.page.close();

    const pages: PageFigures[] = [];
    const skipped: string[] = [];
    for (const target of main) {
      const figures = await measurePage(browser.context, ids, server.origin, reader, target, args.runs, args.floor).catch((error: unknown) => {
        skipped.push(`${target.name} (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
        return null;
      });
      if (!figures) continue;
      pages.push(figures);
      const s = summarise([figures]);
      process.stdout.write(`${target.name.padEnd(36)} ${figures.state.padEnd(12)} painted ${s.painted.median} ms, answer ${s.injectToAnswer.median} ms, baseline ${s.baselineTotal.median} ms\n`);
    }

    let largest: (PageFigures & { heap?: { ours: HeapFigures; baseline: HeapFigures } }) | null = null;
    if (corpus.largest) {
      largest = await measurePage(browser.context, ids, server.origin, reader, corpus.largest, args.largestRuns, false);
      const { page, tabId, cdp } = await openPage(browser.context, server.origin, corpus.largest.path);
      const ours = await measureHeap(cdp, () => openReader(reader, ids.main, tabId, page));
      const baseline = await measureHeap(cdp, () => runBaseline(cdp));
      largest.heap = { ours, baseline };
      await cdp.detach().catch(() => undefined);
      await page.close();
    }

    const all = summarise(pages);
    const big = largest ? summarise([largest]) : null;
    const row = (label: string, s: ReturnType<typeof stat>) => [label, s.median, s.p95, s.n];
    process.stdout.write(`\nPopup to article (${describeMachine(machine)}), ${pages.length} pages x ${args.runs} runs after ${WARMUP_RUNS} warm-up openings, ${freshTab ? 'each in a new tab' : 'one reused tab (--reuse-tab)'}\n`);
    process.stdout.write(
      `${formatTable(['interval (ms from the reader page starting)', 'median', 'p95', 'runs'], [
        row('reader start -> article painted', all.painted),
        row('  reader start -> injection requested', all.startToInject),
        row('  injection -> answer back (inject + extract + message)', all.injectToAnswer),
        row('    of which extraction in the page', all.extractInPage),
        row('  answer -> sanitised in the extension', all.sanitize),
        row('  sanitised -> article painted (render)', all.render),
        row('baseline: plain Readability, isolated world, sent -> answer', all.baselineTotal),
        row('  of which clone + parse in the page', all.baselineParse),
        ...(big
          ? [
              row(`largest corpus page (${(corpus.largestBytes / 1000).toFixed(0)} KB): start -> painted`, big.painted),
              row('  injection -> answer back', big.injectToAnswer),
              row('    of which extraction in the page', big.extractInPage),
              row('  baseline sent -> answer', big.baselineTotal),
            ]
          : []),
        ...(args.floor
          ? [
              row('floor: an extension page painting one line (same opening)', all.floor),
              row('floor + the popup\'s stylesheet and start bundle, no read', all.floorBundle),
            ]
          : []),
      ])}\n`,
    );
    process.stdout.write(`Ratios of medians (ours / baseline): injection -> answer ${all.ratioInjectToAnswer}x; start -> painted ${all.ratioPainted}x` +
      (big ? `; largest page: injection -> answer ${big.ratioInjectToAnswer}x, start -> painted ${big.ratioPainted}x` : '') + '\n');
    process.stdout.write(
      `Stored settings applied at ${all.settings.median} ms median (p95 ${all.settings.p95}); after the first contentful paint in ${all.settingsAfterFirstPaint} of ${all.painted.n} openings, after the article painted in ${all.settingsAfterArticle}\n`,
    );
    if (args.floor) {
      process.stdout.write(
        `Painted minus floor (medians): ${ms(all.painted.median - all.floor.median)} ms (p95 ${ms(all.painted.p95 - all.floor.p95)}); ` +
          `minus the floor with the start bundle: ${ms(all.painted.median - all.floorBundle.median)} ms (p95 ${ms(all.painted.p95 - all.floorBundle.p95)})\n`,
      );
    }
    const versus = ids.against ? compareBuilds(pages, largest, args.againstDir ?? '') : null;
    if (skipped.length) process.stdout.write(`Skipped (the page navigated or failed): ${skipped.join('; ')}\n`);
    if (all.notPainted) process.stdout.write(`${all.notPainted} openings showed no article (not counted): ${pages.filter((p) => p.state !== 'article').map((p) => `${p.name} ${p.state}`).join(', ')}\n`);
    if (largest?.heap) {
      const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;
      const h = largest.heap;
      process.stdout.write(
        `Page JS heap on the largest page: ours used ${mb(h.ours.usedBefore)} -> ${mb(h.ours.usedAfter)}, heap size ${mb(h.ours.totalBefore)} -> ${mb(h.ours.totalAfter)}, ${mb(h.ours.allocated)} allocated during the extraction; ` +
          `baseline used ${mb(h.baseline.usedBefore)} -> ${mb(h.baseline.usedAfter)}, heap size ${mb(h.baseline.totalBefore)} -> ${mb(h.baseline.totalAfter)}, ${mb(h.baseline.allocated)} allocated\n`,
      );
    }

    const summary: SummaryRow[] = [
      { metric: 'start -> painted, median', value: all.painted.median, unit: 'ms', target: `<= ${TARGET_MEDIAN_MS} ms`, met: all.painted.median <= TARGET_MEDIAN_MS },
      { metric: 'start -> painted, p95', value: all.painted.p95, unit: 'ms', target: `<= ${TARGET_P95_MS} ms`, met: all.painted.p95 <= TARGET_P95_MS },
      { metric: 'injection -> answer / baseline (medians)', value: all.ratioInjectToAnswer, unit: 'x' },
      ...(args.floor
        ? [
            { metric: 'floor (any extension page paints one line), median', value: all.floor.median, unit: 'ms' },
            { metric: 'floor, p95', value: all.floor.p95, unit: 'ms' },
            { metric: 'floor with the start bundle, median', value: all.floorBundle.median, unit: 'ms' },
          ]
        : []),
      { metric: 'start -> painted / baseline (medians)', value: all.ratioPainted, unit: 'x' },
      ...(big
        ? [
            { metric: 'largest page: start -> painted, median', value: big.painted.median, unit: 'ms' },
            { metric: 'largest page: start -> painted, p95', value: big.painted.p95, unit: 'ms' },
            { metric: 'largest page: injection -> answer / baseline', value: big.ratioInjectToAnswer, unit: 'x' },
          ]
        : []),
      ...(largest?.heap
        ? [
            { metric: 'largest page: page heap size after extraction', value: Math.round(largest.heap.ours.totalAfter / 2 ** 20 * 10) / 10, unit: 'MB' },
            { metric: 'largest page: allocated during extraction', value: Math.round(largest.heap.ours.allocated / 2 ** 20 * 10) / 10, unit: 'MB' },
          ]
        : []),
    ];
    const file = writeResults({ benchmark: 'popup', machine, summary, args, skipped, overall: all, versus, largest: largest && { name: largest.name, bytes: corpus.largestBytes, ...big, heap: largest.heap }, pages });
    process.stdout.write(`Results: ${file}\n`);
    return 0;
  } finally {
    await browser.close();
    await server.close();
    rmSync(extensionDir, { recursive: true, force: true });
    if (againstDir) rmSync(againstDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench:popup: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
