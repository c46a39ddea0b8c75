import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Library, LibraryError, TRASH_DAYS } from '../index';
import { STORIES, articleOf, freshName } from './fixtures';

const open: Library[] = [];
async function openLibrary(now?: () => number): Promise<Library> {
  const library = await Library.open({ name: freshName(), now });
  open.push(library);
  return library;
}
afterEach(() => {
  open.splice(0).forEach((l) => l.close());
});

describe('saving', () => {
  it('stores the article with its sanitised body, text, metadata and defaults', async () => {
    const library = await openLibrary(() => 1_700_000_000_000);
    const item = await library.save(articleOf(STORIES.harbour));
    expect(item).toMatchObject({
      url: STORIES.harbour.url,
      normalizedUrl: 'https://news.example.org/2024/03/harbour-ferry-timetable',
      title: STORIES.harbour.title,
      siteName: 'Example Coast News',
      lang: 'en',
      savedAt: 1_700_000_000_000,
      state: 'unread',
      favourite: false,
      tags: [],
      readingPosition: null,
      downloaded: true,
    });
    const saved = await library.get(item.id);
    expect(saved.contentHtml).toContain('<p>The council confirmed on Tuesday');
    expect(saved.text).toContain('government grant');
    expect(saved.wordCount).toBe(articleOf(STORIES.harbour).wordCount);
  });

  it('updates the same article saved again under another spelling of its URL instead of adding a copy', async () => {
    let clock = 1000;
    const library = await openLibrary(() => clock);
    const first = await library.save(articleOf(STORIES.election));
    await library.update(first.id, { favourite: true, tags: ['politics'], state: 'archived' });
    await library.setReadingPosition(first.id, 0.4);
    clock = 2000;
    const again = await library.save(
      articleOf(STORIES.election, {
        url: 'https://daily.example.net/politics/regional-election-turnout/?id=4412&fbclid=xyz#results',
        text: 'Updated: the final count confirmed the turnout figure.',
      }),
    );
    expect(again.id).toBe(first.id);
    expect(await library.count()).toBe(1);
    // Updated in place: the tables hold one row and one body, not only the stored count saying so.
    expect(await library.db.articles.count()).toBe(1);
    expect(await library.db.bodies.count()).toBe(1);
    expect(again).toMatchObject({
      savedAt: 2000,
      updatedAt: 2000,
      favourite: true,
      tags: ['politics'],
      state: 'unread',
    });
    expect(again.readingPosition?.progress).toBe(0.4);
    expect((await library.get(first.id)).text).toBe('Updated: the final count confirmed the turnout figure.');
  });

  it('saves a batch in one go, later duplicates updating earlier ones', async () => {
    const library = await openLibrary();
    const items = await library.saveMany([
      articleOf(STORIES.harbour),
      articleOf(STORIES.tokyo),
      articleOf(STORIES.harbour, {
        url: `${STORIES.harbour.url}?utm_source=feed`,
        title: 'Ferries: winter timetable (updated)',
      }),
    ]);
    expect(items[2].id).toBe(items[0].id);
    expect(await library.count()).toBe(2);
    expect(await library.db.articles.count()).toBe(2);
    expect(await library.db.bodies.count()).toBe(2);
    expect((await library.get(items[0].id)).title).toBe('Ferries: winter timetable (updated)');
  });

  it('keeps articles whose URLs differ in a meaningful parameter apart', async () => {
    const library = await openLibrary();
    await library.save(articleOf(STORIES.election, { url: 'https://daily.example.net/story?id=1' }));
    await library.save(articleOf(STORIES.election, { url: 'https://daily.example.net/story?id=2' }));
    expect(await library.count()).toBe(2);
  });

  it('saves a link without visiting it: URL, link text as title, not downloaded, no body', async () => {
    const library = await openLibrary();
    const item = await library.saveLink({
      url: 'https://daily.example.net/culture/festival-guide?utm_medium=social',
      title: '  The festival guide\n ',
    });
    expect(item).toMatchObject({
      title: 'The festival guide',
      downloaded: false,
      normalizedUrl: 'https://daily.example.net/culture/festival-guide',
    });
    const saved = await library.get(item.id);
    expect(saved.contentHtml).toBe('');
    expect(saved.text).toBe('');
  });

  it('names a link saved without text after its URL', async () => {
    const library = await openLibrary();
    const item = await library.saveLink({ url: 'https://www.example.org/guides/winter-cycling' });
    expect(item.title).toBe('example.org: winter cycling');
  });

  it('replaces a saved link by the article once it is read and saved, keeping one item', async () => {
    const library = await openLibrary();
    const link = await library.saveLink({ url: STORIES.harbour.url, title: 'ferries' });
    const article = await library.save(articleOf(STORIES.harbour));
    expect(article.id).toBe(link.id);
    expect(article.downloaded).toBe(true);
    expect(article.title).toBe(STORIES.harbour.title);
    expect(await library.count()).toBe(1);
  });

  it('never lets a saved link overwrite a downloaded article', async () => {
    const library = await openLibrary();
    const article = await library.save(articleOf(STORIES.harbour));
    const again = await library.saveLink({ url: `${STORIES.harbour.url}#comments`, title: 'link text' });
    expect(again.id).toBe(article.id);
    expect(again.downloaded).toBe(true);
    expect((await library.get(article.id)).text).toContain('harbour ferries');
  });

  it('refuses an article without a URL with a clear error', async () => {
    const library = await openLibrary();
    await expect(library.save(articleOf(STORIES.harbour, { url: ' ' }))).rejects.toMatchObject({ code: 'invalid' });
    await expect(library.saveLink({ url: '' })).rejects.toBeInstanceOf(LibraryError);
    expect(await library.count()).toBe(0);
  });

  it('finds an item by any spelling of its URL, for the popup', async () => {
    const library = await openLibrary();
    const item = await library.save(articleOf(STORIES.harbour));
    expect(
      (await library.findByUrl('https://news.example.org/2024/03/harbour-ferry-timetable?utm_campaign=spring#top'))?.id,
    ).toBe(item.id);
    expect(await library.findByUrl('https://news.example.org/2024/03/other-story')).toBeNull();
  });
});

