import { render } from 'preact';
import '@fontsource-variable/literata/wght.css';
import '@fontsource-variable/literata/wght-italic.css';
import '../popup/style.css';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { parseReaderParams } from '@/utils/reader-params';
import { startReading } from '../popup/App';
import { PanelApp } from './PanelApp';
import { followSettings } from '@/utils/apply-settings';
import { warmReaderFont } from '@/utils/warm-reader-font';

// Opened for one tab, the read is asked for first (issue 8: the injection is the longest wait).
const { tabId } = parseReaderParams(location.search);
const firstRead = tabId !== undefined ? startReading({ tabId, mode: 'article' }) : undefined;

// The reading settings' theme and type apply to this whole page, and follow changes made elsewhere.
followSettings(document.documentElement);
warmReaderFont();

// The reader beside the page: Chromium's side panel and Firefox's sidebar both load this page, opened
// for one tab as `sidepanel.html?tabId=N` (utils/platform.ts), or from the browser's menu without one
// (then it reads the tab in front, see PanelApp). A narrow column that stays open.
document.documentElement.classList.add('in-panel');
render(
  <ErrorBoundary>
    <PanelApp tabId={tabId} firstRead={firstRead} />
  </ErrorBoundary>,
  document.getElementById('app')!,
);
