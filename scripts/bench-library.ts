/**
 * `npm run bench:library [-- --sizes 1000,10000] [--profile DIR] [--headed] [--against DIR] [--pause MS] [--cpu-profile FILE]`:
 * the library at scale, in Chromium's real IndexedDB (on disk, in a fresh profile). Fills a library with
 * articles of 5 to 50 KB of text each, made of the news corpus' hand-labelled paragraphs in random order,
 * up to each size in turn, and at each reports median and p95 of: one save, opening the library's first
 * page, one search, opening one article, each beside a baseline measured in the same run (bare IndexedDB
 * doing the least work that gives the same answer; see page.ts) and their ratio; and the page's JS heap
 * before the library, after its first page and after its first search (which loads the term dictionary).
 * Saves are reported twice: back to back (each as soon as the last one's indexing and merge returned)
 * and settled (every other block of saves, each after `--pause` ms idle; see page.ts `saves`).
 * Writes bench/results/library.json through scripts/lib/results.ts.
 *
 * The library code runs in a page served from 127.0.0.1 (bundled from scripts/bench-library/page.ts),
 * not in the extension: IndexedDB is the same engine, and nothing bench-only ships in the extension.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { chromiumPath } from './lib/browser-path';
import { corpusMissingMessage, loadZyteCorpus, repoRoot } from './lib/corpus';
import { describeMachine, machineInfo, type MachineInfo } from './lib/machine';
import { writeResults, type ResultsFile, type SummaryRow } from './lib/results';
import { median, percentile } from './lib/stats';
import { formatTable } from './lib/table';

const TARGETS = { saveMedian: 20, firstPage: 100, searchP95: 30, open: 50 };
/** The page's port when a profile is kept: its library lives in that origin. */
const KEPT_PROFILE_PORT = 47613;
/** Articles filled per call into the page; the fill mark is written after each. */
const FILL_CHUNK = 500;
/** The size the targets are set at. */
const TARGET_SIZE = 10_000;

const { values: args } = parseArgs({
  options: {
    // Library sizes to measure, ascending; the library is filled up to each in turn.
    sizes: { type: 'string', default: '1000,10000' },
    // One size only (kept from the first version of this script).
    articles: { type: 'string' },
    headed: { type: 'boolean', default: false },
    // A browser profile to fill and keep (or reuse when it already holds the articles): filling takes
    // the better part of an hour at 10,000 on a busy 2-core machine, measuring a few minutes.
    profile: { type: 'string' },
    // IndexedDB belongs to an origin, port included: a kept profile is reached again on the same port.
    port: { type: 'string' },
    // Repetitions (halve them on a slow machine).
    saves: { type: 'string', default: '50' },
    pages: { type: 'string', default: '30' },
    searches: { type: 'string', default: '200' },
    opens: { type: 'string', default: '100' },
    // Another tree (say `git archive` of the commit before a change): its library also runs every
    // search query and saves every article saved, taking turns with this tree's in the same page, and
    // both are reported.
    against: { type: 'string' },
    // Every other block of saves waits this long idle before each save (ours, the other tree's, the
    // baseline's), and is reported apart as "settled"; the others start as soon as the last save's
    // indexing and merge returned, while LevelDB may still be compacting what they wrote. 0: none.
    pause: { type: 'string', default: '1000' },
    // Writes a CPU profile of the page during the searches (CDP Profiler; open it in DevTools).
    'cpu-profile': { type: 'string' },
  },
});
const sizes = (args.articles ?? args.sizes)
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n >= 100)
  .sort((a, b) => a - b);
if (!sizes.length) throw new Error('bench:library: --sizes wants a comma-separated list of sizes of at least 100');
// Both trees use one database: a tree from before term ids were packed (term-index.ts `packIds`) reads
// packed rows as wrong ids, and its merges would write them back wrong, damaging the profile's index.
if (args.against) {
  const other = resolvePath(args.against, 'lib/library/term-index.ts');
  if (existsSync(other) && !readFileSync(other, 'utf8').includes('packIds'))
    throw new Error(
      `bench:library: --against ${args.against} stores term ids unpacked; it would misread and damage this tree's index. ` +
        'Compare it in alternating plain runs on two copies of the profile instead (docs/benchmarks.md).',
    );
}
const reps = {
  saves: Number(args.saves),
  pages: Number(args.pages),
  searches: Number(args.searches),
  opens: Number(args.opens),
};

