/**
 * Pages a browser does not let extensions read, told from the tab's URL before we try to inject, so
 * the popup can say why at once and what to do instead of showing a raw injection error.
 *
 * The rules follow what Chromium and Firefox refuse: their own pages and other extensions' pages,
 * source views, the add-on stores (protected so no extension can tamper with installing others), the
 * built-in PDF viewer, and `file://` pages unless the user allowed file access. When the URL is not
 * known (no permission to see it), we inject anyway and `restrictionFromError` reads the refusal.
 */

import { fileAccessSwitch } from './platform';

export type RestrictionKind =
  'browser-page' | 'extension-page' | 'view-source' | 'store' | 'pdf' | 'file' | 'no-access';

export interface Restriction {
  kind: RestrictionKind;
  /** One line: why the page cannot be read. */
  title: string;
  /** What the user can do about it. */
  detail: string;
}

export interface RestrictionContext {
  /** Whether the user let the extension read `file://` pages; `undefined` when the browser cannot tell. */
  fileAccess?: boolean;
}

const MESSAGES: Record<RestrictionKind, Omit<Restriction, 'kind'>> = {
  'browser-page': {
    title: 'This is one of the browser’s own pages.',
    detail:
      'Browsers keep their built-in pages (new tab, settings, history…) closed to extensions. Open an article on the web, then click Clean Reader again.',
  },
  'extension-page': {
    title: 'This page belongs to an extension.',
    detail:
      'Extensions cannot read each other’s pages. Switch to the tab with the article and click Clean Reader there.',
  },
  'view-source': {
    title: 'This is a page’s source code.',
    detail: 'The browser shows source code in a protected view. Open the page itself, then click Clean Reader.',
  },
  store: {
    title: 'The browser protects its add-on store.',
    detail:
      'No extension may read the extension and add-on stores, so that none can interfere with installing another. Every other site works.',
  },
  pdf: {
    title: 'This is a PDF in the browser’s PDF viewer.',
    detail:
      'The PDF viewer is closed to extensions, and a PDF has no web page to clean up. Use the viewer’s own zoom and reading tools instead.',
  },
  file: {
    title: 'Clean Reader may not read files on your computer yet.',
    detail:
      'To read saved pages, open the browser’s extensions page, choose Details under Clean Reader, turn on “Allow access to file URLs”, then try again.',
  },
  'no-access': {
    title: 'The browser did not let Clean Reader read this tab.',
    detail:
      'Click the Clean Reader button in the toolbar while the page is in front of you: that gives access to this one page, and nothing else.',
  },
};

/** Schemes of the browsers' own pages (Chromium and its forks, Firefox). */
const BROWSER_SCHEMES = new Set([
  'chrome:',
  'chrome-untrusted:',
  'chrome-search:',
  'chrome-native:',
  'devtools:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'about:',
  'resource:',
  'data:',
  'blob:',
  'javascript:',
  'jar:',
]);
const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:', 'extension:', 'safari-web-extension:']);
/** Chromium's PDF viewer is itself an extension with this id. */
const CHROMIUM_PDF_VIEWER_ID = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';
const PDF_PATH = /\.pdf$/i;

/** The store pages browsers refuse to script: host, and the path it applies under ('/' = whole host). */
const STORES: Array<[host: string, path: string]> = [
  ['chromewebstore.google.com', '/'],
  ['chrome.google.com', '/webstore'],
  ['addons.mozilla.org', '/'],
  ['microsoftedge.microsoft.com', '/addons'],
];

/** `file` where the browser has no switch that allows it (Firefox; see `fileAccessSwitch`). */
const FILE_WITHOUT_SWITCH: Omit<Restriction, 'kind'> = {
  title: 'Firefox does not let Clean Reader read this file.',
  detail:
    'Firefox has no setting that lets an extension read files on your computer. If this page is also on the web, open it there, then click Clean Reader again.',
};

export function restriction(kind: RestrictionKind): Restriction {
  if (kind === 'file' && fileAccessSwitch() === 'none') return { kind, ...FILE_WITHOUT_SWITCH };
  return { kind, ...MESSAGES[kind] };
}

/** Why the page at `url` cannot be read, or null when an extension may try. An unknown URL is tried. */
export function restrictionFor(url: string | undefined | null, context: RestrictionContext = {}): Restriction | null {
  if (!url) return null;
  if (/^view-source:/i.test(url.trim())) return restriction('view-source');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const scheme = parsed.protocol.toLowerCase();
  if (EXTENSION_SCHEMES.has(scheme)) {
    return restriction(parsed.host === CHROMIUM_PDF_VIEWER_ID ? 'pdf' : 'extension-page');
  }
  if (BROWSER_SCHEMES.has(scheme)) return restriction('browser-page');
  if (scheme === 'file:') {
    if (PDF_PATH.test(parsed.pathname)) return restriction('pdf');
    return context.fileAccess === false ? restriction('file') : null;
  }
  if (scheme !== 'http:' && scheme !== 'https:') return restriction('browser-page');
  if (isStore(parsed)) return restriction('store');
  if (PDF_PATH.test(parsed.pathname)) return restriction('pdf');
  return null;
}

function isStore(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  const path = url.pathname.toLowerCase();
  return STORES.some(([h, p]) => host === h && (p === '/' || path === p || path.startsWith(`${p}/`)));
}

/**
 * Browsers refuse injection with messages such as "Cannot access a chrome:// URL", "Cannot access
 * contents of url …" or "Missing host permission for the tab" (these come from the browser, always in
 * English, never from the page). Returns the restriction to show, or null for any other failure.
 */
const REFUSAL =
  /cannot access|cannot be scripted|missing host permission|permission to access|not allowed to access|extensions gallery/i;

export function restrictionFromError(url: string | undefined | null, message: string): Restriction | null {
  if (!REFUSAL.test(message)) return null;
  return restrictionFor(url, { fileAccess: false }) ?? restriction('no-access');
}
