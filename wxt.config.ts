import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * Build modes:
 * - `production` (default for `wxt build`): the permissions a user grants, nothing more.
 * - `e2e` (`wxt build --mode e2e`, output `.output/chrome-mv3-e2e`): adds host permissions for
 *   127.0.0.1 and localhost only, because automation cannot click the toolbar button that grants
 *   `activeTab`. A test asserts that production builds never carry them.
 *   It also adds `tabs`: a toolbar click's `activeTab` lets the popup see the clicked tab's URL (on any
 *   page, `chrome://` included), which is how it names a restricted page; without a click, `tabs` is
 *   what shows the tests' tabs' URLs to the reader the same way.
 */
export const E2E_HOST_PERMISSIONS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode }) => ({
    name: 'Clean Reader',
    description: 'Read any article clean: no ads, no clutter. Save it for later, offline. Nothing leaves your browser.',
    permissions: ['activeTab', 'scripting', 'storage', ...(mode === 'e2e' ? ['tabs'] : [])],
    ...(mode === 'e2e' ? { host_permissions: E2E_HOST_PERMISSIONS } : {}),
    action: { default_title: 'Clean Reader' },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'",
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'clean-reader@cleanreader.invalid', strict_min_version: '115.0' } } }
      : {}),
  }),
});
