/**
 * The command-line reader: `npm run extract -- [--url URL | --urls MAP.json] FILE...`
 *
 * Prints one JSON object per line per file (see scripts/lib/extract-record.ts for the fields), or
 * `{file, error}` for a file it cannot read or parse. Exits 1 only when every file failed, 2 on a usage
 * error. Files are handled one after another in one process; nothing of a page is kept once its line
 * is printed, so a thousand files run in flat memory.
 */
import { parseArgs } from 'node:util';
import type { DomKind } from './lib/node-dom';
import { RunStats } from './lib/run-stats';
import { loadUrlMap, urlFor } from './lib/url-map';

const USAGE = `usage: npm run extract -- [--url URL | --urls MAP.json] [--removed] [--dom linkedom|jsdom] FILE...

  FILE            a saved page, .html or .html.gz
  --url URL       the URL the page was served from (one FILE only); relative links resolve against it
  --urls MAP.json URLs by file name without .html/.html.gz: {"name": "https://..."}, or the corpus's
                  ground-truth.json shape {"name": {"url": "https://..."}}
  --removed       add what each clean-up step removed ("removed": [{step, sample}])
  --dom NAME      parse with linkedom (default; jsdom where linkedom misparses) or jsdom
  --stats         report time and memory on stderr every 100 files and at the end

Prints one JSON line per file; exits 1 only when every file failed.`;

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        urls: { type: 'string' },
        removed: { type: 'boolean', default: false },
        dom: { type: 'string', default: 'linkedom' },
        stats: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    return usageError((err as Error).message);
  }
  const { values, positionals: files } = args;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!files.length) return usageError('no FILE given');
  if (values.url && values.urls) return usageError('give --url or --urls, not both');
  if (values.url && files.length > 1) return usageError('--url sets the URL of a single file; use --urls for several');
  if (values.dom !== 'linkedom' && values.dom !== 'jsdom') return usageError(`--dom must be linkedom or jsdom, not ${values.dom}`);

  let urls: Map<string, string> | null = null;
  if (values.urls) {
    try {
      urls = loadUrlMap(values.urls);
    } catch (err) {
      return usageError(`cannot read --urls ${values.urls}: ${(err as Error).message}`);
    }
  }

  // Loaded only once the arguments are known good: jsdom and the pipeline take seconds to import.
  const { extractFile } = await import('./lib/extract-record');
  const { yieldToEventLoop } = await import('./lib/node-dom');
  const stats = values.stats ? new RunStats() : null;
  let failed = 0;
  for (const file of files) {
    const url = values.url ?? (urls ? urlFor(urls, file) : undefined);
    const record = extractFile(file, { url, dom: values.dom as DomKind, withRemoved: values.removed });
    if ('error' in record) failed++;
    process.stdout.write(`${JSON.stringify(record)}\n`);
    stats?.add('ms' in record ? record.ms : null);
    await yieldToEventLoop();
  }
  stats?.end(failed);
  return failed === files.length ? 1 : 0;
}

function usageError(message: string): number {
  process.stderr.write(`extract: ${message}\n${USAGE}\n`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
