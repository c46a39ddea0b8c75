/**
 * The nightly-size fuzz run: the same generators and contracts as tests/unit/fuzz.test.ts, many more
 * cases, and bigger pathological pages than `npm test` can afford.
 *
 *   npm run fuzz:nightly                       # 20,000 sanitiser cases, 5,000 pipeline cases, 20 big pages
 *   npm run fuzz:nightly -- --runs 100000      # sanitiser cases (pipeline cases: a quarter of them)
 *   npm run fuzz:nightly -- --seed 1234        # replay a run (the seed is printed at the start)
 *   npm run fuzz:nightly -- --seed 1234 --path "17:3:0" --only pipeline   # replay one shrunk failure
 *
 * Exits non-zero on the first broken contract, after printing fast-check's counterexample, seed and path.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { parseArgs } from 'node:util';
import { sanitize } from '../lib/extract/sanitize';
import { anyHtml, anyPage, checkExtraction, checkSanitized, documentFrom, type DomWindow } from '../tests/unit/fuzz-html';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20000' },
    seed: { type: 'string' },
    path: { type: 'string' },
    only: { type: 'string' },
    big: { type: 'string', default: '20' },
  },
});

const runs = Number(values.runs);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() ^ (Math.random() * 0x7fffffff);
const big = Number(values.big);
if (!Number.isFinite(runs) || !Number.isFinite(seed) || !Number.isFinite(big)) {
  console.error('usage: fuzz-nightly [--runs N] [--seed S] [--path P] [--only sanitize|pipeline|big] [--big N]');
  process.exit(2);
}

const win = new JSDOM('<!doctype html><html><body></body></html>').window as unknown as DomWindow;
const params = (numRuns: number) => ({ numRuns, seed, path: values.path, endOnFailure: true, verbose: 1 as const });
console.log(`fuzz-nightly: seed ${seed} (replay with --seed ${seed})`);

/** A pathological page of the given kind and size; `i` varies the shape from run to run. */
interface Rng {
  nextInt(min: number, max: number): number;
}

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
      const size = rng.nextInt(1 << 20, 4 << 20);
      const v = 'a'.repeat(size);
      return { label: `${size >> 10} KB attributes`, doc: new JSDOM(article(`<p title="${v}">x</p><img src="https://img.example/${v}.jpg"><a href="https://x.example/?${v}">y</a>`)).window.document };
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

let failed = false;
function section(name: string, fn: () => void): void {
  if (values.only && values.only !== name) return;
  const started = performance.now();
  try {
    fn();
    console.log(`${name}: ok in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    failed = true;
    const cause = error instanceof Error && error.cause instanceof Error ? `\nCaused by: ${error.cause.message}` : '';
    console.error(`${name}: FAILED\n${error instanceof Error ? error.message : String(error)}${cause}`);
  }
}

section('sanitize', () => {
  fc.assert(fc.property(anyHtml, (html) => checkSanitized(sanitize(html, win), win)), params(runs));
});

section('pipeline', () => {
  fc.assert(fc.property(anyPage, (html) => void checkExtraction(documentFrom(html, win), win)), params(Math.ceil(runs / 4)));
});

section('big', () => {
  const rng = seededRandom(seed);
  for (let i = 0; i < big; i++) {
    const { label, doc } = bigPage(i, rng);
    const started = performance.now();
    const result = checkExtraction(doc, win);
    const verdict = result.kind === 'article' ? 'article' : `not-article (${result.reason})`;
    console.log(`  ${label}: ${verdict} in ${Math.round(performance.now() - started)} ms`);
  }
});

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

process.exit(failed ? 1 : 0);
