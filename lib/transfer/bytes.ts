/** Bytes to text, and the magic numbers that tell what a file really is. */

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes an export file. Every format we read is written as UTF-8 today, but CSV files re-saved by a
 * spreadsheet on Windows arrive as windows-1252: invalid UTF-8 falls back to it, as browsers do,
 * rather than filling titles with replacement characters. A UTF-8 BOM is dropped.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** A ZIP starts with a local file header, or is an empty archive's end record. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5) &&
    (bytes[3] === 4 || bytes[3] === 6)
  );
}

/** The first characters of a text file, past a BOM and white space, lower-cased: enough to sniff it. */
export function textHead(text: string, length = 512): string {
  return text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, length)
    .toLowerCase();
}
