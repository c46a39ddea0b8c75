import { render } from 'preact';
import '@fontsource-variable/literata/wght.css';
import '@fontsource-variable/literata/wght-italic.css';
import '../popup/style.css';
import '../library/style.css';
import { parseReaderParams } from '@/utils/reader-params';
import { App, startReading } from '../popup/App';
import { followSettings } from '@/utils/apply-settings';
import { warmReaderFont } from '@/utils/warm-reader-font';

// The reader in a full tab: `?id=ID` is a saved article (offline, from the library); `?tabId=N` reads a
// live tab, exactly as the popup does, and asks for the read first (issue 8: the injection is the
// longest wait). The library (Dexie) loads only for a saved article, in a chunk of its own.
const params = new URLSearchParams(location.search);
const { tabId } = parseReaderParams(location.search);
const live = tabId !== undefined && !params.has('id');
const firstRead = live ? startReading({ tabId, mode: 'article' }) : undefined;

// The reading settings' theme and type apply to this whole page, and follow changes made elsewhere.
followSettings(document.documentElement);
warmReaderFont();

document.documentElement.classList.add('in-tab');
const root = document.getElementById('app')!;
if (live) {
  render(<App tabId={tabId} inTab firstRead={firstRead} />, root);
} else {
  const raw = params.get('id');
  const id = raw !== null && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
  void Promise.all([import('@/components/library/SavedArticleView'), import('@/utils/library')]).then(
    ([{ SavedArticleView }, { getLibrary }]) =>
      render(<SavedArticleView library={getLibrary()} id={id} locales={navigator.languages} />, root),
  );
}
