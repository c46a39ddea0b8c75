import { describe, expect, it } from 'vitest';
import { holdImages, keptSources, releaseImages, revokeKeptSources, WEB_SRC_ATTR } from './kept-images';

/** A rendered reader body, built with DOM calls (as the Reader's output would be after sanitising). */
function body(): HTMLElement {
  const root = document.createElement('div');
  const figure = document.createElement('figure');
  const ferry = document.createElement('img');
  ferry.setAttribute('src', 'https://img.example.org/harbour/ferry.jpg?w=800&q=70');
  ferry.setAttribute('srcset', 'https://img.example.org/harbour/ferry-1600.jpg 2x');
  ferry.setAttribute('alt', 'The morning ferry');
  figure.append(ferry);
  const picture = document.createElement('picture');
  const source = document.createElement('source');
  source.setAttribute('srcset', 'https://img.example.org/harbour/map.webp');
  const map = document.createElement('img');
  map.setAttribute('src', 'https://img.example.org/harbour/map%20large.png');
  picture.append(source, map);
  const notKept = document.createElement('img');
  notKept.setAttribute('src', 'https://cdn.example.net/other.jpg');
  root.append(figure, picture, notKept);
  return root;
}

const blobs = () =>
  new Map<string, Blob>([
    ['https://img.example.org/harbour/ferry.jpg?w=800&q=70', new Blob(['f'], { type: 'image/jpeg' })],
    // Saved as the page wrote it; the rendered DOM has the URL parser's form (%20).
    ['https://img.example.org/harbour/map large.png', new Blob(['m'], { type: 'image/png' })],
  ]);

describe('holding and releasing pictures', () => {
  it('holds every picture without a web address until the kept ones are known', () => {
    const root = body();
    expect(holdImages(root)).toBe(4);
    for (const el of Array.from(root.querySelectorAll('img, source'))) {
      expect(el.hasAttribute('src')).toBe(false);
      expect(el.hasAttribute('srcset')).toBe(false);
    }
    expect(holdImages(root)).toBe(0);
  });

  it('points each kept picture at its object URL, and gives the others their web addresses back', () => {
    let n = 0;
    const sources = keptSources(blobs(), () => `blob:chrome-extension://reader/${++n}`);
    const root = body();
    holdImages(root);
    expect(releaseImages(root, sources)).toBe(2);
    const [ferry, map, other] = Array.from(root.querySelectorAll('img'));
    expect(ferry.getAttribute('src')).toBe('blob:chrome-extension://reader/1');
    expect(ferry.getAttribute(WEB_SRC_ATTR)).toBe('https://img.example.org/harbour/ferry.jpg?w=800&q=70');
    // A srcset or a <source> would make the browser ask the web for another candidate.
    expect(ferry.hasAttribute('srcset')).toBe(false);
    expect(ferry.loading).toBe('eager');
    expect(root.querySelector('picture source')).toBeNull();
    expect(map.getAttribute('src')).toBe('blob:chrome-extension://reader/2');
    expect(other.getAttribute('src')).toBe('https://cdn.example.net/other.jpg');
    expect(other.hasAttribute(WEB_SRC_ATTR)).toBe(false);
  });

  it('gives every picture back, srcset and <source> included, when nothing was kept', () => {
    const root = body();
    const before = Array.from(root.querySelectorAll('img, source')).map((el) => [el.getAttribute('src'), el.getAttribute('srcset')]);
    holdImages(root);
    expect(releaseImages(root, new Map())).toBe(0);
    const after = Array.from(root.querySelectorAll('img, source')).map((el) => [el.getAttribute('src'), el.getAttribute('srcset')]);
    expect(after).toEqual(before);
  });

  it('swaps only what is new when called again (after the reader re-renders part of the body)', () => {
    const sources = keptSources(blobs(), () => 'blob:x/1');
    const root = body();
    releaseImages(root, sources);
    expect(releaseImages(root, sources)).toBe(0);
    root.append(body());
    expect(releaseImages(root, sources)).toBe(2);
  });

  it('revokes every object URL it made', () => {
    const made: string[] = [];
    const revoked: string[] = [];
    const sources = keptSources(blobs(), () => {
      made.push(`blob:x/${made.length}`);
      return made[made.length - 1];
    });
    revokeKeptSources(sources, (url) => revoked.push(url));
    expect(revoked.sort()).toEqual(made.sort());
    expect(made).toHaveLength(2);
  });
});
