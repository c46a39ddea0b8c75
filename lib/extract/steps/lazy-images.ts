/**
 * Lazy-loaded pictures made real, before Readability looks at them (it drops images without a usable
 * source): `data-src`-style attributes become `src`/`srcset`, `<picture>` sources too, and a `<noscript>`
 * fallback replaces the placeholder it stands behind. A source counts as a placeholder when it is
 * missing, a `data:` URI, or a 1x1/blank/spacer file.
 */
import type { CleanupStep, StepContext } from '../step';

const SRC_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src', 'data-full-src', 'data-orig-file', 'data-actualsrc', 'data-echo', 'data-img-src', 'data-pagespeed-lazy-src', 'data-srcs'];
const SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'data-original-set', 'data-pagespeed-lazy-srcset'];
const PLACEHOLDER = /^data:|(?:^|[/_.-])(?:blank|spacer|pixel|placeholder|transparent|lazy|loading|grey|gray|1x1|empty)[/_.-]|\.svg$/i;
const LOOKS_LIKE_URL = /^(?:https?:)?\/\/|^\/|\.(?:jpe?g|png|gif|webp|avif)(?:[?#\s]|$)/i;

function isPlaceholder(src: string | null): boolean {
  return !src || !src.trim() || PLACEHOLDER.test(src.trim());
}

function firstAttr(el: Element, names: string[]): string | null {
  for (const name of names) {
    const v = el.getAttribute(name)?.trim();
    if (v && LOOKS_LIKE_URL.test(v)) return v;
  }
  return null;
}

function fillImage(img: Element): void {
  // Most pictures are not lazy: one look at the attribute names settles it.
  const lazy = img.getAttributeNames().some((name) => name.startsWith('data-') || name === 'srcset');
  if (!lazy && !isPlaceholder(img.getAttribute('src'))) return;
  const lazySrc = firstAttr(img, SRC_ATTRS);
  const lazySet = SRCSET_ATTRS.map((n) => img.getAttribute(n)?.trim()).find((v) => v);
  if (lazySrc && isPlaceholder(img.getAttribute('src'))) img.setAttribute('src', lazySrc);
  if (lazySet && (!img.getAttribute('srcset') || isPlaceholder(img.getAttribute('srcset')))) img.setAttribute('srcset', lazySet);
  if (isPlaceholder(img.getAttribute('src')) && img.getAttribute('srcset')) {
    // A srcset alone shows nothing in readers that ignore it: its first candidate becomes the src.
    const first = img.getAttribute('srcset')!.split(',')[0]?.trim().split(/\s+/)[0];
    if (first && !isPlaceholder(first)) img.setAttribute('src', first);
  }
}

/** The pictures inside a `<noscript>`, whether the parser kept them as elements or as text. */
function noscriptImages(noscript: Element, ctx: StepContext): Element[] {
  const parsed = Array.from(noscript.querySelectorAll('img'));
  if (parsed.length) return parsed;
  const markup = noscript.textContent ?? '';
  if (!/<img\b/i.test(markup)) return [];
  // Parsed by the one inert parser: nothing in it runs or loads; the picture is imported into the copy.
  // The whole document is queried: linkedom does not always put a fragment's elements in its body.
  return Array.from(ctx.parse(markup).querySelectorAll('img'));
}

/** `picture source`: a source with a `<picture>` above it. */
function inPicture(source: Element): boolean {
  for (let up = source.parentElement; up; up = up.parentElement) if (up.tagName.toUpperCase() === 'PICTURE') return true;
  return false;
}

export const lazyImages: CleanupStep = {
  name: 'lazy-images',
  phase: 'before',
  run(root, ctx) {
    // One query for the three kinds (each its own walk over the page in linkedom); fillImage only sets
    // attributes, so the lists are the same as three queries made in turn.
    const found = Array.from(root.querySelectorAll('img, source, noscript'));
    const ofTag = (tag: string) => found.filter((el) => el.tagName.toUpperCase() === tag);
    for (const img of ofTag('IMG')) fillImage(img);
    for (const source of ofTag('SOURCE').filter(inPicture)) {
      const lazySet = SRCSET_ATTRS.map((n) => source.getAttribute(n)?.trim()).find((v) => v);
      if (lazySet && !source.getAttribute('srcset')) source.setAttribute('srcset', lazySet);
    }
    for (const noscript of ofTag('NOSCRIPT')) {
      if (!/<img\b/i.test(noscript.textContent ?? '') && !noscript.querySelector('img')) continue;
      const imgs = noscriptImages(noscript, ctx);
      if (imgs.length !== 1) continue;
      const real = ctx.doc.importNode(imgs[0], true) as Element;
      fillImage(real);
      if (isPlaceholder(real.getAttribute('src'))) continue;
      const prev = noscript.previousElementSibling;
      const placeholder = prev?.tagName === 'IMG' ? prev : prev?.querySelector('img') && !prev.textContent?.trim() ? prev.querySelector('img') : null;
      if (placeholder && isPlaceholder(placeholder.getAttribute('src'))) {
        placeholder.replaceWith(real);
        noscript.remove();
      } else if (!placeholder) {
        noscript.replaceWith(real);
      } else {
        noscript.remove();
      }
    }
  },
};
