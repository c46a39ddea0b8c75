/**
 * The one DOMPurify configuration. Every piece of HTML the extension displays goes through `sanitize`
 * here, and only `components/Reader` assigns its output to the DOM.
 *
 * Why each rule:
 * - scripts, event handlers and `javascript:` URLs: a page that runs code in the extension's origin owns
 *   the user's library;
 * - `iframe`, `object`, `embed`, `form`, `base`, `meta`, `link`, `style` and `style=""`: each can load,
 *   navigate or beacon without a script (CSS `url()` beacons, form actions, `<base>` retargeting);
 * - `data:` URLs only on images: a `data:` document in a link is a phishing page in disguise;
 * - links open in a new tab without a referrer or an opener.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';

const FORBID_TAGS = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button',
  'select', 'option', 'textarea', 'base', 'meta', 'link', 'noscript', 'template', 'dialog', 'portal',
  'use', 'foreignobject', 'animate', 'set', 'animatemotion', 'animatetransform',
];
const FORBID_ATTR = [
  'style', 'srcdoc', 'ping', 'formaction', 'action', 'background', 'lowsrc', 'dynsrc', 'autofocus',
  'contenteditable', 'tabindex', 'accesskey', 'popover', 'popovertarget',
];
const URL_ATTRS = ['href', 'src', 'xlink:href', 'poster', 'cite', 'longdesc'];

export const SANITIZE_CONFIG: Config = {
  FORBID_TAGS,
  FORBID_ATTR,
  ADD_ATTR: ['target'],
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Allowed URLs: web, mail and phone links and in-page anchors; relative URLs were made absolute upstream.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

const instances = new WeakMap<object, DOMPurify>();

function purifierFor(win: Window & typeof globalThis): DOMPurify {
  let purify = instances.get(win);
  if (purify) return purify;
  purify = createDOMPurify(win);
  if (!purify.isSupported) {
    throw new Error('DOMPurify cannot run on this DOM implementation; pass a jsdom or browser window as sanitizeWindow');
  }
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (!('getAttribute' in node)) return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    for (const name of URL_ATTRS) {
      const value = el.getAttribute(name);
      if (value !== null && /^\s*data:/i.test(value) && tag !== 'img') el.removeAttribute(name);
    }
    if (tag === 'a' && el.hasAttribute('href')) {
      const href = el.getAttribute('href') ?? '';
      if (href.startsWith('#')) {
        el.removeAttribute('target');
      } else {
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      }
    } else if (el.hasAttribute('target')) {
      el.removeAttribute('target');
    }
  });
  instances.set(win, purify);
  return purify;
}

/** Sanitises `html` with the window's DOMPurify and returns HTML safe to render in the extension's origin. */
export function sanitize(html: string, win: Window & typeof globalThis): string {
  return purifierFor(win).sanitize(html, SANITIZE_CONFIG) as string;
}

/** Sanitises `html` into a fragment owned by `win.document`, for callers that read the result as a tree. */
export function sanitizeToFragment(html: string, win: Window & typeof globalThis): DocumentFragment {
  return purifierFor(win).sanitize(html, { ...SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true }) as DocumentFragment;
}
