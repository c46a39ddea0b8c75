import { defineConfig } from 'wxt';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { READER_SHORTCUT, readerCommandName } from './utils/platform';
import { COMMAND_SAVE_PAGE } from './utils/commands';
import { E2E_HOST_PERMISSIONS } from './utils/e2e-open-hook';
import { OFFLINE_IMAGE_ORIGINS } from './utils/offline-images';

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
export { E2E_HOST_PERMISSIONS };

// WXT sets NODE_ENV to the build's mode ("e2e"), which Vite and Preact's preset read as a development
// build: the e2e build (browser tests, `npm start`, bench:popup) carried Preact's devtools hook and dev
// JSX, components a third larger than what users get. It is the production build plus test permissions.
if (process.env.NODE_ENV === 'e2e') process.env.NODE_ENV = 'production';

/**
 * Firefox only (docs/firefox.md explains each choice): the add-on id that addons.mozilla.org and
 * `storage.sync` key on; 140 is the oldest supported ESR and the first Firefox that reads
 * `data_collection_permissions` (142 on Android). Clean Reader collects nothing, and says so.
 */
export const GECKO_SETTINGS = {
  gecko: {
    id: 'clean-reader@cleanreader.invalid',
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['none'] },
  },
  gecko_android: { strict_min_version: '142.0' },
};

/** Files under this project's lib/ (module ids use forward slashes). */
const LIB_FILES = new RegExp(`^${fileURLToPath(new URL('./lib/', import.meta.url)).replaceAll('\\', '/').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Auto-imports: WXT's own (`browser`, `defineBackground`, `defineUnlistedScript`, `fakeBrowser`) and
  // nothing of ours. Every file imports what it uses from components/, hooks/ and utils/; auto-imported,
  // names like `t`, `format`, `mark`, `restriction` and `Range` matched unrelated identifiers and pulled
  // whole modules into bundles (utils/restricted-url into the popup's start, 2.9 KB). WXT merges its
  // default `dirs` with ours, so they are switched off by negation. lib/ gets no auto-import at all: it
  // is pure, and a false match there once dragged the browser polyfill (9.6 KB) into the injected
  // script. (unimport's Vite plugin reads `exclude`; WXT's type omits it.)
  imports: {
    dirs: ['!components', '!composables', '!hooks', '!utils'],
    exclude: [/[\\/]node_modules[\\/]/, /[\\/]\.git[\\/]/, LIB_FILES],
  } as object,
  vite: () => ({
    plugins: [preact()],
    // Modules that do nothing when loaded, declared so, so a bundle keeps only what it uses. DOMPurify's
    // creates a default instance (so every bundle importing it kept all 29 KB); lib/ is pure by rule
    // (its top-level constants were kept for their spreads). The injected script does not sanitise
    // (the extension does, on arrival: utils/sanitize-injected.ts), so DOMPurify drops out of it.
    build: {
      rolldownOptions: {
        treeshake: {
          moduleSideEffects: [
            { test: /[\\/]node_modules[\\/]dompurify[\\/]/, sideEffects: false },
            { test: LIB_FILES, sideEffects: false },
          ],
        },
      },
    },
  }),
  // Manifest V3 for Firefox too (WXT's default there is V2): the same `action`, `scripting` + `activeTab`
  // and CSP as Chromium, so both browsers run one code path. Why this works in Firefox: docs/firefox.md.
  manifestVersion: 3,
  // `zip:firefox` also writes the sources archive addons.mozilla.org asks for: everything needed to
  // rebuild (package-lock.json included), nothing generated, no tests or their artifacts.
  zip: {
    excludeSources: ['tests/**', 'bench/results/**', '**/*.log', 'coverage/**', 'stats.html'],
  },
  manifest: ({ browser, mode, manifestVersion }) => ({
    // Name, description and command text come from public/_locales (English and Indonesian).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // contextMenus: "Save page/link for later"; unlimitedStorage: the library keeps whole articles offline.
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus', 'unlimitedStorage', ...(mode === 'e2e' ? ['tabs'] : [])],
    ...(mode === 'e2e' ? { host_permissions: E2E_HOST_PERMISSIONS } : {}),
    // Asked for only when the user turns on "keep pictures for offline reading" (utils/offline-images.ts),
    // and given back when it is turned off; never granted at install.
    optional_host_permissions: OFFLINE_IMAGE_ORIGINS,
    action: { default_title: '__MSG_extName__' },
    commands: {
      // Opens the reader (the popup) like a click on the toolbar button, which also grants activeTab.
      [readerCommandName(manifestVersion)]: {
        suggested_key: { default: READER_SHORTCUT },
        description: '__MSG_commandOpenReader__',
      },
      [COMMAND_SAVE_PAGE]: { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_commandSavePage__' },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'",
    },
    // Chromium 123: the themes' colours use CSS light-dark() (entrypoints/popup/themes.css); the side panel
    // API needs 116. Older browsers refuse the install rather than show an unstyled reader.
    ...(browser === 'firefox'
      ? { browser_specific_settings: GECKO_SETTINGS }
      : { minimum_chrome_version: '123' }),
  }),
});
