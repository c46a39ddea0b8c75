/**
 * Share and follow bars. Their buttons are often icons without text, so link density cannot see them;
 * their targets can: every network's "share this URL" endpoint and profile links to social hosts look
 * the same whatever the page's language. A block whose links are mostly such targets goes, with its
 * label ("Share", "Bagikan", "Поделиться", "分享").
 */
import type { CleanupStep } from '../step';
import { isProtected, parseUrl, textLengthWithin, textOf } from './signals';

/** Share endpoints: the path or query that asks a network to post a URL. */
const SHARE_TARGET = /(?:sharer|share(?:Article|\.php)?|intent\/(?:tweet|post)|send\?text|pin\/create|submit\?url|add\?url|compose|sendMessage|msg\/share)(?:[/?.]|$)|[?&](?:u|url|text|body|shareUrl)=http/i;
const SOCIAL_HOSTS = /(?:^|\.)(?:facebook|twitter|x|t|instagram|linkedin|pinterest|reddit|tumblr|whatsapp|telegram|vk|ok|weibo|line|threads|bsky|mastodon|youtube|tiktok|flipboard|getpocket|xing|qzone|douban)\.(?:com|me|ru|net|app|social|co\.jp)$/i;
/** A bar's own text, beyond its links: a label, a count. */
const MAX_LABEL_CHARS = 60;

function isShareLink(a: Element, pageUrl: string): boolean {
  const href = a.getAttribute('href') ?? '';
  if (/^mailto:\?/i.test(href) || /^whatsapp:|^tg:|^viber:|^fb-messenger:|^sms:\?/i.test(href)) return true;
  const u = parseUrl(href, pageUrl);
  if (!u) return false;
  return SHARE_TARGET.test(u.pathname + u.search) || (SOCIAL_HOSTS.test(u.hostname) && textOf(a).length <= 24);
}

export const shareBars: CleanupStep = {
  name: 'share-bars',
  phase: 'after',
  run(root, ctx) {
    const shareLinks = Array.from(root.querySelectorAll('a[href]')).filter((a) => !isProtected(a) && isShareLink(a, ctx.url));
    const done = new Set<Element>();
    for (const a of shareLinks) {
      if (!root.contains(a)) continue;
      // Climb to the bar: the largest ancestor whose links are still mostly share links and that says little else.
      let bar: Element = a;
      for (let up = a.parentElement; up && up !== root; up = up.parentElement) {
        const links = Array.from(up.querySelectorAll('a[href]'));
        const shares = links.filter((l) => shareLinks.includes(l)).length;
        const ownText = textLengthWithin(up, 4000) - links.reduce((n, l) => n + textOf(l).length, 0);
        if (shares < links.length * 0.6 || ownText > MAX_LABEL_CHARS) break;
        bar = up;
      }
      if (done.has(bar)) continue;
      done.add(bar);
      // A single share link standing in a sentence ("share it on X") is the author's, not a bar.
      if (bar === a && a.parentElement && textLengthWithin(a.parentElement, MAX_LABEL_CHARS) > MAX_LABEL_CHARS) continue;
      ctx.remove(bar, this.name);
    }
  },
};
