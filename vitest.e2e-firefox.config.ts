import { defineConfig } from 'vitest/config';

// Firefox browser tests: Node drives Debian's Firefox ESR over WebDriver BiDi with the Firefox e2e
// build installed (`npm run test:e2e:firefox` builds it first). One file at a time: each launches its
// own browser, and the machines have 2 cores; Firefox takes 15 s or more to start on a loaded one.
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
