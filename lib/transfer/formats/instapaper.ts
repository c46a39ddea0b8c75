/**
 * Instapaper's CSV export: `URL,Title,Selection,Folder`, with `Timestamp` (Unix seconds, the saved date)
 * in files from 2019 on and `Tags` (a JSON list) in recent ones.
 *
 * `Folder` is `Unread`, `Archive` or `Starred` (Instapaper writes these in English whatever the user's
 * language), or the name of a folder of the user's own, which becomes a tag. `Selection` is the text the
 * user selected when saving, or the article's description: it becomes the excerpt, and a highlight
 * dated with the save, so what the user chose to quote is kept as a quote (a description kept this way
 * is harmless; a selection kept only as an excerpt would be lost the day the article is downloaded).
 */
import { decodeText } from '../bytes';
import { parseCsv, type CsvRow } from '../csv';
import { blankItem, invalid, type PreparedImport, type RowOutcome } from '../source';
import { checkUrl, cleanTags, cleanTitle, fromUnixSeconds, textOrNull } from '../values';

export const INSTAPAPER_REQUIRED_COLUMNS = ['url', 'folder'] as const;

export function prepareInstapaperCsv(fileName: string, bytes: Uint8Array): PreparedImport {
  const table = parseCsv(
    decodeText(bytes),
    INSTAPAPER_REQUIRED_COLUMNS,
    'an Instapaper export (URL, Title, Selection, Folder)',
  );
  return {
    format: 'instapaper-csv',
    total: table.rows.length,
    convert: (index) => instapaperItem(fileName, table.rows[index]),
  };
}

function instapaperItem(file: string, row: CsvRow): RowOutcome {
  if (row.problem) return invalid(file, row.row, 'bad-row', `Row ${row.row} ${row.problem}.`);
  const checked = checkUrl(row.get('url'));
  if ('problem' in checked)
    return invalid(file, row.row, row.get('url') ? 'bad-url' : 'missing-url', `Row ${row.row} ${checked.problem}.`);
  const item = blankItem(checked.url, { format: 'instapaper-csv', file, row: row.row });
  item.title = cleanTitle(row.get('title'), checked.url);
  item.excerpt = textOrNull(row.get('selection'));
  item.savedAt = fromUnixSeconds(row.get('timestamp'));
  if (item.excerpt) item.highlights = [{ quote: item.excerpt, createdAt: item.savedAt, note: null }];
  const folder = row.get('folder');
  const tags = parseTags(row.get('tags'));
  switch (folder.toLowerCase()) {
    case 'unread':
    case '':
      break;
    case 'archive':
      item.state = 'archived';
      break;
    case 'starred':
      item.favourite = true;
      break;
    default:
      tags.unshift(folder);
  }
  item.tags = cleanTags(tags);
  return { item };
}

/** Recent exports write tags as a JSON list (`["a","b"]`); anything else is read as comma-separated. */
function parseTags(value: string): string[] {
  if (!value) return [];
  if (value.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(value);
      if (Array.isArray(list)) return list.filter((t): t is string => typeof t === 'string');
    } catch {
      // Not JSON after all: fall through to commas.
    }
  }
  return value.split(',');
}
