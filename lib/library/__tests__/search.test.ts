import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Library } from '../index';
import { readQueue } from '../index-queue';
import { SEARCH_VERSION_KEY } from '../indexer';
import { COMPACT_AFTER_CHUNKS } from '../vocab-store';
import { STORIES, articleOf, freshName, numberedArticle, type Story } from './fixtures';
import { freshLibraries } from './fresh-libraries';

const { fresh, track } = freshLibraries('search');
async function libraryWith(...stories: Story[]): Promise<{ library: Library; ids: Record<string, number> }> {
  const library = await fresh();
  const ids: Record<string, number> = {};
  for (const story of stories) ids[story.url] = (await library.save(articleOf(story))).id;
  return { library, ids };
}

const ALL = Object.values(STORIES) as Story[];
const titlesFor = async (library: Library, query: string, options = {}) =>
  (await library.search(query, options)).hits.map((h) => h.item.title);

/** A page that has searched once (its dictionary is in memory), and a second page on the same library. */
async function searchedPageAndAnother(): Promise<{ library: Library; other: Library }> {
  const { library } = await libraryWith(STORIES.harbour);
  expect(await titlesFor(library, 'pontoon')).toHaveLength(1);
  const other = track(await Library.open({ name: library.db.name }));
  return { library, other };
}

describe('search', () => {
  it('finds an article by a word that appears only in its body', async () => {
    const { library } = await libraryWith(...ALL);
    expect(await titlesFor(library, 'pontoon')).toEqual([STORIES.harbour.title]);
  });

  it('matches word prefixes, as the user types', async () => {
    const { library } = await libraryWith(...ALL);
    expect(await titlesFor(library, 'ponto')).toEqual([STORIES.harbour.title]);
    expect(await titlesFor(library, 'consult')).toEqual([STORIES.harbour.title]);
  });

  it('forgives a misspelling (fuzzy matching)', async () => {
    const { library } = await libraryWith(...ALL);
    expect(await titlesFor(library, 'goverment')).toEqual([STORIES.harbour.title]);
    expect(await titlesFor(library, 'polling statoins')).toEqual([STORIES.election.title]);
  });

  it('a known prefix finds the words it begins, not look-alikes one edit away', async () => {
    const moment: Story = {
      ...STORIES.harbour,
      url: 'https://x.example/moment',
      title: 'A quiet week',
      paragraphs: ['For a moment the quay was silent.'],
    };
    const home: Story = {
      ...STORIES.harbour,
      url: 'https://x.example/home',
      title: 'Back to port',
      paragraphs: ['Some crews came home early; others come back on Friday.'],
    };
    const { library } = await libraryWith(moment, home);
    // "mome" is one edit from home, some and come: fuzzy matching is for words the library does not know.
    expect(await titlesFor(library, 'mome')).toEqual([moment.title]);
    expect(await titlesFor(library, 'quay mome')).toEqual([moment.title]);
    expect(await titlesFor(library, 'homr')).toEqual([home.title]);
  });

  it('a typo among known words: every word must still match, the typo by its near spelling', async () => {
    const { library } = await libraryWith(...ALL);
    expect(await titlesFor(library, 'ferries harbuor')).toEqual([STORIES.harbour.title]);
    expect(await titlesFor(library, 'harbuor ferries')).toEqual([STORIES.harbour.title]);
    expect(await titlesFor(library, 'goverment grant pontoon')).toEqual([STORIES.harbour.title]);
    expect(await titlesFor(library, 'turnout harbuor')).toEqual([]);
  });

  it('a typo is forgiven with accents and in other scripts', async () => {
    const { library } = await libraryWith(...ALL);
    expect(await titlesFor(library, 'ÉCLOE')).toEqual([STORIES.ecole.title]);
    expect(await titlesFor(library, 'возкала')).toEqual([STORIES.moscow.title]);
    expect(await titlesFor(library, 'метрополитнеа')).toEqual([STORIES.moscow.title]);
  });

  it('ignores case and accents in both directions', async () => {
    const { library } = await libraryWith(...ALL);
    expect(await titlesFor(library, 'ECOLE resume')).toEqual([STORIES.ecole.title]);
    expect(await titlesFor(library, 'façade')).toEqual([STORIES.ecole.title]);
    expect(await titlesFor(library, 'Élection')).toEqual([STORIES.election.title]);
  });

  it('works in other scripts: Japanese by character, Russian, Arabic without harakat, Thai words', async () => {
    const { library } = await libraryWith(...ALL);
    expect(await titlesFor(library, '満開')).toEqual([STORIES.tokyo.title]);
    expect(await titlesFor(library, '花見客')).toEqual([STORIES.tokyo.title]);
    expect(await titlesFor(library, 'аэропорта')).toEqual([STORIES.moscow.title]);
    expect(await titlesFor(library, 'вокзал')).toEqual([STORIES.moscow.title]);
    expect(await titlesFor(library, 'افتتحت')).toEqual([STORIES.arabic.title]);
    expect(await titlesFor(library, 'น้ำท่วม')).toEqual([STORIES.thai.title]);
  });

  it('requires every word of the query to match', async () => {
    const { library } = await libraryWith(...ALL);
    expect(await titlesFor(library, 'turnout ferries')).toEqual([]);
    expect(await titlesFor(library, 'turnout districts')).toEqual([STORIES.election.title]);
  });

  it('ranks a title match above a body-only match', async () => {
    const a: Story = {
      ...STORIES.harbour,
      url: 'https://x.example/a',
      title: 'Notes from the week',
      paragraphs: ['A long paragraph that mentions the lighthouse once, among other things.'],
    };
    const b: Story = {
      ...STORIES.harbour,
      url: 'https://x.example/b',
      title: 'The lighthouse keeper retires',
      paragraphs: ['After thirty years the keeper hands over the keys.'],
    };
    const { library } = await libraryWith(a, b);
    expect(await titlesFor(library, 'lighthouse')).toEqual([b.title, a.title]);
  });

  it('finds sites and tags, and applies the list filters', async () => {
    const { library, ids } = await libraryWith(...ALL);
    await library.update(ids[STORIES.moscow.url], { tags: ['transport'] });
    await library.update(ids[STORIES.harbour.url], { tags: ['transport'], state: 'archived' });
    expect(new Set(await titlesFor(library, 'transport'))).toEqual(
      new Set([STORIES.moscow.title, STORIES.harbour.title]),
    );
    expect(await titlesFor(library, 'transport', { state: 'archived' })).toEqual([STORIES.harbour.title]);
    expect(await titlesFor(library, 'coast news')).toEqual([STORIES.harbour.title]);
  });

  it('returns nothing for an empty or punctuation-only query', async () => {
    const { library } = await libraryWith(...ALL);
    expect((await library.search('  ')).hits).toEqual([]);
    expect((await library.search('?!')).total).toBe(0);
  });
});

