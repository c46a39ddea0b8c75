/**
 * "Show anyway" on a page that is no article. Regression (found in the browser): on a shop listing
 * Readability's pick was a stray line (here, nothing at all), so the best effort showed none of the
 * page. When the pick is tiny beside the page, the best effort is the page's body, cleaned of its
 * navigation, search box and logo.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../pipeline';
import type { ExtractResult } from '../types';

const URL = 'https://shop.example/tools';
/** A catalogue page: product names, short blurbs and prices, no paragraph of prose but the footer's. */
const SHOP_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Garden tools | Greenhouse Supply Co.</title></head>
<body>
<header class="site-header">
  <a href="https://shop.example/"><img src="/static/logo.png" alt="Greenhouse Supply Co."></a>
  <nav aria-label="Main"><ul><li><a href="/seeds">Seeds</a></li><li><a href="/tools">Tools</a></li><li><a href="/pots">Pots and planters</a></li><li><a href="/sale">Sale</a></li></ul></nav>
  <form class="search" action="/search"><input type="search" name="q" placeholder="Search the shop"><button>Search</button></form>
</header>
<main class="catalogue">
  <h1>Garden tools</h1>
  <div class="intro">Hand tools for every bed.</div>
  <ul class="product-grid">
    <li class="product-card"><a href="/tools/hand-trowel"><img src="/media/trowel.jpg" alt=""></a><h3><a href="/tools/hand-trowel">Stainless hand trowel</a></h3><div class="desc">Narrow blade for bulbs</div><span class="price">€18.50</span></li>
    <li class="product-card"><a href="/tools/border-fork"><img src="/media/fork.jpg" alt=""></a><h3><a href="/tools/border-fork">Border fork</a></h3><div class="desc">Four tines, ash shaft</div><span class="price">€42.00</span></li>
    <li class="product-card"><a href="/tools/pruning-saw"><img src="/media/saw.jpg" alt=""></a><h3><a href="/tools/pruning-saw">Folding pruning saw</a></h3><div class="desc">Folds into a pocket</div><span class="price">€27.90</span></li>
    <li class="product-card"><a href="/tools/dibber"><img src="/media/dibber.jpg" alt=""></a><h3><a href="/tools/dibber">Oak dibber</a></h3><div class="desc">Turned from oak</div><span class="price">€9.80</span></li>
    <li class="product-card"><a href="/tools/hori-hori"><img src="/media/hori.jpg" alt=""></a><h3><a href="/tools/hori-hori">Weeding knife</a></h3><div class="desc">Serrated edge</div><span class="price">€34.00</span></li>
  </ul>
  <div class="filters"><span>Sort by</span> <a href="?sort=price">Price</a> <a href="?sort=new">Newest</a> <a href="?sort=rating">Rating</a></div>
  <div class="pager"><a href="?page=2">Next page</a></div>
</main>
<footer class="site-footer">
  <p>Free delivery on orders over €60, within three working days, and returns accepted for thirty days after delivery.</p>
  <p>© 2024 Greenhouse Supply Co.</p>
</footer>
</body>
</html>`;

function extract(readabilityOnly: boolean): ExtractResult {
  const dom = new JSDOM(SHOP_PAGE, { url: URL });
  return extractArticle(dom.window.document, URL, { readabilityOnly });
}

describe('best effort for a page that is no article', () => {
  it("plain Readability's pick leaves the products out (the bug)", () => {
    const plain = extract(true);
    expect(plain.kind).toBe('not-article');
    if (plain.kind !== 'not-article') return;
    expect(plain.reason).toBe('too-short');
    expect(plain.bestEffort?.text ?? '').not.toContain('Border fork');
  });

  it('offers the cleaned body instead: the products in, the chrome out', () => {
    const result = extract(false);
    expect(result.kind).toBe('not-article');
    if (result.kind !== 'not-article') return;
    expect(result.reason).toBe('too-short');
    const text = result.bestEffort?.text ?? '';
    for (const product of ['Stainless hand trowel', 'Border fork', 'Folding pruning saw', 'Oak dibber', 'Weeding knife', '€42.00', 'Hand tools for every bed.']) {
      expect(text).toContain(product);
    }
    for (const chrome of ['Pots and planters', 'Seeds', 'Search the shop']) expect(text).not.toContain(chrome);
    expect(result.bestEffort?.contentHtml).not.toContain('logo.png');
    expect(result.bestEffort?.contentHtml).toContain('https://shop.example/media/fork.jpg');
  });

  it("leaves out the word labels of the page's scripted controls (a view toggle) too", () => {
    const withTabs = SHOP_PAGE.replace(
      '<div class="intro">',
      '<div class="view-toggle" data-view="grid"><span>Raster</span><span>Liste</span><span>Vergleich</span></div><div class="intro">',
    );
    expect(withTabs).toContain('data-view="grid"');
    const dom = new JSDOM(withTabs, { url: URL });
    const result = extractArticle(dom.window.document, URL);
    if (result.kind !== 'not-article') throw new Error('expected the best effort');
    const text = result.bestEffort?.text ?? '';
    expect(text).toContain('Border fork');
    expect(text).toContain('Hand tools for every bed.');
    for (const label of ['Raster', 'Liste', 'Vergleich']) expect(text).not.toContain(label);
  });

  it('keeps the page it was given untouched', () => {
    const dom = new JSDOM(SHOP_PAGE, { url: URL });
    const before = dom.serialize();
    extractArticle(dom.window.document, URL);
    expect(dom.serialize()).toBe(before);
  });

  it('a page that is only a <noscript> whose text parses again as a frameset: "not an article", no crash', () => {
    // With scripting on, as in the browser, a <noscript>'s content is raw text; the sanitiser parses the
    // copy's HTML with scripting off, where the same text opens a <frameset> and DOMPurify finds no body.
    const page = '<!doctype html><html><head><title>Harbour</title></head><body><noscript><header><frameset><p>Residents said they were relieved.</p></frameset></header></noscript></body></html>';
    const dom = new JSDOM(page, { url: URL, runScripts: 'dangerously' });
    expect(dom.window.document.querySelector('noscript')?.firstChild?.nodeType).toBe(dom.window.Node.TEXT_NODE);
    const result = extractArticle(dom.window.document, URL);
    expect(result.kind).toBe('not-article');
    if (result.kind !== 'not-article') return;
    expect(result.bestEffort?.contentHtml ?? '').not.toContain('frameset');
  });
});
