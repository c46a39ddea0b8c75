import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sanitize } from '../../extract/sanitize';
import { exportLibrary, exportLibraryInSteps, type LibraryExport } from '../export';
import { importAll } from '../import';
import { planMerge } from '../merge';
import type { TransferArticle } from '../library-record';
import { win } from './helpers';

const NOW = new Date('2025-06-01T12:00:00Z');

/** Saved articles as the library stores them (lib/library/types.ts), plus imported highlights. */
function sampleRecords(): TransferArticle[] {
  const body = (title: string, text: string) =>
    sanitize(
      `<h2>${title}</h2><p>${text}</p><figure><img src="https://img.example.com/a.jpg" alt="A photo"><figcaption>Caption</figcaption></figure><p><a href="https://example.com/more">More</a> &amp; <em>emphasis</em></p><ul><li>one</li><li>two</li></ul>`,
      win,
    );
  return [
    {
      id: 1,
      url: 'https://news.example.com/2024/03/harbour-sea-wall/?utm_source=feed',
      normalizedUrl: 'https://news.example.com/2024/03/harbour-sea-wall',
      title: 'How the harbour town rebuilt its sea wall',
      byline: 'Staff reporter',
      siteName: 'Harbour News',
      lang: 'en',
      dir: 'ltr',
      publishedTime: '2024-03-07T12:00:00.000Z',
      excerpt: 'After the winter storms, the town built a new wall.',
      leadImage: 'https://img.example.com/a.jpg',
      wordCount: 16,
      readingMinutes: 1,
      savedAt: 1709876543000,
      updatedAt: 1709900000000,
      state: 'unread',
      favourite: true,
      tags: ['long reads', 'infrastructure'],
      readingPosition: { progress: 0.42, updatedAt: 1709900000000 },
      downloaded: true,
      contentHtml: body('The wall', 'The wall was finished two weeks before the spring tides, and it held.'),
      text: 'The wall\n\nThe wall was finished two weeks before the spring tides, and it held.',
      highlights: [{ quote: 'and it held', createdAt: '2024-03-08T12:13:20.000Z', note: 'Good line: "it held"' }],
      note: 'Read before the council meeting.',
    },
    {
      id: 2,
      url: 'https://shinbun.example.jp/articles/library-reading-room',
      normalizedUrl: 'https://shinbun.example.jp/articles/library-reading-room',
      title: '図書館の新しい読書室',
      byline: null,
      siteName: null,
      lang: 'ja',
      dir: null,
      publishedTime: null,
      excerpt: null,
      leadImage: null,
      wordCount: 18,
      readingMinutes: 1,
      savedAt: 1710400000000,
      updatedAt: 1710400000000,
      state: 'archived',
      favourite: false,
      tags: ['日本語'],
      readingPosition: null,
      downloaded: true,
      contentHtml: body('読書室', '読書室は朝七時から開いている。'),
      text: '読書室\n\n読書室は朝七時から開いている。',
      highlights: [],
      note: null,
    },
    {
      // A link saved without visiting it: no body yet.
      id: 3,
      url: 'https://letters.example.net/issue-12',
      normalizedUrl: 'https://letters.example.net/issue-12',
      title: 'letters.example.net: issue 12',
      byline: null,
      siteName: null,
      lang: null,
      dir: null,
      publishedTime: null,
      excerpt: null,
      leadImage: null,
      wordCount: 0,
      readingMinutes: 0,
      savedAt: 1711962000000,
      updatedAt: 1711962000000,
      state: 'unread',
      favourite: false,
      tags: [],
      readingPosition: null,
      downloaded: false,
      contentHtml: '',
      text: '',
      highlights: [],
      note: null,
    },
  ];
}

