/**
 * The in-page half of `npm run bench:library`: runs in Chromium on a 127.0.0.1 page, so the library
 * uses Chromium's real, on-disk IndexedDB. scripts/bench-library.ts bundles this file, serves it and
 * calls the functions on `window.libraryBench` one step at a time.
 */
import type { Article } from '../../lib/extract/types';
import { Library } from '../../lib/library';

const DB = 'bench-library';

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same library. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let paragraphs: string[] = [];
let library: Library | null = null;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Article n: 5 to 50 KB of text made of real news paragraphs (the corpus' ground truth) in a random
 * order, with headings every few paragraphs, as the extractor would return it.
 */
function makeArticle(n: number): Article {
  const rnd = random(n + 1);
  const target = 5_000 + Math.floor(rnd() * 45_000);
  const parts: string[] = [];
  const html: string[] = [];
  let length = 0;
  while (length < target) {
    const p = paragraphs[Math.floor(rnd() * paragraphs.length)];
    if (parts.length % 7 === 6) {
      const heading = p.split(/[.!?]/)[0].slice(0, 60);
      parts.push(heading);
      html.push(`<h2>${escapeHtml(heading)}</h2>`);
    }
    parts.push(p);
    html.push(`<p>${escapeHtml(p)}</p>`);
    length += p.length + 2;
  }
  const text = parts.join('\n\n');
  const title = paragraphs[Math.floor(rnd() * paragraphs.length)].split(/[.!?]/)[0].slice(0, 90);
  const words = text.split(/\s+/).length;
  return {
    kind: 'article',
    url: `https://site${n % 97}.example/news/${n}-${title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 40)}`,
    title,
    byline: `Staff writer ${n % 13}`,
    siteName: `Example Site ${n % 97}`,
    lang: 'en',
    dir: 'ltr',
    publishedTime: new Date(1_600_000_000_000 + n * 3_600_000).toISOString(),
    excerpt: parts[0].slice(0, 200),
    leadImage: null,
    contentHtml: html.join('\n'),
    text,
    wordCount: words,
    readingMinutes: Math.max(1, Math.round(words / 230)),
    removed: [],
  };
}

async function lib(): Promise<Library> {
  library ??= await Library.open({ name: DB });
  return library;
}

const time = async (fn: () => Promise<unknown>) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

const api = {
  setParagraphs(list: string[]) {
    paragraphs = list;
  },
  async reset() {
    library?.close();
    library = null;
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(DB);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });
  },
  /** Saves articles [from, from + count) in batches of `batch`; returns the ms taken and bytes of text. */
  async fill(from: number, count: number, batch = 50) {
    const l = await lib();
    let chars = 0;
    const start = performance.now();
    for (let i = from; i < from + count; i += batch) {
      const articles = [];
      for (let n = i; n < Math.min(from + count, i + batch); n++) articles.push(makeArticle(n));
      chars += articles.reduce((s, a) => s + a.text.length, 0);
      await l.saveMany(articles);
      await l.indexPending();
    }
    return { ms: performance.now() - start, chars };
  },
  /**
   * One save of a new article each time, as the reader's Save button does it: `save` is until the
   * article is stored (what the user waits for), `indexed` until it is also searchable.
   */
  async saves(from: number, count: number) {
    const l = await lib();
    const save: number[] = [];
    const indexed: number[] = [];
    for (let n = from; n < from + count; n++) {
      const article = makeArticle(n);
      const start = performance.now();
      await l.save(article);
      save.push(performance.now() - start);
      await l.indexPending();
      indexed.push(performance.now() - start);
    }
    return { save, indexed };
  },
  /** The library page's first paint needs: open the database, count, read the newest 50. */
  async firstPages(count: number) {
    library?.close();
    library = null;
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      times.push(
        await time(async () => {
          const fresh = await Library.open({ name: DB });
          const page = await fresh.list({ limit: 50 });
          if (page.items.length !== 50) throw new Error(`first page had ${page.items.length} items`);
          fresh.close();
        }),
      );
    }
    return times;
  },
  /** Queries built from the library's own text: whole words, prefixes, one typo, two words. */
  async searches(count: number, total: number) {
    library?.close();
    library = null;
    const l = await lib();
    const rnd = random(4242);
    const words = (n: number) =>
      makeArticle(n)
        .text.split(/[^\p{L}]+/u)
        .filter((w) => w.length >= 6);
    const queries: { kind: string; query: string }[] = [];
    for (let i = 0; i < count; i++) {
      const ws = words(Math.floor(rnd() * total));
      const w = ws[Math.floor(rnd() * ws.length)];
      const kind = ['word', 'prefix', 'typo', 'two words'][i % 4];
      const query =
        kind === 'word'
          ? w
          : kind === 'prefix'
            ? w.slice(0, 4)
            : kind === 'typo'
              ? w.slice(0, 2) + w[3] + w[2] + w.slice(4)
              : `${w} ${ws[Math.floor(rnd() * ws.length)]}`;
      queries.push({ kind, query });
    }
    const first = await time(() => l.search('harbour'));
    const results: { kind: string; query: string; ms: number; total: number; timings: Record<string, number> }[] = [];
    for (const q of queries) {
      let total = 0;
      const timings: Record<string, number> = {};
      const ms = await time(async () => {
        total = (await l.search(q.query, { timings })).total;
      });
      results.push({ ...q, ms, total, timings });
    }
    return { first, results };
  },
  /** Opening a saved article: the reader page's read of one record with its body. */
  async opens(count: number, total: number) {
    const l = await lib();
    const rnd = random(99);
    const ids = (await l.list({ limit: total })).items.map((i) => i.id);
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const id = ids[Math.floor(rnd() * ids.length)];
      times.push(await time(() => l.get(id)));
    }
    return times;
  },
  async count() {
    return (await lib()).count();
  },
  async usage() {
    const l = await lib();
    const estimate = await navigator.storage.estimate();
    const chunks = await l.db.vocab.toArray();
    const terms = new Set(chunks.flatMap((c) => c.terms));
    return { usage: estimate.usage ?? null, articles: await l.count(), vocabulary: terms.size };
  },
};

declare global {
  interface Window {
    libraryBench: typeof api;
  }
}
window.libraryBench = api;
