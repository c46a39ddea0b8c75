/**
 * Offline images: an article's pictures kept as Blobs beside it, so it reads whole without a network.
 * Off by default (a setting on the library page, which asks for the host permission the downloads
 * need); at most `MAX_IMAGE_BYTES` per article. Pure: the fetch function is an argument.
 */

/** The most image bytes kept for one article (issue: 20 MB). */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** The setting's key in `meta`. */
export const OFFLINE_IMAGES_KEY = 'offlineImages';

const IMG_SRC = /<img\b[^>]*?\ssrc="([^"]*)"/gi;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };

/**
 * The distinct web addresses of the pictures in sanitised article HTML, in order. A pattern is enough
 * here (and works in the background, which has no DOM): DOMPurify's output always writes attributes
 * in double quotes with `"` escaped.
 */
export function imageUrls(html: string): string[] {
  const out = new Set<string>();
  for (const match of html.matchAll(IMG_SRC)) {
    const url = match[1].replace(/&(?:amp|quot|#39|lt|gt);/g, (e) => ENTITIES[e]);
    if (/^https?:\/\//i.test(url)) out.add(url);
  }
  return [...out];
}

export interface DownloadedImage {
  url: string;
  blob: Blob;
}

export interface ImageDownload {
  images: DownloadedImage[];
  bytes: number;
  skipped: { url: string; reason: string }[];
}

export type FetchLike = (url: string) => Promise<Pick<Response, 'ok' | 'status' | 'blob'>>;

/**
 * Fetches pictures one at a time, keeping each that is an image and fits in what is left of `budget`
 * bytes; the rest are skipped with a reason (the reader then shows them from the web, when online).
 */
export async function downloadImages(
  urls: readonly string[],
  fetchImage: FetchLike,
  budget = MAX_IMAGE_BYTES,
): Promise<ImageDownload> {
  const images: DownloadedImage[] = [];
  const skipped: { url: string; reason: string }[] = [];
  let bytes = 0;
  for (const url of urls) {
    try {
      const response = await fetchImage(url);
      if (!response.ok) {
        skipped.push({ url, reason: `HTTP ${response.status}` });
        continue;
      }
      const blob = await response.blob();
      if (!blob.type.startsWith('image/')) skipped.push({ url, reason: `not an image (${blob.type || 'no type'})` });
      else if (bytes + blob.size > budget) skipped.push({ url, reason: 'over the size limit for one article' });
      else {
        images.push({ url, blob });
        bytes += blob.size;
      }
    } catch (error) {
      skipped.push({ url, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { images, bytes, skipped };
}
