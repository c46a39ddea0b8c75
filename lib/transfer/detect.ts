/**
 * Which importer a file needs, from what it holds (its name only breaks ties and words the refusal).
 * A file that is not what its name claims, or not any export we know, is refused with a
 * `TransferError` whose message the library page shows as is.
 */
import { unzipSync } from 'fflate';
import { decodeText, looksLikeZip, textHead } from './bytes';
import { csvHeader } from './csv';
import { TransferError } from './errors';
import { INSTAPAPER_REQUIRED_COLUMNS } from './formats/instapaper';
import { OMNIVORE_METADATA } from './formats/omnivore';
import { OWN_MANIFEST } from './formats/own';
import { POCKET_PART, POCKET_REQUIRED_COLUMNS } from './formats/pocket';
import type { ImportFormat } from './types';
import { baseName } from './zip';

const KNOWN =
  'Clean Reader can import a Pocket export (ZIP or CSV), an Instapaper CSV, an Omnivore ZIP, a bookmarks HTML file from a browser, or its own export.';

export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (bytes.length === 0) throw new TransferError('empty-file', `${fileName} is empty. Nothing was imported.`);

  if (looksLikeZip(bytes)) return zipFormat(fileName, bytes);
  if (ext === 'zip') {
    throw new TransferError(
      'broken-zip',
      `${fileName} is not a ZIP file (or is damaged), so nothing was imported. Download the export again and retry.`,
    );
  }

  const text = decodeText(bytes);
  const head = textHead(text);
  if (head.startsWith('<')) return htmlFormat(fileName, text, head);
  if (ext === 'json' || head.startsWith('{') || head.startsWith('[')) {
    throw new TransferError(
      looksLikeJson(text) ? 'unknown-format' : 'not-json',
      looksLikeJson(text)
        ? `${fileName} is a JSON file Clean Reader does not know. ${KNOWN}`
        : `${fileName} is not valid JSON, so nothing was imported.`,
    );
  }
  if (ext === 'html' || ext === 'htm')
    throw new TransferError('not-bookmarks', `${fileName} is not a bookmarks file. ${KNOWN}`);

  const columns = csvHeader(text);
  if (hasAll(columns, POCKET_REQUIRED_COLUMNS)) return 'pocket-csv';
  if (hasAll(columns, INSTAPAPER_REQUIRED_COLUMNS)) return 'instapaper-csv';
  if (ext === 'csv' || columns.length > 1) {
    const found = columns
      .filter(Boolean)
      .slice(0, 8)
      .map((c) => `"${c}"`)
      .join(', ');
    throw new TransferError(
      'wrong-columns',
      `${fileName} has the columns ${found || '(none)'}, which are neither Pocket's (title, url, time_added, tags, status) nor Instapaper's (URL, Title, Selection, Folder). Nothing was imported.`,
    );
  }
  throw new TransferError('unknown-format', `Clean Reader does not recognise ${fileName}. ${KNOWN}`);
}

function zipFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const names: string[] = [];
  try {
    // Reads the central directory only: nothing is decompressed here.
    unzipSync(bytes, { filter: (file) => (names.push(file.name), false) });
  } catch (cause) {
    throw new TransferError(
      'broken-zip',
      `${fileName} is damaged or incomplete, so nothing was imported. Download the export again and retry.`,
      { cause },
    );
  }
  const bases = names.filter((n) => !n.startsWith('__MACOSX/')).map(baseName);
  if (names.includes(OWN_MANIFEST)) return 'clean-reader-zip';
  if (bases.some((n) => OMNIVORE_METADATA.test(n))) return 'omnivore-zip';
  if (bases.some((n) => POCKET_PART.test(n))) return 'pocket-zip';
  throw new TransferError('unknown-zip', `${fileName} is a ZIP file, but not an export Clean Reader knows. ${KNOWN}`);
}

function htmlFormat(fileName: string, text: string, head: string): ImportFormat {
  if (head.includes('netscape-bookmark-file')) return 'bookmarks-html';
  const start = text.slice(0, 20000).toLowerCase();
  // Pocket's ril_export.html: plain lists of links that carry Pocket's own time_added attribute.
  if (/<(ul|ol)[\s>]/.test(start) && /<a\s[^>]*\btime_added=/.test(start)) return 'pocket-html';
  if (/<dl[\s>]/.test(start) && /<dt[\s>]/.test(start)) return 'bookmarks-html';
  throw new TransferError('not-bookmarks', `${fileName} is a web page, not a bookmarks file. ${KNOWN}`);
}

function hasAll(columns: string[], required: readonly string[]): boolean {
  return required.every((name) => columns.includes(name));
}

function looksLikeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
