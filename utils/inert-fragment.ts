import { parseInertDocument } from '@/lib/extract/inert';

/**
 * The injected script's `toFragment` (see `extractArticleWith`): the article's HTML parsed into a
 * DOMParser document, where no script runs and nothing loads, without sanitising it. Sanitising happens
 * in the extension, on arrival (utils/sanitize-injected.ts), with DOMPurify the page never sees; that
 * keeps DOMPurify (29 KB) out of the script injected into every page the user reads.
 *
 * Event-handler attributes (and templates, whose content is out of reach) go here already: Chromium checks an `on*` attribute against the extension
 * page's CSP the moment DOMPurify parses it there, and logs each as a blocked inline handler (harmless,
 * but the reader must log no errors). The page cannot put them back: this runs in the extension's
 * isolated world, on the copy it returns.
 */
export function inertFragment(html: string, win: Window & typeof globalThis): DocumentFragment {
  const doc = parseInertDocument(`<!DOCTYPE html><body>${html}`, win);
  // A template's content is a document of its own, out of reach of the walk below; the sanitiser drops
  // templates with their content anyway.
  for (const template of Array.from(doc.body.querySelectorAll('template'))) template.remove();
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    for (const name of el.getAttributeNames()) if (/^on/i.test(name)) el.removeAttribute(name);
  }
  const fragment = doc.createDocumentFragment();
  fragment.append(...Array.from(doc.body.childNodes));
  return fragment;
}