describe('the index follows every change', () => {
  it('re-saving replaces the old words by the new ones', async () => {
    const { library } = await libraryWith(STORIES.harbour);
    expect(await titlesFor(library, 'pontoon')).toHaveLength(1);
    await library.save(articleOf(STORIES.harbour, { text: 'The timetable now lists a night crossing.' }));
    expect(await titlesFor(library, 'pontoon')).toEqual([]);
    expect(await titlesFor(library, 'crossing')).toEqual([STORIES.harbour.title]);
  });

  it('a new tag is searchable at once; a removed one is not', async () => {
    const { library, ids } = await libraryWith(STORIES.harbour);
    await library.update(ids[STORIES.harbour.url], { tags: ['maritime'] });
    expect(await titlesFor(library, 'maritime')).toEqual([STORIES.harbour.title]);
    await library.update(ids[STORIES.harbour.url], { tags: [] });
    expect(await titlesFor(library, 'maritime')).toEqual([]);
  });

  it('a deleted article disappears from results and comes back with undo', async () => {
    const { library, ids } = await libraryWith(...ALL);
    await library.remove(ids[STORIES.ecole.url]);
    expect(await titlesFor(library, 'cantine')).toEqual([]);
    await library.restore(ids[STORIES.ecole.url]);
    expect(await titlesFor(library, 'cantine')).toEqual([STORIES.ecole.title]);
  });

  it('sees what another page saved (the dictionary reloads when it grew elsewhere)', async () => {
    const { library, other } = await searchedPageAndAnother();
    await other.save(articleOf(STORIES.election));
    expect(await titlesFor(library, 'districs')).toEqual([STORIES.election.title]);
  });

  it('a page that searched before sees terms another page indexed since: its prefixes too', async () => {
    const { library, other } = await searchedPageAndAnother();
    await other.save(articleOf(STORIES.election));
    await other.indexPending();
    // Nothing is queued any more: only the dictionary, grown on disk, says the memory copy is behind.
    expect(await readQueue(library.db)).toEqual([]);
    expect(await titlesFor(library, 'distr')).toEqual([STORIES.election.title]);
    expect(await titlesFor(library, 'pontoon')).toEqual([STORIES.harbour.title]);
  });

  it('a page that searched before finds what another page saved and has not indexed yet', async () => {
    const { library, other } = await searchedPageAndAnother();
    // Closed before its indexing ran: the article waits in the queue.
    const saved = await other.save(articleOf(STORIES.election));
    other.close();
    expect((await readQueue(library.db)).map((e) => e.id)).toEqual([saved.id]);
    expect(await titlesFor(library, 'turnout')).toEqual([STORIES.election.title]);
    expect(await readQueue(library.db)).toEqual([]);
  });

  it('a saved link is found by its link text and host', async () => {
    const { library } = await libraryWith();
    await library.saveLink({ url: 'https://guides.example.org/winter-cycling', title: 'Cycling through the winter' });
    expect(await titlesFor(library, 'cycling')).toEqual(['Cycling through the winter']);
    expect(await titlesFor(library, 'guides')).toEqual(['Cycling through the winter']);
  });
});

