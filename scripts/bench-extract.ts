/**
 * `npm run bench:extract [-- --runs N --pages N]`: extraction speed in Node on the zyte corpus.
 *
 * For each page, on one parsed DOM (linkedom; jsdom where linkedom misparses, see node-dom.ts):
 * - baseline: `new Readability(doc.cloneNode(true)).parse()`, plain Readability as any caller must run
 *   it (it mutates its input, hence the clone);
 * - ours: `extractArticle(doc, url)`: clone, clean-up steps, Readability, DOMPurify (on a jsdom
 *   window), text and statistics.
 * After a warm-up (the first pages once, then each page once before it is timed), each system runs
 * `--runs` times per page, alternating; a page's time is its median run. Reported: median and p95 over
 * pages per system, the ratio of the two medians (target <= 1.3, issue 8), the median of per-page
 * ratios, and the slowest pages. Writes bench/results/extract.json.
 *
 * `--dom jsdom` parses every page with jsdom instead (results in extract-jsdom.json): both systems then
 * run on the DOM that DOMPurify also uses, which isolates the pipeline's own overhead from the cost of
 * crossing from linkedom to jsdom for sanitising.
 *
 * Profiling: `node --cpu-prof --cpu-prof-dir=/tmp/cr-prof --import tsx scripts/bench-extract.ts`.
 */
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../lib/extract';
import { corpusMissingMessage, loadZyteCorpus, type CorpusPage } from './lib/corpus';
import { describeMachine, machineInfo } from './lib/machine';
import { parsePage, sanitizeWindow, yieldToEventLoop, type DomKind } from './lib/node-dom';
import { readPage } from './lib/page-file';
import { writeResults } from './lib/results';
import { median, percentile } from './lib/stats';
import { formatTable } from './lib/table';

export const TARGET_RATIO = 1.3;
const WARM_UP_PAGES = 10;
const SLOWEST_SHOWN = 10;

interface PageTiming {
  id: string;
  url: string;
  dom: DomKind;
  bytes: number;
  /** Median over runs, in ms. */
  parse: number;
  readability: number;
  ours: number;
}

