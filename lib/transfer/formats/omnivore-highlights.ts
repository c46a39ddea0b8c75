/**
 * Omnivore's `highlights/<slug>.md`, read back into quotes and notes. Omnivore wrote each highlight as
 *
 *     > quote, its blank lines turned into "> " lines
 *
 *     #label #label        (when the highlight had labels)
 *
 *     the reader's note    (when it had one)
 *
 * joined by blank lines; a note on the page itself (no quote) is written alone. So: a block starting
 * with ">" opens a highlight, and the blocks after it, up to the next ">", are its labels and note.
 */
import type { ImportHighlight } from '../types';

export interface OmnivoreHighlights {
  highlights: ImportHighlight[];
  /** Page notes: text written before any quote. */
  notes: string[];
}

const LABELS_ONLY = /^#\S+(\s+#\S+)*$/u;

export function parseOmnivoreHighlights(markdown: string): OmnivoreHighlights {
  const highlights: ImportHighlight[] = [];
  const notes: string[] = [];
  const blocks = markdown.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  let current: { quote: string; labels: string[]; note: string[] } | null = null;
  const flush = () => {
    if (!current) return;
    const quote = current.quote;
    const noteParts = [...(current.labels.length ? [current.labels.join(' ')] : []), ...current.note];
    if (quote) highlights.push({ quote, createdAt: null, note: noteParts.length ? noteParts.join('\n\n') : null });
    current = null;
  };
  for (const raw of blocks) {
    const block = raw.trim();
    if (!block) continue;
    if (block.startsWith('>')) {
      flush();
      current = { quote: unquote(block), labels: [], note: [] };
    } else if (!current) {
      notes.push(block);
    } else if (LABELS_ONLY.test(block) && current.note.length === 0) {
      current.labels.push(block);
    } else {
      current.note.push(block);
    }
  }
  flush();
  return { highlights, notes };
}

/**
 * Strips the "> " marks. Omnivore turned each paragraph break into a "> " line that starts the next
 * paragraph, so a marked line after the first starts a new paragraph; unmarked lines continue one.
 */
function unquote(block: string): string {
  const paragraphs: string[] = [];
  block.split('\n').forEach((line, i) => {
    const marked = /^>\s?/.test(line);
    const text = line.replace(/^>\s?/, '').trimEnd();
    if (i === 0 || !marked) {
      if (paragraphs.length === 0) paragraphs.push(text);
      else paragraphs[paragraphs.length - 1] += `\n${text}`;
    } else {
      paragraphs.push(text);
    }
  });
  return paragraphs
    .map((p) => p.trim())
    .filter(Boolean)
    .join('\n\n');
}
