/**
 * Ad slots and sponsored boxes. What they share in every language is their machinery: ad-network
 * markup (`ins.adsbygoogle`, Google Publisher Tag slots, `data-ad*` attributes, banners whose picture an
 * ad server serves) or a name such as
 * "ad-slot" or "sponsored", and, once scripts and frames are gone, next to no text of their own:
 * only a label ("Advertisement", "Iklan", "Реклама", "广告"). A named box that still holds real prose
 * is left alone; a name is one signal, the emptiness the other.
 */
import type { CleanupStep } from '../step';
import { isProtected, namesOf, textLengthWithin } from './signals';

const AD_MARKUP = 'ins.adsbygoogle, [id^="div-gpt-ad"], [data-ad-slot], [data-ad-unit], [data-ad], [data-adunit], [data-google-query-id], [data-ad-client], [data-dfp], [class*="dfp-" i]';
/** Names ad slots and sponsored boxes carry: "ad", "ads", "advert", "sponsor", "promo", "dfp", "gpt". */
const AD_NAME = /(?:^|[\s_-])(?:ad|ads|adv|advert\w*|adsense|ad-?slot|ad-?unit|ad-?container|ad-?wrapper|banner-?ad|sponsor\w*|promoted|dfp|gpt|outbrain|taboola|native-?ad|commercial|reklam\w*|iklan|publicidad)(?:$|[\s_-]|\d)/;
/** Text an ad slot keeps: its label, perhaps "Continue reading below". */
const MAX_LABEL_CHARS = 40;
/**
 * A picture served by an ad server (OpenX's `/delivery/avw.php?zoneid=`, `/adserver/`, DoubleClick): the
 * banner a slot shows once its script is gone, beside its label.
 */
const AD_SERVER_URL = /^https?:\/\/[^/?#]*(?:doubleclick\.net|adserver\.|adservice\.|\.adnxs\.com)|\/(?:adserver|adserve|adclick|pagead)\/|[?&](?:zoneid|bannerid)=/i;

export const adSlots: CleanupStep = {
  name: 'ad-slots',
  phase: 'after',
  run(root, ctx) {
    for (const el of Array.from(root.querySelectorAll(AD_MARKUP))) {
      if (root.contains(el) && el !== root && textLengthWithin(el, MAX_LABEL_CHARS * 3) <= MAX_LABEL_CHARS * 3) ctx.remove(el, this.name);
    }
    // A banner from an ad server: the block around it that holds only it and a label goes with it.
    for (const img of Array.from(root.querySelectorAll('img[src]'))) {
      if (!AD_SERVER_URL.test(img.getAttribute('src') ?? '') || !root.contains(img) || isProtected(img)) continue;
      let slot: Element = img;
      for (let up = img.parentElement; up && up !== root; up = up.parentElement) {
        if (textLengthWithin(up, MAX_LABEL_CHARS) > MAX_LABEL_CHARS || up.querySelectorAll('img, picture, video, iframe').length > 1) break;
        slot = up;
      }
      ctx.remove(slot, this.name);
    }
    for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
      if (!AD_NAME.test(namesOf(el)) || el === root || !root.contains(el) || isProtected(el)) continue;
      if (textLengthWithin(el, MAX_LABEL_CHARS) <= MAX_LABEL_CHARS) ctx.remove(el, this.name);
    }
  },
};
