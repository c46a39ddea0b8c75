/**
 * Omnivore's export ZIP (2024): `metadata_<from>_to_<to>.json` files, each a list of
 * `{id, slug, title, description, author, url, state, readingProgress, thumbnail, labels, savedAt,
 * updatedAt, publishedAt}`; `content/<slug>.html`, the readable article; `highlights/<slug>.md`.
 *
 * - `state` was `active`/`archived` in early exports and the item state (`SUCCEEDED`, `ARCHIVED`,
 *   `DELETED`, ...) later; deleted items are reported and left out.
 * - `readingProgress` is a percentage; `labels` are names (some tools rewrote them as `{name}`).
 * - The article HTML goes through our one sanitiser, so it is readable offline at once.
 */
import { sanitize } from '../../extract/sanitize';
import { decodeText } from '../bytes';
import { TransferError } from '../errors';
import { blankItem, invalid, type PreparedImport, type RowOutcome } from '../source';
import type { ImportWindow } from '../types';
import { checkUrl, cleanTags, cleanTitle, parseDate, progressFraction, textOrNull } from '../values';
import { entriesNamed, type ZipEntries } from '../zip';
import { parseOmnivoreHighlights } from './omnivore-highlights';

/** `metadata_0_to_20.json` and so on; the numbers are never needed, so any `metadata*.json` is read. */
export const OMNIVORE_METADATA = /^metadata(?:_[\w-]*)?\.json$/i;
const CONTENT = /(?:^|\/)content\/([^/]+)\.html$/i;
const HIGHLIGHTS = /(?:^|\/)highlights\/([^/]+)\.md$/i;

interface OmnivoreUnit {
  file: string;
  row: number;
  record: unknown;
}

export function prepareOmnivoreZip(entries: ZipEntries, win: ImportWindow): PreparedImport {
  const units: OmnivoreUnit[] = [];
  for (const name of entriesNamed(entries, OMNIVORE_METADATA)) {
    let data: unknown;
    try {
      data = JSON.parse(decodeText(entries.get(name)!));
    } catch (cause) {
      throw new TransferError(
        'not-json',
        `The file ${name} in this Omnivore export is not valid JSON, so nothing was imported.`,
        { cause },
      );
    }
    if (!Array.isArray(data)) {
      throw new TransferError(
        'bad-export',
        `The file ${name} in this Omnivore export is not a list of articles, so nothing was imported.`,
      );
    }
    data.forEach((record, i) => units.push({ file: name, row: i + 1, record }));
  }
  const content = bySlug(entries, CONTENT);
  const highlights = bySlug(entries, HIGHLIGHTS);
  return {
    format: 'omnivore-zip',
    total: units.length,
    convert: (index) => omnivoreItem(units[index], content, highlights, entries, win),
  };
}

function bySlug(entries: ZipEntries, pattern: RegExp): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of entries.keys()) {
    const match = pattern.exec(name);
    if (match) out.set(match[1], name);
  }
  return out;
}

function omnivoreItem(
  unit: OmnivoreUnit,
  content: Map<string, string>,
  highlights: Map<string, string>,
  entries: ZipEntries,
  win: ImportWindow,
): RowOutcome {
  const { file, row } = unit;
  if (!unit.record || typeof unit.record !== 'object' || Array.isArray(unit.record)) {
    return invalid(file, row, 'bad-record', `Article ${row} is not an article record.`);
  }
  const record = unit.record as Record<string, unknown>;
  const state = typeof record.state === 'string' ? record.state.toLowerCase() : '';
  if (state === 'deleted') return invalid(file, row, 'deleted', `Article ${row} was deleted in Omnivore.`);
  const checked = checkUrl(typeof record.url === 'string' ? record.url : '');
  if ('problem' in checked)
    return invalid(file, row, record.url ? 'bad-url' : 'missing-url', `Article ${row} ${checked.problem}.`);

  const item = blankItem(checked.url, { format: 'omnivore-zip', file, row });
  item.title = cleanTitle(typeof record.title === 'string' ? record.title : '', checked.url);
  item.excerpt = textOrNull(record.description);
  item.byline = textOrNull(record.author);
  item.state = state === 'archived' ? 'archived' : 'unread';
  item.savedAt = parseDate(record.savedAt);
  item.publishedAt = parseDate(record.publishedAt);
  item.readingProgress = progressFraction(record.readingProgress, 100);
  item.tags = cleanTags(labelNames(record.labels));

  const slug = typeof record.slug === 'string' ? record.slug : '';
  const html = slug && content.get(slug);
  if (html) {
    // Relative links and pictures resolve against the article's own address, as in the reader.
    const clean = sanitize(decodeText(entries.get(html)!), win, { baseUrl: checked.url }).trim();
    item.contentHtml = clean || null;
  }
  const md = slug && highlights.get(slug);
  if (md) {
    const parsed = parseOmnivoreHighlights(decodeText(entries.get(md)!));
    item.highlights = parsed.highlights;
    item.note = parsed.notes.length ? parsed.notes.join('\n\n') : null;
  }
  return { item };
}

function labelNames(labels: unknown): string[] {
  if (!Array.isArray(labels)) return [];
  return labels.flatMap((label) => {
    if (typeof label === 'string') return [label];
    if (label && typeof label === 'object' && typeof (label as { name?: unknown }).name === 'string')
      return [(label as { name: string }).name];
    return [];
  });
}
