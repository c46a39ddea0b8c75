/**
 * Least privilege, checked on what ships: the built production manifest (`npm run build`, which
 * `npm run test:e2e` runs first) asks for the three permissions the reader needs and nothing broader,
 * sets a CSP no looser than `script-src 'self'; object-src 'none'`, and loads no remote code; the test
 * build's extra permissions (host access to 127.0.0.1 and localhost, `tabs`) never reach it. The one
 * host access it may ever hold is optional: the offline-images setting asks for it when the user turns
 * it on (utils/offline-images.ts), so nothing is granted at install.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { E2E_HOST_PERMISSIONS } from '../../wxt.config';
import { OFFLINE_IMAGE_ORIGINS } from '../../utils/offline-images';
import { ROOT } from './harness';

const PROD_DIR = resolve(ROOT, '.output/chrome-mv3');
const E2E_DIR = resolve(ROOT, '.output/chrome-mv3-e2e');

/** What the reader needs: the clicked tab (activeTab), injecting the extractor (scripting), settings and the library (storage). */
const REQUIRED_PERMISSIONS = ['activeTab', 'scripting', 'storage'];
/**
 * Allowed on top: unlimitedStorage for the library (browsers evict extension storage under pressure
 * without it); sidePanel for reading beside the page (WXT adds it with the sidepanel entrypoint; it
 * grants no access to pages and shows no prompt); contextMenus for "Save page / link for later" (menu
 * items only, no page access, no install warning). Any other permission fails this test on purpose:
 * adding one is a decision to review, not a side effect.
 */
const OPTIONAL_PERMISSIONS = ['unlimitedStorage', 'sidePanel', 'contextMenus'];
/**
 * The only optional host access, reviewed: every http(s) site, asked for when the user turns on "keep
 * pictures for offline reading" (pictures live on any site), given back when it is turned off.
 */
const REVIEWED_OPTIONAL_HOSTS = ['http://*/*', 'https://*/*'];
/** What the e2e build adds so automation can do what a toolbar click does (see wxt.config.ts). */
const E2E_ONLY_PERMISSIONS = ['tabs'];

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: unknown[];
  externally_connectable?: unknown;
  web_accessible_resources?: unknown[];
  content_security_policy?: { extension_pages?: string; sandbox?: string } | string;
  background?: { service_worker?: string; scripts?: string[]; page?: string };
  update_url?: string;
}

