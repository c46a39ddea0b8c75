/** Saved pages on disk: `.html` or gzip-compressed `.html.gz` (the corpus's form). */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeHtmlBytes, type DecodedPage } from './encoding';

const GZIP_MAGIC = [0x1f, 0x8b];

/** The raw bytes of a page file, gunzipped when the file is gzip (judged by its magic bytes, not its name). */
export function readPageBytes(file: string): Buffer {
  const raw = readFileSync(file);
  return raw[0] === GZIP_MAGIC[0] && raw[1] === GZIP_MAGIC[1] ? gunzipSync(raw) : raw;
}

/** Reads and decodes a page file. */
export function readPage(file: string): DecodedPage {
  return decodeHtmlBytes(readPageBytes(file));
}

/**
 * A page file's id: its base name without `.html.gz`, `.htm.gz`, `.html`, `.htm` or `.gz`. The corpus's
 * ground-truth.json keys its pages by this id.
 */
export function pageId(file: string): string {
  return basename(file).replace(/(?:\.html?)?(?:\.gz)?$/i, '');
}
