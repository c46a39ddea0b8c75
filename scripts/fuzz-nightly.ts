/**
 * The nightly-size fuzz run: the same generators and contracts as tests/unit/fuzz.test.ts, many more
 * cases, and bigger pathological pages than `npm test` can afford.
 *
 *   npm run fuzz:nightly                        # 20,000 sanitiser cases, 5,000 pipeline cases, 10 big pages
 *   npm run fuzz:nightly -- --runs 100000       # sanitiser cases (pipeline cases: a quarter as many)
 *   npm run fuzz:nightly -- --seed 1234         # replay a whole run (the seed is printed at the start)
 *   npx tsx scripts/fuzz-nightly.ts --worker --only pipeline --seed 1238 --runs 500   # replay one chunk (printed on failure)
 *   ... --path "61"                             # and only its failing case (fast-check prints the path)
 *
 * jsdom keeps a little memory for every document it ever made (about 0.7 MB per extraction here), so
 * the cases run in chunks, each in a fresh process; a chunk's seed is the run's seed plus its number,
 * and a failing chunk prints the command that replays it. Exits non-zero if any contract broke.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { sanitize } from '../lib/extract/sanitize';
import { anyHtml, anyPage, checkExtraction, checkSanitized, documentFrom, type DomWindow } from '../tests/unit/fuzz-html';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20000' },
    seed: { type: 'string' },
    path: { type: 'string' },
    only: { type: 'string' },
    big: { type: 'string', default: '10' },
    chunk: { type: 'string', default: '2000' },
    /** Internal: run one chunk of one section in this process. */
    worker: { type: 'boolean', default: false },
  },
});

const runs = Number(values.runs);
const seed = values.seed !== undefined ? Number(values.seed) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
const big = Number(values.big);
const chunk = Number(values.chunk);
const SECTIONS = ['sanitize', 'pipeline', 'big'] as const;
type Section = (typeof SECTIONS)[number];
if (![runs, seed, big, chunk].every(Number.isFinite) || (values.only && !SECTIONS.includes(values.only as Section))) {
  console.error('usage: fuzz-nightly [--runs N] [--seed S] [--only sanitize|pipeline|big] [--path P] [--big N] [--chunk N]');
  process.exit(2);
}

if (values.worker) {
  process.exit(runWorker(values.only as Section) ? 0 : 1);
} else {
  process.exit(runAll() ? 0 : 1);
}

/** Splits each section into chunks and runs every chunk in a child process. */
function runAll(): boolean {
  console.log(`fuzz-nightly: seed ${seed} (replay everything with --seed ${seed})`);
  const plan: Array<[Section, number]> = [
    ['sanitize', runs],
    ['pipeline', Math.ceil(runs / 4)],
    ['big', big],
  ];
  let ok = true;
  for (const [section, total] of plan) {
    if (values.only && values.only !== section) continue;
    // Pipeline cases hold more memory each; big pages are one per process.
    const size = section === 'big' ? 1 : section === 'pipeline' ? Math.max(1, Math.floor(chunk / 4)) : chunk;
    const started = performance.now();
    for (let done = 0, k = 0; done < total; done += size, k++) {
      const n = Math.min(size, total - done);
      const args = ['--worker', '--only', section, '--seed', String(seed + k), '--runs', String(n), '--big', String(k)];
      try {
        execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], { stdio: 'inherit' });
      } catch {
        ok = false;
        console.error(`${section}: chunk ${k} failed; replay it with: npx tsx scripts/fuzz-nightly.ts ${args.join(' ')}`);
      }
    }
    console.log(`${section}: ${total} ${section === 'big' ? 'pages' : 'cases'} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  console.log(ok ? 'fuzz-nightly: every contract held' : 'fuzz-nightly: FAILED');
  return ok;
}

/** One chunk: `--runs` cases of one section from `--seed` (for big pages, page number `--big`). */
function runWorker(section: Section): boolean {
  const win = new JSDOM('<!doctype html><html><body></body></html>').window as unknown as DomWindow;
  const params = { numRuns: runs, seed, path: values.path, endOnFailure: true };
  try {
    if (section === 'sanitize') {
      fc.assert(fc.property(anyHtml, (html) => checkSanitized(sanitize(html, win), win)), params);
    } else if (section === 'pipeline') {
      fc.assert(fc.property(anyPage, (html) => void checkExtraction(documentFrom(html, win), win)), params);
    } else {
      const { label, doc } = bigPage(big, seededRandom(seed));
      const started = performance.now();
      const result = checkExtraction(doc, win);
      const verdict = result.kind === 'article' ? 'article' : `not-article (${result.reason})`;
      console.log(`  big page ${big}: ${label}: ${verdict} in ${Math.round(performance.now() - started)} ms`);
    }
    return true;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `\nCaused by: ${error.cause.message}` : '';
    console.error(`${section} (seed ${seed}): FAILED\n${error instanceof Error ? error.message : String(error)}${cause}`);
    return false;
  }
}

interface Rng {
  nextInt(min: number, max: number): number;
}

/** A small seeded generator (xorshift32), so a seed replays the big pages too. */
function seededRandom(s: number): Rng {
  let x = s | 0 || 1;
  return {
    nextInt(min, max) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return min + ((x >>> 0) % (max - min + 1));
    },
  };
}

/** Pathological page number `i`: its kind cycles, its size comes from the seed. */
function bigPage(i: number, rng: Rng): { label: string; doc: Document } {
  const paragraph = '<p>The council met again on Tuesday evening to talk about the harbour wall and the ferry.</p>';
  const article = (body: string) => `<!doctype html><html><head><title>Harbour news</title></head><body><article><h1>Harbour news</h1>${paragraph.repeat(6)}${body}</article></body></html>`;
  switch (i % 5) {
    case 0: {
      const depth = rng.nextInt(2_000, 20_000);
      return { label: `${depth} levels of nesting (linkedom)`, doc: parseHTML(article(`${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`)).document as unknown as Document };
    }
    case 1: {
      const depth = rng.nextInt(300, 1_500);
      return { label: `${depth} levels of nesting (jsdom)`, doc: new JSDOM(article(`${'<span>'.repeat(depth)}x`)).window.document };
    }
    case 2: {
      // jsdom parses reflected URLs in JavaScript, so a megabyte-long src costs it seconds a read.
      const size = rng.nextInt(1 << 20, 2 << 20);
      const v = 'a'.repeat(size);
      return { label: `${size >> 10} KB attributes`, doc: new JSDOM(article(`<p title="${v}">x</p><img src="https://img.example/${v.slice(0, 200_000)}.jpg"><a href="https://x.example/?${v}">y</a>`)).window.document };
    }
    case 3: {
      const n = rng.nextInt(20_000, 60_000);
      return { label: `${n} list items`, doc: new JSDOM(article(`<ul>${'<li>item <b>bold</b></li>'.repeat(n)}</ul>`)).window.document };
    }
    default: {
      const n = rng.nextInt(200, 2_000);
      const junk = Array.from({ length: n }, () => String.fromCharCode(rng.nextInt(0, 0xffff))).join('');
      return { label: `${n} random UTF-16 code units`, doc: new JSDOM(article(`<p>${junk}</p><p title="${junk.replace(/"/g, '')}">${paragraph}</p>`)).window.document };
    }
  }
}
