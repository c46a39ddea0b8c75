import { describe, expect, it } from 'vitest';
import type { Removal } from '@/lib/extract';
import { escapeHtml, placedRemovals, revealRemoved, stepLabel, unplacedRemovals, withoutMedia } from './reveal-removed';

const marker = (i: number) => `<div data-cr-removed="${i}" hidden=""></div>`;

describe('revealRemoved', () => {
  const removed: Removal[] = [
    { step: 'landmarks', sample: 'Menu', html: '' },
    {
      step: 'site-logo',
      sample: '[image: Logo]',
      html: '<a href="https://news.example/"><img src="https://news.example/logo.png" alt="Logo"></a>',
    },
    { step: 'legal-footer', sample: '© 2025 News', html: `<div>${marker(1)}<p>© 2025 News</p></div>` },
    { step: 'share-bars', sample: 'Share', html: '<ul><li>Share</li></ul>' },
  ];
  const content = `<p>First.</p>${marker(3)}<p>Second.</p>${marker(2)}`;

  it('puts each removed block back where it was, labelled with its step', () => {
    const html = revealRemoved(content, removed);
    expect(html).not.toContain('data-cr-removed="3"');
    expect(html.indexOf('Removed · share bars')).toBeGreaterThan(html.indexOf('First.'));
    expect(html.indexOf('Removed · share bars')).toBeLessThan(html.indexOf('Second.'));
    expect(html).toContain('<ul><li>Share</li></ul>');
  });

  it('expands a removal nested in another (the logo inside the footer)', () => {
    const html = revealRemoved(content, removed);
    expect(html).toContain('Removed · legal footer');
    expect(html).toContain('Removed · site logo');
    expect(html.indexOf('Removed · site logo')).toBeGreaterThan(html.indexOf('Removed · legal footer'));
    expect([...placedRemovals(content, removed)].sort()).toEqual([1, 2, 3]);
  });

  it('lists what has no place in the article apart', () => {
    expect(unplacedRemovals(content, removed).map((r) => r.index)).toEqual([0]);
  });

  it('shows removed pictures as text and never as images to fetch', () => {
    const html = revealRemoved(content, removed);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('logo.png');
    expect(html).toContain('[image: Logo]');
  });

  it('escapes step names, and leaves unknown markers alone', () => {
    const odd: Removal[] = [{ step: '<b>x</b>', sample: '', html: '<p>y</p>' }];
    expect(revealRemoved(marker(0), odd)).toContain('Removed · &#60;b&#62;x&#60;/b&#62;');
    expect(revealRemoved(marker(5), odd)).toBe(marker(5));
    expect(escapeHtml(`"'&`)).toBe('&#34;&#39;&#38;');
    expect(stepLabel('image-link-spam')).toBe('image link spam');
  });

  it('places each removal once, even if the markers say otherwise', () => {
    const loop: Removal[] = [{ step: 'a', sample: '', html: `<p>a</p>${marker(0)}` }];
    const html = revealRemoved(marker(0), loop);
    expect(html.match(/Removed · a/g)).toHaveLength(1);
  });
});

describe('withoutMedia', () => {
  it('replaces pictures, video and sound with text stand-ins', () => {
    const html = withoutMedia(
      '<p>x<img src="a.gif" alt="casino-banner"></p><picture><source srcset="b.webp"><img src="b.jpg" alt=""></picture><video src="v.mp4"></video>',
    );
    expect(html).toBe(
      '<p>x<span class="cr-removed-media">[image: casino-banner]</span></p><span class="cr-removed-media">[image]</span><span class="cr-removed-media">[video]</span>',
    );
  });
});
