import { render } from 'preact';
import '@fontsource-variable/literata/wght.css';
import '@fontsource-variable/literata/wght-italic.css';
import '../popup/style.css';
import '../library/style.css';
import { SavedArticleView } from '@/components/library/SavedArticleView';
import { getLibrary } from '@/utils/library';
import { parseReaderParams } from '@/utils/reader-params';
import { App } from '../popup/App';
import { followSettings } from '@/utils/apply-settings';

// The reading settings' theme and type apply to this whole page, and follow changes made elsewhere.
followSettings(document.documentElement);

// The reader in a full tab: `?id=ID` is a saved article (offline, from the library); `?tabId=N` reads a
// live tab, exactly as the popup does.
document.documentElement.classList.add('in-tab');
const params = new URLSearchParams(location.search);
const root = document.getElementById('app')!;
const { tabId } = parseReaderParams(location.search);
if (tabId !== undefined && !params.has('id')) {
  render(<App tabId={tabId} inTab />, root);
} else {
  const raw = params.get('id');
  const id = raw !== null && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
  render(<SavedArticleView library={getLibrary()} id={id} locales={navigator.languages} />, root);
}