describe('listing', () => {
  it('lists newest first with paging and a total', async () => {
    let clock = 0;
    const library = await openLibrary(() => ++clock);
    for (const story of [STORIES.harbour, STORIES.election, STORIES.ecole, STORIES.tokyo])
      await library.save(articleOf(story));
    const first = await library.list({ limit: 3 });
    expect(first.total).toBe(4);
    expect(first.items.map((i) => i.title)).toEqual([STORIES.tokyo.title, STORIES.ecole.title, STORIES.election.title]);
    const second = await library.list({ limit: 3, offset: 3 });
    expect(second.items.map((i) => i.title)).toEqual([STORIES.harbour.title]);
    expect(first.skipped).toEqual([]);
  });

  it('filters by state, favourite and tag, alone and together', async () => {
    let clock = 0;
    const library = await openLibrary(() => ++clock);
    const a = await library.save(articleOf(STORIES.harbour));
    const b = await library.save(articleOf(STORIES.election));
    const c = await library.save(articleOf(STORIES.ecole));
    await library.update(a.id, { state: 'archived', favourite: true, tags: ['Transport', 'local'] });
    await library.update(b.id, { favourite: true, tags: ['politics'] });
    await library.update(c.id, { tags: ['local'] });
    const titles = async (opts: Parameters<Library['list']>[0]) => (await library.list(opts)).items.map((i) => i.id);
    expect(await titles({ state: 'archived' })).toEqual([a.id]);
    expect(await titles({ state: 'unread' })).toEqual([c.id, b.id]);
    expect(await titles({ favourite: true })).toEqual([b.id, a.id]);
    expect(await titles({ favourite: true, state: 'unread' })).toEqual([b.id]);
    expect(await titles({ tag: 'local' })).toEqual([c.id, a.id]);
    expect(await titles({ tag: 'local', state: 'archived' })).toEqual([a.id]);
    expect((await library.list({ favourite: true, state: 'unread' })).total).toBe(1);
    expect(await library.tags()).toEqual(['local', 'politics', 'Transport']);
  });

  it('cleans tags: trimmed, no empties, no case-insensitive repeats', async () => {
    const library = await openLibrary();
    const item = await library.save(articleOf(STORIES.harbour));
    const updated = await library.update(item.id, { tags: [' Transport ', 'transport', '', 'city   life'] });
    expect(updated.tags).toEqual(['Transport', 'city life']);
  });
});

