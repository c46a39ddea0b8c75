/**
 * Puts text on the clipboard. The asynchronous Clipboard API is refused when the page is not focused
 * (a side panel the user has not clicked into yet); the older `execCommand('copy')` on a selected,
 * off-screen text area still works inside the click, so it is the fallback.
 */
export async function copyText(text: string, doc: Document = document): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Fall through to the selection-based copy.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.insetInlineStart = '-9999px';
  doc.body.append(area);
  const active = doc.activeElement as HTMLElement | null;
  area.select();
  const copied = doc.execCommand('copy');
  area.remove();
  active?.focus();
  if (!copied) throw new Error('The clipboard refused the text.');
}
