import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { runImport } from '../../transfer';
import { fixture, utf8, win } from '../../transfer/__tests__/helpers';
import { Library } from '../index';
import type { ImportedArticle } from '../import';
import { STORIES, articleOf, freshName } from './fixtures';

const open: Library[] = [];
afterEach(() => {
  open.splice(0).forEach((l) => l.close());
});

const NOW = Date.parse('2025-06-01T12:00:00Z');
const HARBOUR = 'https://news.example.com/2024/03/harbour-sea-wall';

async function openLibrary() {
  const library = await Library.open({ name: freshName('annotations'), now: () => NOW });
  open.push(library);
  return library;
}

function imported(overrides: Partial<ImportedArticle>): ImportedArticle {
  const { kind: _kind, removed: _removed, ...article } = articleOf(STORIES.harbour);
  return {
    ...article,
    normalizedUrl: '',
    savedAt: 1_600_000_000_000,
    updatedAt: 1_600_000_000_000,
    state: 'unread',
    favourite: false,
    tags: [],
    readingPosition: null,
    downloaded: true,
    ...overrides,
  };
}

describe('highlights and the article note', () => {
  it('are stored by an import, returned by get and list, and kept when the article is saved again', async () => {
    const library = await openLibrary();
    const [id] = await library.importArticles(
      [
        imported({
          highlights: [
            {
              quote: '  the harbour ferries will run every forty minutes ',
              createdAt: '2024-03-08T10:00:00.000Z',
              note: null,
            },
            { quote: 'A spokesperson for the operator', createdAt: null, note: 'Who?' },
            // The same passage again (white space aside) and a blank one: kept once, dropped.
            {
              quote: 'the harbour  ferries will run every forty minutes',
              createdAt: null,
              note: 'Check the timetable',
            },
            { quote: '   ', createdAt: null, note: null },
          ],
          note: 'Ask the council about the grant.',
        }),
      ],
      [],
    );
    const expected = {
      highlights: [
        {
          quote: 'the harbour ferries will run every forty minutes',
          createdAt: '2024-03-08T10:00:00.000Z',
          note: 'Check the timetable',
        },
        { quote: 'A spokesperson for the operator', createdAt: null, note: 'Who?' },
      ],
      note: 'Ask the council about the grant.',
    };
    expect(await library.get(id)).toMatchObject(expected);
    expect((await library.list()).items[0]).toMatchObject(expected);

    // Extracting the page again replaces the body, not what the user wrote about it.
    await library.save(articleOf(STORIES.harbour, { text: 'A new version of the story.' }));
    expect(await library.get(id)).toMatchObject({ ...expected, text: 'A new version of the story.' });
    // So do the trash and its undo.
    await library.remove(id);
    expect((await library.trash()).items[0]).toMatchObject(expected);
    await library.restore(id);
    expect(await library.get(id)).toMatchObject(expected);
  });

  it('the note is read and set through the API; blank text removes it', async () => {
    const library = await openLibrary();
    const item = await library.save(articleOf(STORIES.ecole));
    expect(item).toMatchObject({ note: null, highlights: [] });
    expect(await library.note(item.id)).toBeNull();

    const changes: string[] = [];
    const stop = library.onChange((c) => changes.push(c.kind));
    expect(await library.setNote(item.id, 'À relire avant la réunion.')).toMatchObject({
      note: 'À relire avant la réunion.',
    });
    expect(await library.note(item.id)).toBe('À relire avant la réunion.');
    expect((await library.get(item.id)).note).toBe('À relire avant la réunion.');
    await library.setNote(item.id, '  \n ');
    expect(await library.note(item.id)).toBeNull();
    await expect(library.setNote(424242, 'x')).rejects.toMatchObject({ code: 'not-found' });
    await expect(library.note(424242)).rejects.toMatchObject({ code: 'not-found' });

    const updated = await library.update(item.id, {
      highlights: [{ quote: 'la cantine', createdAt: '2025-06-01T12:00:00.000Z', note: null }],
    });
    expect(updated.highlights).toEqual([{ quote: 'la cantine', createdAt: '2025-06-01T12:00:00.000Z', note: null }]);
    stop();
  });

  it('an article without them (written before they existed) reads as having none, and a malformed list is reported', async () => {
    const library = await openLibrary();
    const item = await library.save(articleOf(STORIES.harbour));
    const row = (await library.db.articles.get(item.id))!;
    const { highlights: _h, note: _n, ...old } = row;
    await library.db.articles.put(old as typeof row);
    expect(await library.get(item.id)).toMatchObject({ highlights: [], note: null });

    await library.db.articles.put({ ...row, highlights: 'not a list' as unknown as [] });
    await expect(library.get(item.id)).rejects.toMatchObject({
      code: 'corrupt',
      message: expect.stringContaining('highlights'),
    });
    expect((await library.list()).skipped).toEqual([{ id: item.id, reason: 'highlights are malformed' }]);
  });

  it('a Pocket export brings its highlights into the library, and importing it again changes nothing', async () => {
    const library = await openLibrary();
    const first = await runImport('pocket-export.zip', fixture('pocket-export.zip'), library.importTarget(), {
      win,
      now: () => NOW,
    });
    expect(first.counts.added).toBe(10);
    const harbour = (await library.list({ limit: 100 })).items.find((i) => i.normalizedUrl === HARBOUR)!;
    expect(harbour.highlights).toHaveLength(2);
    expect(harbour.highlights.every((h) => h.quote.length > 0 && h.createdAt !== null)).toBe(true);

    const before = await library.db.articles.toArray();
    const again = await runImport('pocket-export.zip', fixture('pocket-export.zip'), library.importTarget(), {
      win,
      now: () => NOW + 1000,
    });
    expect(again.counts).toMatchObject({ added: 0, updated: 0 });
    expect(await library.db.articles.toArray()).toEqual(before);
  });

  it('an Omnivore export brings highlights, notes and readable content; a Pocket export of the same articles merges into them', async () => {
    const library = await openLibrary();
    await runImport('omnivore-export.zip', fixture('omnivore-export.zip'), library.importTarget(), {
      win,
      now: () => NOW,
    });
    const items = (await library.list({ limit: 100 })).items;
    const birds = items.find((i) => i.url === 'https://nauka.example.ru/birds-count')!;
    expect(birds.note).toBe('Прочитать вместе с прошлогодним отчётом.');
    expect(birds.highlights).toEqual([
      { quote: 'Главное — идти медленно и слушать.', createdAt: null, note: 'Хорошая цитата для доклада.' },
    ]);
    const harbourId = items.find((i) => i.normalizedUrl === HARBOUR)!.id;
    const fromOmnivore = (await library.get(harbourId)).highlights.map((h) => h.quote);
    expect(fromOmnivore).toHaveLength(3);

    const roomId = items.find((i) => i.url === 'https://shinbun.example.jp/articles/library-reading-room')!.id;
    expect((await library.get(roomId)).highlights).toEqual([]);

    await runImport('pocket-export.zip', fixture('pocket-export.zip'), library.importTarget(), { win, now: () => NOW });
    const merged = await library.get(harbourId);
    // Pocket quoted two of the same passages: still three highlights, now dated by Pocket (Omnivore's
    // file had no dates); the body and the notes Omnivore brought stay.
    expect(merged.highlights.map((h) => h.quote)).toEqual(fromOmnivore);
    expect(merged.highlights.map((h) => h.createdAt)).toEqual([
      '2024-03-08T12:13:20.000Z',
      null,
      '2024-03-08T12:15:20.000Z',
    ]);
    expect(merged.highlights[0].note).toBe('#quotes #harbour\n\nCompare with the 1953 flood defences.');
    expect(merged.text).toContain('The wall was finished two weeks before the spring tides');
    // An article Omnivore had without highlights gets Pocket's.
    expect((await library.get(roomId)).highlights).toEqual([
      { quote: '読書室は朝七時から開いている。', createdAt: '2024-03-14T09:53:20.000Z', note: null },
    ]);
  });

  it('an Instapaper selection is kept as a highlight dated with the save', async () => {
    const library = await openLibrary();
    const csv =
      'URL,Title,Selection,Folder,Timestamp\nhttps://essays.example.org/on-walking,On walking,"Walking is thinking, slowed down.",Unread,1715000000\n';
    await runImport('instapaper-export.csv', utf8(csv), library.importTarget(), { win, now: () => NOW });
    const [item] = (await library.list()).items;
    expect(item).toMatchObject({
      excerpt: 'Walking is thinking, slowed down.',
      highlights: [{ quote: 'Walking is thinking, slowed down.', createdAt: '2024-05-06T12:53:20.000Z', note: null }],
    });
  });
});

