import { render } from 'preact';
import '@fontsource-variable/literata/wght.css';
import '@fontsource-variable/literata/wght-italic.css';
import '../popup/style.css';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { parseReaderParams } from '@/utils/reader-params';
import { PanelApp } from './PanelApp';
import { followSettings } from '@/utils/apply-settings';

// The reading settings' theme and type apply to this whole page, and follow changes made elsewhere.
followSettings(document.documentElement);

// The reader beside the page: Chromium's side panel and Firefox's sidebar both load this page, opened
// for one tab as `sidepanel.html?tabId=N` (utils/platform.ts), or from the browser's menu without one
// (then it reads the tab in front, see PanelApp). A narrow column that stays open.
document.documentElement.classList.add('in-panel');
render(
  <ErrorBoundary>
    <PanelApp tabId={parseReaderParams(location.search).tabId} />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
