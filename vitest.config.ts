import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

// Unit tests only: browser tests live in tests/e2e and run through `npm run test:e2e`.
export default defineConfig({
  plugins: [WxtVitest(), preact()],
  resolve: {
    // WXT's mock of `wxt/browser` imports the bare `wxt/testing`, which also loads the vitest plugin
    // and esbuild; under jsdom esbuild refuses to start. The fake browser alone is all it needs.
    alias: [{ find: /^wxt\/testing$/, replacement: 'wxt/testing/fake-browser' }],
  },
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'utils/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/unit/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 20000,
  },
});