async function bundlePage(): Promise<string> {
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(repoRoot, 'scripts/bench-library/page.ts'), formats: ['es'], fileName: 'bench' },
    },
    resolve: args.against
      ? { alias: [{ find: /^\.\/against-library$/, replacement: resolvePath(args.against, 'lib/library/index.ts') }] }
      : {},
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const output = Array.isArray(out) ? out[0] : out;
  return output.output.find((chunk): chunk is Rollup.OutputChunk => chunk.type === 'chunk' && chunk.isEntry)!.code;
}

const stats = (times: number[]) => ({ median: median(times), p95: percentile(times, 95), n: times.length });
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const MB = 1024 * 1024;

/** Library times and their baseline's, with the ratios of their medians and p95s. */
/** The entries of `values` whose round's `flags` entry is `flag`. */
const pick = (values: number[], flags: boolean[], flag: boolean) => values.filter((_, i) => flags[i] === flag);

function compared(ours: number[], base: number[]) {
  const o = stats(ours);
  const b = stats(base);
  return { ...o, baseline: b, ratioMedian: o.median / b.median, ratioP95: o.p95 / b.p95 };
}

async function main() {
  const corpus = loadZyteCorpus();
  if (!corpus) {
    console.log(corpusMissingMessage('bench:library'));
    return;
  }
  const paragraphs = corpus
    .flatMap((p) => p.articleBody.split(/\n+/))
    .map((p) => p.trim())
    .filter((p) => p.length >= 40);
  const code = await bundlePage();
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(code);
    } else {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><meta charset="utf-8"><script type="module" src="/bench.js"></script>');
    }
  });
  const port = Number(args.port ?? (args.profile ? KEPT_PROFILE_PORT : 0));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = args.profile ?? mkdtempSync(join(tmpdir(), 'bench-library-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: !args.headed,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const machine = machineInfo();
  const load = loadavg();
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(0);
    page.on('console', (msg) => {
      if (msg.type() === 'error') console.error('page:', msg.text());
    });
    await page.goto(origin);
    await page.waitForFunction(() => 'libraryBench' in window);
    await page.evaluate((list) => window.libraryBench.setParagraphs(list), paragraphs);
    const cdp = await context.newCDPSession(page);
    /** The page's JS heap after a full garbage collection. */
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };

    // A kept profile resumes where its fill stopped (its mark agrees with the count); sizes it has
    // passed are skipped. Anything else starts over.
    let filled = 0;
    // Articles saved by the bench itself are numbered far beyond any fill.
    let extra = 0;
    const mark = args.profile ? await page.evaluate(() => window.libraryBench.fillMark()) : null;
    const count = args.profile ? await page.evaluate(() => window.libraryBench.count()) : 0;
    // A run stopped inside a chunk left up to a chunk more than its mark: filling again from the mark
    // saves those same articles (same URLs) again, which updates them, so the count comes out right.
    const beyond = count - (mark ? mark.filled + mark.extra : 0);
    if (mark && count > 0 && beyond >= 0 && beyond <= FILL_CHUNK) {
      ({ filled, extra } = mark);
      console.log(`  profile holds ${count} articles (${filled} filled): resuming`);
      while (sizes.length && sizes[0] < filled) sizes.shift();
    } else {
      if (count) console.log(`  profile holds ${count} articles without a fill mark: starting over`);
      await page.evaluate(() => window.libraryBench.reset());
    }
    console.log(
      `bench:library: sizes ${sizes.join(', ')}; articles from ${paragraphs.length} corpus paragraphs; ` +
        `${describeMachine(machine)}; load average ${load.map((l) => l.toFixed(1)).join(' ')} at start`,
    );

    const perSize: SizeResult[] = [];
    let fillMs = 0;
    let chars = 0;
    for (const size of sizes) {
      const chunk = FILL_CHUNK;
      for (let from = filled; from < size; from += chunk) {
        const r = await page.evaluate(([f, c]) => window.libraryBench.fill(f, c), [
          from,
          Math.min(chunk, size - from),
        ] as const);
        fillMs += r.ms;
        chars += r.chars;
        await page.evaluate(([f, e]) => window.libraryBench.setFillMark(f, e), [
          Math.min(from + chunk, size),
          extra,
        ] as const);
        process.stdout.write(`\r  filled ${Math.min(from + chunk, size)} / ${size} (${(fillMs / 1000).toFixed(0)} s)`);
      }
      filled = size;
      process.stdout.write('\n');

      // Heap first, on a page that has not touched the library yet this round.
      await page.evaluate(() => window.libraryBench.closeAll());
      const heapBefore = await heap();
      await page.evaluate(() => window.libraryBench.openFirstPage());
      const heapFirstPage = await heap();
      await page.evaluate(() => window.libraryBench.searchOnce('harbour'));
      const heapSearch = await heap();

      // The peak: the heap in use (garbage included), sampled every 50 ms while the page opens its
      // first pages, searches and opens articles, the way the library page is used.
      let heapPeak = heapSearch;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          heapPeak = Math.max(heapPeak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      // If a measurement below fails, the browser is closed and this loop's next call fails too: that
      // rejection must not hide the measurement's own error (it used to, as an unhandled rejection).
      sampler.catch(() => undefined);
      const firstPages = await page.evaluate((c) => window.libraryBench.firstPages(c), reps.pages);
      if (args['cpu-profile']) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const search = await page.evaluate(([c, t, a]) => window.libraryBench.searches(c, t, a), [
        reps.searches,
        size,
        Boolean(args.against),
      ] as const);
      if (args['cpu-profile']) {
        const { profile: cpu } = await cdp.send('Profiler.stop');
        writeFileSync(args['cpu-profile'], JSON.stringify(cpu));
        console.log(`CPU profile of the searches: ${args['cpu-profile']}`);
      }
      const opens = await page.evaluate(([c, t]) => window.libraryBench.opens(c, t), [reps.opens, size] as const);
      sampling = false;
      await sampler;
      // Saves last: they add articles, which the reads above must not see.
      const saves = await page.evaluate(([f, c, a, p]) => window.libraryBench.saves(f, c, a, p), [
        10_000_000 + extra,
        reps.saves,
        Boolean(args.against),
        Number(args.pause),
      ] as const);
      extra += reps.saves;
      await page.evaluate(([f, e]) => window.libraryBench.setFillMark(f, e), [filled, extra] as const);
      const usage = await page.evaluate(() => window.libraryBench.usage());

      const byKind = [...new Set(search.results.map((r) => r.kind))].map((kind) => {
        const rs = search.results.filter((r) => r.kind === kind);
        return {
          kind,
          ...stats(rs.map((r) => r.ms)),
          baselineMedian: median(rs.map((r) => r.base)),
          medianHits: median(rs.map((r) => r.total)),
        };
      });
      // With --against: this tree's and the other's, same queries, same page, taking turns.
      const against = args.against
        ? ['all', ...byKind.map((k) => k.kind)].map((kind) => {
            const rs = search.results.filter((r) => kind === 'all' || r.kind === kind);
            const ours = stats(rs.map((r) => r.ms));
            const other = stats(rs.map((r) => r.againstMs!));
            return {
              kind,
              ours,
              against: other,
              ratioMedian: ours.median / other.median,
              ratioP95: ours.p95 / other.p95,
              hitsDiffer: rs.filter((r) => r.total !== r.againstTotal).length,
            };
          })
        : null;
      const phases = [...new Set(search.results.flatMap((r) => Object.keys(r.timings)))];
      const result = {
        size,
        articlesAtEnd: usage.articles,
        storageMB: usage.usage === null ? null : round(usage.usage / 1e6),
        vocabulary: usage.vocabulary,
        indexSegments: usage.segments,
        // Back to back (the rounds without a pause), as before --pause; settled: the others.
        save: compared(pick(saves.save, saves.settled, false), pick(saves.base, saves.settled, false)),
        ...(saves.settled.some(Boolean)
          ? {
              saveSettled: {
                pauseMs: Number(args.pause),
                ...compared(pick(saves.save, saves.settled, true), pick(saves.base, saves.settled, true)),
              },
            }
          : {}),
        // With --against: the other tree's saves of the same articles, in the same page, taking turns.
        ...(args.against
          ? {
              saveAgainst: {
                tree: args.against,
                ...compared(saves.againstSave, saves.base),
                oursOverAgainstMedian: median(saves.save) / median(saves.againstSave),
                oursOverAgainstP95: percentile(saves.save, 95) / percentile(saves.againstSave, 95),
              },
            }
          : {}),
        saveUntilSearchable: stats(saves.indexed),
        mergeAfterSave: stats(saves.merged),
        firstPage: compared(firstPages.ours, firstPages.base),
        search: {
          ...compared(
            search.results.map((r) => r.ms),
            search.results.map((r) => r.base),
          ),
          firstSearchMs: search.first,
          byKind,
          ...(against ? { against: { tree: args.against!, byKind: against } } : {}),
        },
        searchPhases: Object.fromEntries(
          phases.map((p) => {
            const t = search.results.map((r) => r.timings[p] ?? 0);
            return [p, { median: median(t), p95: percentile(t, 95) }];
          }),
        ),
        open: compared(opens.ours, opens.base),
        heapMB: {
          pageBeforeLibrary: round(heapBefore / MB),
          afterFirstPage: round(heapFirstPage / MB),
          afterFirstSearch: round(heapSearch / MB),
          libraryAfterFirstPage: round((heapFirstPage - heapBefore) / MB),
          libraryAfterFirstSearch: round((heapSearch - heapBefore) / MB),
          peakWhileUsed: round(heapPeak / MB),
        },
        searches: search.results,
      };
      perSize.push(result);
      printSize(result);
      // Written after every size, so a long run stopped at the next fill still leaves its figures.
      const written = writeResults(resultsFile(machine, load, perSize, fillMs, chars));
      console.log(`written ${written}`);
    }
    console.log(
      `fill: ${(fillMs / 1000).toFixed(0)} s for ${(chars / 1e6).toFixed(0)} MB of text; load average at end ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
  } finally {
    await context.close();
    server.close();
    if (!args.profile) rmSync(profile, { recursive: true, force: true });
  }
}

function resultsFile(
  machine: MachineInfo,
  load: number[],
  perSize: SizeResult[],
  fillMs: number,
  chars: number,
): ResultsFile {
  const summary: SummaryRow[] = [];
  for (const r of perSize) {
    const at = `${r.size.toLocaleString('en')} articles`;
    const target = r.size === TARGET_SIZE;
    const row = (metric: string, value: number, t?: number, unit = 'ms'): SummaryRow => ({
      metric: `${metric}, ${at}`,
      value: round(value),
      unit,
      ...(target && t !== undefined ? { target: `<= ${t}`, met: value <= t } : {}),
    });
    summary.push(
      row('save median', r.save.median, TARGETS.saveMedian),
      row('save / baseline (medians)', r.save.ratioMedian, undefined, 'x'),
      ...(r.saveSettled
        ? [
            row(`save median, settled (${r.saveSettled.pauseMs} ms idle before)`, r.saveSettled.median, TARGETS.saveMedian),
            row('save settled / baseline settled (medians)', r.saveSettled.ratioMedian, undefined, 'x'),
          ]
        : []),
      row('first page p95', r.firstPage.p95, TARGETS.firstPage),
      row('first page / baseline (medians)', r.firstPage.ratioMedian, undefined, 'x'),
      row('search p95', r.search.p95, TARGETS.searchP95),
      row('search / baseline (medians)', r.search.ratioMedian, undefined, 'x'),
      row('open p95', r.open.p95, TARGETS.open),
      row('open / baseline (medians)', r.open.ratioMedian, undefined, 'x'),
      row('library heap after first search', r.heapMB.libraryAfterFirstSearch, undefined, 'MB'),
      row('page JS heap peak (pages, searches, opens)', r.heapMB.peakWhileUsed, undefined, 'MB'),
    );
  }
  return {
    benchmark: 'library',
    machine,
    loadAverageAtStart: load,
    loadAverageAtEnd: loadavg(),
    summary,
    targets: { ...TARGETS, atArticles: TARGET_SIZE },
    // Fill time of this run only (a resumed profile was partly filled before).
    fill: { seconds: round(fillMs / 1000), textMB: round(chars / 1e6) },
    sizes: perSize,
  };
}

type SizeResult = {
  size: number;
  articlesAtEnd: number;
  storageMB: number | null;
  vocabulary: number;
  indexSegments: number;
  save: ReturnType<typeof compared>;
  saveSettled?: ReturnType<typeof compared> & { pauseMs: number };
  saveAgainst?: ReturnType<typeof compared> & { tree: string; oursOverAgainstMedian: number; oursOverAgainstP95: number };
  saveUntilSearchable: ReturnType<typeof stats>;
  /** The segment merge each save's indexing set off, waited for before the next save (off the user's path). */
  mergeAfterSave: ReturnType<typeof stats>;
  firstPage: ReturnType<typeof compared>;
  search: ReturnType<typeof compared> & {
    firstSearchMs: number;
    byKind: { kind: string; median: number; p95: number; baselineMedian: number; medianHits: number }[];
    against?: {
      tree: string;
      byKind: {
        kind: string;
        ours: ReturnType<typeof stats>;
        against: ReturnType<typeof stats>;
        ratioMedian: number;
        ratioP95: number;
        hitsDiffer: number;
      }[];
    };
  };
  searchPhases: Record<string, { median: number; p95: number }>;
  open: ReturnType<typeof compared>;
  heapMB: Record<string, number>;
};

function printSize(r: SizeResult) {
  const target = r.size === TARGET_SIZE;
  const ok = (v: number, t: number) => (!target ? '-' : v <= t ? 'yes' : 'NO');
  const line = (name: string, c: ReturnType<typeof compared>, goal: string, met: string) => [
    name,
    round(c.median),
    round(c.p95),
    round(c.baseline.median),
    round(c.baseline.p95),
    c.ratioMedian.toFixed(2),
    c.n,
    goal,
    met,
  ];
  /** A figure with no baseline and no target. */
  const plain = (name: string, st: ReturnType<typeof stats>) => [
    name,
    round(st.median),
    round(st.p95),
    '',
    '',
    '',
    st.n,
    '',
    '',
  ];
  console.log(
    `\n${r.size.toLocaleString('en')} articles (${r.articlesAtEnd} after the saves; ${r.storageMB ?? '?'} MB on disk; dictionary ${r.vocabulary} terms; index in ${r.indexSegments} segments)`,
  );
  console.log(
    formatTable(
      ['measure', 'median ms', 'p95 ms', 'base med', 'base p95', 'ratio', 'runs', `target at ${TARGET_SIZE}`, 'met'],
      [
        line('one save', r.save, `median <= ${TARGETS.saveMedian}`, ok(r.save.median, TARGETS.saveMedian)),
        ...(r.saveSettled
          ? [
              line(
                `one save, settled`,
                r.saveSettled,
                `median <= ${TARGETS.saveMedian}`,
                ok(r.saveSettled.median, TARGETS.saveMedian),
              ),
            ]
          : []),
        ...(r.saveAgainst ? [line('save (against)', r.saveAgainst, '', '')] : []),
        plain('save + index', r.saveUntilSearchable),
        plain('merge after', r.mergeAfterSave),
        line('first page', r.firstPage, `<= ${TARGETS.firstPage}`, ok(r.firstPage.p95, TARGETS.firstPage)),
        line('one search', r.search, `p95 <= ${TARGETS.searchP95}`, ok(r.search.p95, TARGETS.searchP95)),
        line('open article', r.open, `<= ${TARGETS.open}`, ok(r.open.p95, TARGETS.open)),
      ],
    ),
  );
  console.log(
    formatTable(
      ['search kind', 'median ms', 'p95 ms', 'base med', 'median hits'],
      r.search.byKind.map((k) => [k.kind, round(k.median), round(k.p95), round(k.baselineMedian), k.medianHits]),
    ),
  );
  if (r.saveAgainst) {
    console.log(
      `saves, this tree against ${r.saveAgainst.tree} (same articles, same page, taking turns): ` +
        `median ${round(r.save.median)} / ${round(r.saveAgainst.median)} ms (${r.saveAgainst.oursOverAgainstMedian.toFixed(2)}x), ` +
        `p95 ${round(r.save.p95)} / ${round(r.saveAgainst.p95)} ms (${r.saveAgainst.oursOverAgainstP95.toFixed(2)}x)`,
    );
  }
  if (r.search.against) {
    console.log(`this tree against ${r.search.against.tree}, query by query, taking turns:`);
    console.log(
      formatTable(
        ['search kind', 'ours med', 'ours p95', 'against med', 'against p95', 'ratio med', 'ratio p95', 'hits differ'],
        r.search.against.byKind.map((k) => [
          k.kind,
          round(k.ours.median),
          round(k.ours.p95),
          round(k.against.median),
          round(k.against.p95),
          k.ratioMedian.toFixed(2),
          k.ratioP95.toFixed(2),
          k.hitsDiffer,
        ]),
      ),
    );
  }
  console.log(
    formatTable(
      ['search phase', 'median', 'p95'],
      Object.entries(r.searchPhases).map(([p, v]) => [p, round(v.median), round(v.p95)]),
    ),
  );
  console.log(
    `first search (loads the dictionary): ${r.search.firstSearchMs.toFixed(0)} ms; heap: page ${r.heapMB.pageBeforeLibrary} MB, ` +
      `+${r.heapMB.libraryAfterFirstPage} MB after the first page, +${r.heapMB.libraryAfterFirstSearch} MB after the first search; ` +
      `peak in use ${r.heapMB.peakWhileUsed} MB while opening pages, searching and opening articles`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
