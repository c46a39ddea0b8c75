/**
 * Pages as DOM documents in Node, for the command-line reader and the benchmarks.
 *
 * linkedom by default, jsdom where linkedom gets the page's shape wrong. Measured on the 181 corpus
 * pages (docs/benchmarks.md has the figures): linkedom parses about 18 times faster than jsdom 29, and
 * jsdom keeps most of each page alive after `window.close()` (its heap passed 1 GB after one pass over
 * the corpus), which a run over a thousand files cannot afford. linkedom is not a spec parser, though:
 * without an `<html>` or a `<body>` tag it leaves `<body>` empty and puts the content beside it. Such a
 * page is parsed again with jsdom, whose window is closed when the caller is done with the page.
 *
 * DOMPurify cannot run on linkedom, so sanitising uses a jsdom window (`sanitizeWindow`) shared by many
 * pages in turn.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';

export type DomKind = 'linkedom' | 'jsdom';

export interface LoadedPage {
  document: Document;
  dom: DomKind;
  /** Why the page was not left to the preferred DOM (or had to be parsed without its stylesheets), if so. */
  note?: string;
  /** Frees what can be freed (jsdom's window); the document must not be used afterwards. */
  close(): void;
}

export interface ParseOptions {
  /** The DOM to try first. Default 'linkedom'; jsdom is used anyway when linkedom misparses the page. */
  prefer?: DomKind;
}

/** Parses `html` as a document whose URL is `url` (when given), so relative links resolve against it. */
export function parsePage(html: string, url?: string, options: ParseOptions = {}): LoadedPage {
  if (options.prefer !== 'jsdom') {
    const { document } = parseHTML(html) as unknown as { document: Document };
    const problem = linkedomShapeProblem(document);
    if (!problem) {
      if (url) setDocumentUrl(document, url);
      return { document, dom: 'linkedom', close() {} };
    }
    return { ...parseWithJsdom(html, url), note: `linkedom: ${problem}` };
  }
  return parseWithJsdom(html, url);
}

/**
 * What linkedom got wrong about the page's shape, or null. A spec parser always gives `<html>` holding
 * `<head>` and `<body>` and nothing else; linkedom does so only when the markup spells both tags out.
 * Elements it leaves beside `<body>` are a problem only when they hold something a reader would see
 * (a trailing `<script>` after `</body>` is harmless).
 */
export function linkedomShapeProblem(document: Document): string | null {
  const root = document.documentElement;
  if (!root || root.tagName !== 'HTML') return `the root element is <${root?.tagName.toLowerCase() ?? 'none'}>, not <html>`;
  if (!document.body) return 'no <body>';
  for (const child of Array.from(root.children)) {
    if (child.tagName === 'HEAD' || child.tagName === 'BODY' || INVISIBLE.has(child.tagName)) continue;
    if ((child.textContent ?? '').trim() || child.querySelector('img, picture, video, svg, iframe')) {
      return `<${child.tagName.toLowerCase()}> with content outside <body>`;
    }
  }
  return null;
}

const INVISIBLE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'LINK', 'META', 'TITLE', 'BASE']);

/**
 * linkedom documents have no URL of their own: give this one the URL the page was served from. A copy
 * made with `cloneNode` does not keep it, which is why the pipeline also resolves links against its
 * `url` argument.
 */
function setDocumentUrl(document: Document, url: string): void {
  const base = document.querySelector('base[href]')?.getAttribute('href');
  let baseURI = url;
  if (base) {
    try {
      baseURI = new URL(base, url).href;
    } catch {
      /* an unusable <base> is ignored, as browsers do */
    }
  }
  for (const [name, value] of [['URL', url], ['documentURI', url], ['baseURI', baseURI]] as const) {
    Object.defineProperty(document, name, { value, configurable: true });
  }
}

function parseWithJsdom(html: string, url?: string): LoadedPage {
  const options = { url: url && isAbsoluteUrl(url) ? url : undefined, virtualConsole: quietConsole() };
  let note: string | undefined;
  let dom: JSDOM;
  try {
    dom = new JSDOM(html, options);
  } catch (err) {
    // jsdom 29's CSS parser throws on some real stylesheets (a calc() inside @media); the reader needs
    // no stylesheet, so the page is parsed again without them.
    dom = new JSDOM(html.replace(STYLE_ELEMENT, ''), options);
    note = `jsdom: stylesheets dropped (${String((err as Error)?.message ?? err).slice(0, 80)})`;
  }
  return { document: dom.window.document, dom: 'jsdom', note, close: () => dom.window.close() };
}

const STYLE_ELEMENT = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;

/** jsdom reports unparsable CSS and the like on its console; pages are not ours to lint. */
function quietConsole(): VirtualConsole {
  return new VirtualConsole();
}

function isAbsoluteUrl(url: string): boolean {
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * Pages sanitised in one jsdom window before it is replaced. A jsdom window keeps some state of every
 * document parsed in it (DOMPurify parses each article into a new document): measured over the corpus,
 * one window grew by about 0.2 MB per page and never gave it back, while replacing the window every
 * 30 pages kept the heap flat. A new window costs a few milliseconds.
 */
export const PAGES_PER_SANITIZE_WINDOW = 50;
let sharedWindow: (Window & typeof globalThis) | null = null;
let sharedWindowUses = 0;

/**
 * The jsdom window a page is sanitised with (`ExtractOptions.sanitizeWindow`): ask once per page. One
 * window serves many pages (DOMPurify's instance is cached per window), and is replaced after
 * `PAGES_PER_SANITIZE_WINDOW` pages so that a long run stays in flat memory.
 */
export function sanitizeWindow(): Window & typeof globalThis {
  if (sharedWindow && sharedWindowUses >= PAGES_PER_SANITIZE_WINDOW) {
    sharedWindow.close();
    sharedWindow = null;
  }
  if (!sharedWindow) {
    sharedWindow = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
      virtualConsole: quietConsole(),
    }).window as unknown as Window & typeof globalThis;
    sharedWindowUses = 0;
  }
  sharedWindowUses++;
  return sharedWindow;
}

/**
 * Lets the event loop turn. jsdom tracks its NodeIterators (DOMPurify makes one per call) through
 * WeakRefs, and V8 keeps a WeakRef's target alive until the current task ends: a loop over a thousand
 * pages that never yields keeps every sanitised document. Await this between pages.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
