/** Runs one clean-up step on a fragment of article markup, as the pipeline would, and lists what it took. */
import { JSDOM } from 'jsdom';
import { parseInertDocument } from '../../inert';
import type { CleanupStep, StepContext } from '../../step';

export interface StepRun {
  root: Element;
  doc: Document;
  /** The text of each element the step removed, white space collapsed. */
  removed: string[];
  /** The root's remaining text, white space collapsed. */
  text: string;
}

export function runStep(step: CleanupStep, articleHtml: string, url = 'https://news.example/2024/05/story', head = ''): StepRun {
  const dom = new JSDOM(`<!doctype html><html><head>${head}</head><body><div id="root">${articleHtml}</div></body></html>`, { url });
  const doc = dom.window.document;
  const root = doc.getElementById('root')!;
  const removed: string[] = [];
  const ctx: StepContext = {
    doc,
    url,
    title: '',
    byline: null,
    excerpt: null,
    remove(el) {
      removed.push((el.textContent ?? '').replace(/\s+/g, ' ').trim() || `<${el.tagName.toLowerCase()}>`);
      el.remove();
    },
    parse: (html) => parseInertDocument(html, dom.window as unknown as Parameters<typeof parseInertDocument>[1]),
  };
  step.run(root, ctx);
  return { root, doc, removed, text: (root.textContent ?? '').replace(/\s+/g, ' ').trim() };
}
