/**
 * Bytes to text as a browser decodes a page that came without a Content-Type charset:
 *
 * 1. the byte-order mark;
 * 2. the `<meta charset>` prescan of the first 1,024 bytes (html-encoding-sniffer);
 * 3. a `<meta charset>` found later in the head: the HTML parser would "change the encoding" and
 *    re-parse on meeting it (27 of the corpus's 181 pages declare UTF-8 only after byte 1,024);
 * 4. UTF-8 when the bytes are valid UTF-8: what Chromium's and Firefox's detectors conclude for
 *    unlabelled pages (33 corpus pages have no declaration at all, yet are UTF-8);
 * 5. windows-1252, the standard's default for most locales.
 *
 * Saved pages and the corpus carry no HTTP headers, so assuming any one encoding would garble some pages.
 */
import { createRequire } from 'node:module';

// Both packages are CommonJS without type declarations; their surface is small enough to type here.
const require = createRequire(import.meta.url);
const sniffEncoding = require('html-encoding-sniffer') as (
  bytes: Uint8Array,
  options?: { transportLayerEncodingLabel?: string; defaultEncoding?: string },
) => string;
const whatwgEncoding = require('whatwg-encoding') as {
  decode(bytes: Uint8Array, encodingName: string): string;
  labelToName(label: string): string | null;
  isSupported(name: string): boolean;
};

/** How far the late `<meta charset>` search looks when the page has no `<body` tag to stop at. */
const LATE_META_LIMIT = 256 * 1024;
const LATE_META = /<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

export interface DecodedPage {
  html: string;
  /** The WHATWG name of the encoding used, e.g. "UTF-8" or "windows-1252". */
  encoding: string;
}

/**
 * Decodes page bytes. `charsetLabel` stands for an HTTP header's charset when the caller knows one; it
 * overrides everything but a byte-order mark, as in a browser.
 */
export function decodeHtmlBytes(bytes: Uint8Array, charsetLabel?: string): DecodedPage {
  const label = charsetLabel && whatwgEncoding.labelToName(charsetLabel) ? charsetLabel : undefined;
  // An empty default tells "nothing found" apart from a page that declares windows-1252.
  const encoding =
    sniffEncoding(bytes, { transportLayerEncodingLabel: label, defaultEncoding: '' }) ||
    lateMetaEncoding(bytes) ||
    (isValidUtf8(bytes) ? 'UTF-8' : 'windows-1252');
  // decode() also honours and strips a byte-order mark.
  return { html: whatwgEncoding.decode(bytes, encoding), encoding };
}

function lateMetaEncoding(bytes: Uint8Array): string | null {
  // latin1 maps each byte to one char, so ASCII markup reads the same whatever the real encoding.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, LATE_META_LIMIT)).toString('latin1');
  const bodyAt = head.search(/<body[\s>]/i);
  const match = LATE_META.exec(bodyAt >= 0 ? head.slice(0, bodyAt) : head);
  const name = match ? whatwgEncoding.labelToName(match[1]) : null;
  if (!name) return null;
  // The standard's rules for a declaration met while parsing: UTF-16 means UTF-8, x-user-defined means windows-1252.
  if (name === 'UTF-16LE' || name === 'UTF-16BE') return 'UTF-8';
  if (name === 'x-user-defined') return 'windows-1252';
  return whatwgEncoding.isSupported(name) ? name : null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
