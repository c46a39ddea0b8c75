/**
 * `npm run bench:quality [-- --page ID]`: extraction quality on the zyte corpus, scored as its README
 * defines (scripts/lib/score.ts), for plain Readability and for our full pipeline in the same run, on
 * the same DOM, with the same sanitising and text conversion (`extractArticle` with and without
 * `readabilityOnly`). Prints both systems' precision, recall, F1 and accuracy, our 15 worst pages and
 * every page where we fall more than 0.05 F1 below Readability; writes bench/results/quality.json.
 *
 * `--page ID` (an id or its first characters) prints, for that page, the lines each system kept that
 * the labelled article lacks and the article lines it lost.
 *
 * What counts as a system's text: the article's text; for a "too short" verdict the best effort (still
 * the block Readability picked); for "no content" nothing, as plain Readability's `parse()` gives null.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { extractArticle, type ExtractResult } from '../lib/extract';
import { corpusMissingMessage, loadZyteCorpus, repoRoot, zyteDir, type CorpusPage } from './lib/corpus';
import { describeMachine, machineInfo } from './lib/machine';
import { parsePage, sanitizeWindow, yieldToEventLoop, type DomKind } from './lib/node-dom';
import { readPage } from './lib/page-file';
import { writeResults } from './lib/results';
import { aggregate, scorePage, type CorpusScore, type PageScore } from './lib/score';
import { formatTable } from './lib/table';
import { linesMissingFrom } from './lib/text-diff';

const WORST_SHOWN = 15;
/** A page where our F1 is this much below Readability's is a regression (issue 3's target). */
const REGRESSION_MARGIN = 0.05;
export const TARGETS = { f1: 0.975, precision: 0.96, recall: 0.975 };

type System = 'readability' | 'ours';
const SYSTEMS: Array<[System, string]> = [
  ['readability', 'Readability 0.6.0'],
  ['ours', 'Clean Reader'],
];

interface SystemPage extends PageScore {
  kind: ExtractResult['kind'] | 'error';
  reason?: string;
  error?: string;
  text: string;
}

interface PageResult {
  id: string;
  url: string;
  dom: DomKind;
  note?: string;
  readability: SystemPage;
  ours: SystemPage;
}

function predictedText(result: ExtractResult): string {
  if (result.kind === 'article') return result.text;
  return result.reason === 'too-short' && result.bestEffort ? result.bestEffort.text : '';
}

function runSystem(doc: Document, page: CorpusPage, readabilityOnly: boolean): SystemPage {
  try {
    const result = extractArticle(doc, page.url, { sanitizeWindow: sanitizeWindow(), readabilityOnly });
    const text = predictedText(result);
    return {
      ...scorePage(page.articleBody, text),
      kind: result.kind,
      reason: result.kind === 'not-article' ? result.reason : undefined,
      text,
    };
  } catch (err) {
    return { ...scorePage(page.articleBody, ''), kind: 'error', error: String((err as Error)?.message ?? err), text: '' };
  }
}

async function scoreCorpus(pages: CorpusPage[]): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const page of pages) {
    const loaded = parsePage(readPage(page.file).html, page.url);
    try {
      results.push({
        id: page.id,
        url: page.url,
        dom: loaded.dom,
        note: loaded.note,
        readability: runSystem(loaded.document, page, true),
        ours: runSystem(loaded.document, page, false),
      });
    } finally {
      loaded.close();
    }
    await yieldToEventLoop();
  }
  return results;
}

