import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { restrictionFor } from '@/utils/restricted-url';
import { RestrictedState } from './RestrictedState';

const FILE = 'file:///home/reader/saved/story.html';
const CHROMIUM_SWITCH = /Allow access to file URLs/;

describe('the file:// restriction, per browser', () => {
  let root: HTMLElement;
  beforeEach(() => {
    fakeBrowser.reset();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.unstubAllEnvs();
  });

  const shown = () => {
    const restriction = restrictionFor(FILE, { fileAccess: false });
    expect(restriction?.kind).toBe('file');
    act(() => render(<RestrictedState restriction={restriction!} />, root));
    const text = root.textContent ?? '';
    // The UI's English (public/_locales) and restricted-url.ts's (for logs) say the same thing.
    expect(text).toContain(restriction!.title);
    expect(text).toContain(restriction!.detail);
    return { text, logged: `${restriction!.title} ${restriction!.detail}` };
  };

  it('tells Chromium users to turn on “Allow access to file URLs”', () => {
    const { text, logged } = shown();
    expect(text).toMatch(CHROMIUM_SWITCH);
    expect(logged).toMatch(CHROMIUM_SWITCH);
  });

  it('does not send Firefox users looking for a switch Firefox does not have', () => {
    vi.stubEnv('FIREFOX', 'true');
    const { text, logged } = shown();
    expect(text).not.toMatch(CHROMIUM_SWITCH);
    expect(text).toMatch(/Firefox has no setting/);
    expect(logged).not.toMatch(CHROMIUM_SWITCH);
    expect(logged).toMatch(/Firefox/);
  });

  it('leaves the other restrictions’ words alone in Firefox', () => {
    vi.stubEnv('FIREFOX', 'true');
    const restriction = restrictionFor('about:preferences')!;
    act(() => render(<RestrictedState restriction={restriction} />, root));
    expect(root.textContent).toContain('one of the browser’s own pages');
  });
});
