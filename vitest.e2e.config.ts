import { defineConfig } from 'vitest/config';

// Browser tests: Node drives Debian's Chromium with the e2e build loaded (`npm run test:e2e` builds it
// first). One file at a time: each launches its own browser, and the machines have 2 cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