function time(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

async function measure(pages: CorpusPage[], runs: number, dom: DomKind): Promise<PageTiming[]> {
  const baseline = (doc: Document) => () => new Readability(doc.cloneNode(true) as Document).parse();
  // The window is fetched outside the timed call: replacing it (every 50 pages) is not extraction.
  const ours = (doc: Document, url: string, win = sanitizeWindow()) => () => extractArticle(doc, url, { sanitizeWindow: win });

  for (const page of pages.slice(0, WARM_UP_PAGES)) {
    const loaded = parsePage(readPage(page.file).html, page.url, { prefer: dom });
    baseline(loaded.document)();
    ours(loaded.document, page.url)();
    loaded.close();
    await yieldToEventLoop();
  }

  const timings: PageTiming[] = [];
  for (const page of pages) {
    const { html } = readPage(page.file);
    // DOM building is reported for context only: three runs suffice.
    const parseTimes: number[] = [];
    let loaded = parsePage(html, page.url, { prefer: dom });
    for (let i = 0; i < 3; i++) {
      loaded.close();
      parseTimes.push(time(() => (loaded = parsePage(html, page.url, { prefer: dom }))));
    }
    const doc = loaded.document;
    const runBaseline = baseline(doc);
    const runOurs = ours(doc, page.url);
    runBaseline();
    runOurs();
    const b: number[] = [];
    const o: number[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so neither always runs on a heap the other just filled.
      if (i % 2 === 0) {
        b.push(time(runBaseline));
        o.push(time(runOurs));
      } else {
        o.push(time(runOurs));
        b.push(time(runBaseline));
      }
    }
    timings.push({
      id: page.id,
      url: page.url,
      dom: loaded.dom,
      bytes: html.length,
      parse: median(parseTimes),
      readability: median(b),
      ours: median(o),
    });
    loaded.close();
    await yieldToEventLoop();
  }
  return timings;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '5' }, pages: { type: 'string' }, dom: { type: 'string', default: 'linkedom' } },
  });
  if (values.dom !== 'linkedom' && values.dom !== 'jsdom') {
    process.stderr.write(`bench:extract: --dom must be linkedom or jsdom\n`);
    return 2;
  }
  const dom = values.dom as DomKind;
  const runs = Math.max(1, Number(values.runs) || 5);
  const corpus = loadZyteCorpus();
  if (!corpus) {
    process.stdout.write(`${corpusMissingMessage('bench:extract')}\n`);
    return 0;
  }
  const pages = values.pages ? corpus.slice(0, Number(values.pages)) : corpus;
  const machine = machineInfo();
  const started = performance.now();
  const timings = await measure(pages, runs, dom);
  const seconds = (performance.now() - started) / 1000;

  const stat = (key: 'readability' | 'ours' | 'parse') => {
    const values = timings.map((t) => t[key]);
    return { median: median(values), p95: percentile(values, 95), mean: values.reduce((a, b) => a + b, 0) / values.length };
  };
  const readability = stat('readability');
  const ours = stat('ours');
  const parse = stat('parse');
  const ratio = ours.median / readability.median;
  const perPageRatio = median(timings.map((t) => t.ours / t.readability));
  const slowest = [...timings].sort((a, b) => b.ours - a.ours).slice(0, SLOWEST_SHOWN);
  const ms = (n: number) => `${n.toFixed(1)}`;

  const out: string[] = [];
  out.push(`bench:extract: ${timings.length} pages parsed with ${dom}, ${runs} timed runs each after a warm-up, in ${seconds.toFixed(1)} s (${describeMachine(machine)})`);
  out.push('');
  out.push(
    formatTable(
      ['system', 'median ms', 'p95 ms', 'mean ms'],
      [
        ['Readability 0.6.0 (clone + parse)', ms(readability.median), ms(readability.p95), ms(readability.mean)],
        ['Clean Reader (extractArticle)', ms(ours.median), ms(ours.p95), ms(ours.mean)],
        ['DOM building (for context)', ms(parse.median), ms(parse.p95), ms(parse.mean)],
      ],
    ),
  );
  out.push(
    `ratio of medians: ${ratio.toFixed(2)} (target <= ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'}); ` +
      `median of per-page ratios: ${perPageRatio.toFixed(2)}`,
  );
  out.push('', `Slowest ${SLOWEST_SHOWN} pages (by our time):`);
  out.push(
    formatTable(
      ['page', 'KB', 'ours ms', 'Readability ms', 'ratio', 'url'],
      slowest.map((t) => [t.id.slice(0, 10), String(Math.round(t.bytes / 1024)), ms(t.ours), ms(t.readability), (t.ours / t.readability).toFixed(2), t.url.length > 60 ? `${t.url.slice(0, 59)}…` : t.url]),
    ),
  );

  const round = (n: number) => Math.round(n * 100) / 100;
  const written = writeResults({
    benchmark: dom === 'linkedom' ? 'extract' : `extract-${dom}`,
    machine,
    summary: [
      { metric: 'Readability median', value: round(readability.median), unit: 'ms' },
      { metric: 'Readability p95', value: round(readability.p95), unit: 'ms' },
      { metric: 'ours median', value: round(ours.median), unit: 'ms' },
      { metric: 'ours p95', value: round(ours.p95), unit: 'ms' },
      { metric: 'ratio of medians', value: round(ratio), unit: 'x', target: `<= ${TARGET_RATIO}`, met: ratio <= TARGET_RATIO },
    ],
    seconds: round(seconds),
    runs,
    dom,
    pages: timings.length,
    readability: mapValues(readability, round),
    ours: mapValues(ours, round),
    domBuilding: mapValues(parse, round),
    ratioOfMedians: round(ratio),
    medianPerPageRatio: round(perPageRatio),
    slowest: slowest.map((t) => t.id),
    perPage: timings.map((t) => ({ ...t, parse: round(t.parse), readability: round(t.readability), ours: round(t.ours) })),
  });
  out.push('', `wrote ${written}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

function mapValues<T extends Record<string, number>>(o: T, f: (n: number) => number): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)])) as T;
}

process.exitCode = await main();
