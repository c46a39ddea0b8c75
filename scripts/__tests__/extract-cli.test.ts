// @vitest-environment node
/**
 * `npm run extract` as a user runs it: spawned, its JSON lines parsed. Fixtures are small anonymised
 * pages under ./fixtures; the gzip copy is made from article.html so the two cannot drift apart.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Each case spawns the CLI, and importing jsdom and the pipeline takes seconds on a busy 2-core machine.
const SPAWN_TIMEOUT = 90_000;

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const fixtures = join(here, 'fixtures');
const ARTICLE = join(fixtures, 'article.html');
const LEGACY = join(fixtures, 'legacy-cp1252.html');
const SIGN_IN = join(fixtures, 'sign-in.html');
const PAGE_URL = 'https://bayside.example/news/2024/pier.html';

interface Line {
  file: string;
  error?: string;
  [field: string]: unknown;
}

function runCli(args: string[]): { status: number | null; lines: Line[]; stderr: string } {
  const result = spawnSync(join(repoRoot, 'node_modules', '.bin', 'tsx'), [join(repoRoot, 'scripts', 'extract.ts'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = result.stdout
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);
  return { status: result.status, lines, stderr: result.stderr };
}

let tmp: string;
let gzFile: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'extract-cli-'));
  gzFile = join(tmp, 'pier-copy.html.gz');
  writeFileSync(gzFile, gzipSync(readFileSync(ARTICLE)));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('npm run extract', () => {
  it('prints one JSON line per file, in order: articles (one gzipped, one in windows-1252), a not-article, an error for a missing file', () => {
    const missing = join(tmp, 'no-such-page.html');
    const urls = join(tmp, 'urls.json');
    writeFileSync(urls, JSON.stringify({ article: PAGE_URL, 'pier-copy': 'https://bayside.example/archive/pier.html' }));
    const { status, lines } = runCli(['--urls', urls, ARTICLE, gzFile, SIGN_IN, missing, LEGACY]);

    expect(status).toBe(0);
    expect(lines.map((l) => l.file)).toEqual([ARTICLE, gzFile, SIGN_IN, missing, LEGACY]);
    const [article, gz, signIn, error, legacy] = lines;

    expect(Object.keys(article)).toEqual([
      'file', 'url', 'title', 'byline', 'siteName', 'lang', 'dir', 'publishedTime', 'excerpt', 'text',
      'contentHtml', 'wordCount', 'readingMinutes', 'ms',
    ]);
    expect(article).toMatchObject({
      url: PAGE_URL,
      title: 'Council votes to repair the old ferry pier',
      siteName: 'Bayside Courier',
      lang: 'en',
      publishedTime: '2024-11-19T18:30:00Z',
    });
    expect(article.text).toMatch(/before the winter storms arrive\.\n+Engineers told the meeting/);
    expect(article.text).not.toContain('All rights reserved');
    expect(article.wordCount).toBeGreaterThan(250);
    expect(article.readingMinutes).toBeGreaterThanOrEqual(1);
    expect(typeof article.ms).toBe('number');
    // Relative links and images resolve against the URL from the map.
    expect(article.contentHtml).toContain('href="https://bayside.example/news/documents/engineers-report.pdf"');
    expect(article.contentHtml).toContain('src="https://bayside.example/news/2024/images/pier.jpg"');
    expect(article.contentHtml).not.toContain('<script');

    // The gzip copy reads the same, and its URL comes from the map under its own name.
    expect(gz.url).toBe('https://bayside.example/archive/pier.html');
    expect(gz.text).toBe(article.text);
    expect(gz.contentHtml).toContain('src="https://bayside.example/archive/images/pier.jpg"');

    // What the best effort holds is the pipeline's business (its own tests); the CLI prints it, flagged.
    expect(signIn).toMatchObject({ notArticle: true, reason: 'too-short', message: expect.any(String) });
    expect(Object.keys(signIn)).toEqual(expect.arrayContaining(['url', 'title', 'text', 'contentHtml', 'wordCount', 'ms']));
    expect(signIn.wordCount).toBeLessThan(50);

    expect(error).toEqual({ file: missing, error: 'file not found' });

    // windows-1252 bytes with no charset declared, and no <html> or <body> tags.
    expect(legacy.title).toBe('Harbour café reopens after the flood');
    expect(legacy.text).toContain('the crème brûlée that was never on the menu');
    expect(legacy.text).toContain('The piano has been tuned at last.');
  }, SPAWN_TIMEOUT);

  it('sets the URL of a single file with --url', () => {
    const single = runCli(['--url', 'https://other.example/a/b/', ARTICLE]);
    expect(single.status).toBe(0);
    expect(single.lines[0].url).toBe('https://other.example/a/b/');
    expect(single.lines[0].contentHtml).toContain('href="https://other.example/a/documents/engineers-report.pdf"');
  }, SPAWN_TIMEOUT);

  it('exits non-zero only when every file failed', () => {
    const copy = join(tmp, 'broken.html.gz');
    writeFileSync(copy, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01])); // a truncated gzip stream
    const allFailed = runCli([copy, join(tmp, 'missing.html')]);
    expect(allFailed.status).toBe(1);
    expect(allFailed.lines).toHaveLength(2);
    expect(allFailed.lines[0].file).toBe(copy);
    expect(allFailed.lines[0].error).toEqual(expect.any(String));
    expect(allFailed.lines[1].error).toBe('file not found');
  }, SPAWN_TIMEOUT);

  it('refuses --url with several files, and no files at all, as usage errors', () => {
    const several = runCli(['--url', PAGE_URL, ARTICLE, SIGN_IN]);
    expect(several.status).toBe(2);
    expect(several.lines).toEqual([]);
    expect(several.stderr).toContain('--url sets the URL of a single file');
    expect(runCli([]).status).toBe(2);
  }, SPAWN_TIMEOUT);
});
