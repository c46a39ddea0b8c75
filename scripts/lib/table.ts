/** Plain-text tables for benchmark output: columns padded to their widest cell, numbers right-aligned. */
export type Cell = string | number | null;

export function formatTable(header: string[], rows: Cell[][]): string {
  const text = (c: Cell) => (c === null ? '-' : typeof c === 'number' ? fixed(c) : c);
  const cells = [header, ...rows.map((r) => r.map(text))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null));
  const line = (r: string[]) =>
    r.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Scores with three decimals, other numbers as they come (integers) or with one decimal. */
function fixed(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) <= 1 ? n.toFixed(3) : n.toFixed(1);
}
