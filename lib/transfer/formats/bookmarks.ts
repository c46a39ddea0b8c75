/**
 * Bookmark files in the Netscape format that Chrome, Edge, Firefox and Safari export, and Pocket's older
 * `ril_export.html`, which has the same anchors in two plain lists.
 *
 * The file is parsed by `parseInertDocument` with the window passed in (the page's own, or jsdom's in
 * tests) into an inert document; nothing in it runs or loads. The Netscape format leaves `<DT>` and `<p>` unclosed;
 * the HTML parser nests each folder's `<DL>` inside the `<DT>` that holds its `<H3>` name, which is how
 * the folder path of a link is found.
 */
import { parseInertDocument } from '../../extract/sanitize';
import { blankItem, invalid, type PreparedImport, type RowOutcome } from '../source';
import type { ImportWindow } from '../types';
import { checkUrl, cleanTags, cleanTitle, fromUnixSeconds, textOrNull } from '../values';

/**
 * Browser roots that are places, not topics (the toolbar, Firefox's "Other Bookmarks"): marked by an
 * attribute in every language, so they never become tags. Chrome's "Other bookmarks" carries no mark
 * and does become one.
 */
const ROOT_FOLDER_ATTRS = ['personal_toolbar_folder', 'unfiled_bookmarks_folder'];

export function prepareBookmarksHtml(fileName: string, text: string, win: ImportWindow): PreparedImport {
  const doc = parseInertDocument(text, win);
  const anchors = [...doc.querySelectorAll('a')];
  return {
    format: 'bookmarks-html',
    total: anchors.length,
    convert: (index) => bookmarkItem(fileName, index + 1, anchors[index]),
  };
}

function bookmarkItem(file: string, row: number, a: HTMLAnchorElement): RowOutcome {
  const href = a.getAttribute('href') ?? '';
  const checked = checkUrl(href);
  if ('problem' in checked)
    return invalid(file, row, href ? 'bad-url' : 'missing-url', `Bookmark ${row} ${checked.problem}.`);
  const item = blankItem(checked.url, { format: 'bookmarks-html', file, row });
  item.title = cleanTitle(a.textContent, checked.url);
  item.savedAt = bookmarkDate(a.getAttribute('add_date'));
  item.tags = cleanTags([...folderPath(a), ...(a.getAttribute('tags') ?? '').split(',')]);
  item.excerpt = description(a);
  return { item };
}

/** Folder names from the outermost to the link's own folder. */
function folderPath(a: Element): string[] {
  const path: string[] = [];
  for (let el = a.parentElement; el; el = el.parentElement) {
    if (el.tagName !== 'DL') continue;
    const heading = folderHeading(el);
    if (heading && !ROOT_FOLDER_ATTRS.some((attr) => heading.hasAttribute(attr))) {
      const name = heading.textContent?.trim();
      if (name) path.unshift(name);
    }
  }
  return path;
}

/** The `<H3>` naming a `<DL>`: a child of the `<DT>` that holds it, or (hand-written files) its previous sibling. */
function folderHeading(dl: Element): Element | null {
  const parent = dl.parentElement;
  if (parent?.tagName === 'DT') {
    for (const child of parent.children) if (child.tagName === 'H3') return child;
  }
  const previous = dl.previousElementSibling;
  return previous?.tagName === 'H3' ? previous : null;
}

/** A link's `<DD>` description, which the parser puts right after the link's `<DT>`. */
function description(a: Element): string | null {
  const dt = a.parentElement?.tagName === 'DT' ? a.parentElement : null;
  const next = dt?.nextElementSibling;
  return next?.tagName === 'DD' ? textOrNull(next.textContent) : null;
}

/**
 * `ADD_DATE` is Unix seconds in every browser's HTML export; a few tools write milliseconds or
 * microseconds (Firefox's own unit), recognisable by their size.
 */
function bookmarkDate(value: string | null): string | null {
  if (!value || !/^\d+$/.test(value.trim())) return null;
  let n = Number(value);
  if (n > 1e14) n /= 1e6;
  else if (n > 1e11) n /= 1e3;
  return fromUnixSeconds(n);
}

/**
 * Pocket's older `ril_export.html`: an "Unread" list and a "Read Archive" list of
 * `<a href time_added tags>` links, tags separated by commas. Pocket wrote the headings in English in
 * every language; the lists' order (unread first) settles any heading we do not recognise.
 */
export function preparePocketHtml(fileName: string, text: string, win: ImportWindow): PreparedImport {
  const doc = parseInertDocument(text, win);
  const units: { a: HTMLAnchorElement; archived: boolean }[] = [];
  [...doc.querySelectorAll('ul, ol')].forEach((list, i) => {
    const archived = listIsArchive(list, i);
    for (const a of list.querySelectorAll('a')) units.push({ a, archived });
  });
  return {
    format: 'pocket-html',
    total: units.length,
    convert: (index) => pocketHtmlItem(fileName, index + 1, units[index].a, units[index].archived),
  };
}

function listIsArchive(list: Element, position: number): boolean {
  let heading = list.previousElementSibling;
  while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
  const text = heading?.textContent?.trim().toLowerCase() ?? '';
  if (text.includes('archive')) return true;
  if (text === 'unread') return false;
  return position > 0;
}

function pocketHtmlItem(file: string, row: number, a: HTMLAnchorElement, archived: boolean): RowOutcome {
  const href = a.getAttribute('href') ?? '';
  const checked = checkUrl(href);
  if ('problem' in checked)
    return invalid(file, row, href ? 'bad-url' : 'missing-url', `Link ${row} ${checked.problem}.`);
  const item = blankItem(checked.url, { format: 'pocket-html', file, row });
  item.title = cleanTitle(a.textContent, checked.url);
  item.savedAt = fromUnixSeconds(a.getAttribute('time_added'));
  item.tags = cleanTags((a.getAttribute('tags') ?? '').split(','));
  item.state = archived ? 'archived' : 'unread';
  return { item };
}
