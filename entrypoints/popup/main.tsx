import { render } from 'preact';
import '@fontsource-variable/literata/wght.css';
import './style.css';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { parseReaderParams } from '@/utils/reader-params';
import { App, startReading } from './App';
import { followSettings } from '@/utils/apply-settings';
import { warmReaderFont } from '@/utils/warm-reader-font';

// The read first (issue 8): the injection into the tab is the longest wait, so it is asked for before
// anything else here, and runs while the page renders its loading state.
const { tabId } = parseReaderParams(location.search);
const firstRead = startReading({ tabId, mode: 'article' });

// The reading settings' theme and type apply to this whole page, and follow changes made elsewhere.
followSettings(document.documentElement);
warmReaderFont();

// The toolbar popup has no tab of its own; "open in a tab" (and the tests) show this page in one.
void browser.tabs
  .getCurrent()
  .catch(() => undefined)
  .then((tab) => {
    const inTab = Boolean(tab);
    document.documentElement.classList.add(inTab ? 'in-tab' : 'in-popup');
    render(
      <ErrorBoundary>
        <App tabId={tabId} inTab={inTab} firstRead={firstRead} />
      </ErrorBoundary>,
      document.getElementById('app')!,
    );
  });
