/**
 * The tag or category list that trails the story. The page marks it in ways that do not depend on
 * language: `rel="tag"` links and tag or category URLs. Only short, link-dense blocks in the article's
 * tail are taken, so an inline tag link in the prose stays. (The author box is `author-box`: Readability
 * strips its `rel="author"` link, so it is found before Readability runs.)
 */
import type { CleanupStep } from '../step';
import { densityOf, isProtected, measure, parseUrl } from './signals';

const TAG_LINK = 'a[rel~="tag"], a[href*="/tag/"], a[href*="/tags/"], a[href*="/topic/"], a[href*="/topics/"], a[href*="/label/"], a[href*="/kategori/"], a[href*="/category/"], a[href*="/rubric/"]';
const CANDIDATES = 'div, section, aside, footer, ul, ol, p, dl, address';
const TAIL_SHARE = 0.35;
const MAX_TAGS_CHARS = 400;

export const tagList: CleanupStep = {
  name: 'tag-list',
  phase: 'after',
  run(root, ctx) {
    const tagLinks = Array.from(root.querySelectorAll(TAG_LINK));
    if (!tagLinks.length) return;
    const stats = measure(root);
    const total = stats.get(root)?.chars ?? 0;
    if (!total) return;
    // Text position of every element, from one walk: what comes before it.
    const start = new Map<Element, number>();
    let at = 0;
    const walk = (el: Element) => {
      start.set(el, at);
      for (let n = el.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3) at += (n.nodeValue ?? '').trim().length;
        else if (n.nodeType === 1) walk(n as Element);
      }
    };
    walk(root);
    const tailStart = total * (1 - TAIL_SHARE);
    const page = parseUrl(ctx.url, ctx.url);
    // Only the blocks around a tag link can be a tag list.
    const candidates = new Set<Element>();
    for (const a of tagLinks) {
      for (let up = a.parentElement; up && up !== root; up = up.parentElement) {
        if ((stats.get(up)?.chars ?? 0) > MAX_TAGS_CHARS) break;
        if (up.matches(CANDIDATES)) candidates.add(up);
      }
    }
    // Outer blocks first (document order), so a list and its wrapper make one removal.
    for (const el of Array.from(root.querySelectorAll(CANDIDATES)).filter((c) => candidates.has(c))) {
      const s = stats.get(el);
      if (!s || el === root || (start.get(el) ?? 0) < tailStart || !root.contains(el) || isProtected(el)) continue;
      const tags = Array.from(el.querySelectorAll(TAG_LINK)).filter((a) => {
        const u = parseUrl(a.getAttribute('href'), ctx.url);
        return !!u && (!page || u.pathname !== page.pathname);
      });
      const isTagList = tags.length >= 1 && s.chars <= MAX_TAGS_CHARS && densityOf(s) >= 0.5 && tags.length >= s.links * 0.6;
      if (isTagList) ctx.remove(el, this.name);
    }
  },
};
