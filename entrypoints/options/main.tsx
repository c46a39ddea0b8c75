import { render } from 'preact';
import '@fontsource-variable/literata/wght.css';
import '@fontsource-variable/literata/wght-italic.css';
import '../popup/style.css';
import './style.css';
import { OptionsPage } from '@/components/reading/OptionsPage';
import { t } from '@/utils/i18n';
import { getLibrary } from '@/utils/library';
import { OfflineImagesSetting } from './OfflineImagesSetting';

// The settings page (the browser's "Options" for Clean Reader): the reader's own settings panel, with a
// sample paragraph that shows each change. The reader's panel and this page share one stored item.
// Below it, the library's own setting: keeping pictures for offline reading.
document.documentElement.classList.add('in-tab');
render(<OptionsPage />, document.getElementById('app')!);
render(
  <div class="options-page options-library" lang={t('lang')} dir={t('dir') as 'ltr' | 'rtl'}>
    <div class="content">
      <OfflineImagesSetting library={getLibrary()} />
    </div>
  </div>,
  document.getElementById('library-settings')!,
);
