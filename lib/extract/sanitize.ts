/**
 * The one DOMPurify configuration. Every piece of HTML the extension displays goes through `sanitize`
 * here, and only `components/Reader` assigns its output to the DOM.
 *
 * The reader renders HTML taken from any web page inside the extension's own origin, which holds the
 * user's library: a page that gets a script to run there owns everything. So the configuration is an
 * allowlist (tags, attributes, URL schemes), not DOMPurify's defaults minus a few, and every rule says why:
 * - no scripts, event handlers, `javascript:` URLs, `iframe`, `object`, `embed`, `frame`: code or
 *   another document running where the library lives;
 * - no `form`, `base`, `meta`, `link`, `style` elements, `style` / `srcdoc` / `ping` / `background`
 *   attributes, no SVG `image`, `use`, `feImage`, no `url(...)` in attributes: each can load, navigate
 *   or beacon without a script (CSS `url()` beacons, form actions, `<base>` retargeting, meta refresh);
 * - `data:` URLs only as image sources: a `data:` document in a link is a phishing page in disguise;
 * - URLs must be absolute `http(s)` (plus `mailto:`/`tel:` links and in-article `#anchors`): a relative
 *   URL would resolve against the extension's origin, not the page's;
 * - `id` and `name` get a `user-content-` prefix (and `#anchor` links with them), so the article cannot
 *   clobber globals of the reader page (`<img name="x">` makes `window.x` an element);
 * - links open in a new tab with no opener and no referrer; images load lazily without a referrer;
 *   media never autoplays or preloads, so opening the reader fetches nothing but pictures;
 * - video embeds (YouTube, Vimeo, ... iframes, `<video>` the reader cannot play) become a link to the
 *   video, with its thumbnail or poster when one can be derived, instead of vanishing;
 * - 1x1 images are tracking pixels, not pictures.
 *
 * The output is stable: sanitising it again gives the same HTML (the reader re-sanitises what the page
 * context extracted, and what the library stored).
 */
import createDOMPurify, { type Config, type DOMPurify, type UponSanitizeAttributeHookEvent } from 'dompurify';
import { parseInertDocument } from './inert';
import { videoLinkFor, type VideoLink } from './video-embeds';

