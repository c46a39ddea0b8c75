import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ArticleUpdate,
  ImportReport,
  ImportTarget,
  NewArticle,
  TransferArticle,
  TransferItem,
} from '@/lib/transfer';
import { ImportExport } from './ImportExport';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/transfer');
const fixture = (name: string) => new Uint8Array(readFileSync(resolve(FIXTURES, name)));

class MemoryTarget implements ImportTarget {
  articles: TransferArticle[] = [];
  async loadItems(): Promise<TransferItem[]> {
    return this.articles.map(({ contentHtml: _c, text: _t, ...item }) => item);
  }
  async write(adds: NewArticle[], updates: ArticleUpdate[]): Promise<void> {
    for (const add of adds) this.articles.push({ ...add, id: this.articles.length + 1 });
    for (const { id, changes } of updates)
      Object.assign(
        this.articles.find((a) => a.id === id)!,
        changes,
      );
  }
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const byTestId = (id: string) => root.querySelector(`[data-testid="${id}"]`);

/** Picks a file in the import input, as a user would, and waits until the import has settled. */
async function choose(name: string, bytes: Uint8Array): Promise<void> {
  const input = byTestId('import-file') as HTMLInputElement;
  Object.defineProperty(input, 'files', {
    value: [new File([bytes as Uint8Array<ArrayBuffer>], name)],
    configurable: true,
  });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  for (let i = 0; i < 2000 && !byTestId('import-result') && !byTestId('import-error'); i++) {
    await act(() => new Promise((r) => setTimeout(r, 10)));
  }
}

describe('ImportExport', () => {
  it('imports a Pocket export and shows the counts and every row left out', async () => {
    const target = new MemoryTarget();
    const reports: ImportReport[] = [];
    render(
      <ImportExport
        target={target}
        loadAll={async () => target.articles}
        schemaVersion={2}
        onImported={(r) => reports.push(r)}
      />,
      root,
    );
    await choose('pocket-export.zip', fixture('pocket-export.zip'));

    expect(byTestId('import-added')?.textContent).toBe('10');
    expect(byTestId('import-updated')?.textContent).toBe('0');
    expect(byTestId('import-skipped')?.textContent).toBe('1');
    expect(byTestId('import-invalid-count')?.textContent).toBe('3');
    const rows = [...root.querySelectorAll('[data-testid="import-invalid"] li')].map((li) => li.textContent);
    expect(rows).toEqual([
      'part_000000.csv: Row 9 has a javascript link, not a web page ("javascript:alert(1)").',
      'part_000000.csv: Row 10 has no URL.',
      'part_000001.csv: Row 4 has 2 fields where the header has 5.',
    ]);
    expect(target.articles).toHaveLength(10);
    expect(reports).toHaveLength(1);
  });

  it('shows why a file was refused, and writes nothing', async () => {
    const target = new MemoryTarget();
    render(<ImportExport target={target} loadAll={async () => []} schemaVersion={2} />, root);
    await choose('statement.csv', fixture('refused/bank-statement.csv'));
    expect(byTestId('import-error')?.textContent).toMatch(/neither Pocket's .* nor Instapaper's/);
    expect(byTestId('import-result')).toBeNull();
    expect(target.articles).toEqual([]);
  });
});