describe('reading position', () => {
  it('is saved and read back, clamped to the article', async () => {
    const library = await openLibrary(() => 5000);
    const item = await library.save(articleOf(STORIES.harbour));
    await library.setReadingPosition(item.id, 0.62);
    expect((await library.get(item.id)).readingPosition).toEqual({ progress: 0.62, updatedAt: 5000 });
    await library.setReadingPosition(item.id, 1.7);
    expect((await library.get(item.id)).readingPosition?.progress).toBe(1);
  });

  it('reports a missing article instead of creating one', async () => {
    const library = await openLibrary();
    await expect(library.setReadingPosition(999, 0.5)).rejects.toMatchObject({ code: 'not-found' });
    expect(await library.count()).toBe(0);
  });
});

describe('deleting, undo and the trash', () => {
  it('moves an item to the trash and brings it back whole with undo', async () => {
    const library = await openLibrary(() => 10_000);
    const item = await library.save(articleOf(STORIES.ecole));
    await library.update(item.id, { tags: ['école'], favourite: true });
    await library.setReadingPosition(item.id, 0.3);
    const before = await library.get(item.id);

    await library.remove(item.id);
    expect((await library.list()).items).toEqual([]);
    await expect(library.get(item.id)).rejects.toMatchObject({ code: 'not-found' });
    expect((await library.trash()).items.map((i) => [i.id, i.deletedAt])).toEqual([[item.id, 10_000]]);

    await library.restore(item.id);
    expect(await library.get(item.id)).toEqual(before);
    expect((await library.trash()).items).toEqual([]);
  });

  it('keeps trashed items 30 days, then purges them with their bodies', async () => {
    const day = 24 * 60 * 60 * 1000;
    let clock = 100 * day;
    const library = await openLibrary(() => clock);
    const old = await library.save(articleOf(STORIES.harbour));
    const recent = await library.save(articleOf(STORIES.election));
    await library.remove(old.id);
    clock += 10 * day;
    await library.remove(recent.id);
    clock = 100 * day + (TRASH_DAYS - 5) * day;
    expect(await library.purgeTrash()).toBe(0);
    clock = 100 * day + (TRASH_DAYS + 1) * day;
    expect(await library.purgeTrash()).toBe(1);
    expect((await library.trash()).items.map((i) => i.id)).toEqual([recent.id]);
    expect(await library.db.bodies.get(old.id)).toBeUndefined();
    expect(await library.db.bodies.get(recent.id)).toBeDefined();
  });

  it('saving a trashed article again takes it out of the trash instead of making a copy', async () => {
    const library = await openLibrary();
    const item = await library.save(articleOf(STORIES.harbour));
    await library.update(item.id, { tags: ['ferries'] });
    await library.remove(item.id);
    const again = await library.save(articleOf(STORIES.harbour));
    expect(again.id).toBe(item.id);
    expect(again.tags).toEqual(['ferries']);
    expect((await library.trash()).items).toEqual([]);
    expect(await library.count()).toBe(1);
    expect(await library.db.articles.count()).toBe(1);
    expect(await library.db.bodies.count()).toBe(1);
  });

  it('empties the trash on demand', async () => {
    const library = await openLibrary();
    const a = await library.save(articleOf(STORIES.harbour));
    await library.remove(a.id);
    expect(await library.emptyTrash()).toBe(1);
    expect((await library.trash()).items).toEqual([]);
    await expect(library.restore(a.id)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('change notices', () => {
  it('tell another page (another Library on the same database) what changed', async () => {
    const name = freshName();
    const writer = await Library.open({ name });
    const reader = await Library.open({ name });
    open.push(writer, reader);
    const seen: string[] = [];
    const got = new Promise<void>((resolve) => {
      const stop = reader.onChange((change) => {
        seen.push(`${change.kind}:${change.ids.length}`);
        if (seen.length === 2) {
          stop();
          resolve();
        }
      });
    });
    const item = await writer.save(articleOf(STORIES.harbour));
    await writer.remove(item.id);
    await got;
    expect(seen).toEqual(['saved:1', 'removed:1']);
    expect(await reader.count()).toBe(0);
  });
});