const HTML_TAGS = [
  'a', 'abbr', 'acronym', 'address', 'article', 'aside', 'audio', 'b', 'bdi', 'bdo', 'big', 'blockquote', 'br',
  'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'data', 'dd', 'del', 'details', 'dfn', 'div', 'dl',
  'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'i', 'img', 'ins', 'kbd', 'li', 'main', 'mark', 'ol', 'p', 'picture', 'pre', 'q', 'rp', 'rt', 'ruby', 's',
  'samp', 'section', 'small', 'source', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'track', 'tt', 'u', 'ul', 'var', 'video', 'wbr',
];
/** Charts and icons: shapes, text and gradients. Nothing that references or loads another resource. */
const SVG_TAGS = [
  'svg', 'g', 'path', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'rect', 'text', 'tspan', 'title',
  'desc', 'defs', 'lineargradient', 'radialgradient', 'stop', 'clippath', 'mask', 'marker',
];
/** Formulas (Wikipedia and papers ship MathML). `annotation-xml`, `maction`, `mglyph` are mXSS vectors. */
const MATHML_TAGS = [
  'math', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'mrow', 'mfrac', 'msqrt', 'mroot', 'msub', 'msup',
  'msubsup', 'munder', 'mover', 'munderover', 'mmultiscripts', 'mprescripts', 'mtable', 'mtr', 'mtd',
  'mlabeledtr', 'menclose', 'mpadded', 'mphantom', 'mstyle', 'merror', 'mfenced',
];
const HTML_ATTRS = [
  'href', 'src', 'srcset', 'sizes', 'media', 'type', 'alt', 'title', 'width', 'height', 'poster', 'controls',
  'loop', 'muted', 'playsinline', 'preload', 'kind', 'srclang', 'label', 'cite', 'datetime', 'value', 'start',
  'reversed', 'open', 'colspan', 'rowspan', 'span', 'headers', 'scope', 'abbr', 'lang', 'dir', 'translate',
  'id', 'name', 'class', 'role', 'hidden', 'target', 'rel', 'referrerpolicy', 'loading', 'decoding',
];
const SVG_ATTRS = [
  'viewbox', 'preserveaspectratio', 'xmlns', 'version', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx',
  'ry', 'fx', 'fy', 'd', 'points', 'dx', 'dy', 'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width',
  'stroke-opacity', 'stroke-linecap', 'stroke-linejoin', 'stroke-dasharray', 'stroke-dashoffset',
  'stroke-miterlimit', 'opacity', 'transform', 'text-anchor', 'dominant-baseline', 'baseline-shift',
  'font-size', 'font-family', 'font-weight', 'font-style', 'letter-spacing', 'textlength', 'lengthadjust',
  'offset', 'stop-color', 'stop-opacity', 'gradientunits', 'gradienttransform', 'spreadmethod', 'clip-path',
  'clippathunits', 'clip-rule', 'mask', 'maskunits', 'marker-start', 'marker-mid', 'marker-end', 'markerwidth',
  'markerheight', 'markerunits', 'refx', 'refy', 'orient', 'vector-effect', 'color',
];
const MATHML_ATTRS = [
  'display', 'displaystyle', 'mathvariant', 'mathsize', 'mathcolor', 'mathbackground', 'scriptlevel', 'fence',
  'separator', 'separators', 'close', 'stretchy', 'symmetric', 'largeop', 'movablelimits', 'accent',
  'accentunder', 'lspace', 'rspace', 'minsize', 'maxsize', 'linethickness', 'notation', 'columnalign',
  'rowalign', 'columnspacing', 'rowspacing', 'columnlines', 'rowlines', 'frame', 'columnspan', 'depth',
  'voffset', 'align', 'form',
];
/** Markers the pipeline writes: where a removed block was, and a video turned into a link. */
const READER_DATA_ATTRS = ['data-cr-removed', 'data-cr-video'];
/** Disallowed elements whose content goes too (other disallowed elements leave their content in place). */
const FORBID_CONTENTS = [
  'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'noembed', 'noframes', 'plaintext',
  'xmp', 'title', 'head', 'textarea', 'select', 'option', 'datalist', 'object', 'embed', 'applet', 'canvas',
  'annotation', 'annotation-xml', 'foreignobject', 'image', 'use', 'meta', 'link', 'base', 'portal',
  'fencedframe', 'dialog', 'map', 'selectedcontent',
];

/** Which element may carry which URL attribute, and the schemes each accepts. */
const WEB = ['http:', 'https:'];
const URL_ATTRS = new Map<string, { tags: Set<string>; schemes: Set<string> }>([
  ['href', { tags: new Set(['a']), schemes: new Set([...WEB, 'mailto:', 'tel:']) }],
  ['src', { tags: new Set(['img', 'video', 'audio', 'source', 'track']), schemes: new Set(WEB) }],
  ['poster', { tags: new Set(['video']), schemes: new Set(WEB) }],
  ['cite', { tags: new Set(['blockquote', 'q', 'del', 'ins']), schemes: new Set(WEB) }],
]);
/**
 * On SVG and MathML elements, attributes are presentation attributes parsed as CSS: `url()` may fetch,
 * and CSS escapes (`\75 rl(`) may hide it. These attributes are only ever text.
 */
