import { describe, expect, it } from 'vitest';
import { exportLibrary } from '../export';
import type { TransferArticle, TransferItem } from '../library-record';
import { runImport, type ArticleUpdate, type ImportProgress, type ImportTarget, type NewArticle } from '../run-import';
import { fixture, win } from './helpers';

const NOW = Date.parse('2025-06-01T12:00:00Z');

/** A library in memory, written as the real one must: adds get the next id unless theirs is free. */
class MemoryTarget implements ImportTarget {
  articles = new Map<number, TransferArticle>();
  writes = 0;
  failWith: Error | null = null;

  async loadItems(): Promise<TransferItem[]> {
    return [...this.articles.values()].map(({ contentHtml: _c, text: _t, ...item }) => item);
  }

  async write(adds: NewArticle[], updates: ArticleUpdate[]): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.writes++;
    for (const add of adds) {
      const id = add.id !== undefined && !this.articles.has(add.id) ? add.id : Math.max(0, ...this.articles.keys()) + 1;
      this.articles.set(id, { ...add, id });
    }
    for (const { id, changes } of updates) this.articles.set(id, { ...this.articles.get(id)!, ...changes });
  }
}

describe('runImport', () => {
  it('imports a Pocket ZIP: counts, progress through every phase, highlights kept with their article', async () => {
    const target = new MemoryTarget();
    const progress: ImportProgress[] = [];
    const report = await runImport('pocket-export.zip', fixture('pocket-export.zip'), target, {
      win,
      now: () => NOW,
      onProgress: (p) => progress.push(p),
    });
    expect(report).toMatchObject({ format: 'pocket-zip', total: 14, counts: { added: 10, updated: 0, skipped: 1 } });
    expect(report.invalid.map((r) => r.row)).toEqual([9, 10, 4]);
    expect(progress.map((p) => p.phase).filter((phase, i, all) => phase !== all[i - 1])).toEqual([
      'reading',
      'merging',
      'saving',
    ]);
    expect(progress.at(-1)).toEqual({ phase: 'saving', done: 1, total: 1 });
    expect(progress[0]).toEqual({ phase: 'reading', done: 14, total: 14 });
    const harbour = [...target.articles.values()].find(
      (a) => a.normalizedUrl === 'https://news.example.com/2024/03/harbour-sea-wall',
    )!;
    expect(harbour).toMatchObject({
      state: 'unread',
      tags: ['long reads', 'infrastructure', 'harbours'],
      savedAt: Date.parse('2024-02-27T02:13:20Z'),
      downloaded: false,
    });
    expect(harbour.highlights).toHaveLength(2);
  });

  it('builds new articles in stretches, reporting progress and pausing between them', async () => {
    const progress: ImportProgress[] = [];
    let pauses = 0;
    await runImport('omnivore-export.zip', fixture('omnivore-export.zip'), new MemoryTarget(), {
      win,
      batchBudgetMs: 0,
      pause: async () => void pauses++,
      onProgress: (p) => progress.push(p),
    });
    // Six rows read one per batch (five pauses), then four articles built one per stretch (three pauses).
    expect(pauses).toBe(5 + 3);
    expect(progress.filter((p) => p.phase === 'merging')).toEqual([
      { phase: 'merging', done: 0, total: 1 },
      { phase: 'merging', done: 1, total: 4 },
      { phase: 'merging', done: 2, total: 4 },
      { phase: 'merging', done: 3, total: 4 },
      { phase: 'merging', done: 1, total: 1 },
    ]);
  });

  it('writes nothing the second time the same file is imported', async () => {
    const target = new MemoryTarget();
    await runImport('omnivore-export.zip', fixture('omnivore-export.zip'), target, { win, now: () => NOW });
    const before = JSON.stringify([...target.articles]);
    const report = await runImport('omnivore-export.zip', fixture('omnivore-export.zip'), target, {
      win,
      now: () => NOW + 1000,
    });
    expect(report.counts).toEqual({ added: 0, updated: 0, skipped: 4 });
    expect(target.writes).toBe(1);
    expect(JSON.stringify([...target.articles])).toBe(before);
  });

  it('gives content to links imported earlier without it, and never touches a stored body', async () => {
    const target = new MemoryTarget();
    await runImport('pocket.csv', fixture('pocket.csv'), target, { win, now: () => NOW });
    const report = await runImport('omnivore-export.zip', fixture('omnivore-export.zip'), target, {
      win,
      now: () => NOW,
    });
    expect(report.counts).toEqual({ added: 1, updated: 3, skipped: 0 });
    const russian = [...target.articles.values()].find((a) => a.url === 'https://nauka.example.ru/birds-count')!;
    expect(russian).toMatchObject({ downloaded: true, state: 'archived', tags: ['наука', 'birds'] });
    expect(russian.text).toContain('В этом году насчитали сорок два вида.');
    const again = await runImport('omnivore-export.zip', fixture('omnivore-export.zip'), target, {
      win,
      now: () => NOW,
    });
    expect(again.counts.updated).toBe(0);
  });

  it('restores our own export into an empty library exactly, ids included', async () => {
    const source = new MemoryTarget();
    await runImport('omnivore-export.zip', fixture('omnivore-export.zip'), source, { win, now: () => NOW });
    await runImport('pocket-export.zip', fixture('pocket-export.zip'), source, { win, now: () => NOW });
    const records = [...source.articles.values()];
    const zip = exportLibrary(records, 2, { now: new Date(NOW) });
    const restored = new MemoryTarget();
    const report = await runImport('clean-reader-export.zip', zip, restored, {
      win,
      schemaVersion: 2,
      now: () => NOW + 5000,
    });
    expect(report.counts).toEqual({ added: records.length, updated: 0, skipped: 0 });
    expect([...restored.articles.values()]).toEqual(records);
  });

  it('refuses a broken file before writing anything', async () => {
    const target = new MemoryTarget();
    await expect(
      runImport('broken-pocket.zip', fixture('refused/broken-pocket.zip'), target, { win }),
    ).rejects.toMatchObject({ code: 'broken-zip' });
    expect(target.writes).toBe(0);
  });

  it('passes a failed write on, and the library keeps what it had', async () => {
    const target = new MemoryTarget();
    await runImport('pocket.csv', fixture('pocket.csv'), target, { win, now: () => NOW });
    const before = JSON.stringify([...target.articles]);
    target.failWith = new Error('QuotaExceededError');
    await expect(runImport('omnivore-export.zip', fixture('omnivore-export.zip'), target, { win })).rejects.toThrow(
      'QuotaExceededError',
    );
    expect(JSON.stringify([...target.articles])).toBe(before);
  });
});
