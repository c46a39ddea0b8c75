/**
 * The duplicate key of a saved article. Two URLs with the same key are the same article, so saving the
 * second updates the first. The key is only compared, never opened: the item keeps the URL it was saved with.
 *
 * What is dropped, and why:
 * - the fragment: `#section-2` and `#comments` are places in one article;
 * - tracking parameters (`utm_*` and the click ids below): added by whoever shared the link, they never
 *   change the page;
 * - a trailing slash on the path (`/a/` and `/a` serve the same article on every site we have seen);
 * - default ports, and case in the scheme and host (URL parsing does both).
 * What is kept: every other query parameter (`?id=`, `?p=`, `?page=2` choose the article), in the order
 * the site wrote them, and the scheme (`http:` and `https:` are left apart: some sites differ).
 */

/** Query parameters that only track who shared or clicked a link. Compared in lower case. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'ocid',
]);
const TRACKING_PREFIX = 'utm_';

export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith(TRACKING_PREFIX) || TRACKING_PARAMS.has(lower);
}

/**
 * Returns the duplicate key of `url`. A string that does not parse as an absolute URL is returned trimmed,
 * so it still dedupes against itself.
 */
export function normalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim();
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    parsed.hash = '';
    return parsed.href;
  }
  parsed.hash = '';
  // Rebuild the query by hand: URLSearchParams re-encodes what it keeps (spaces become '+'), which would
  // make two spellings of one query differ from the site's own links.
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(decodeParamName(pair)));
  parsed.search = kept.length ? `?${kept.join('&')}` : '';
  if (parsed.pathname.length > 1 && parsed.pathname.endsWith('/')) {
    parsed.pathname = parsed.pathname.replace(/\/+$/, '') || '/';
  }
  return parsed.href;
}

function decodeParamName(pair: string): string {
  const name = pair.split('=', 1)[0];
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** A readable stand-in title for a link saved without its text: host and last path segment. */
export function titleFromUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const last = parsed.pathname.split('/').filter(Boolean).pop();
    const host = parsed.hostname.replace(/^www\./, '');
    if (!last) return host || url;
    let segment = last;
    try {
      segment = decodeURIComponent(last);
    } catch {
      // keep the raw segment
    }
    return `${host}: ${segment.replace(/\.[a-z0-9]{2,5}$/i, '').replace(/[-_]+/g, ' ')}`;
  } catch {
    return url;
  }
}
