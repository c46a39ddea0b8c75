import 'fake-indexeddb/auto';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Library } from '@/lib/library';
import { STORIES, articleOf, freshName } from '@/lib/library/__tests__/fixtures';
import { click, waitFor } from '@/components/library/test-helpers';
import { OfflineImagesSetting } from '@/entrypoints/options/OfflineImagesSetting';
import {
  installKeepImagesListener,
  isKeepImagesMessage,
  keepImagesIfWanted,
  keepImagesInBackground,
  KEEP_IMAGES_MESSAGE,
  OFFLINE_IMAGE_ORIGINS,
} from './offline-images';

/** The browser's permission store, as far as these tests need it: what is granted, and what the user answers. */
function permissions(answer: boolean) {
  const granted = new Set<string>();
  const has = (origins: string[] = []) => origins.every((o) => granted.has(o));
  const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async ({ origins = [] }) => {
    if (answer) origins.forEach((o) => granted.add(o));
    return answer;
  });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async ({ origins }) => has(origins));
  const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async ({ origins = [] }) => {
    origins.forEach((o) => granted.delete(o));
    return true;
  });
  return { granted, request, remove };
}

const open: Library[] = [];
async function library(): Promise<Library> {
  const l = await Library.open({ name: freshName('offline-images') });
  open.push(l);
  return l;
}

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  open.splice(0).forEach((l) => l.close());
  vi.restoreAllMocks();
});

describe('keeping pictures after a save', () => {
  const story = articleOf(STORIES.harbour, { url: 'https://news.example.org/offline/harbour' });

  it('fetches nothing while the setting is off (the default), even with the permission held', async () => {
    const l = await library();
    const { granted } = permissions(true);
    OFFLINE_IMAGE_ORIGINS.forEach((o) => granted.add(o));
    const keep = vi.spyOn(l, 'keepImages');
    const item = await l.save(story);
    expect(await keepImagesIfWanted(l, item.id)).toBeNull();
    expect(keep).not.toHaveBeenCalled();
  });

  it('fetches nothing when the setting is on but the permission was taken away', async () => {
    const l = await library();
    permissions(false);
    await l.setOfflineImages(true);
    const keep = vi.spyOn(l, 'keepImages');
    const item = await l.save(story);
    expect(await keepImagesIfWanted(l, item.id)).toBeNull();
    expect(keep).not.toHaveBeenCalled();
  });

  it('keeps the pictures when the page asks the background, with the setting on and the permission held', async () => {
    const l = await library();
    const { granted } = permissions(true);
    OFFLINE_IMAGE_ORIGINS.forEach((o) => granted.add(o));
    await l.setOfflineImages(true);
    const item = await l.save(story);
    const keep = vi
      .spyOn(l, 'keepImages')
      .mockResolvedValue({ images: [], bytes: 0, skipped: [{ url: 'https://img.example.org/x.jpg', reason: 'HTTP 404' }] });
    installKeepImagesListener(async () => l);
    const reply = await fakeBrowser.runtime.sendMessage({ type: KEEP_IMAGES_MESSAGE, id: item.id });
    expect(keep).toHaveBeenCalledWith(item.id);
    expect(reply).toEqual({ kept: 0, bytes: 0, skipped: 1 });
    // The page's side never throws, even with nobody listening.
    fakeBrowser.reset();
    expect(() => keepImagesInBackground(item.id)).not.toThrow();
  });

  it('answers only its own, well-formed messages', () => {
    expect(isKeepImagesMessage({ type: KEEP_IMAGES_MESSAGE, id: 3 })).toBe(true);
    expect(isKeepImagesMessage({ type: KEEP_IMAGES_MESSAGE, id: '3' })).toBe(false);
    expect(isKeepImagesMessage({ type: KEEP_IMAGES_MESSAGE, id: 1.5 })).toBe(false);
    expect(isKeepImagesMessage({ type: 'other', id: 3 })).toBe(false);
    expect(isKeepImagesMessage(null)).toBe(false);
  });
});

describe('the setting on the options page', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const toggle = () => root.querySelector<HTMLInputElement>('[data-testid="offline-images-toggle"]')!;
  const status = () => root.querySelector('[data-testid="offline-images-status"]')!.textContent;

  async function mount(l: Library) {
    act(() => render(h(OfflineImagesSetting, { library: Promise.resolve(l) }), root));
    await waitFor(() => expect(toggle().dataset.state).not.toBe('loading'));
  }

  it('is off by default, and explains why it asks for a permission', async () => {
    const l = await library();
    permissions(true);
    await mount(l);
    expect(toggle().checked).toBe(false);
    expect(toggle().dataset.state).toBe('off');
    const why = root.querySelector(`#${toggle().getAttribute('aria-describedby')}`)?.textContent ?? '';
    expect(why).toContain('20 MB');
    expect(why).toMatch(/all websites/);
  });

  it('asks for the permission inside the click, and turns on when it is given', async () => {
    const l = await library();
    const { request, granted } = permissions(true);
    await mount(l);
    click(toggle());
    // Asked synchronously, within the user's gesture, before anything was awaited.
    expect(request).toHaveBeenCalledWith({ origins: OFFLINE_IMAGE_ORIGINS });
    await waitFor(() => expect(toggle().dataset.state).toBe('on'));
    await waitFor(() => expect(toggle().disabled).toBe(false));
    expect(await l.offlineImages()).toBe(true);
    expect([...granted].sort()).toEqual([...OFFLINE_IMAGE_ORIGINS].sort());
    expect(status()).toMatch(/kept/);
  });

  it('turns itself back off, and says so, when the permission is refused', async () => {
    const l = await library();
    const { request } = permissions(false);
    await mount(l);
    click(toggle());
    expect(request).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(status()).toMatch(/did not give the permission/));
    expect(toggle().checked).toBe(false);
    expect(await l.offlineImages()).toBe(false);
  });

  it('gives the permission back when turned off', async () => {
    const l = await library();
    const { granted, remove, request } = permissions(true);
    OFFLINE_IMAGE_ORIGINS.forEach((o) => granted.add(o));
    await l.setOfflineImages(true);
    await mount(l);
    expect(toggle().checked).toBe(true);
    click(toggle());
    await waitFor(() => expect(toggle().dataset.state).toBe('off'));
    await waitFor(() => expect(remove).toHaveBeenCalledWith({ origins: OFFLINE_IMAGE_ORIGINS }));
    expect(request).not.toHaveBeenCalled();
    expect(granted.size).toBe(0);
    expect(await l.offlineImages()).toBe(false);
  });

  it('shows off, and stores off, when the permission was removed in the browser since', async () => {
    const l = await library();
    permissions(false);
    await l.setOfflineImages(true);
    await mount(l);
    expect(toggle().checked).toBe(false);
    await waitFor(async () => expect(await l.offlineImages()).toBe(false));
  });
});
