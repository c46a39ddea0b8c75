/**
 * The key two saves of the same article share. Interim: `lib/library` owns URL normalising (issue 4);
 * once it exports its normaliser, `merge.ts` takes that one instead and this file goes.
 *
 * Rules: lower-case scheme and host, no default port, no fragment, no tracking parameters
 * (`utm_*`, `fbclid`, `gclid` and their kin), no trailing slash on the path. Query order is kept: some
 * sites route on it.
 */
const TRACKING_PARAM = /^(utm_[a-z0-9_]*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi)$/i;

export function normalizeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.trim();
  }
  url.hash = '';
  const kept = [...url.searchParams].filter(([name]) => !TRACKING_PARAM.test(name));
  if (kept.length !== [...url.searchParams].length) {
    url.search = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  }
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '');
  let text = url.toString();
  // URL keeps "https://host/" for an empty path and "?" is dropped only by us; strip the lone root slash too.
  if (url.pathname === '/' && !url.search) text = text.replace(/\/$/, '');
  return text;
}
