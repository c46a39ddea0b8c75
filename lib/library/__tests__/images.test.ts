// @vitest-environment node
// Node's Blob, which fake-indexeddb can store (jsdom's is another class that structuredClone refuses).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadImages, imageUrls, type FetchLike } from '../images';
import { Library } from '../index';
import { STORIES, articleOf, freshName } from './fixtures';

const open: Library[] = [];
afterEach(() => {
  open.splice(0).forEach((l) => l.close());
});

/** A web of pictures: each URL answers with a blob of the given size and type, or an HTTP error. */
function web(pages: Record<string, { size: number; type?: string; status?: number }>): FetchLike & { asked: string[] } {
  const asked: string[] = [];
  const fetchImage = async (url: string) => {
    asked.push(url);
    const page = pages[url];
    if (!page) throw new TypeError('Failed to fetch');
    const status = page.status ?? 200;
    return {
      ok: status < 400,
      status,
      blob: async () => new Blob([new Uint8Array(page.size)], { type: page.type ?? 'image/jpeg' }),
    };
  };
  return Object.assign(fetchImage, { asked });
}

const HTML =
  '<p>Harbour at dawn.</p><figure><img src="https://img.example.org/a.jpg?w=800&amp;q=70" alt="Ferry"></figure>' +
  '<p><img alt="Map" src="https://img.example.org/map.png"> and again <img src="https://img.example.org/a.jpg?w=800&amp;q=70"></p>' +
  '<img src="data:image/png;base64,AAAA"><img src="/relative.png">';

describe('imageUrls', () => {
  it('finds each web picture once, in order, with entities decoded; skips data: and relative URLs', () => {
    expect(imageUrls(HTML)).toEqual(['https://img.example.org/a.jpg?w=800&q=70', 'https://img.example.org/map.png']);
  });
});

describe('downloadImages', () => {
  it('keeps pictures until the budget is spent, and says why the others were skipped', async () => {
    const fetchImage = web({
      'https://x.example/1.jpg': { size: 600 },
      'https://x.example/2.jpg': { size: 600 },
      'https://x.example/3.svg': { size: 100, type: 'image/svg+xml' },
      'https://x.example/page.html': { size: 50, type: 'text/html' },
      'https://x.example/gone.jpg': { size: 1, status: 404 },
    });
    const result = await downloadImages(
      [
        'https://x.example/1.jpg',
        'https://x.example/2.jpg',
        'https://x.example/3.svg',
        'https://x.example/page.html',
        'https://x.example/gone.jpg',
        'https://x.example/offline.jpg',
      ],
      fetchImage,
      1000,
    );
    expect(result.images.map((i) => i.url)).toEqual(['https://x.example/1.jpg', 'https://x.example/3.svg']);
    expect(result.bytes).toBe(700);
    expect(result.skipped).toEqual([
      { url: 'https://x.example/2.jpg', reason: 'over the size limit for one article' },
      { url: 'https://x.example/page.html', reason: 'not an image (text/html)' },
      { url: 'https://x.example/gone.jpg', reason: 'HTTP 404' },
      { url: 'https://x.example/offline.jpg', reason: 'Failed to fetch' },
    ]);
  });
});

describe('offline images in the library', () => {
  it('is off by default, and remembers the choice', async () => {
    const library = await Library.open({ name: freshName('images') });
    open.push(library);
    expect(await library.offlineImages()).toBe(false);
    await library.setOfflineImages(true);
    expect(await library.offlineImages()).toBe(true);
  });

  it('keeps an article’s pictures as Blobs, drops them when it is saved again, and purges them with it', async () => {
    const library = await Library.open({ name: freshName('images') });
    open.push(library);
    const item = await library.save(articleOf(STORIES.harbour, { contentHtml: HTML }));
    const fetchImage = web({
      'https://img.example.org/a.jpg?w=800&q=70': { size: 3000 },
      'https://img.example.org/map.png': { size: 500, type: 'image/png' },
    });
    const result = await library.keepImages(item.id, fetchImage);
    expect(result.bytes).toBe(3500);
    const kept = await library.images(item.id);
    expect([...kept.keys()]).toEqual(['https://img.example.org/a.jpg?w=800&q=70', 'https://img.example.org/map.png']);
    expect(kept.get('https://img.example.org/map.png')?.type).toBe('image/png');
    expect(kept.get('https://img.example.org/map.png')?.size).toBe(500);

    await library.save(articleOf(STORIES.harbour, { contentHtml: '<p>No pictures now.</p>' }));
    expect((await library.images(item.id)).size).toBe(0);

    await library.keepImages(item.id, fetchImage);
    await library.save(articleOf(STORIES.harbour, { contentHtml: HTML }));
    await library.keepImages(item.id, fetchImage);
    await library.remove(item.id);
    expect((await library.images(item.id)).size).toBe(2);
    await library.emptyTrash();
    expect((await library.images(item.id)).size).toBe(0);
  });
});
