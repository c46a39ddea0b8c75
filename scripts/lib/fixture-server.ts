/**
 * A static file server for fixture pages, bound to 127.0.0.1 on a free port. The browser tests and
 * `npm start` open pages from it, so the extension reads real HTTP pages without touching the network.
 *
 * - `roots` maps a URL prefix to a folder: `{ '/pages/': 'tests/fixtures/pages' }` serves
 *   `tests/fixtures/pages/seed-tumble/source.html` at `/pages/seed-tumble/source.html`.
 * - `*.html.gz` files are sent gzip-encoded as HTML, as a server would send the corpus pages.
 * - `rehost` lists origins (`https://tumble.example`) that served HTML and CSS point at as their own
 *   site: they are rewritten to this server's origin, so a page saved from a site reads, from
 *   127.0.0.1, as it did at home (its home link is still its own site, not another).
 * - `handle` runs first and may answer any request itself (slow pages, odd headers, redirects) by
 *   returning true.
 * - Nothing outside a root is ever served (`..` and encoded variants are refused).
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

export interface FixtureServerOptions {
  /** URL prefix (starting and ending with '/') to folder. */
  roots: Record<string, string>;
  /** Answers a request before the static roots; return true when it did. */
  handle?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;
  /** Origins rewritten to this server's origin in served HTML and CSS ("as if the site were here"). */
  rehost?: string[];
  /** 0 (the default) picks a free port. */
  port?: number;
}

export interface FixtureServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The absolute URL of a path on this server (`url('/pages/a.html')`). */
  url(path: string): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  // No charset for HTML: like a saved page, the browser reads it from the BOM or <meta charset>.
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

export async function startFixtureServer(options: FixtureServerOptions): Promise<FixtureServer> {
  let origin = '';
  const roots = Object.entries(options.roots).map(([prefix, dir]) => [prefix, resolve(dir)] as const);
  const server = createServer((req, res) => {
    void respond(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (options.handle && (await options.handle(req, res))) return;
    const pathname = decodePath(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = pathname === null ? null : resolveFile(roots, pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    const gz = file.endsWith('.gz');
    const type = TYPES[extname(gz ? file.slice(0, -3) : file).toLowerCase()] ?? 'application/octet-stream';
    if (options.rehost?.length && /^text\/(?:html|css)/.test(type)) {
      const raw = readFileSync(file);
      // Byte for byte (latin1 maps each byte to one character): origins are ASCII, and the page keeps
      // whatever encoding it was saved in.
      let text = (gz ? gunzipSync(raw) : raw).toString('latin1');
      for (const from of options.rehost) text = text.split(from).join(origin);
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : Buffer.from(text, 'latin1'));
      return;
    }
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-store',
      ...(gz ? { 'content-encoding': 'gzip' } : {}),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/** The file a path names under one of the roots, or null. A folder serves its index.html. */
function resolveFile(roots: ReadonlyArray<readonly [string, string]>, pathname: string): string | null {
  if (pathname.includes('\0')) return null;
  for (const [prefix, dir] of roots) {
    if (!pathname.startsWith(prefix)) continue;
    let file = resolve(dir, `.${sep}${pathname.slice(prefix.length)}`);
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    try {
      if (statSync(file).isDirectory()) file = resolve(file, 'index.html');
      if (statSync(file).isFile()) return file;
    } catch {
      /* not in this root; try the next */
    }
  }
  return null;
}
