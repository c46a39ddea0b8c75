/** Hands bytes or text to the browser as a file download (the export ZIP, an article's Markdown). */
export function downloadBytes(data: Uint8Array | string, name: string, type: string): void {
  const part = typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The download has started from the URL by the time a minute has passed; revoking frees the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
