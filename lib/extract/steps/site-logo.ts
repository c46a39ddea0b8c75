/**
 * Logos and home links: a picture-only link to the site's home page is the site's logo, never part of a
 * story, whatever its alt text says ("Logo", the brand, or nothing). "The site" is the page's own, as
 * served or as its canonical link names it (a mirror or an archive copy links home to the real site).
 */
import type { CleanupStep } from '../step';
import { hasDescendant, isOtherSite, isProtected, ownSites, parseUrl, textOf } from './signals';

/** A logo is a picture (`img, svg, picture`), looked for by tag so linkedom has no selector to compile per link. */
const PICTURE_TAGS = new Set(['IMG', 'SVG', 'PICTURE']);

const HOME_PATH = /^\/(?:index\.\w+|home|[a-z]{2}(?:-[a-z]{2})?)?\/?$/i;

export const siteLogo: CleanupStep = {
  name: 'site-logo',
  phase: 'after',
  run(root, ctx) {
    const sites = ownSites(ctx.doc, ctx.url);
    for (const a of Array.from(root.querySelectorAll('a[href]'))) {
      if (textOf(a) || !hasDescendant(a, PICTURE_TAGS)) continue;
      const u = parseUrl(a.getAttribute('href'), ctx.url);
      if (!u || isOtherSite(u.href, ctx.url, sites) || !HOME_PATH.test(u.pathname) || u.search) continue;
      // A figure that holds only the logo goes with it (its caption, if any, names the logo).
      const figure = a.closest('figure');
      const target = figure && isProtected(a) && figure.querySelectorAll('img, picture, svg').length === 1 ? figure : a;
      ctx.remove(target, this.name);
    }
  },
};
