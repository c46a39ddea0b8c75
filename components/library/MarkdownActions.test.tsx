import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MarkdownActions } from './MarkdownActions';
import { markdownFileName } from './markdown-file';
import { click, waitFor } from './test-helpers';

const ARTICLE = {
  title: 'Night trains are back',
  url: 'https://travel.example.com/night-trains',
  contentHtml: '<p>The sleeper leaves at <em>nine</em>.</p><h2>Tickets</h2><ul><li>Couchette</li><li>Seat</li></ul>',
  byline: 'A. Writer',
  siteName: 'Travel Example',
  publishedTime: '2024-03-01T08:00:00.000Z',
  savedAt: Date.parse('2024-03-02T10:00:00.000Z'),
  tags: ['travel', 'long reads'],
};

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
  vi.restoreAllMocks();
});

// The confirmation is portalled to the page's body, outside the toolbar.
const status = () => document.body.querySelector('[data-testid="markdown-status"]');

describe('MarkdownActions', () => {
  it('copies the article as Markdown with its front matter, and says so', async () => {
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    act(() => render(<MarkdownActions article={ARTICLE} />, root));
    click(root.querySelector('[data-testid="copy-markdown"]'));
    await waitFor(() => expect(status()?.textContent).toBe('Copied as Markdown'));
    const markdown = writeText.mock.calls[0][0];
    expect(markdown).toMatch(/^---\ntitle: "Night trains are back"\nurl: "https:\/\/travel.example.com\/night-trains"\n/);
    expect(markdown).toContain('saved: "2024-03-02T10:00:00.000Z"');
    expect(markdown).toContain('tags: ["travel", "long reads"]');
    expect(markdown).toContain('The sleeper leaves at _nine_.');
    expect(markdown).toContain('## Tickets');
    expect(markdown).toContain('-   Couchette');
  });

  it('says so when the clipboard refuses, and leaves nothing behind', async () => {
    const writeText = vi.fn(async () => {
      throw new DOMException('Document is not focused.', 'NotAllowedError');
    });
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    act(() => render(<MarkdownActions article={ARTICLE} />, root));
    click(root.querySelector('[data-testid="copy-markdown"]'));
    await waitFor(() => expect(status()?.getAttribute('data-state')).toBe('failed'));
    expect(status()?.textContent).toMatch(/^Could not copy/);
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('downloads a .md file named after the title, and says so', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => (blobs.push(blob), 'blob:markdown'));
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('Night-trains-are-back.md');
    });
    act(() => render(<MarkdownActions article={ARTICLE} />, root));
    click(root.querySelector('[data-testid="download-markdown"]'));
    expect(clicks).toHaveBeenCalledTimes(1);
    expect(await blobs[0].text()).toContain('# Night trains are back');
    expect(status()?.textContent).toBe('Downloaded Night-trains-are-back.md');
  });

  it('names files in any script, never empty', () => {
    expect(markdownFileName('図書館の新しい読書室')).toBe('図書館の新しい読書室.md');
    expect(markdownFileName('Как учёные считают птиц?')).toBe('Как-учёные-считают-птиц.md');
    expect(markdownFileName('???')).toBe('article.md');
  });
});
