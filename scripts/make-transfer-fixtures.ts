/**
 * Builds the ZIP fixtures of tests/fixtures/transfer from their readable sources in `src/`, with fflate
 * and a fixed timestamp, so running it again gives the same bytes. Also writes the damaged and foreign
 * ZIPs the importers must refuse whole.
 *
 *     npx tsx scripts/make-transfer-fixtures.ts
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync, type Zippable } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'transfer');
const src = join(root, 'src');
/** Every entry is stamped with this time, so the archives do not change between runs. */
const MTIME = new Date('2025-06-01T12:00:00Z');

/** Every file under `dir`, keyed by its path inside the archive (forward slashes), sorted. */
function filesUnder(dir: string, prefix = ''): Zippable {
  const out: Zippable = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[prefix + relative(dir, path).split(sep).join('/')] = new Uint8Array(readFileSync(path));
    }
  };
  walk(dir);
  return out;
}

function write(name: string, files: Zippable): Uint8Array {
  const bytes = zipSync(files, { level: 6, mtime: MTIME });
  writeFileSync(join(root, name), bytes);
  console.log(`${name}: ${Object.keys(files).length} entries, ${bytes.length} bytes`);
  return bytes;
}

const pocket = write('pocket-export.zip', filesUnder(join(src, 'pocket-export')));

// Re-zipped by hand on a Mac: an extra top folder and resource-fork litter. Only names should matter.
write('pocket-export-nested.zip', {
  ...filesUnder(join(src, 'pocket-export'), 'pocket/'),
  '__MACOSX/pocket/._part_000000.csv': strToU8('\u0000\u0005\u0016\u0007 resource fork'),
});

write('omnivore-export.zip', filesUnder(join(src, 'omnivore-export')));

// A download cut short: the central directory at the end is missing.
writeFileSync(join(root, 'refused', 'broken-pocket.zip'), pocket.subarray(0, Math.floor(pocket.length * 0.6)));
console.log('refused/broken-pocket.zip: truncated');

write(join('refused', 'holiday-photos.zip'), {
  'photos/harbour.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]),
  'notes.txt': strToU8('Pictures from the harbour trip.\n'),
});

write(join('refused', 'omnivore-bad-json.zip'), {
  'metadata_0_to_2.json': strToU8('[\n  {\n    "id": "1",\n    "slug": "cut-short",\n    "url": "https://news.example.com/cut'),
  'content/cut-short.html': strToU8('<p>Never reached.</p>'),
});
