/**
 * The publisher's note about itself that closes a press release or a company's post: "Ascom is a global
 * solutions provider...", "About Example Corp", "Über Beispiel AG". The same paragraphs close every
 * release the site puts out, and they describe the company, not the news.
 *
 * Found by three signals together, none a word of any language: it is the article's tail (everything
 * after it is this note); it is set apart from the story by a thematic break (`<hr>`) or a short heading
 * naming the site; and it opens with the site's own name (the host's name, or the `og:site_name` the page
 * declares), in the break's first line or in the heading. Footnotes, which also sit after a rule, are
 * never taken: a tail with a list or in-page links is left alone.
 */
import type { CleanupStep } from '../step';
import { comparable, isProtected, measure, siteOf, textOf } from './signals';

/** The note never takes more than this share of the article's text. */
const MAX_SHARE = 0.35;
const MAX_NOTE_CHARS = 1500;
const MAX_HEADING_WORDS = 4;
/** Under such a heading, the site's name must come within the note's first sentence or so. */
const SENTENCE_WORDS = 15;
/** The site's name must appear within the first words of the note. */
const OPENING_WORDS = 4;
const HEADING = /^H[1-6]$/;

/** The names the site goes by, in comparable form: the host's (example in news.example.co.uk) and og:site_name. */
function siteNames(doc: Document, url: string): string[] {
  const names: string[] = [];
  try {
    const label = siteOf(new URL(url).hostname).split('.')[0];
    if (label.length >= 3) names.push(comparable(label));
  } catch {
    // No URL, no host name: og:site_name may still say it.
  }
  const declared = doc.querySelector('meta[property="og:site_name" i][content]')?.getAttribute('content');
  const name = declared ? comparable(declared) : '';
  if (name.length >= 3) names.push(name);
  return names;
}

/** Everything after `el` in document order within `root`: its following siblings, and its ancestors' (below root). */
function following(el: Element, root: Element): Element[] {
  const out: Element[] = [];
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    for (let next = node.nextElementSibling; next; next = next.nextElementSibling) out.push(next);
  }
  return out;
}

/** Whether one of `names` stands within the first `within` words of `text`. */
function namedWithin(text: string, names: string[], within: number): boolean {
  const words = comparable(text).split(' ');
  return names.some((n) => ` ${words.slice(0, within + n.split(' ').length - 1).join(' ')} `.includes(` ${n} `));
}

export const publisherNote: CleanupStep = {
  name: 'publisher-note',
  phase: 'after',
  run(root, ctx) {
    const names = siteNames(ctx.doc, ctx.url);
    if (!names.length) return;
    const separators = Array.from(root.querySelectorAll('hr, h1, h2, h3, h4, h5, h6')).reverse();
    if (!separators.length) return;
    const total = measure(root).get(root)?.chars ?? 0;
    for (const sep of separators) {
      if (isProtected(sep)) continue;
      const rest = following(sep, root);
      const restText = rest.map(textOf).join(' ').trim();
      if (restText.length > Math.min(MAX_NOTE_CHARS, total * MAX_SHARE)) break;
      if (!restText) continue;
      // After a rule, the note opens with the name; under a heading naming the site ("About Example"),
      // its first sentence names it too.
      if (HEADING.test(sep.tagName)) {
        const heading = textOf(sep);
        if (heading.split(/\s+/).length > MAX_HEADING_WORDS || !namedWithin(heading, names, MAX_HEADING_WORDS)) continue;
        if (!namedWithin(restText, names, SENTENCE_WORDS)) continue;
      } else if (!namedWithin(restText, names, OPENING_WORDS)) continue;
      // Tested after the names (all these tests are pure, so the order changes only the cost): linkedom
      // compiles the selectors anew for every element of the tail, and the names rule out most tails.
      if (rest.some((el) => el.matches('ol, ul, table, pre, figure') || el.querySelector('ol, ul, table, pre, figure, a[href^="#"]'))) continue;
      ctx.remove(sep, this.name);
      for (const el of rest) if (root.contains(el)) ctx.remove(el, this.name);
      return;
    }
  },
};
