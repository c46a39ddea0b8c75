/**
 * The reader beside the page. Opened by our own "Read beside the page" button it has `?tabId=N` and
 * reads that tab, like the popup. Opened from the browser's own menu it has none: it then reads the tab
 * in front of its window when the browser allows (utils/panel-tab.ts), follows the user to other tabs,
 * and otherwise says what to do: click Clean Reader's toolbar button on the page.
 */
import { useEffect, useState } from 'preact/hooks';
import { LockIcon } from '@/components/icons';
import { LoadingState } from '@/components/LoadingState';
import { StatusPanel } from '@/components/StatusPanel';
import { t } from '@/utils/i18n';
import { panelTarget, watchPanelWindow, type PanelTarget } from '@/utils/panel-tab';
import type { ReadOutcome } from '@/utils/read-tab';
import { App } from '../popup/App';

export interface PanelAppProps {
  /** From `?tabId=N`; absent when the browser's menu opened the panel. */
  tabId?: number;
  /** The read of `tabId`, already started by the page (see App's `firstRead`). */
  firstRead?: Promise<ReadOutcome>;
}

export function PanelApp({ tabId, firstRead }: PanelAppProps) {
  if (tabId !== undefined) return <App tabId={tabId} inTab firstRead={firstRead} />;
  return <FrontTabReader />;
}

function FrontTabReader() {
  const [target, setTarget] = useState<PanelTarget | null>(null);
  // Bumped on every look, so the same tab with a new page is read again.
  const [look, setLook] = useState(0);

  useEffect(() => {
    let current = true;
    void panelTarget().then((next) => current && setTarget(next));
    return () => {
      current = false;
    };
  }, [look]);

  useEffect(() => watchPanelWindow(() => setLook((n) => n + 1)), []);

  if (!target)
    return (
      <div class="app" data-testid="reader-app" data-state="loading">
        <main class="content">
          <LoadingState />
        </main>
      </div>
    );
  if (target.kind === 'tab') return <App key={`${target.tabId}:${look}`} tabId={target.tabId} inTab />;
  const retry = (
    <button type="button" class="button button-primary" data-testid="panel-retry" onClick={() => setLook((n) => n + 1)}>
      {t('tryAgain')}
    </button>
  );
  return (
    <div class="app" data-testid="reader-app" data-state="restricted">
      <main class="content">
        <StatusPanel
          testId="panel-needs-click"
          tone="neutral"
          icon={<LockIcon />}
          title={t(target.kind === 'needs-click' ? 'sidePanelNeedsClick' : 'sidePanelNoTab')}
          actions={retry}
        >
          <p data-kind={target.kind}>
            {target.kind === 'needs-click' ? t('sidePanelNeedsClickDetail', t('openSidePanel')) : t('sidePanelNoTabDetail')}
          </p>
        </StatusPanel>
      </main>
    </div>
  );
}
