/**
 * Libraries on new databases for a test file, each closed after its test. Call `freshLibraries` once at
 * the file's top level (it registers the `afterEach`).
 */
import { afterEach } from 'vitest';
import { Library } from '../index';
import { freshName } from './fixtures';

export function freshLibraries(prefix: string): {
  /** A library on a new database whose clock ticks once per reading, so saves are ordered. */
  fresh: () => Promise<Library>;
  /** Closes `library` (one the test opened itself) after the test too. */
  track: (library: Library) => Library;
} {
  const open: Library[] = [];
  afterEach(() => {
    open.splice(0).forEach((l) => l.close());
  });
  const track = (library: Library) => {
    open.push(library);
    return library;
  };
  return {
    fresh: async () => {
      let clock = 0;
      return track(await Library.open({ name: freshName(prefix), now: () => ++clock }));
    },
    track,
  };
}