describe('indexing after the save', () => {
  it('a save returns with its article queued for indexing; the next search indexes it first', async () => {
    const { library } = await libraryWith();
    const item = await library.save(articleOf(STORIES.harbour));
    expect((await readQueue(library.db)).map((e) => e.id)).toEqual([item.id]);
    expect(await library.db.postings.get(item.id)).toBeUndefined();
    expect(await titlesFor(library, 'pontoon')).toEqual([STORIES.harbour.title]);
    expect(await readQueue(library.db)).toEqual([]);
    const indexed = await library.db.postings.get(item.id);
    expect(indexed?.terms).toContain('pontoon');
    expect(indexed?.terms).toContain('harbour');
  });

  it('work left by a page that closed before indexing is done by the next page', async () => {
    const name = freshName();
    const popup = await Library.open({ name });
    await popup.save(articleOf(STORIES.ecole));
    popup.close();
    const page = track(await Library.open({ name }));
    expect((await page.search('cantine')).hits.map((h) => h.item.title)).toEqual([STORIES.ecole.title]);
  });

  it('an article saved again while another page indexes it ends up indexed with its new text', async () => {
    const { library } = await libraryWith();
    const other = track(await Library.open({ name: library.db.name }));
    for (let round = 0; round < 5; round++) {
      const text = `Round ${round} notes mention the word marker${round}.`;
      await Promise.all([
        library.indexPending(),
        other.save(articleOf(STORIES.harbour, { text })),
        library.indexPending(),
        other.indexPending(),
      ]);
      expect(await titlesFor(library, `marker${round}`)).toEqual([STORIES.harbour.title]);
      if (round > 0) expect(await titlesFor(library, `marker${round - 1}`)).toEqual([]);
    }
  });
});

describe('the dictionary on disk', () => {
  it('folds many chunks into one when loaded, and fuzzy search still knows every term', async () => {
    const { library } = await libraryWith();
    const other = track(await Library.open({ name: library.db.name }));
    // Single saves from a page that never searched: one chunk each.
    for (let n = 0; n < COMPACT_AFTER_CHUNKS + 5; n++) {
      await other.save(numberedArticle(n));
      await other.indexPending();
    }
    expect(await library.db.vocab.count()).toBe(COMPACT_AFTER_CHUNKS + 5);
    expect((await library.search('batch7')).hits.map((h) => h.item.url)).toEqual(['https://blog.example.com/posts/7']);
    expect(await library.db.vocab.count()).toBe(1);
    expect((await library.search('surveey')).total).toBe(COMPACT_AFTER_CHUNKS + 5);
    await other.save(numberedArticle(500));
    expect((await library.search('batch500')).hits).toHaveLength(1);
  });

  it('a page that has the dictionary loaded stores only the terms it lacks', async () => {
    const { library } = await libraryWith(STORIES.harbour);
    await library.search('ferry');
    const before = await library.db.vocab.toArray();
    await library.save(
      articleOf(STORIES.harbour, {
        url: 'https://news.example.org/2024/03/harbour-follow-up',
        text: 'The ferries kept their timetable and a lighthouse.',
      }),
    );
    await library.indexPending();
    const after = await library.db.vocab.toArray();
    expect(after).toHaveLength(before.length + 1);
    expect(after[after.length - 1].terms.sort()).toEqual(['and', 'kept', 'lighthouse', 'their']);
  });
});

describe('rebuilding the index', () => {
  it('rebuilds when the index was built by another tokenizer version, and finds the same things', async () => {
    const { library } = await libraryWith(...ALL);
    const before = await titlesFor(library, 'pontoon');
    const name = library.db.name;
    await library.db.meta.put({ key: SEARCH_VERSION_KEY, value: -1 });
    await library.db.postings.clear();
    await library.db.vocab.clear();
    library.close();
    const reopened = track(await Library.open({ name }));
    expect(await titlesFor(reopened, 'pontoon')).toEqual(before);
    expect(await titlesFor(reopened, 'ferris')).toEqual([STORIES.harbour.title]);
    expect(await titlesFor(reopened, '東京')).toEqual([STORIES.tokyo.title]);
    expect((await reopened.db.meta.get(SEARCH_VERSION_KEY))?.value).not.toBe(-1);
  });
});
