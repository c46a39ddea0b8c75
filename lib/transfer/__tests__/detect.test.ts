import { describe, expect, it } from 'vitest';
import { detectFormat } from '../detect';
import { TransferError } from '../errors';
import { importFile } from '../import';
import { fixture, utf8, win } from './helpers';

describe('detectFormat', () => {
  it.each([
    ['pocket-export.zip', 'pocket-zip'],
    ['pocket-export-nested.zip', 'pocket-zip'],
    ['pocket.csv', 'pocket-csv'],
    ['pocket-old-cursor.csv', 'pocket-csv'],
    ['instapaper.csv', 'instapaper-csv'],
    ['instapaper-no-timestamp.csv', 'instapaper-csv'],
    ['omnivore-export.zip', 'omnivore-zip'],
    ['bookmarks-chrome.html', 'bookmarks-html'],
    ['bookmarks-firefox.html', 'bookmarks-html'],
    ['ril_export.html', 'pocket-html'],
  ])('recognises %s as %s by its content', (name, expected) => {
    expect(detectFormat(name, fixture(name))).toBe(expected);
    // The name is not what decides: the same bytes under a neutral name are recognised alike.
    expect(detectFormat('download', fixture(name))).toBe(expected);
  });
});

/** Runs an import of a refused file; returns the error and how many batches came out before it. */
async function refusal(name: string, bytes: Uint8Array): Promise<{ error: unknown; batches: number }> {
  let batches = 0;
  try {
    for await (const _batch of importFile(name, bytes, { win })) batches++;
  } catch (error) {
    return { error, batches };
  }
  return { error: null, batches };
}

describe('files that are not what they claim are refused whole', () => {
  it.each([
    ['refused/broken-pocket.zip', 'broken-zip', /damaged or incomplete/],
    ['refused/instapaper-renamed.zip', 'broken-zip', /not a ZIP file/],
    ['refused/holiday-photos.zip', 'unknown-zip', /not an export Clean Reader knows/],
    ['refused/omnivore-bad-json.zip', 'not-json', /metadata_0_to_2\.json .* not valid JSON/],
    ['refused/bank-statement.csv', 'wrong-columns', /"date", "description", "amount", "balance"/],
    ['refused/library.json', 'not-json', /not valid JSON/],
    ['refused/web-page.html', 'not-bookmarks', /not a bookmarks file/],
  ])('%s: %s', async (path, code, message) => {
    const name = path.slice(path.indexOf('/') + 1);
    const { error, batches } = await refusal(name, fixture(path));
    expect(batches).toBe(0);
    expect(error).toBeInstanceOf(TransferError);
    expect((error as TransferError).code).toBe(code);
    expect((error as TransferError).userMessage).toMatch(message);
  });

  it('refuses an empty file, and a JSON file that is not ours', async () => {
    expect((await refusal('pocket.csv', new Uint8Array())).error).toMatchObject({ code: 'empty-file' });
    expect((await refusal('export.json', utf8('{"bookmarks": []}'))).error).toMatchObject({ code: 'unknown-format' });
  });

  it('refuses a Pocket ZIP whose CSV lost its url column, even when other parts are fine', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const zip = zipSync({
      'part_000000.csv': strToU8('title,url,time_added,tags,status\nA,https://a.example.com/,1700000000,,unread\n'),
      'part_000001.csv': strToU8('title,link,time_added,tags,status\nB,https://b.example.com/,1700000000,,unread\n'),
    });
    const { error, batches } = await refusal('pocket.zip', zip);
    expect(batches).toBe(0);
    expect(error).toMatchObject({
      code: 'wrong-columns',
      userMessage: expect.stringMatching(/part_000001\.csv.*"url" is missing/),
    });
  });
});

describe('readZip', () => {
  it('refuses an archive that would unpack beyond its limits, before unpacking it', async () => {
    const { readZip } = await import('../zip');
    const { zipSync } = await import('fflate');
    const zip = zipSync({ 'part_000000.csv': new Uint8Array(4096), 'part_000001.csv': new Uint8Array(4096) });
    expect(() => readZip(zip, { maxEntryBytes: 1000, maxTotalBytes: 1e9 })).toThrow(
      expect.objectContaining({ code: 'too-large' }),
    );
    expect(() => readZip(zip, { maxEntryBytes: 1e9, maxTotalBytes: 6000 })).toThrow(
      expect.objectContaining({ code: 'too-large' }),
    );
    expect([...readZip(zip).keys()]).toEqual(['part_000000.csv', 'part_000001.csv']);
  });
});
