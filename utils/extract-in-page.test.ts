import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractHalfInPage, extractInPage } from './extract-in-page';

const PARAGRAPHS = [
  'Ribuan warga memadati alun-alun kota sejak pagi untuk menyaksikan festival layang-layang tahunan. Panitia mencatat lebih dari dua ratus peserta dari berbagai daerah, termasuk rombongan dari luar pulau yang datang membawa layang-layang raksasa.',
  'Cuaca cerah dan angin yang stabil membuat lomba berjalan lancar. Juri menilai keindahan bentuk, kestabilan terbang, dan ketinggian yang dicapai setiap layang-layang selama tiga puluh menit penilaian.',
  'Pemenang tahun ini adalah kelompok pemuda dari desa pesisir yang membuat layang-layang berbentuk ikan pari sepanjang delapan meter. Mereka mengaku butuh dua bulan untuk menyelesaikannya.',
  'Festival ditutup dengan pertunjukan layang-layang bercahaya pada malam hari, yang untuk pertama kalinya menggunakan lampu hemat energi bertenaga baterai.',
];

function livePage(): JSDOM {
  return new JSDOM(
    `<!doctype html><html lang="id"><head><title>Festival layang-layang memadati alun-alun</title>
    <style>.promo { display: none }</style></head><body>
    <nav><a href="/">Beranda</a> <a href="/berita">Berita</a></nav>
    <article><h1>Festival layang-layang memadati alun-alun</h1>
      <p>${PARAGRAPHS[0]}</p>
      <div class="promo"><p>Slot gacor hari ini bonus deposit slot gacor hari ini bonus deposit.</p></div>
      <p>${PARAGRAPHS[1]}</p><p>${PARAGRAPHS[2]}</p><p>${PARAGRAPHS[3]}</p>
    </article></body></html>`,
    { url: 'https://kabar.example/2024/08/festival-layang-layang' },
  );
}

const win = (dom: JSDOM) => dom.window as unknown as Window & typeof globalThis;

describe('extractInPage', () => {
  it('extracts the article without what the page hides, and leaves the page as it was', () => {
    const dom = livePage();
    const before = dom.window.document.documentElement.outerHTML;
    const result = extractInPage(dom.window.document, win(dom), 'article');
    expect(result.kind).toBe('article');
    if (result.kind !== 'article') return;
    expect(result.url).toBe('https://kabar.example/2024/08/festival-layang-layang');
    expect(result.text).toContain('ikan pari sepanjang delapan meter');
    expect(result.text).not.toContain('Slot gacor');
    expect(dom.window.document.documentElement.outerHTML).toBe(before);
  });

  it('builds the article from the selection only, keeping the page’s metadata', () => {
    const dom = livePage();
    const doc = dom.window.document;
    const ps = doc.querySelectorAll('article > p');
    const range = doc.createRange();
    range.setStartBefore(ps[1]);
    range.setEndAfter(ps[3]);
    doc.getSelection()!.addRange(range);

    const result = extractInPage(doc, win(dom), 'selection');
    expect(result.kind === 'article' || result.kind === 'not-article').toBe(true);
    const article = result.kind === 'article' ? result : result.kind === 'not-article' ? result.bestEffort : null;
    expect(article?.text).toContain('Juri menilai keindahan bentuk');
    expect(article?.text).toContain('lampu hemat energi');
    expect(article?.text).not.toContain('Ribuan warga memadati');
    expect(article?.lang).toBe('id');
    expect(doc.getSelection()!.rangeCount).toBe(1);
  });

  it('says so when nothing is selected', () => {
    const dom = livePage();
    expect(extractInPage(dom.window.document, win(dom), 'selection')).toEqual({ kind: 'no-selection' });
  });

  it('turns a failure into a result instead of throwing into the page', () => {
    const dom = livePage();
    const broken = {} as Window & typeof globalThis;
    const result = extractInPage(dom.window.document, broken, 'article');
    expect(result.kind).toBe('error');
  });

  it('refuses documents that are not web pages', () => {
    const dom = new JSDOM('<svg xmlns="http://www.w3.org/2000/svg"/>', { contentType: 'image/svg+xml' });
    // SVG and XML are read (some sites serve XHTML that way); only non-markup types are refused here.
    expect(extractInPage(dom.window.document, win(dom), 'article').kind).not.toBe('unsupported-document');
    const fake = { contentType: 'application/pdf' } as Document;
    expect(extractInPage(fake, win(dom), 'article')).toEqual({
      kind: 'unsupported-document',
      contentType: 'application/pdf',
    });
  });
});

describe('extractHalfInPage (what /extract.js returns)', () => {
  it('returns the page half: Readability’s article as HTML without what the page hides, the page unchanged', () => {
    const dom = livePage();
    const before = dom.window.document.documentElement.outerHTML;
    const half = structuredClone(extractHalfInPage(dom.window.document, win(dom), { mode: 'article' }));
    expect(half.kind).toBe('page-half');
    if (half.kind !== 'page-half') return;
    expect(half.url).toBe('https://kabar.example/2024/08/festival-layang-layang');
    expect(half.articleHtml).toContain('ikan pari sepanjang delapan meter');
    expect(half.articleHtml).not.toContain('Slot gacor');
    expect(half.page.lang).toBe('id');
    expect(half.body).toBeNull();
    expect(dom.window.document.documentElement.outerHTML).toBe(before);
  });

  it('returns the page’s body, cleaned by the before steps, when asked for it', () => {
    const dom = livePage();
    const body = extractHalfInPage(dom.window.document, win(dom), { mode: 'article', part: 'body' });
    expect(body.kind).toBe('body-half');
    if (body.kind !== 'body-half') return;
    expect(body.html).toContain('Beranda');
    expect(body.html).not.toContain('Slot gacor');
  });

  it('builds the page half from the selection only', () => {
    const dom = livePage();
    const doc = dom.window.document;
    const ps = doc.querySelectorAll('article > p');
    const range = doc.createRange();
    range.setStartBefore(ps[1]);
    range.setEndAfter(ps[3]);
    doc.getSelection()!.addRange(range);
    const half = extractHalfInPage(doc, win(dom), { mode: 'selection' });
    expect(half.kind).toBe('page-half');
    if (half.kind !== 'page-half') return;
    expect(half.articleHtml).toContain('Juri menilai keindahan bentuk');
    expect(half.articleHtml).not.toContain('Ribuan warga memadati');
  });

  it('says so when nothing is selected, and turns a failure into a result', () => {
    const dom = livePage();
    expect(extractHalfInPage(dom.window.document, win(dom), { mode: 'selection' })).toEqual({ kind: 'no-selection' });
    expect(extractHalfInPage(dom.window.document, {} as Window & typeof globalThis, { mode: 'article' }).kind).toBe('error');
  });
});
