/**
 * The extension half of the reader's extraction: `/extract.js` sends the page half (Readability's
 * article as HTML, the metadata, the removals so far; lib/extract/pipeline.ts `PageHalf`), and this
 * finishes it in the extension's own page, where DOMParser gives an inert document (no script runs,
 * nothing loads; never the live document). What comes back is raw like any answer from a page: the
 * caller sanitises it next (utils/sanitize-injected.ts).
 */
import type { Removal } from '@/lib/extract';
import { finishPageHalf, type BodyHalf, type PageFacts, type PageHalf } from '@/lib/extract/pipeline';
import type { InjectedResult } from './extract-protocol';
import { inertFragment } from './inert-fragment';

type DomWindow = Window & typeof globalThis;

const MALFORMED: InjectedResult = { kind: 'error', message: 'The page sent a malformed article.' };

/**
 * The page's answer finished: a page half goes through the after steps; when the article is too short
 * and the best effort may be the page's body, `askBody` fetches it from the page. Any other answer
 * passes through as it is.
 */
export async function finishInExtension(answer: unknown, win: DomWindow, askBody: () => Promise<unknown>): Promise<InjectedResult | undefined> {
  if (!isRecord(answer)) return undefined;
  if (answer.kind === 'body-half') return MALFORMED;
  if (answer.kind !== 'page-half') return answer as InjectedResult;
  const half = pageHalfFrom(answer);
  if (!half) return MALFORMED;
  const result = finishPageHalf(half, inertFragment, win, { keepRemovedHtml: true });
  if (result.kind !== 'needs-body') return result;
  return result.withBody(bodyHalfFrom(await askBody()));
}

/** `value` as a page half, every field checked for its type, or null. */
export function pageHalfFrom(value: Record<string, unknown>): PageHalf | null {
  const page = isRecord(value.page) ? value.page : null;
  const removed = removalsFrom(value.removed);
  if (typeof value.url !== 'string' || typeof value.baseUrl !== 'string' || !page || !removed) return null;
  if (typeof value.headHtml !== 'string' || !(value.articleHtml === null || typeof value.articleHtml === 'string')) return null;
  const meta = isRecord(value.meta) ? value.meta : null;
  const facts: PageFacts = { title: str(page.title) ?? '', lang: str(page.lang), dir: str(page.dir), metaImage: str(page.metaImage) };
  return {
    kind: 'page-half',
    url: value.url,
    baseUrl: value.baseUrl,
    page: facts,
    meta: meta && {
      title: str(meta.title),
      byline: str(meta.byline),
      siteName: str(meta.siteName),
      lang: str(meta.lang),
      dir: str(meta.dir),
      publishedTime: str(meta.publishedTime),
      excerpt: str(meta.excerpt),
    },
    articleHtml: value.articleHtml,
    headHtml: value.headHtml,
    quirks: value.quirks === true,
    removed,
    body: isRecord(value.body) ? bodyHalfFrom(value.body) : null,
  };
}

/** `value` as the page's body for the best effort, or null. */
export function bodyHalfFrom(value: unknown): BodyHalf | null {
  if (!isRecord(value) || value.kind !== 'body-half' || typeof value.html !== 'string') return null;
  const removed = removalsFrom(value.removed);
  return removed ? { kind: 'body-half', html: value.html, quirks: value.quirks === true, removed } : null;
}

/** The page's removal records (step and sample only: the page half never keeps removed HTML). */
function removalsFrom(value: unknown): Removal[] | null {
  if (!Array.isArray(value)) return null;
  return value.map((r: unknown) => ({ step: (isRecord(r) && str(r.step)) || '', sample: (isRecord(r) && str(r.sample)) || '' }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