describe('exportLibrary', () => {
  it('round-trips: export, then import into an empty library, gives back exactly the same records', async () => {
    const records = sampleRecords();
    const zip = exportLibrary(records, 3, { now: NOW });
    const result = await importAll('clean-reader-export.zip', zip, { win, schemaVersion: 3 });
    expect(result.format).toBe('clean-reader-zip');
    expect(result.invalid).toEqual([]);
    expect(result.items.map((i) => i.record)).toEqual(records);

    const plan = planMerge([], result.items);
    expect(plan.counts).toEqual({ added: 3, updated: 0, skipped: 0 });
    expect(plan.add.map((a) => a.item.record)).toEqual(records);
  });

  it('writes library.json with the schema version, and the HTML once, in content/<id>.html', () => {
    const records = sampleRecords();
    const files = unzipSync(exportLibrary(records, 3, { now: NOW }));
    expect(Object.keys(files).sort()).toEqual([
      'content/1.html',
      'content/2.html',
      'library.json',
      'markdown/1.md',
      'markdown/2.md',
      'markdown/3.md',
    ]);
    const manifest = JSON.parse(strFromU8(files['library.json'])) as LibraryExport;
    expect(manifest).toMatchObject({
      format: 'clean-reader-library',
      schemaVersion: 3,
      exportedAt: '2025-06-01T12:00:00.000Z',
    });
    expect(manifest.records).toHaveLength(3);
    expect(manifest.records[0]).not.toHaveProperty('contentHtml');
    expect(manifest.records[2]).toHaveProperty('contentHtml', '');
    const page = strFromU8(files['content/2.html']);
    expect(page).toMatch(/^<!doctype html>\n<meta charset="utf-8">\n<title>図書館の新しい読書室<\/title>/);
    expect(page.endsWith(records[1].contentHtml as string)).toBe(true);
  });

  it('writes each article as Markdown with front matter, the note and highlights included', () => {
    const files = unzipSync(exportLibrary(sampleRecords(), 3, { now: NOW }));
    const md = strFromU8(files['markdown/1.md']);
    expect(md).toContain(
      [
        '---',
        'title: "How the harbour town rebuilt its sea wall"',
        'url: "https://news.example.com/2024/03/harbour-sea-wall/?utm_source=feed"',
        'author: "Staff reporter"',
        'site: "Harbour News"',
        'published: "2024-03-07T12:00:00.000Z"',
        'saved: "2024-03-08T05:42:23.000Z"',
        'tags: ["long reads", "infrastructure"]',
        'note: "Read before the council meeting."',
        'highlights: [{"quote":"and it held","createdAt":"2024-03-08T12:13:20.000Z","note":"Good line: \\"it held\\""}]',
        '---',
        '',
        '# How the harbour town rebuilt its sea wall',
        '',
        '## The wall',
      ].join('\n'),
    );
    expect(md).toContain('[More](https://example.com/more) & _emphasis_');
    expect(md).toContain('![A photo](https://img.example.com/a.jpg)');
    expect(strFromU8(files['markdown/2.md'])).toContain('saved: "2024-03-14T07:06:40.000Z"');
    expect(strFromU8(files['markdown/3.md'])).toBe(
      '---\ntitle: "letters.example.net: issue 12"\nurl: "https://letters.example.net/issue-12"\nsaved: "2024-04-01T09:00:00.000Z"\n---\n\n# letters.example.net: issue 12\n',
    );
  });

  it('gives the same bytes for the same library and date', () => {
    expect(exportLibrary(sampleRecords(), 3, { now: NOW })).toEqual(exportLibrary(sampleRecords(), 3, { now: NOW }));
  });

  it('builds the same ZIP in steps, pausing between stretches of work', async () => {
    let pauses = 0;
    const stepped = await exportLibraryInSteps(sampleRecords(), 3, {
      now: NOW,
      budgetMs: 0,
      pause: async () => void pauses++,
    });
    expect(pauses).toBe(2);
    expect(stepped).toEqual(exportLibrary(sampleRecords(), 3, { now: NOW }));
  });

  it('reads the records back as items with the library fields mapped', async () => {
    const { items } = await importAll('clean-reader-export.zip', exportLibrary(sampleRecords(), 3, { now: NOW }), {
      win,
    });
    expect(items[0]).toMatchObject({
      url: 'https://news.example.com/2024/03/harbour-sea-wall/?utm_source=feed',
      savedAt: '2024-03-08T05:42:23.000Z',
      publishedAt: '2024-03-07T12:00:00.000Z',
      readingProgress: 0.42,
      favourite: true,
      highlights: [{ quote: 'and it held', createdAt: '2024-03-08T12:13:20.000Z', note: 'Good line: "it held"' }],
    });
    // The stand-in title of a link saved without one reads as none, so a real title may replace it.
    expect(items[2]).toMatchObject({ contentHtml: null, title: '' });
  });

  it('reports progress per record', () => {
    const seen: [number, number][] = [];
    exportLibrary(sampleRecords(), 3, { now: NOW, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });
});

describe('importing our own export', () => {
  it('refuses an export from a newer schema than the library knows', async () => {
    const zip = exportLibrary(sampleRecords(), 7, { now: NOW });
    await expect(importAll('clean-reader-export.zip', zip, { win, schemaVersion: 3 })).rejects.toMatchObject({
      code: 'newer-version',
    });
  });

  it('sanitises article HTML from the file: an export is as untrusted as any download', async () => {
    const files = unzipSync(exportLibrary(sampleRecords(), 3, { now: NOW }));
    const path = 'content/1.html';
    files[path] = strToU8(`${strFromU8(files[path])}<img src="x" onerror="alert(1)"><script>alert(2)</script>`);
    const result = await importAll('clean-reader-export.zip', zipSync(files), { win });
    const html = result.items[0].contentHtml ?? '';
    expect(html).toContain('The wall was finished');
    expect(html).not.toMatch(/onerror|<script/);
  });

  it('reports records it cannot use and keeps the rest', async () => {
    const files = unzipSync(exportLibrary(sampleRecords(), 3, { now: NOW }));
    const manifest = JSON.parse(strFromU8(files['library.json'])) as LibraryExport;
    manifest.records.push(
      { ...manifest.records[2], id: 4, url: 'javascript:alert(1)' },
      { id: 5, url: 'https://x.example.com/' },
      'not a record' as unknown as Record<string, unknown>,
    );
    delete files['content/2.html'];
    files['library.json'] = strToU8(JSON.stringify(manifest));
    const result = await importAll('clean-reader-export.zip', zipSync(files), { win });
    expect(result.items.map((i) => i.url)).toEqual([
      'https://news.example.com/2024/03/harbour-sea-wall/?utm_source=feed',
      'https://letters.example.net/issue-12',
    ]);
    expect(result.invalid.map((r) => [r.row, r.code])).toEqual([
      [2, 'bad-record'],
      [4, 'bad-url'],
      [5, 'bad-record'],
      [6, 'bad-record'],
    ]);
    expect(result.invalid[0].reason).toMatch(/missing from the ZIP/);
    expect(result.invalid[2].reason).toMatch(/damaged \(missing title\)/);
  });

  it('refuses a ZIP whose library.json is not ours', async () => {
    const zip = zipSync({ 'library.json': strToU8('{"items": []}') });
    await expect(importAll('backup.zip', zip, { win })).rejects.toMatchObject({ code: 'bad-export' });
  });
});
