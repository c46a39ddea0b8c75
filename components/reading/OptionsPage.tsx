import { useEffect } from 'preact/hooks';
import { useSettings } from '@/hooks/use-settings';
import { t } from '@/utils/i18n';
import { BrandMark } from '../icons';
import { SettingsPanel } from './SettingsPanel';
import { ShortcutNote } from './ShortcutNote';

/** The settings page: the same panel as in the reader, a live sample, and the shortcut that opens the reader. */
export function OptionsPage() {
  const { settings, update, saved } = useSettings();
  useEffect(() => {
    document.title = t('optionsTitle');
  }, []);
  return (
    <div class="app options-page" lang={t('lang')} dir={t('dir') as 'ltr' | 'rtl'} data-testid="options-page">
      <header class="toolbar">
        <span class="brand">
          <BrandMark />
          <span class="brand-name">{t('brandName')}</span>
        </span>
      </header>
      <main class="content">
        <h1 class="options-title">{t('optionsTitle')}</h1>
        <SettingsPanel id="options-settings" settings={settings} update={update} saved={saved} />
        <section class="reader options-sample" aria-label={t('optionsSample')}>
          <div class="reader-body">
            <p>{t('optionsSampleText')}</p>
          </div>
        </section>
        <ShortcutNote />
      </main>
    </div>
  );
}
