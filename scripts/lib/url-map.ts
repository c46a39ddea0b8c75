/** The `--urls` map of the command-line reader: which URL each page file was served from. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pageId } from './page-file';

/**
 * Reads a JSON map from page ids (file base names without `.html.gz` / `.html`) to URLs. Two shapes are
 * accepted: `{ "<id>": "https://..." }`, and the corpus's ground-truth.json, `{ "<id>": { "url": "https://..." } }`.
 */
export function loadUrlMap(file: string): Map<string, string> {
  const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`${file}: expected a JSON object mapping file names to URLs`);
  }
  const map = new Map<string, string>();
  for (const [key, value] of Object.entries(data)) {
    const url = typeof value === 'string' ? value : (value as { url?: unknown } | null)?.url;
    if (typeof url === 'string' && url) map.set(key, url);
  }
  return map;
}

/** The URL the map gives `file`, looked up by its page id, then by its whole base name. */
export function urlFor(map: Map<string, string>, file: string): string | undefined {
  return map.get(pageId(file)) ?? map.get(basename(file));
}
