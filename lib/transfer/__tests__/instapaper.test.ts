import { describe, expect, it } from 'vitest';
import { importAll } from '../import';
import { importFixture, itemFor, utf8, win } from './helpers';

describe('Instapaper CSV', () => {
  it('maps Unread, Archive and Starred to states, and other folders to tags', async () => {
    const result = await importFixture('instapaper.csv');
    expect(result.format).toBe('instapaper-csv');
    expect(result.items.map((i) => [i.url, i.state, i.favourite, i.tags])).toEqual([
      ['https://news.example.com/2024/05/river-cleanup', 'unread', false, []],
      ['https://essays.example.org/on-walking', 'archived', false, []],
      ['https://science.example.org/2024/comet-returns', 'unread', true, []],
      ['https://kitchen.example.fr/recettes/tarte-aux-pommes', 'unread', false, ["Recettes d'été"]],
      ['https://kitchen.example.fr/recettes/ratatouille', 'unread', false, ["Recettes d'été"]],
      ['https://longform.example.com/the-last-ferry', 'unread', false, ['Long reads']],
      ['https://essays.example.org/on-walking/', 'unread', false, []],
    ]);
  });

  it('reads Timestamp as the saved date and Selection as the excerpt, even across lines', async () => {
    const { items } = await importFixture('instapaper.csv');
    expect(itemFor(items, 'https://news.example.com/2024/05/river-cleanup')).toMatchObject({
      title: 'Volunteers clear two tonnes from the river',
      excerpt: 'The clean-up started at dawn, and by noon the banks were clear.',
      savedAt: '2024-05-06T12:53:20.000Z',
    });
    expect(itemFor(items, 'https://science.example.org/2024/comet-returns').excerpt).toBe(
      'Astronomers had predicted the date to the day.\nThe next visit is in 2097.',
    );
    expect(itemFor(items, 'https://kitchen.example.fr/recettes/ratatouille').title).toBe('');
    expect(itemFor(items, 'https://longform.example.com/the-last-ferry')).toMatchObject({ title: '', excerpt: null });
  });

  it('reports the FTP link and the row without a link, by spreadsheet row', async () => {
    const { invalid } = await importFixture('instapaper.csv');
    // Row 4 spans two lines of the file; rows are counted as a spreadsheet shows them.
    expect(invalid.map((r) => [r.row, r.code])).toEqual([
      [8, 'bad-url'],
      [9, 'missing-url'],
    ]);
    expect(invalid[0].reason).toMatch(/ftp link/);
  });

  it('reads an older file without Timestamp, whatever the column order', async () => {
    const result = await importFixture('instapaper-no-timestamp.csv');
    expect(result.format).toBe('instapaper-csv');
    expect(result.invalid).toEqual([]);
    expect(result.items.map((i) => [i.title, i.url, i.state, i.favourite, i.savedAt, i.excerpt])).toEqual([
      ['A short history of the bicycle bell', 'https://history.example.com/bicycle-bell', 'unread', false, null, null],
      [
        'Städte ohne Autos',
        'https://verkehr.example.de/staedte-ohne-autos',
        'archived',
        false,
        null,
        'Ein Bericht aus drei Städten.',
      ],
      ['Starred piece with no title', 'https://notes.example.net/untitled', 'unread', true, null, null],
    ]);
  });

  it('reads a Tags column written as a JSON list, next to the folder tag', async () => {
    const csv =
      'URL,Title,Selection,Folder,Timestamp,Tags\nhttps://a.example.com/x,X,,Cooking,1715000000,"[""quick"",""日本語""]"\n';
    const { items } = await importAll('instapaper-export.csv', utf8(csv), { win });
    expect(items[0].tags).toEqual(['Cooking', 'quick', '日本語']);
  });

  it('falls back to windows-1252 for a file re-saved by a spreadsheet', async () => {
    const bytes = new Uint8Array([
      ...utf8('URL,Title,Selection,Folder\nhttps://a.example.com/c,Caf'),
      0xe9,
      ...utf8(',,Unread\n'),
    ]);
    const { items } = await importAll('instapaper.csv', bytes, { win });
    expect(items[0].title).toBe('Café');
  });
});
