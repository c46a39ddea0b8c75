/**
 * An independent check of sanitised HTML, written from the threat model rather than from
 * `sanitize.ts`'s allowlists, so a mistake in one is caught by the other.
 *
 * `unsafeIn(html)` parses the HTML as the reader page would (fragment parsing, as `innerHTML` does) and
 * lists every way the resulting tree could run code, load something other than a picture, navigate,
 * submit, restyle the reader or clobber its globals. An empty list means safe.
 */
import { JSDOM } from 'jsdom';

/** Elements that run code, embed another document, load a non-image resource, navigate or submit. */
const DANGEROUS_TAGS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button',
  'select', 'option', 'textarea', 'isindex', 'keygen', 'base', 'meta', 'link', 'template', 'noscript',
  'portal', 'fencedframe', 'dialog', 'foreignobject', 'use', 'image', 'feimage', 'animate', 'set',
  'animatemotion', 'animatetransform', 'annotation-xml', 'maction', 'mglyph', 'malignmark', 'handler',
  'listener', 'xml', 'xmp', 'plaintext', 'noembed', 'noframes', 'title', 'svg:script', 'math:script',
]);
/** Attributes that run code, load, navigate, submit, restyle, or smuggle a document. */
const DANGEROUS_ATTRS = new Set([
  'style', 'srcdoc', 'ping', 'formaction', 'action', 'background', 'lowsrc', 'dynsrc', 'xlink:href',
  'autofocus', 'autoplay', 'http-equiv', 'data', 'codebase', 'manifest', 'attributename', 'values', 'to',
  'from', 'by', 'contenteditable', 'popover', 'popovertarget', 'shadowrootmode', 'shadowroot',
]);
const HTML_NS = 'http://www.w3.org/1999/xhtml';
// eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
const IGNORED_IN_URLS = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]/g;
/** Attributes that are never read as CSS, whatever their element. */
const TEXT_ATTRS = /^(?:id|name|class|title|alt|lang|xml:lang|dir|role|aria-.*|data-.*)$/;
/** Attributes a browser follows or fetches. */
const URL_ATTRS = new Set(['href', 'src', 'srcset', 'poster', 'cite', 'action', 'formaction', 'data', 'xlink:href', 'background', 'longdesc', 'usemap', 'codebase', 'ping', 'manifest', 'lowsrc', 'dynsrc', 'icon', 'content']);
const WEB_URL = /^https?:\/\/[^\s]+$/i;
const LINK_URL = /^(?:https?:\/\/[^\s]+|mailto:[^\s]*|tel:[^\s]*|#user-content-[^\s]*)$/i;
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp|x-icon|svg\+xml)[;,]/i;

export function parseAsReader(html: string): DocumentFragment {
  return JSDOM.fragment(html);
}

export function unsafeIn(html: string): string[] {
  return unsafeNodes(parseAsReader(html));
}

export function unsafeNodes(root: ParentNode): string[] {
  const problems: string[] = [];
  const walk = (parent: ParentNode) => {
    for (const el of Array.from(parent.querySelectorAll('*'))) {
      const tag = el.localName.toLowerCase();
      const where = `<${tag}>`;
      // SVG's <title> is a tooltip; HTML's would be the page's title.
      if (DANGEROUS_TAGS.has(tag) && !(tag === 'title' && el.namespaceURI !== HTML_NS)) problems.push(`${where} element`);
      if (tag === 'template') walk((el as HTMLTemplateElement).content);
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        const value = attr.value;
        // Browsers drop control characters and spaces from URLs before reading the scheme.
        const url = value.replace(IGNORED_IN_URLS, '');
        if (name.startsWith('on')) problems.push(`${where} ${name} handler`);
        if (DANGEROUS_ATTRS.has(name)) problems.push(`${where} ${name}=`);
        if (URL_ATTRS.has(name) && /^(?:javascript|vbscript|livescript):/i.test(url)) problems.push(`${where} ${name} has a script URL`);
        // SVG and MathML attributes are parsed as CSS (fill="url(...)"); HTML ones are not.
        if (el.namespaceURI !== HTML_NS && !TEXT_ATTRS.test(name) && (/url\s*\(\s*['"]?\s*(?!#)/i.test(value) || (/\\/.test(value) && /\(/.test(value)))) {
          problems.push(`${where} ${name} has a CSS url() to another resource`);
        }
        // DOMPurify neutralises `is` by emptying it (the element's type was fixed when it was created).
        if (name === 'is' && value !== '') problems.push(`${where} is=${value}`);
        if (name === 'href' && !LINK_URL.test(url)) problems.push(`${where} href=${value.slice(0, 60)}`);
        if (name === 'href' && tag !== 'a') problems.push(`${where} href on a non-link`);
        if (['src', 'poster', 'cite'].includes(name) && !WEB_URL.test(url) && !(tag === 'img' && name === 'src' && DATA_IMAGE.test(url))) {
          problems.push(`${where} ${name}=${value.slice(0, 60)}`);
        }
        if (name === 'srcset' || name === 'imagesrcset') {
          for (const candidate of value.split(/,\s+/)) {
            const u = candidate.trim().split(/\s+/)[0] ?? '';
            if (u && !WEB_URL.test(u)) problems.push(`${where} srcset candidate ${u.slice(0, 60)}`);
          }
        }
        if ((name === 'id' || name === 'name') && !value.startsWith('user-content-')) problems.push(`${where} ${name}=${value} can clobber globals`);
      }
      if (tag === 'a' && el.hasAttribute('href') && !el.getAttribute('href')!.startsWith('#')) {
        if (el.getAttribute('target') !== '_blank') problems.push(`${where} link does not open a new tab`);
        const rel = (el.getAttribute('rel') ?? '').split(/\s+/);
        if (!rel.includes('noopener') || !rel.includes('noreferrer')) problems.push(`${where} link keeps opener or referrer`);
      }
      if (tag === 'video' || tag === 'audio') {
        if (el.getAttribute('preload') !== 'none') problems.push(`${where} preloads`);
      }
    }
  };
  walk(root);
  return problems;
}

/** The HTML a parse-and-serialise round trip gives: sanitised output must not mutate on re-parsing. */
export function reserialised(html: string): string {
  const holder = JSDOM.fragment('<div></div>').firstChild as Element;
  holder.append(parseAsReader(html));
  return holder.innerHTML;
}
