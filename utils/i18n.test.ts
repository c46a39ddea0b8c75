import { readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { format, plural, t } from './i18n';
import { restriction, type RestrictionKind } from './restricted-url';

const LOCALES = resolve(dirname(fileURLToPath(import.meta.url)), '../public/_locales');
type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const read = (lang: string) => JSON.parse(readFileSync(resolve(LOCALES, lang, 'messages.json'), 'utf8')) as Catalogue;

describe('UI strings', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('has English and Indonesian catalogues with the same keys and placeholders', () => {
    expect(readdirSync(LOCALES).sort()).toEqual(['en', 'id']);
    const en = read('en');
    const id = read('id');
    expect(Object.keys(id).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(id[key].message.trim(), key).not.toBe('');
      expect(Object.keys(id[key].placeholders ?? {}), key).toEqual(Object.keys(en[key].placeholders ?? {}));
      for (const name of Object.keys(en[key].placeholders ?? {})) {
        expect(id[key].message, key).toContain(`$${name.toUpperCase()}$`);
      }
    }
    expect(id.lang.message).toBe('id');
  });

  it('asks the browser first, so its language picks the catalogue', () => {
    const id = read('id');
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) =>
      format(id[key], Array.isArray(subs) ? subs : subs ? [subs] : []),
    );
    expect(t('listenPlay')).toBe('Putar');
    expect(plural('minutesLeft', 1)).toBe('1 menit lagi');
    expect(plural('removedBlocks', 1)).toBe('1 blok dihapus');
  });

  it('says in English exactly what restricted-url.ts says (the two must not drift apart)', () => {
    const keys: Record<RestrictionKind, string> = {
      'browser-page': 'restrictedBrowserPage',
      'extension-page': 'restrictedExtensionPage',
      'view-source': 'restrictedViewSource',
      store: 'restrictedStore',
      pdf: 'restrictedPdf',
      file: 'restrictedFile',
      'no-access': 'restrictedNoAccess',
    };
    const en = read('en');
    for (const [kind, key] of Object.entries(keys) as Array<[RestrictionKind, string]>) {
      expect(en[key].message, kind).toBe(restriction(kind).title);
      expect(en[`${key}Detail`].message, kind).toBe(restriction(kind).detail);
    }
  });

  it('falls back to English when the browser cannot answer, filling placeholders and plurals', () => {
    expect(t('openOriginal', 'news.example')).toBe('Open the original page on news.example');
    expect(plural('removedBlocks', 1)).toBe('1 block removed');
    expect(plural('removedBlocks', 1234)).toBe('1,234 blocks removed');
  });
});
