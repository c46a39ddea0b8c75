/**
 * The offline-images setting, wired to the browser: the optional host permission it needs, and where
 * the pictures are downloaded. The downloading and keeping itself is lib/library's (`keepImages`,
 * images.ts); this file decides when.
 *
 * - The setting is off by default. Turning it on asks for `OFFLINE_IMAGE_ORIGINS` (declared under
 *   `optional_host_permissions`, so a production install asks for no host at all): pictures live on any
 *   site, and an extension may only download from a site it has access to.
 * - Turning it off gives the permission back.
 * - After a save, the background downloads the pictures (`KEEP_IMAGES_MESSAGE`): a popup may close
 *   while they download, the background stays until the job is done.
 * - If the user removed the permission in the browser's settings, the setting counts as off.
 *
 * No `browser.*` at import time: wxt.config.ts reads `OFFLINE_IMAGE_ORIGINS` from here in Node.
 */
import type { ImageDownload, Library } from '@/lib/library';
import { E2E_HOST_PERMISSIONS } from './e2e-open-hook';

/** Pictures come from any web site: what `optional_host_permissions` declares and the setting requests. */
export const OFFLINE_IMAGE_ORIGINS = ['http://*/*', 'https://*/*'];

/** The background's message: "keep the pictures of saved article `id`, if the user wants that". */
export const KEEP_IMAGES_MESSAGE = 'clean-reader/keep-images';

export interface KeepImagesMessage {
  type: typeof KEEP_IMAGES_MESSAGE;
  id: number;
}

/**
 * The origins this build asks for. The e2e build (`--mode e2e`) asks for the hosts it already holds
 * (127.0.0.1 and localhost, see wxt.config.ts), so the request resolves without the prompt that no
 * automation can answer; production asks for every site, which shows the browser's prompt.
 */
export function offlineImageOrigins(): string[] {
  return import.meta.env.MODE === 'e2e' ? E2E_HOST_PERMISSIONS : OFFLINE_IMAGE_ORIGINS;
}

/**
 * Asks for the permission. Call it first thing in the click handler, before any `await`: both browsers
 * show the prompt only inside the user's gesture (Firefox refuses the request outright otherwise).
 */
export function requestOfflineImagesPermission(): Promise<boolean> {
  try {
    return browser.permissions.request({ origins: offlineImageOrigins() }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

/** Whether the permission is held now (the user may remove it in the browser's settings at any time). */
export async function hasOfflineImagesPermission(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: offlineImageOrigins() });
  } catch {
    return false;
  }
}

/**
 * Gives the permission back. The browser refuses to remove what the manifest requires (the e2e
 * build's own hosts), which is fine: nothing more is held than before the setting was turned on.
 */
export async function releaseOfflineImagesPermission(): Promise<void> {
  try {
    await browser.permissions.remove({ origins: offlineImageOrigins() });
  } catch {
    // Required hosts (test builds) cannot be removed; the setting itself is off either way.
  }
}

/** The setting as it stands: on only when the user turned it on and the permission is still held. */
export async function offlineImagesEnabled(library: Library): Promise<boolean> {
  return (await library.offlineImages()) && (await hasOfflineImagesPermission());
}

/**
 * Keeps the pictures of saved article `id` when the setting is on; otherwise fetches nothing and
 * returns null. Runs where the library is (the background, after a save from the menu).
 */
export async function keepImagesIfWanted(library: Library, id: number): Promise<ImageDownload | null> {
  if (!(await offlineImagesEnabled(library))) return null;
  return library.keepImages(id);
}

/**
 * From a page that just saved article `id` (the reader's Save button): asks the background to keep its
 * pictures. Never throws; a page with nobody listening simply gets no pictures kept.
 */
export function keepImagesInBackground(id: number): void {
  const message: KeepImagesMessage = { type: KEEP_IMAGES_MESSAGE, id };
  try {
    void browser.runtime.sendMessage(message).catch(() => undefined);
  } catch {
    // No runtime (unit tests of components without a fake browser): nothing to ask.
  }
}

/** Whether a runtime message is ours. */
export function isKeepImagesMessage(message: unknown): message is KeepImagesMessage {
  const m = message as Partial<KeepImagesMessage> | null;
  return m?.type === KEEP_IMAGES_MESSAGE && typeof m.id === 'number' && Number.isInteger(m.id);
}

/**
 * The background's listener. Answers with a summary (kept count, bytes, skipped count), or null when
 * the setting is off; the sender does not wait for it, but tests may.
 */
export function installKeepImagesListener(getLibrary: () => Promise<Library>): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isKeepImagesMessage(message)) return undefined;
    return getLibrary()
      .then((library) => keepImagesIfWanted(library, message.id))
      .then((download) =>
        download ? { kept: download.images.length, bytes: download.bytes, skipped: download.skipped.length } : null,
      )
      .catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }));
  });
}
