/**
 * `npm run bench:library [-- --articles N] [--headed]`: the library at scale, in Chromium's real
 * IndexedDB (on disk, in a fresh profile). Fills a library with N articles (default 10,000) of 5 to
 * 50 KB of text each, made of the news corpus' hand-labelled paragraphs in random order, then reports
 * median and p95 of: one save, opening the library's first page, one search, opening one article.
 * Writes bench/results/library.json.
 *
 * The library code runs in a page served from 127.0.0.1 (bundled from scripts/bench-library/page.ts),
 * not in the extension: IndexedDB is the same engine, and nothing bench-only ships in the extension.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build, type Rollup } from 'vite';
import { chromiumPath } from './lib/browser-path';
import { corpusMissingMessage, loadZyteCorpus, repoRoot } from './lib/corpus';
import { describeMachine, machineInfo } from './lib/machine';
import { median, percentile } from './lib/stats';
import { formatTable } from './lib/table';

const TARGETS = { saveMedian: 20, firstPage: 100, searchP95: 30, open: 50 };
const RESULTS = join(repoRoot, 'bench', 'results', 'library.json');

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    headed: { type: 'boolean', default: false },
    // A browser profile to fill and keep (or reuse when it already holds the articles): filling takes
    // an hour at 10,000 on a busy 2-core machine, measuring a few minutes.
    profile: { type: 'string' },
  },
});
const total = Number(args.articles);

async function bundlePage(): Promise<string> {
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(repoRoot, 'scripts/bench-library/page.ts'), formats: ['es'], fileName: 'bench' },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const output = Array.isArray(out) ? out[0] : out;
  return output.output.find((chunk): chunk is Rollup.OutputChunk => chunk.type === 'chunk' && chunk.isEntry)!.code;
}

const stats = (times: number[]) => ({ median: median(times), p95: percentile(times, 95), n: times.length });

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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
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
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(0);
    page.on('console', (msg) => {
      if (msg.type() === 'error') console.error('page:', msg.text());
    });
    await page.goto(origin);
    await page.waitForFunction(() => 'libraryBench' in window);
    await page.evaluate((list) => window.libraryBench.setParagraphs(list), paragraphs);
    const already = args.profile ? await page.evaluate(() => window.libraryBench.count()) : 0;
    if (already !== total) await page.evaluate(() => window.libraryBench.reset());

    console.log(
      `bench:library: ${total} articles from ${paragraphs.length} corpus paragraphs; ${describeMachine(machineInfo())}`,
    );
    const chunk = 500;
    let fillMs = 0;
    let chars = 0;
    for (let from = already === total ? total : 0; from < total; from += chunk) {
      const r = await page.evaluate(([f, c]) => window.libraryBench.fill(f, c), [
        from,
        Math.min(chunk, total - from),
      ] as const);
      fillMs += r.ms;
      chars += r.chars;
      process.stdout.write(`\r  filled ${Math.min(from + chunk, total)} / ${total} (${(fillMs / 1000).toFixed(0)} s)`);
    }
    process.stdout.write('\n');

    const { save: saves, indexed } = await page.evaluate(([f, c]) => window.libraryBench.saves(f, c), [
      total,
      50,
    ] as const);
    const firstPages = await page.evaluate((c) => window.libraryBench.firstPages(c), 30);
    const search = await page.evaluate(([c, t]) => window.libraryBench.searches(c, t), [200, total] as const);
    const opens = await page.evaluate(([c, t]) => window.libraryBench.opens(c, t), [100, total] as const);
    const usage = await page.evaluate(() => window.libraryBench.usage());

    const searchTimes = search.results.map((r) => r.ms);
    const byKind = [...new Set(search.results.map((r) => r.kind))].map((kind) => {
      const rs = search.results.filter((r) => r.kind === kind);
      return { kind, ...stats(rs.map((r) => r.ms)), medianHits: median(rs.map((r) => r.total)) };
    });
    const results = {
      machine: machineInfo(),
      articles: usage.articles,
      textMB: chars / 1e6,
      fillSeconds: fillMs / 1000,
      storageMB: usage.usage === null ? null : usage.usage / 1e6,
      vocabulary: usage.vocabulary,
      save: stats(saves),
      saveUntilSearchable: stats(indexed),
      firstPage: stats(firstPages),
      search: { ...stats(searchTimes), firstSearchMs: search.first, byKind },
      open: stats(opens),
      targets: TARGETS,
    };
    const ok = (v: number, t: number) => (v <= t ? 'yes' : 'NO');
    console.log(
      formatTable(
        ['measure', 'median ms', 'p95 ms', 'runs', 'target', 'met'],
        [
          [
            'one save',
            results.save.median,
            results.save.p95,
            saves.length,
            `median <= ${TARGETS.saveMedian}`,
            ok(results.save.median, TARGETS.saveMedian),
          ],
          [
            'save + index',
            results.saveUntilSearchable.median,
            results.saveUntilSearchable.p95,
            indexed.length,
            '(no target)',
            '-',
          ],
          [
            'first page',
            results.firstPage.median,
            results.firstPage.p95,
            firstPages.length,
            `<= ${TARGETS.firstPage}`,
            ok(results.firstPage.p95, TARGETS.firstPage),
          ],
          [
            'one search',
            results.search.median,
            results.search.p95,
            searchTimes.length,
            `p95 <= ${TARGETS.searchP95}`,
            ok(results.search.p95, TARGETS.searchP95),
          ],
          [
            'open article',
            results.open.median,
            results.open.p95,
            opens.length,
            `<= ${TARGETS.open}`,
            ok(results.open.p95, TARGETS.open),
          ],
        ],
      ),
    );
    console.log(
      formatTable(
        ['search kind', 'median ms', 'p95 ms', 'median hits'],
        byKind.map((k) => [k.kind, k.median, k.p95, k.medianHits]),
      ),
    );
    const phases = [...new Set(search.results.flatMap((r) => Object.keys(r.timings)))];
    const phase = (p: string) => search.results.map((r) => r.timings[p] ?? 0);
    console.log(
      formatTable(
        ['search phase', 'median', 'p95'],
        phases.map((p) => [p, median(phase(p)), percentile(phase(p), 95)]),
      ),
    );
    console.log(
      `first search (loads the dictionary of ${usage.vocabulary} terms): ${search.first.toFixed(0)} ms; ` +
        `fill: ${results.fillSeconds.toFixed(0)} s for ${results.textMB.toFixed(0)} MB of text; storage used: ${results.storageMB?.toFixed(0) ?? '?'} MB`,
    );
    mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
    writeFileSync(RESULTS, JSON.stringify({ ...results, searches: search.results }, null, 1));
    console.log(`written ${RESULTS}`);
  } finally {
    await context.close();
    server.close();
    if (!args.profile) rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
