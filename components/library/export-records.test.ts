import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '@/lib/library';
import { STORIES, articleOf, freshName } from '@/lib/library/__tests__/fixtures';
import { loadAllForExport } from './export-records';

let library: Library;
beforeEach(async () => {
  library = await Library.open({ name: freshName('export-records') });
});
afterEach(() => library.close());

describe('loadAllForExport', () => {
  it('reads every live article with its body, oldest first, exactly as get() returns it', async () => {
    const first = await library.save(articleOf(STORIES.harbour));
    const link = await library.saveLink({ url: 'https://guides.example.org/winter-cycling', title: 'Winter cycling' });
    const gone = await library.save(articleOf(STORIES.election));
    await library.remove(gone.id);

    const records = await loadAllForExport(library);
    expect(records.map((r) => r.id)).toEqual([first.id, link.id]);
    expect(records[0]).toEqual(await library.get(first.id));
    expect(records[0].contentHtml).toContain('<p>');
    // A link saved without its page: the same record get() gives, with an empty body.
    expect(records[1]).toEqual(await library.get(link.id));
  });
});
