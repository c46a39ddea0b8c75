/**
 * `npm run bench:export [-- --articles 200] [--profile out.cpuprofile]`: the library's export, in Node
 * and in the extension's library page in Chromium, on the same articles.
 *
 * Node: `exportLibrary` over the records (Turndown on its Node DOM, fflate), CPU and wall time.
 * Chromium: the records arrive through the library's own import (an export ZIP made here), then the
 * Export button is clicked and timed until the page says it is done (the records read from IndexedDB,
 * Markdown, deflate, the download). `--profile` writes the page's CPU profile of that export (open it
 * in Chromium's DevTools, Performance tab) and prints the functions with the most self time.
 *
 * Needs a build: `npm run build` (the library page of .output/chrome-mv3 is used). The machine's load
 * average is printed: compare the two figures of one run, not runs on different days.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { SavedArticle } from '../lib/library/types';
import { exportLibrary } from '../lib/transfer';
import { launchWithExtension } from './lib/launch-chromium';
import { repoRoot } from './lib/corpus';

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '200' },
    profile: { type: 'string' },
    extension: { type: 'string', default: '.output/chrome-mv3' },
  },
});
const COUNT = Number(args.articles);

/** A small deterministic generator, so every run exports the same library. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS =
  'the harbour town council met on tuesday to discuss a new sea wall after winter storms flooded the lower streets twice engineers said concrete would last longer than stone but residents asked for a design that keeps the view of the water open library reading room opened with longer hours and a quiet corner for students'.split(
    ' ',
  );

/** An article body like the reader saves: headings, paragraphs with links and emphasis, a list, a quote, a figure, code. */
function articleHtml(next: () => number, targetBytes: number): string {
  const word = () => WORDS[Math.floor(next() * WORDS.length)];
  const sentence = () => {
    const n = 8 + Math.floor(next() * 18);
    const words = Array.from({ length: n }, word);
    if (next() < 0.3) words[2] = `<a href="https://news.example.com/${word()}">${words[2]}</a>`;
    if (next() < 0.2) words[5] = `<em>${words[5]}</em>`;
    return `${words.join(' ')}.`;
  };
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  while (size < targetBytes) {
    let block: string;
    const pick = i++ % 9;
    if (pick === 3) block = `<h2>${sentence()}</h2>`;
    else if (pick === 5) block = `<ul>${Array.from({ length: 4 }, () => `<li>${sentence()}</li>`).join('')}</ul>`;
    else if (pick === 7) block = `<blockquote><p>${sentence()}</p></blockquote>`;
    else if (pick === 8 && i % 4 === 0)
      block = `<figure><img src="https://img.example.com/${i}.jpg" alt="${word()}"><figcaption>${sentence()}</figcaption></figure>`;
    else if (pick === 8) block = `<pre><code class="language-js">const x = ${i};\nconsole.log(x);</code></pre>`;
    else block = `<p>${Array.from({ length: 3 + Math.floor(next() * 4) }, sentence).join(' ')}</p>`;
    parts.push(block);
    size += block.length;
  }
  return `<div class="page">${parts.join('\n')}</div>`;
}

export function makeRecords(count: number): SavedArticle[] {
  const next = random(20261126);
  const start = Date.UTC(2025, 0, 1);
  // The shape the library stores (lib/library/types.ts SavedArticle), so its import takes every record.
  return Array.from({ length: count }, (_, i) => {
    const url = `https://news.example.com/2025/article-${i + 1}`;
    const contentHtml = articleHtml(next, 5_000 + Math.floor(next() * 45_000));
    const text = contentHtml
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const wordCount = text.split(' ').length;
    return {
      id: i + 1,
      url,
      normalizedUrl: url,
      title: `Article ${i + 1}: the harbour and the library`,
      byline: 'A. Reporter',
      siteName: 'News Example',
      lang: 'en',
      dir: 'ltr',
      publishedTime: new Date(start + i * 3_600_000).toISOString(),
      excerpt: 'The harbour town council met on Tuesday.',
      leadImage: null,
      wordCount,
      readingMinutes: Math.max(1, Math.round(wordCount / 230)),
      savedAt: start + i * 3_600_000 + 60_000,
      updatedAt: start + i * 3_600_000 + 60_000,
      state: 'unread',
      favourite: false,
      tags: i % 3 ? ['harbours'] : ['long reads', 'libraries'],
      readingPosition: null,
      downloaded: true,
      highlights: [],
      note: null,
      contentHtml,
      text,
    };
  });
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (name, file, line), most first. */
function topSelfTime(profile: Profile, n: number): Array<{ fn: string; ms: number }> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([fn, ms]) => ({ fn, ms: Math.round(ms) }));
}

async function main() {
  const records = makeRecords(COUNT);
  const htmlBytes = records.reduce((n, r) => n + (r.contentHtml?.length ?? 0), 0);
  console.log(
    `${COUNT} articles, ${(htmlBytes / 1024 / 1024).toFixed(1)} MB of HTML; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );

  // Node: warm up once on a few, then the whole export.
  exportLibrary(records.slice(0, 5), 1);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const zip = exportLibrary(records, 1);
  const nodeWall = performance.now() - t0;
  const nodeCpu = (process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1000;
  console.log(`node     export: ${Math.round(nodeWall)} ms wall, ${Math.round(nodeCpu)} ms CPU, ${zip.length} bytes`);

  const tmp = mkdtempSync(join(tmpdir(), 'cr-bench-export-'));
  const zipPath = join(tmp, 'library.zip');
  writeFileSync(zipPath, zip);
  const browser = await launchWithExtension({ extensionDir: resolve(repoRoot, args.extension) });
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/library.html`);
    await page.waitForSelector('[data-testid="library-empty"]');
    await page.locator('[data-testid="import-file"]').setInputFiles(zipPath);
    await page.waitForSelector('[data-testid="import-result"], [data-testid="import-error"]', { timeout: 600_000 });
    if (await page.locator('[data-testid="import-error"]').count()) throw new Error('The import was refused');
    const added = Number(await page.locator('[data-testid="import-added"]').getAttribute('data-count'));
    if (added !== COUNT) {
      const why = await page.locator('[data-testid="import-result"]').innerText();
      throw new Error(`The import added ${added} of ${COUNT} articles: ${why.slice(0, 500)}`);
    }

    const cdp = await browser.context.newCDPSession(page);
    if (args.profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const started = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 600_000 }),
      page.locator('[data-testid="export-library"]').click(),
    ]);
    await page.waitForSelector('[data-testid="export-done"]', { timeout: 600_000 });
    const browserWall = Date.now() - started;
    const saved = join(tmp, 'export.zip');
    await download.saveAs(saved);
    console.log(
      `chromium export: ${browserWall} ms wall (click to done), ratio ${(browserWall / nodeWall).toFixed(1)}x node`,
    );
    if (args.profile) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      writeFileSync(args.profile, JSON.stringify(profile));
      console.log(`profile: ${args.profile}; most self time:`);
      for (const row of topSelfTime(profile, 25)) console.log(`  ${String(row.ms).padStart(6)} ms  ${row.fn}`);
    }
  } finally {
    await browser.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Run when called as a script, not when a profiling helper imports makeRecords.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