const TEXT_ATTRS = /^(?:id|name|class|title|alt|lang|dir|role|aria-.*|data-cr-.*)$/;
/** `data:` images are inert pictures; nothing else may use a `data:` URL. */
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp|x-icon|svg\+xml)[;,]/i;
const NAMED_PROP_PREFIX = 'user-content-';
const HTML_NS = 'http://www.w3.org/1999/xhtml';
/** `url(` followed by anything but a same-document `#fragment` reference. */
const EXTERNAL_CSS_URL = /url\s*\(\s*(?!['"]?\s*#)/i;
const LOCAL_CSS_URL = /url\(\s*(['"]?)\s*#(?!user-content-)/gi;

export const SANITIZE_CONFIG: Config = {
  ALLOWED_TAGS: [...HTML_TAGS, ...SVG_TAGS, ...MATHML_TAGS],
  ALLOWED_ATTR: [...HTML_ATTRS, ...SVG_ATTRS, ...MATHML_ATTRS, ...READER_DATA_ATTRS],
  FORBID_CONTENTS,
  // The page's own data-* attributes mean nothing without its scripts, and some would pose as the
  // reader's (`data-testid`); only the markers the pipeline itself writes are kept.
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: true,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // The URL hook below is the real check; this only keeps DOMPurify's own pass from letting more through.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
};

export interface SanitizeOptions {
  /** What relative URLs resolve against. Without it, relative URLs are dropped (they would point into the extension). */
  baseUrl?: string;
  /** Where a video the reader cannot play links to (the article's own page). Defaults to `baseUrl`. */
  pageUrl?: string;
}

type DomWindow = Window & typeof globalThis;

interface Purifier {
  purify: DOMPurify;
  /** Options of the call in progress: sanitising is synchronous, so one slot per window is enough. */
  current: SanitizeOptions;
}

const instances = new WeakMap<object, Purifier>();

function purifierFor(win: DomWindow): Purifier {
  const existing = instances.get(win);
  if (existing) return existing;
  const purify = createDOMPurify(win);
  if (!purify.isSupported) {
    throw new Error('DOMPurify cannot run on this DOM implementation; pass a jsdom or browser window as sanitizeWindow');
  }
  const state: Purifier = { purify, current: {} };
  purify.addHook('uponSanitizeElement', (node, event) => {
    if (node.nodeType !== 1) return;
    // DOMPurify walks from the `<body>` it parsed the markup into, and `body` is not allowed: it would
    // copy the whole article out of the root (deep clones, a third of the walk's time in jsdom) and drop
    // the root, then sanitise the originals, which it returns. Allowing the root alone skips that copy;
    // the result is the same, as only the root's children are ever returned. A parser never builds
    // another `<body>` inside one, and none is allowed anywhere else.
    event.allowedTags.body = node === node.ownerDocument?.body;
    replaceEmbed(node as Element, state.current);
  });
  purify.addHook('uponSanitizeAttribute', (node, event) => checkAttribute(node, event, state.current));
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType === 1) finishElement(node as Element);
  });
  instances.set(win, state);
  return state;
}

function run<T>(win: DomWindow, options: SanitizeOptions, fn: (purify: DOMPurify) => T): T {
  const state = purifierFor(win);
  const previous = state.current;
  state.current = { baseUrl: options.baseUrl, pageUrl: options.pageUrl ?? options.baseUrl };
  try {
    return fn(state.purify);
  } finally {
    state.current = previous;
  }
}

/** Sanitises `html` with the window's DOMPurify and returns HTML safe to render in the extension's origin. */
export function sanitize(html: string, win: DomWindow, options: SanitizeOptions = {}): string {
  return run(win, options, (purify) => purify.sanitize(html, SANITIZE_CONFIG) as string);
}

/**
 * Sanitises `html` into a fragment, for callers that read the result as a tree. The fragment belongs to
 * an inert document (DOMPurify's own), so nothing in it loads until the caller adopts it somewhere live.
 */
export function sanitizeToFragment(html: string, win: DomWindow, options: SanitizeOptions = {}): DocumentFragment {
  const fragment = run(win, options, (purify) => purify.sanitize(html, { ...SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true }) as DocumentFragment | null);
  // DOMPurify hands back null when its parse builds no <body>: markup that opens with a <frameset>, after
  // nothing but text-less elements such as <div> or <header>, gets a frameset instead. A <noscript>'s raw
  // text, parsed again here, can be such markup. The parser keeps no text in a frameset, so nothing
  // readable is lost: the answer is an empty fragment.
  return fragment ?? parseInertDocument('', win).createDocumentFragment();
}

/** Re-exported: callers that also sanitise import both from here. */
export { parseInertDocument };

// ---------------------------------------------------------------------------------------------------------
// URLs

/** `value` as an absolute URL the reader may use for `attr` on `tag`, or null when it must go. */
export function safeUrl(value: string, tag: string, attr: string, baseUrl?: string): string | null {
  const rule = URL_ATTRS.get(attr);
  if (!rule || !rule.tags.has(tag)) return null;
  if (isDanglingMarkup(value)) return null;
  const v = value.trim();
  if (!v || v === '#') return null;
  if (v.startsWith('#')) return attr === 'href' ? `#${prefixed(v.slice(1))}` : null;
  if (/^data:/i.test(v)) return tag === 'img' && attr === 'src' && DATA_IMAGE.test(v) ? v : null;
  let url: URL;
  try {
    url = baseUrl ? new URL(v, baseUrl) : new URL(v);
  } catch {
    return null;
  }
  return rule.schemes.has(url.protocol) ? url.href : null;
}

/**
 * A `srcset` with only the candidates whose URL is allowed, made absolute; null when none is left.
 * Parsed as the HTML standard does (URLs may contain commas, as image CDNs' do).
 */
export function safeSrcset(value: string, baseUrl?: string): string | null {
  if (isDanglingMarkup(value)) return null;
  const out: string[] = [];
  let i = 0;
  const n = value.length;
  while (i < n) {
    while (i < n && /[\s,]/.test(value[i])) i++;
    if (i >= n) break;
    let end = i;
    while (end < n && !/\s/.test(value[end])) end++;
    let url = value.slice(i, end);
    let descriptor = '';
    i = end;
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      const start = i;
      while (i < n && (value[i] !== ',' || depth > 0)) {
        if (value[i] === '(') depth++;
        else if (value[i] === ')') depth = Math.max(0, depth - 1);
        i++;
      }
      descriptor = value.slice(start, i).trim();
    }
    const safe = safeUrl(url, 'img', 'src', baseUrl);
    if (safe && !safe.startsWith('data:') && /^[\d.]+[wx]?$|^$/i.test(descriptor)) {
      out.push(descriptor ? `${safe} ${descriptor}` : safe);
    }
  }
  return out.length ? out.join(', ') : null;
}

/**
 * Chromium's rule against dangling markup (an unclosed attribute swallowing the page into a URL):
 * a URL holding both a raw line break or tab and a '<' is not fetched. Resolving it would strip the
 * line breaks that give it away, so it is dropped here, before it is resolved.
 */
function isDanglingMarkup(value: string): boolean {
  return /[\t\n\r]/.test(value) && value.includes('<');
}

function prefixed(id: string): string {
  return id.startsWith(NAMED_PROP_PREFIX) ? id : `${NAMED_PROP_PREFIX}${id}`;
}

function checkAttribute(el: Element, event: UponSanitizeAttributeHookEvent, options: SanitizeOptions): void {
  const name = event.attrName;
  const tag = el.localName.toLowerCase();
  const value = event.attrValue;
  if (URL_ATTRS.has(name)) {
    const url = safeUrl(value, tag, name, options.baseUrl);
    if (url === null) event.keepAttr = false;
    else event.attrValue = url;
  } else if (name === 'srcset') {
    const srcset = tag === 'img' || tag === 'source' ? safeSrcset(value, options.baseUrl) : null;
    if (srcset === null) event.keepAttr = false;
    else event.attrValue = srcset;
  } else if (el.namespaceURI !== HTML_NS && !TEXT_ATTRS.test(name)) {
    // SVG paint and clip references: only same-document ones, renamed like the ids they point at.
    if (value.includes('\\') || EXTERNAL_CSS_URL.test(value)) event.keepAttr = false;
    else if (/url\s*\(/i.test(value)) event.attrValue = value.replace(LOCAL_CSS_URL, (_m, quote: string) => `url(${quote}#${NAMED_PROP_PREFIX}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Elements

/** Attributes the reader sets itself, whatever the page said. */
function finishElement(el: Element): void {
  const tag = el.localName.toLowerCase();
  if (tag === 'a') {
    const href = el.getAttribute('href');
    if (href && !href.startsWith('#')) {
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
      el.setAttribute('referrerpolicy', 'no-referrer');
    } else {
      el.removeAttribute('target');
      el.removeAttribute('rel');
      el.removeAttribute('referrerpolicy');
    }
    return;
  }
  for (const attr of ['target', 'rel', 'referrerpolicy', 'loading', 'decoding']) el.removeAttribute(attr);
  if (tag === 'img') {
    el.setAttribute('loading', 'lazy');
    el.setAttribute('decoding', 'async');
    el.setAttribute('referrerpolicy', 'no-referrer');
  } else if (tag === 'video' || tag === 'audio') {
    // Playing is the user's choice: no autoplay (not even allowed through), no fetch before a click.
    el.setAttribute('controls', '');
    el.setAttribute('preload', 'none');
  }
}

const EMBED_TAGS = new Set(['iframe', 'embed', 'object', 'lite-youtube', 'lite-vimeo']);

/**
 * Embeds the reader cannot show become a link to the video: a player `iframe` (also lazy ones, whose
 * URL waits in `data-src`), `embed`/`object` players, the `lite-youtube` / `lite-vimeo` elements, and a
 * `<video>` with nothing playable (players fed by script, `blob:` URLs). The replacement goes right after
 * the element, so DOMPurify sanitises it like any other node; the element itself is then dropped.
 */
function replaceEmbed(el: Element, options: SanitizeOptions): void {
  const tag = el.localName.toLowerCase();
  if (tag === 'title' && el.namespaceURI === HTML_NS) {
    // Allowed for SVG tooltips only: an HTML <title> is a raw-text element with no place in an article.
    el.remove();
    return;
  }
  if (tag === 'img') {
    if (isTrackingPixel(el)) el.remove();
    return;
  }
  if (tag === 'video') {
    if (hasPlayableSource(el, options.baseUrl)) return;
    const poster = el.getAttribute('poster');
    const posterUrl = poster ? safeUrl(poster, 'img', 'src', options.baseUrl) : null;
    const page = options.pageUrl ? safeUrl(options.pageUrl, 'a', 'href') : null;
    const label = el.getAttribute('title') ?? el.getAttribute('aria-label');
    if (page) el.after(videoLink(el.ownerDocument, { href: page, thumbnail: posterUrl, provider: '' }, label));
    else if (posterUrl) el.after(imageOnly(el.ownerDocument, posterUrl, label));
    el.remove();
    return;
  }
  if (!EMBED_TAGS.has(tag)) return;
  let link: VideoLink | null = null;
  if (tag === 'lite-youtube' || tag === 'lite-vimeo') {
    const id = el.getAttribute('videoid') ?? '';
    link = videoLinkFor(tag === 'lite-youtube' ? `https://www.youtube.com/embed/${id}` : `https://player.vimeo.com/video/${id}`);
  } else {
    for (const attr of ['src', 'data-src', 'data-lazy-src', 'data']) {
      const value = el.getAttribute(attr);
      link = value ? videoLinkFor(value, options.baseUrl) : null;
      if (link) break;
    }
  }
  if (link) el.after(videoLink(el.ownerDocument, link, el.getAttribute('title') ?? el.getAttribute('aria-label')));
  if (tag.startsWith('lite-')) el.remove();
}

function isTrackingPixel(img: Element): boolean {
  const tiny = (attr: string) => {
    const v = img.getAttribute(attr);
    return v !== null && /^\s*[01](?:\.0*)?\s*(?:px)?\s*$/i.test(v);
  };
  return tiny('width') || tiny('height');
}

function hasPlayableSource(video: Element, baseUrl?: string): boolean {
  const src = video.getAttribute('src');
  if (src && safeUrl(src, 'video', 'src', baseUrl)) return true;
  for (const source of Array.from(video.children)) {
    const s = source.localName === 'source' ? source.getAttribute('src') : null;
    if (s && safeUrl(s, 'source', 'src', baseUrl)) return true;
  }
  return false;
}

/** `<a href=VIDEO data-cr-video=PROVIDER><img src=THUMBNAIL alt=TITLE> ▶ TITLE</a>` (`aria-label=PROVIDER` and ▶ alone without a title) */
function videoLink(doc: Document, link: VideoLink, label: string | null): Element {
  const a = doc.createElement('a');
  a.setAttribute('href', link.href);
  a.setAttribute('data-cr-video', link.provider || 'video');
  const title = (label ?? '').replace(/\s+/g, ' ').trim();
  const text = title || link.provider || new URL(link.href).hostname;
  if (link.thumbnail) {
    const img = doc.createElement('img');
    img.setAttribute('src', link.thumbnail);
    img.setAttribute('alt', text);
    a.append(img, doc.createElement('br'));
  }
  // With no title, the provider's name says nothing the picture does not: it is the link's accessible
  // name, and the visible label is the play sign alone (no stray word in the article's text).
  if (!title && link.thumbnail) {
    a.setAttribute('aria-label', text);
    a.append('▶');
  } else a.append(`▶ ${text}`);
  return a;
}

function imageOnly(doc: Document, src: string, label: string | null): Element {
  const img = doc.createElement('img');
  img.setAttribute('src', src);
  img.setAttribute('alt', (label ?? '').trim());
  return img;
}
