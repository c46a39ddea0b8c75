import { render } from 'preact';
import '@fontsource-variable/literata/wght.css';
import './style.css';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { parseReaderParams } from '@/utils/reader-params';
import { App } from './App';
import { followSettings } from '@/utils/apply-settings';

// The reading settings' theme and type apply to this whole page, and follow changes made elsewhere.
followSettings(document.documentElement);

// The toolbar popup has no tab of its own; "open in a tab" (and the tests) show this page in one.
void browser.tabs
  .getCurrent()
  .catch(() => undefined)
  .then((tab) => {
    const inTab = Boolean(tab);
    document.documentElement.classList.add(inTab ? 'in-tab' : 'in-popup');
    render(
      <ErrorBoundary>
        <App tabId={parseReaderParams(location.search).tabId} inTab={inTab} />
      </ErrorBoundary>,
      document.getElementById('app')!,
    );
  });
