/**
 * Our own export: one ZIP nobody is locked into.
 *
 *     library.json        { format, schemaVersion, exportedAt, records, contentFiles }
 *     content/<id>.html   each article's sanitised HTML, as a page that opens in any browser
 *     markdown/<id>.md    the same article as Markdown with front matter (Turndown)
 *
 * The article HTML is kept out of library.json (it would double the file) and put back on import from
 * `contentFiles`, so `importFile(exportLibrary(records))` gives back exactly `records`.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { articleToMarkdown } from './markdown';
import { isoDate, type TransferRecord } from './record';

export const EXPORT_FORMAT = 'clean-reader-library';
/** The line after which a content file holds the article's HTML byte for byte. */
export const CONTENT_MARKER = '<!-- clean-reader:content -->\n';

export interface LibraryExport {
  format: typeof EXPORT_FORMAT;
  /** The library's Dexie schema version the records are in; the importer migrates older ones. */
  schemaVersion: number;
  exportedAt: string;
  /** Every record, minus `contentHtml` where that was a string (see `contentFiles`). */
  records: Record<string, unknown>[];
  /** Record id (as a string) to the ZIP entry holding its `contentHtml`. */
  contentFiles: Record<string, string>;
}

export interface ExportOptions {
  /** Stamped into library.json and the ZIP entries; defaults to now. Tests pass a fixed date. */
  now?: Date;
  /** Called after each record, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Builds the export ZIP. Records must be JSON values (strings, numbers, booleans, arrays, plain
 * objects): what `JSON.stringify` cannot carry (Blobs of offline images, Dates) does not survive.
 */
export function exportLibrary<R extends TransferRecord>(records: readonly R[], schemaVersion: number, options: ExportOptions = {}): Uint8Array {
  const now = options.now ?? new Date();
  const files: Zippable = {};
  const contentFiles: Record<string, string> = {};
  const usedNames = new Set<string>();
  const stored: Record<string, unknown>[] = [];

  records.forEach((record, i) => {
    const name = fileStem(record.id, usedNames);
    const copy: Record<string, unknown> = { ...(record as unknown as Record<string, unknown>) };
    if (typeof record.contentHtml === 'string') {
      const path = `content/${name}.html`;
      delete copy.contentHtml;
      contentFiles[String(record.id)] = path;
      files[path] = strToU8(contentPage(record.title || record.url, record.contentHtml));
    }
    stored.push(copy);
    files[`markdown/${name}.md`] = strToU8(
      articleToMarkdown({
        title: record.title ?? '',
        url: record.url,
        contentHtml: record.contentHtml ?? null,
        byline: record.byline,
        siteName: record.siteName,
        publishedTime: isoDate(record.publishedAt),
        savedAt: isoDate(record.savedAt),
        tags: record.tags,
      }),
    );
    options.onProgress?.(i + 1, records.length);
  });

  const manifest: LibraryExport = { format: EXPORT_FORMAT, schemaVersion, exportedAt: now.toISOString(), records: stored, contentFiles };
  files['library.json'] = strToU8(JSON.stringify(manifest, null, 1));
  return zipSync(files, { level: 6, mtime: now });
}

/** A file name from a record id: ids are ours (UUIDs or numbers), but nothing here trusts that. */
function fileStem(id: string | number, used: Set<string>): string {
  const base = String(id).replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 100) || 'record';
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
