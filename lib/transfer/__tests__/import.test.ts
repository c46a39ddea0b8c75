import { describe, expect, it } from 'vitest';
import { importFile } from '../import';
import type { ImportBatch } from '../types';
import { utf8, win } from './helpers';

/** A Pocket CSV of `rows` rows; every 1,000th row has no URL. */
function bigPocketCsv(rows: number): Uint8Array {
  const lines = ['title,url,time_added,tags,status'];
  for (let i = 1; i <= rows; i++) {
    const url = i % 1000 === 0 ? '' : `https://site${i % 37}.example.com/articles/${i}`;
    lines.push(
      `"Article number ${i}, in which things happen",${url},${1700000000 + i},tag ${i % 5}|général,${i % 3 ? 'unread' : 'archive'}`,
    );
  }
  return utf8(lines.join('\n'));
}

describe('importFile', () => {
  it('imports 10,000 rows in batches with progress, invalid rows reported as it goes', async () => {
    const batches: ImportBatch[] = [];
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    for await (const batch of importFile('part_000000.csv', bigPocketCsv(10_000), { win, batchSize: 500, pause }))
      batches.push(batch);

    expect(batches.length).toBeGreaterThanOrEqual(20);
    expect(pauses).toBe(batches.length - 1);
    expect(batches.every((b) => b.total === 10_000)).toBe(true);
    const done = batches.map((b) => b.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(10_000);

    const items = batches.flatMap((b) => b.items);
    const invalid = batches.flatMap((b) => b.invalid);
    expect(items).toHaveLength(9_990);
    expect(invalid.map((r) => r.row)).toEqual(Array.from({ length: 10 }, (_, k) => (k + 1) * 1000 + 1));
    expect(items[9_989]).toMatchObject({
      url: 'https://site9.example.com/articles/9999',
      tags: ['tag 4', 'général'],
      state: 'archived',
    });
  });

  it('yields one empty batch for an export with a header and no rows', async () => {
    const batches: ImportBatch[] = [];
    for await (const batch of importFile('pocket.csv', utf8('title,url,time_added,tags,status\n'), { win }))
      batches.push(batch);
    expect(batches).toEqual([{ format: 'pocket-csv', items: [], invalid: [], done: 0, total: 0 }]);
  });
});
