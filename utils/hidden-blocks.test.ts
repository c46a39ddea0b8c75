import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { hiddenBlockTest } from './hidden-blocks';

const page = new JSDOM(`<!doctype html><html><head>
  <title>t</title><meta name="author" content="x"><script type="application/ld+json">{"@type":"NewsArticle"}</script>
  <style>.seo { display: none } .ghost { visibility: hidden }</style></head><body>
  <p id="shown">Visible text.</p>
  <div id="seo" class="seo"><p>Casino bonus</p></div>
  <div id="ghost" class="ghost">Loans fast</div>
  <div id="attr" hidden>Hidden by attribute</div>
  <div id="inline" style="display:none">Inline hidden</div>
  <img id="lazy" style="display:none" src="a.jpg" alt="">
  <div id="empty" style="display:none">   </div>
  <noscript id="ns"><img src="b.jpg" alt="fallback"></noscript>
</body></html>`).window;

const isHidden = hiddenBlockTest(page);
const byId = (id: string) => page.document.getElementById(id)!;

describe('hiddenBlockTest', () => {
  it('finds text the page hides with its stylesheet, an attribute or an inline style', () => {
    for (const id of ['seo', 'ghost', 'attr', 'inline']) expect(isHidden(byId(id)), id).toBe(true);
  });

  it('keeps what is visible', () => {
    expect(isHidden(byId('shown'))).toBe(false);
    expect(isHidden(page.document.body)).toBe(false);
  });

  it('keeps hidden elements without text (lazy images wait for the clean-up steps)', () => {
    expect(isHidden(byId('lazy'))).toBe(false);
    expect(isHidden(byId('empty'))).toBe(false);
  });

  it('never drops the never-rendered elements the pipeline reads: head, metadata, JSON-LD, noscript', () => {
    const head = page.document.head;
    expect(isHidden(head)).toBe(false);
    for (const el of Array.from(head.children)) expect(isHidden(el), el.tagName).toBe(false);
    expect(isHidden(byId('ns'))).toBe(false);
  });
});