describe('an import and the trash', () => {
  const pocketCsv = (...urls: string[]) =>
    utf8(
      `title,url,time_added,tags,status\n${urls.map((u, i) => `Story ${i + 1},${u},171000000${i},imported,unread`).join('\n')}\n`,
    );

  it('leaves an article the user deleted in the trash, says so, and adds the rest', async () => {
    const library = await openLibrary();
    const deleted = await library.save(articleOf(STORIES.harbour));
    await library.setNote(deleted.id, 'kept in the trash');
    await library.remove(deleted.id);

    // The same article under another spelling of its URL (tracking parameter, no trailing slash).
    const sameArticle = 'https://news.example.org/2024/03/harbour-ferry-timetable?utm_source=pocket';
    const report = await runImport(
      'pocket.csv',
      pocketCsv(sameArticle, 'https://other.example.com/new-story'),
      library.importTarget(),
      { win, now: () => NOW },
    );
    expect(report.counts).toEqual({ added: 1, updated: 0, skipped: 1 });
    expect(report.inTrash).toEqual([sameArticle]);

    expect((await library.list()).items.map((i) => i.url)).toEqual(['https://other.example.com/new-story']);
    expect(await library.count()).toBe(1);
    const trash = await library.trash();
    expect(trash.items.map((i) => [i.id, i.note, i.tags])).toEqual([[deleted.id, 'kept in the trash', []]]);

    // Undo still works, and brings back one article, not two.
    await library.restore(deleted.id);
    expect(await library.count()).toBe(2);
    expect((await library.findByUrl(sameArticle))?.id).toBe(deleted.id);
  });

  it('an article trashed between the plan and the write is not saved a second time', async () => {
    const library = await openLibrary();
    const item = await library.save(articleOf(STORIES.harbour));
    await library.remove(item.id);
    const ids = await library.importArticles([imported({}), imported({ url: 'https://other.example.com/x' })], []);
    expect(ids).toHaveLength(1);
    expect((await library.list()).items.map((i) => i.url)).toEqual(['https://other.example.com/x']);
    expect(await library.count()).toBe(1);
  });
});
