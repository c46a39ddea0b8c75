/**
 * Our own export: one ZIP nobody is locked into.
 *
 *     library.json        { format, schemaVersion, exportedAt, records, contentFiles }
 *     content/<id>.html   each article's sanitised HTML, as a page that opens in any browser
 *     markdown/<id>.md    the same article as Markdown with front matter (Turndown)
 *
 * The article HTML is kept out of library.json (it would double the file) and put back on import from
 * `contentFiles`, so importing the export gives back exactly the records that went in.
 *
 * The archive is compressed file by file as it is built (fflate's streaming `Zip`), so only compressed
 * bytes pile up in memory, and `exportLibraryInSteps` can hand control back to the page between
 * articles: Markdown conversion is the slow part (see the figures in the transfer README).
 */
import { strToU8, Zip, ZipDeflate } from 'fflate';
import type { TransferArticle } from './library-record';
import { articleToMarkdown } from './markdown';

export const EXPORT_FORMAT = 'clean-reader-library';
/** The line after which a content file holds the article's HTML byte for byte. */
export const CONTENT_MARKER = '<!-- clean-reader:content -->\n';

export interface LibraryExport {
  format: typeof EXPORT_FORMAT;
  /** The library's schema version (Dexie's) the records are in. */
  schemaVersion: number;
  exportedAt: string;
  /** Every record, minus `contentHtml` where it had one (see `contentFiles`). */
  records: Record<string, unknown>[];
  /** Record id (as a string) to the ZIP entry holding its `contentHtml`. */
  contentFiles: Record<string, string>;
}

/** The fields export reads; every other field of a record is carried over untouched. */
export type ExportableRecord = Pick<
  TransferArticle,
  'id' | 'url' | 'title' | 'byline' | 'siteName' | 'publishedTime' | 'savedAt' | 'tags' | 'contentHtml'
> &
  Partial<Pick<TransferArticle, 'highlights' | 'note'>>;

export interface ExportOptions {
  /** Stamped into library.json and on every ZIP entry; defaults to now. Tests pass a fixed date. */
  now?: Date;
  /** Called after each record, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export interface SteppedExportOptions extends ExportOptions {
  /** Longest stretch of work between pauses, in ms. Default 12. */
  budgetMs?: number;
  /** Awaited between stretches. Default: a zero-delay timer, which lets the page paint and take input. */
  pause?: () => Promise<void>;
}

/**
 * Builds the export ZIP in one go. Records must be JSON values: what `JSON.stringify` cannot carry
 * (Blobs of offline images, Dates) does not survive.
 */
export function exportLibrary(
  records: readonly ExportableRecord[],
  schemaVersion: number,
  options: ExportOptions = {},
): Uint8Array {
  const writer = new ExportWriter(schemaVersion, options.now ?? new Date());
  records.forEach((record, i) => {
    writer.add(record);
    options.onProgress?.(i + 1, records.length);
  });
  return writer.finish();
}

/** The same ZIP as `exportLibrary`, built in stretches with pauses between them, for the library page. */
export async function exportLibraryInSteps(
  records: readonly ExportableRecord[],
  schemaVersion: number,
  options: SteppedExportOptions = {},
): Promise<Uint8Array> {
  const writer = new ExportWriter(schemaVersion, options.now ?? new Date());
  const budget = options.budgetMs ?? 12;
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  let started = now();
  for (let i = 0; i < records.length; i++) {
    writer.add(records[i]);
    options.onProgress?.(i + 1, records.length);
    if (now() - started > budget && i < records.length - 1) {
      await pause();
      started = now();
    }
  }
  return writer.finish();
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Deflate settings per file. `mem` sizes the match finder's hash table: left unset, fflate's streaming
 * deflate sizes it from its 96 KB input buffer, not from the file, and allocates a zeroed 512 KB table
 * for every file (2 MB for one over 64 KB). In the library page, which holds the whole library in
 * memory, collecting those tables took a quarter of the export (Chromium's profile, 100 articles: 5.5 s
 * of garbage collection in 21.8 s; 0.5 s in 11.5 s with this). 4 gives a 128 KB table, what a one-shot
 * deflate picks for a file of 22 to 43 KB; articles compress to the same size within a few bytes.
 */
const DEFLATE = { level: 6, mem: 4 } as const;

class ExportWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip: Zip;
  private readonly records: Record<string, unknown>[] = [];
  private readonly contentFiles: Record<string, string> = {};
  private readonly usedNames = new Set<string>();

  constructor(
    private readonly schemaVersion: number,
    private readonly date: Date,
  ) {
    this.zip = new Zip((error, chunk) => {
      if (error) throw error;
      this.chunks.push(chunk);
    });
  }

  add(record: ExportableRecord): void {
    const name = fileStem(record.id, this.usedNames);
    const copy: Record<string, unknown> = { ...(record as unknown as Record<string, unknown>) };
    if (typeof record.contentHtml === 'string' && record.contentHtml !== '') {
      const path = `content/${name}.html`;
      delete copy.contentHtml;
      this.contentFiles[String(record.id)] = path;
      this.file(path, contentPage(record.title || record.url, record.contentHtml));
    }
    this.records.push(copy);
    this.file(
      `markdown/${name}.md`,
      articleToMarkdown({
        title: record.title ?? '',
        url: record.url,
        contentHtml: record.contentHtml || null,
        byline: record.byline,
        siteName: record.siteName,
        publishedTime: record.publishedTime,
        savedAt: Number.isFinite(record.savedAt) ? new Date(record.savedAt).toISOString() : null,
        tags: record.tags,
        note: record.note,
        highlights: record.highlights,
      }),
    );
  }

  finish(): Uint8Array {
    const manifest: LibraryExport = {
      format: EXPORT_FORMAT,
      schemaVersion: this.schemaVersion,
      exportedAt: this.date.toISOString(),
      records: this.records,
      contentFiles: this.contentFiles,
    };
    this.file('library.json', JSON.stringify(manifest, null, 1));
    this.zip.end();
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  private file(name: string, text: string): void {
    const entry = new ZipDeflate(name, DEFLATE);
    entry.mtime = this.date;
    this.zip.add(entry);
    entry.push(strToU8(text), true);
  }
}

/** A file name from a record id: ids are ours (numbers), but nothing here trusts that. */
function fileStem(id: unknown, used: Set<string>): string {
  const base =
    String(id)
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .replace(/^\.+/, '_')
      .slice(0, 100) || 'record';
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}-${n}`;
  used.add(name);
  return name;
}

/** A page that opens in any browser with the right encoding; the HTML after the marker is the record's, unchanged. */
function contentPage(title: string, html: string): string {
  return `<!doctype html>\n<meta charset="utf-8">\n<title>${escapeText(title)}</title>\n${CONTENT_MARKER}${html}`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
