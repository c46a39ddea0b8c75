/** One line of the command-line reader's output: what `extractArticle` found in one file. */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { extractArticle, type Article, type ExtractResult, type Removal } from '../../lib/extract';
import { parsePage, sanitizeWindow, type DomKind } from './node-dom';
import { readPage } from './page-file';

export interface ArticleRecord {
  file: string;
  url: string;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  dir: string | null;
  publishedTime: string | null;
  excerpt: string | null;
  text: string;
  contentHtml: string;
  wordCount: number;
  readingMinutes: number;
  /** Milliseconds spent in `extractArticle` alone: no file reading, decoding or DOM building. */
  ms: number;
  /** Present when the page is not an article; the fields above are then the best effort, or empty. */
  notArticle?: true;
  reason?: string;
  message?: string;
  /** What the clean-up steps removed, when asked for (`--removed`). */
  removed?: Removal[];
}

export interface ErrorRecord {
  file: string;
  error: string;
}

export type FileRecord = ArticleRecord | ErrorRecord;

export interface ExtractFileOptions {
  /** The URL the page was served from; default its `file://` URL. */
  url?: string;
  /** DOM to parse with first (see node-dom.ts). */
  dom?: DomKind;
  /** Include `removed` in the record. */
  withRemoved?: boolean;
}

/** Reads, parses and extracts one file. Never throws: a failure is an `ErrorRecord`. */
export function extractFile(file: string, options: ExtractFileOptions = {}): FileRecord {
  let page;
  let url: string;
  try {
    url = options.url ?? pathToFileURL(resolve(file)).href;
    page = parsePage(readPage(file).html, url, { prefer: options.dom });
  } catch (err) {
    return { file, error: errorMessage(err) };
  }
  try {
    const win = sanitizeWindow();
    const started = performance.now();
    const result = extractArticle(page.document, url, { sanitizeWindow: win });
    const ms = performance.now() - started;
    return toRecord(file, url, result, round(ms), options.withRemoved ?? false);
  } catch (err) {
    return { file, error: errorMessage(err) };
  } finally {
    page.close();
  }
}

export function toRecord(file: string, url: string, result: ExtractResult, ms: number, withRemoved: boolean): ArticleRecord {
  if (result.kind === 'article') return fromArticle(file, result, ms, withRemoved);
  const base: ArticleRecord = result.bestEffort
    ? fromArticle(file, result.bestEffort, ms, withRemoved)
    : {
        file, url: result.url || url, title: null, byline: null, siteName: null, lang: null, dir: null,
        publishedTime: null, excerpt: null, text: '', contentHtml: '', wordCount: 0, readingMinutes: 0, ms,
      };
  return { ...base, notArticle: true, reason: result.reason, message: result.message };
}

function fromArticle(file: string, a: Article, ms: number, withRemoved: boolean): ArticleRecord {
  const record: ArticleRecord = {
    file,
    url: a.url,
    title: a.title,
    byline: a.byline,
    siteName: a.siteName,
    lang: a.lang,
    dir: a.dir,
    publishedTime: a.publishedTime,
    excerpt: a.excerpt,
    text: a.text,
    contentHtml: a.contentHtml,
    wordCount: a.wordCount,
    readingMinutes: a.readingMinutes,
    ms,
  };
  if (withRemoved) record.removed = a.removed;
  return record;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

export function errorMessage(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && err.code === 'ENOENT') return 'file not found';
  return err instanceof Error ? err.message : String(err);
}
