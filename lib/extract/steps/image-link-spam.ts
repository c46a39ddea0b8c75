/**
 * Banner links to other sites: links whose only content is a picture and whose target is another
 * site's page (gambling, affiliate and "partner" banners pasted into posts). A picture linking to its
 * own larger file, or to this site, is the article's own and stays.
 *
 * A lone foreign picture link could be a credit or a source, so one of these must also hold: two or more
 * such links sit together, the link is marked `nofollow`/`sponsored`, or the picture has a banner's shape.
 */
import type { CleanupStep, StepContext } from '../step';
import { isOtherSite, isProtected, ownSites, parseUrl, textOf } from './signals';

const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg|bmp)(?:[?#]|$)/i;
const PAID_REL = /\b(?:sponsored|nofollow|ugc)\b/i;
/** Width to height of a leaderboard or skyscraper banner. */
const BANNER_RATIO = 3.5;

function isBannerShape(img: Element): boolean {
  const w = Number(img.getAttribute('width'));
  const h = Number(img.getAttribute('height'));
  if (!w || !h) return false;
  return w / h >= BANNER_RATIO || h / w >= BANNER_RATIO;
}

function isForeignPictureLink(a: Element, ctx: StepContext, sites: Set<string>): boolean {
  if (textOf(a)) return false;
  const img = a.querySelector('img, picture');
  if (!img) return false;
  const href = a.getAttribute('href');
  if (!href || IMAGE_FILE.test(parseUrl(href, ctx.url)?.pathname ?? '')) return false;
  return isOtherSite(href, ctx.url, sites);
}

export const imageLinkSpam: CleanupStep = {
  name: 'image-link-spam',
  phase: 'after',
  run(root, ctx) {
    const sites = ownSites(ctx.doc, ctx.url);
    const links = Array.from(root.querySelectorAll('a[href]')).filter((a) => !isProtected(a) && isForeignPictureLink(a, ctx, sites));
    if (!links.length) return;
    const byParent = new Map<Element, Element[]>();
    for (const a of links) {
      const parent = a.parentElement ?? root;
      byParent.set(parent, [...(byParent.get(parent) ?? []), a]);
    }
    for (const [parent, group] of byParent) {
      const flagged = group.filter((a) => group.length >= 2 || PAID_REL.test(a.getAttribute('rel') ?? '') || isBannerShape(a.querySelector('img') ?? a));
      if (!flagged.length) continue;
      // The banners' own wrapper goes too when nothing else is in it.
      if (parent !== root && flagged.length === group.length && !textOf(parent) && parent.querySelectorAll('img, picture, video, iframe').length === flagged.length) {
        ctx.remove(parent, this.name);
      } else {
        for (const a of flagged) ctx.remove(a, this.name);
      }
    }
  },
};