function showPage(results: PageResult[], pages: CorpusPage[], prefix: string): number {
  const matches = results.filter((r) => r.id.startsWith(prefix));
  if (matches.length !== 1) {
    process.stderr.write(`bench:quality: --page ${prefix} matches ${matches.length} pages\n`);
    return 2;
  }
  const r = matches[0];
  const truth = pages.find((p) => p.id === r.id)!.articleBody;
  const out: string[] = [`${r.id}\n${r.url}\n`];
  for (const [system, label] of SYSTEMS) {
    const s = r[system];
    out.push(`${label}: P ${fmt(s.precision)} R ${fmt(s.recall)} F1 ${fmt(s.f1)} (${s.kind}${s.reason ? `, ${s.reason}` : ''}${s.error ? `, ${s.error}` : ''})`);
    out.push(`  kept but not in the article:`);
    for (const line of linesMissingFrom(s.text, truth)) out.push(`    + ${line}`);
    out.push(`  in the article but lost:`);
    for (const line of linesMissingFrom(truth, s.text)) out.push(`    - ${line}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

function fmt(n: number | null): string {
  return n === null ? '-' : n.toFixed(3);
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { page: { type: 'string' } } });
  const pages = loadZyteCorpus();
  if (!pages) {
    process.stdout.write(`${corpusMissingMessage('bench:quality')}\n`);
    return 0;
  }
  const started = performance.now();
  const results = await scoreCorpus(values.page ? pages.filter((p) => p.id.startsWith(values.page!)) : pages);
  const seconds = (performance.now() - started) / 1000;
  if (values.page) return showPage(results, pages, values.page);

  const scores = {
    readability: aggregate(results.map((r) => r.readability)),
    ours: aggregate(results.map((r) => r.ours)),
  } satisfies Record<System, CorpusScore>;
  const worst = [...results].sort((a, b) => a.ours.f1 - b.ours.f1).slice(0, WORST_SHOWN);
  const regressions = results.filter((r) => r.ours.f1 < r.readability.f1 - REGRESSION_MARGIN);
  const machine = machineInfo();
  const fallbacks = results.filter((r) => r.note);

  const out: string[] = [];
  out.push(`bench:quality: ${results.length} pages of ${relative(repoRoot, zyteDir)} in ${seconds.toFixed(1)} s (${describeMachine(machine)})`);
  if (fallbacks.length) out.push(`parsed with jsdom instead of linkedom: ${fallbacks.map((r) => `${r.id.slice(0, 10)} (${r.note})`).join(', ')}`);
  out.push('');
  out.push(
    formatTable(
      ['system', 'precision', 'recall', 'F1', 'accuracy', 'not articles', 'errors'],
      SYSTEMS.map(([system, label]) => [
        label,
        scores[system].precision,
        scores[system].recall,
        scores[system].f1,
        scores[system].accuracy,
        results.filter((r) => r[system].kind === 'not-article').length,
        results.filter((r) => r[system].kind === 'error').length,
      ]),
    ),
  );
  const o = scores.ours;
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  out.push(
    `targets: F1 >= ${TARGETS.f1} ${met(o.f1 >= TARGETS.f1)}, precision >= ${TARGETS.precision} ${met(o.precision >= TARGETS.precision)}, ` +
      `recall >= ${TARGETS.recall} ${met(o.recall >= TARGETS.recall)}, no page > ${REGRESSION_MARGIN} F1 below Readability ${met(regressions.length === 0)}`,
  );
  out.push('', `Our ${WORST_SHOWN} worst pages (by our F1; Readability's on the same page):`);
  out.push(pageTable(worst));
  out.push('', `Pages where our F1 is more than ${REGRESSION_MARGIN} below Readability's: ${regressions.length}`);
  if (regressions.length) out.push(pageTable(regressions));
  out.push('', `Details of one page: npm run bench:quality -- --page ID`);

  const pct = (n: number) => Math.round(n * 1000) / 1000;
  const written = writeResults({
    benchmark: 'quality',
    machine,
    summary: [
      { metric: 'F1 (Readability)', value: pct(scores.readability.f1) },
      { metric: 'F1', value: pct(o.f1), target: `>= ${TARGETS.f1}`, met: o.f1 >= TARGETS.f1 },
      { metric: 'precision', value: pct(o.precision), target: `>= ${TARGETS.precision}`, met: o.precision >= TARGETS.precision },
      { metric: 'recall', value: pct(o.recall), target: `>= ${TARGETS.recall}`, met: o.recall >= TARGETS.recall },
      { metric: 'accuracy', value: pct(o.accuracy) },
      { metric: `pages > ${REGRESSION_MARGIN} F1 below Readability`, value: regressions.length, target: '0', met: regressions.length === 0 },
    ],
    seconds: round(seconds),
    pages: results.length,
    targets: TARGETS,
    scores,
    worst: worst.map((r) => r.id),
    regressions: regressions.map((r) => r.id),
    perPage: results.map((r) => ({
      id: r.id,
      url: r.url,
      dom: r.dom,
      ...(r.note ? { note: r.note } : {}),
      readability: pageSummary(r.readability),
      ours: pageSummary(r.ours),
    })),
  });
  out.push(`wrote ${written}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

function pageTable(rows: PageResult[]): string {
  return formatTable(
    ['page', 'our P', 'our R', 'our F1', 'Rdb P', 'Rdb R', 'Rdb F1', 'url'],
    rows.map((r) => [
      r.id.slice(0, 10),
      r.ours.precision,
      r.ours.recall,
      r.ours.f1,
      r.readability.precision,
      r.readability.recall,
      r.readability.f1,
      r.url.length > 70 ? `${r.url.slice(0, 69)}…` : r.url,
    ]),
  );
}

function pageSummary(s: SystemPage) {
  return {
    precision: s.precision === null ? null : round(s.precision),
    recall: s.recall === null ? null : round(s.recall),
    f1: round(s.f1),
    exact: s.exact,
    kind: s.kind,
    ...(s.reason ? { reason: s.reason } : {}),
    ...(s.error ? { error: s.error } : {}),
  };
}

function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}

process.exitCode = await main();