function readManifest(dir: string, build: string): Manifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`No build at ${dir}: run "${build}" (npm run test:e2e does).`);
  // A build older than the config that makes it would test yesterday's manifest.
  if (statSync(file).mtimeMs < statSync(resolve(ROOT, 'wxt.config.ts')).mtimeMs) {
    throw new Error(`${relative(ROOT, file)} is older than wxt.config.ts: run "${build}" again.`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** A CSP as directive name -> sources. */
function parseCsp(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name) out.set(name.toLowerCase(), sources);
  }
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('the production manifest', () => {
  const manifest = readManifest(PROD_DIR, 'npm run build');
  const text = JSON.stringify(manifest);

  it('is Manifest V3', () => {
    expect(manifest.manifest_version).toBe(3);
  });

  it('refuses a Chromium too old for the themes (CSS light-dark(), Chromium 123)', () => {
    expect((manifest as { minimum_chrome_version?: string }).minimum_chrome_version).toBe('123');
  });

  it('asks for activeTab, scripting and storage, and nothing broader', () => {
    const permissions = manifest.permissions ?? [];
    expect(new Set(permissions).size).toBe(permissions.length);
    for (const p of REQUIRED_PERMISSIONS) expect(permissions).toContain(p);
    expect(permissions.filter((p) => !REQUIRED_PERMISSIONS.includes(p) && !OPTIONAL_PERMISSIONS.includes(p))).toEqual([]);
    expect(permissions).not.toContain('tabs');
    expect(manifest.optional_permissions ?? []).toEqual([]);
  });

  it('has no host permissions, only the reviewed optional ones, and runs on no page by itself', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(REVIEWED_OPTIONAL_HOSTS);
    expect(OFFLINE_IMAGE_ORIGINS).toEqual(REVIEWED_OPTIONAL_HOSTS);
    // Nowhere else does the manifest name all sites.
    const { optional_host_permissions: _optional, ...rest } = manifest;
    expect(JSON.stringify(rest)).not.toMatch(/<all_urls>|\*:\/\/\*|https?:\/\/\*/);
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
  });

  it('sets a CSP no looser than script-src \'self\'; object-src \'none\' (plus what pictures need)', () => {
    const policy = manifest.content_security_policy;
    expect(typeof policy).toBe('object');
    const csp = parseCsp((policy as { extension_pages?: string }).extension_pages ?? '');
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    // Anything else may only narrow what loads (or say where pictures come from), never allow code.
    const narrowing = new Set(['img-src', 'media-src', 'base-uri', 'form-action', 'frame-src', 'child-src', 'connect-src', 'default-src', 'frame-ancestors', 'worker-src', 'font-src', 'style-src']);
    for (const [name, sources] of csp) {
      if (name === 'script-src' || name === 'object-src') continue;
      expect(narrowing.has(name), `directive ${name}`).toBe(true);
      expect(sources.join(' ')).not.toMatch(/unsafe-|strict-dynamic|\*|https?:|data:|blob:/);
    }
    expect((policy as { sandbox?: string }).sandbox).toBeUndefined();
  });

  it('loads no remote code', () => {
    expect(manifest.update_url).toBeUndefined();
    const worker = manifest.background?.service_worker;
    expect(worker).toBeTruthy();
    expect(existsSync(join(PROD_DIR, worker!))).toBe(true);
    const files = filesUnder(PROD_DIR);
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8');
      for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)) {
        expect(src, relative(PROD_DIR, file)).not.toMatch(/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i);
      }
      expect(html, relative(PROD_DIR, file)).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/i);
    }
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      const js = readFileSync(file, 'utf8');
      expect(/importScripts\(\s*["'`](?:https?:)?\/\//.test(js), relative(PROD_DIR, file)).toBe(false);
      expect(/\bimport\(\s*["'`](?:https?:)?\/\//.test(js), relative(PROD_DIR, file)).toBe(false);
    }
  });

  it('carries nothing of the test build', () => {
    // (Bundled libraries may mention localhost in code, as Dexie's debug switch does; the manifest and
    // the pages are what grant or load anything.)
    expect(text).not.toMatch(/127\.0\.0\.1|localhost/);
    for (const file of filesUnder(PROD_DIR).filter((f) => f.endsWith('.html'))) {
      expect(/127\.0\.0\.1|localhost/.test(readFileSync(file, 'utf8')), relative(PROD_DIR, file)).toBe(false);
    }
  });
});

describe('the test build', () => {
  const prod = readManifest(PROD_DIR, 'npm run build');
  const e2e = readManifest(E2E_DIR, 'npm run build:e2e');

  it('adds only host access to 127.0.0.1 and localhost, and tabs', () => {
    expect(e2e.host_permissions).toEqual(E2E_HOST_PERMISSIONS);
    for (const host of e2e.host_permissions ?? []) expect(host).toMatch(/^http:\/\/(?:127\.0\.0\.1|localhost)\/\*$/);
    const added = (e2e.permissions ?? []).filter((p) => !(prod.permissions ?? []).includes(p));
    expect(added).toEqual(E2E_ONLY_PERMISSIONS);
    expect(e2e.content_security_policy).toEqual(prod.content_security_policy);
    expect(e2e.optional_host_permissions).toEqual(prod.optional_host_permissions);
    expect(e2e.content_scripts ?? []).toEqual([]);
  });
});

describe('the declared manifests for every browser and mode', () => {
  type ManifestFn = (env: { browser: string; mode: string; manifestVersion: number; command: string }) => Manifest;
  // Manifest V3 everywhere, Firefox included (see wxt.config.ts).
  const declared = (browser: string, mode: string) =>
    (config.manifest as ManifestFn)({ browser, mode, manifestVersion: 3, command: 'build' });

  it.each(['chrome', 'firefox', 'edge'])('%s production asks for the same permissions and no hosts', (browser) => {
    const m = declared(browser, 'production');
    const permissions = m.permissions ?? [];
    for (const p of REQUIRED_PERMISSIONS) expect(permissions).toContain(p);
    expect(permissions.filter((p) => !REQUIRED_PERMISSIONS.includes(p) && !OPTIONAL_PERMISSIONS.includes(p))).toEqual([]);
    expect(permissions).not.toContain('tabs');
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_host_permissions).toEqual(REVIEWED_OPTIONAL_HOSTS);
    expect(parseCsp((m.content_security_policy as { extension_pages: string }).extension_pages).get('script-src')).toEqual(["'self'"]);
  });

  it('host permissions appear only in the e2e mode', () => {
    expect(declared('chrome', 'e2e').host_permissions).toEqual(E2E_HOST_PERMISSIONS);
    for (const mode of ['production', 'development']) expect(declared('chrome', mode).host_permissions).toBeUndefined();
  });
});
