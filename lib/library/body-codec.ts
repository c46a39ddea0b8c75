/**
 * How an article's body is kept in `bodies`, and read back. Every reader and writer of that table goes
 * through here (library.ts, import.ts, indexer.ts, validate.ts).
 *
 * Why bodies are compressed: Chromium writes every IndexedDB value whose serialised form is over 64 KiB
 * to a file of its own beside the database (the "blob" directory) instead of into LevelDB, and that
 * write cost a put 17-21 ms where a value just under the line took 3-7 ms (measured in Chromium 156, a
 * single put per transaction, alternating sizes 20-120 KB). A body holds the HTML and the plain text,
 * so an article of 30 KB of text is over the line: about 40% of the benchmark's articles were. Deflated
 * (fflate, level 1: the fastest, and level 6 only made bodies 11% smaller), the HTML and text of an
 * article of 50 KB of text take about 55 KB, so nearly every body stays in LevelDB, and the library
 * takes about a third of the space on disk.
 *
 * Two shapes are stored, told apart by `deflated`:
 * - plain `{ id, contentHtml, text }`: every row written before, and bodies too short to gain from it
 *   (`PACK_FROM`) or whose text is not well-formed UTF-16 (a lone surrogate would not survive UTF-8);
 * - packed `{ id, deflated, htmlChars, chars }`: the UTF-8 of `contentHtml + text`, raw-deflated, with
 *   the length of the HTML (where to cut) and of both (a check: raw deflate has no checksum).
 * Rows are never rewritten to change shape; a body is packed when it is next saved. A packed row that
 * does not inflate, or inflates to the wrong length or to bytes that are not UTF-8, is reported as
 * damaged like any other row (see validate.ts), never thrown at the page.
 *
 * Compression runs before the write's transaction starts: only IndexedDB requests may be awaited inside
 * one (it commits itself on the first idle turn), and deflate is synchronous.
 */
import { deflateSync, inflateSync } from 'fflate';
import type { BodyRow, PackedBodyRow } from './schema';
import type { Checked } from './validate';

/** Bodies shorter than this (HTML and text together, in UTF-16 units) are kept plain: far under 64 KiB anyway. */
export const PACK_FROM = 16_384;
/** fflate's level 1: the fastest; higher levels measured slower for a few percent of size. */
const LEVEL = 1;

export type Body = Pick<BodyRow, 'contentHtml' | 'text'>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** A lone surrogate would come back from UTF-8 as U+FFFD: such text is stored as it is. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string): boolean =>
  (s as { isWellFormed?: () => boolean }).isWellFormed?.() ?? !LONE_SURROGATE.test(s);

/** A `bodies` row without its id (compressed before the write's transaction, which gives the id). */
export type PackedBody = Omit<BodyRow, 'id'> | Omit<PackedBodyRow, 'id'>;

/** What to put in `bodies` for this body: packed when it is long enough to gain from it. */
export function packBody(body: Body): PackedBody {
  const { contentHtml, text } = body;
  const chars = contentHtml.length + text.length;
  if (chars < PACK_FROM || !wellFormed(contentHtml) || !wellFormed(text)) return { contentHtml, text };
  return {
    deflated: deflateSync(encoder.encode(contentHtml + text), { level: LEVEL }),
    htmlChars: contentHtml.length,
    chars,
  };
}

const isPacked = (row: object): row is Partial<PackedBodyRow> => 'deflated' in row;
const isBytes = (v: unknown): v is Uint8Array =>
  ArrayBuffer.isView(v) && Object.prototype.toString.call(v) === '[object Uint8Array]';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function unpack(row: Partial<PackedBodyRow>): Checked<Body> {
  const { deflated, htmlChars, chars } = row;
  if (!isBytes(deflated) || !isCount(htmlChars) || !isCount(chars) || htmlChars > chars)
    return { ok: false, reason: 'body is not text' };
  let all: string;
  try {
    all = decoder.decode(inflateSync(deflated));
  } catch {
    return { ok: false, reason: 'body cannot be decompressed' };
  }
  if (all.length !== chars) return { ok: false, reason: 'body cannot be decompressed' };
  return { ok: true, value: { contentHtml: all.slice(0, htmlChars), text: all.slice(htmlChars) } };
}

/**
 * A `bodies` row read back, in either shape, checked. A missing body is fine for a link saved without
 * visiting it (`downloaded` false).
 */
export function unpackBody(row: unknown, downloaded: boolean): Checked<Body> {
  if (row === undefined)
    return downloaded ? { ok: false, reason: 'body is missing' } : { ok: true, value: { contentHtml: '', text: '' } };
  if (!row || typeof row !== 'object') return { ok: false, reason: 'body is not an object' };
  if (isPacked(row)) return unpack(row);
  const r = row as Partial<BodyRow>;
  if (typeof r.contentHtml !== 'string' || typeof r.text !== 'string') return { ok: false, reason: 'body is not text' };
  return { ok: true, value: { contentHtml: r.contentHtml, text: r.text } };
}

/** The plain text of a stored body, for the indexer: '' when there is none or it is damaged. */
export function bodyText(row: unknown): string {
  const body = unpackBody(row, false);
  return body.ok ? body.value.text : '';
}
