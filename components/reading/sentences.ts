/**
 * The article's text as sentences, each a DOM `Range` over the rendered body, for reading aloud and
 * highlighting the sentence being spoken without touching the article's HTML.
 *
 * Sentences come from `Intl.Segmenter` in the article's language (it knows that Thai has no spaces and
 * that "Dr." rarely ends a Japanese sentence); text is grouped by block first, so a heading and the
 * paragraph after it never run together into one sentence.
 */

export interface Sentence {
  text: string;
  range: Range;
}

/** Blocks whose text is read; a sentence never crosses one's edge. */
const BLOCK =
  /^(P|LI|H[1-6]|BLOCKQUOTE|FIGCAPTION|DD|DT|TD|TH|CAPTION|DIV|SECTION|ARTICLE|ASIDE|DETAILS|SUMMARY|PRE|TABLE|UL|OL|DL|FIGURE)$/;
/** Not read aloud: code, formulas, pictures' fallbacks, blocks the reader hides, what is hidden from assistive tech. */
const SKIP = 'pre, code, math, script, style, noscript, svg, [hidden], [aria-hidden="true"], .cr-removed';

function blockOf(node: Node, body: Element): Element {
  let el = node.parentElement;
  while (el && el !== body && !BLOCK.test(el.tagName)) el = el.parentElement;
  return el ?? body;
}

export function collectSentences(body: Element, lang?: string | null): Sentence[] {
  const doc = body.ownerDocument;
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest(SKIP) && body.contains(node.parentElement.closest(SKIP))
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const groups: Text[][] = [];
  let block: Element | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const owner = blockOf(node, body);
    if (owner !== block || groups.length === 0) {
      groups.push([]);
      block = owner;
    }
    groups[groups.length - 1].push(node as Text);
  }
  const segmenter = makeSegmenter(lang);
  const out: Sentence[] = [];
  for (const nodes of groups) out.push(...sentencesIn(nodes, segmenter, doc));
  return out;
}

function makeSegmenter(lang?: string | null): Intl.Segmenter {
  try {
    return new Intl.Segmenter(lang ?? undefined, { granularity: 'sentence' });
  } catch {
    return new Intl.Segmenter(undefined, { granularity: 'sentence' });
  }
}

function sentencesIn(nodes: Text[], segmenter: Intl.Segmenter, doc: Document): Sentence[] {
  const starts: number[] = [];
  let text = '';
  for (const node of nodes) {
    starts.push(text.length);
    text += node.data;
  }
  /** The node and offset holding character `i` of the joined text. */
  const locate = (i: number): [Text, number] => {
    let n = 0;
    while (n + 1 < nodes.length && starts[n + 1] <= i) n++;
    return [nodes[n], Math.min(i - starts[n], nodes[n].data.length)];
  };
  const out: Sentence[] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const lead = segment.length - segment.trimStart().length;
    const body = segment.trim();
    if (!/[\p{L}\p{N}]/u.test(body)) continue;
    const start = index + lead;
    const range = doc.createRange();
    range.setStart(...locate(start));
    range.setEnd(...locate(start + body.length));
    out.push({ text: body.replace(/\s+/g, ' '), range });
  }
  return out;
}
