import { useEffect, useRef, useState } from 'preact/hooks';
import { FailedState } from '@/components/FailedState';
import { LoadingState } from '@/components/LoadingState';
import { NotArticleState } from '@/components/NotArticleState';
import { RestrictedState } from '@/components/RestrictedState';
import { ShownAnywayNotice } from '@/components/ShownAnywayNotice';
import { Toolbar } from '@/components/Toolbar';
import { lazyComponent } from '@/components/lazy-component';
import type { ExtractMode } from '@/utils/extract-protocol';
import { openReaderTab } from '@/utils/open-reader-tab';
import { openSidePanel, sidePanelKind } from '@/utils/platform';
import type { ReadOutcome, ReadRequest } from '@/utils/read-tab';
import { beginRead } from '@/utils/begin-read';

// Loaded lazily, in chunks of their own, so the popup starts small (issue 8: <= 80 KB). The reader and
// the read (DOMPurify, the sanitiser) load while the page starts, and the outcome waits for both, so an
// article appears exactly as before. The library's actions (Dexie, Markdown) come once the read has
// answered, so opening the library never competes with the read; whether the page is saved is asked then.
const Reader = lazyComponent(() => import('@/components/Reader').then((m) => m.Reader));
const PopupLibraryActions = lazyComponent(() =>
  import('@/components/library/PopupLibraryActions').then((m) => m.PopupLibraryActions),
);

/**
 * Reads a tab for the reader: the read and the Reader's code load in parallel, and the outcome waits for
 * both. Never rejects (a failure is an outcome), so a page may start it before anything renders (issue 8:
 * the injection is the longest wait, so it is asked for first) and hand it to `App` as `firstRead`. An
 * article read asks for the injection at once (`beginRead`), before read-tab's chunk, which finishes
 * the page's answer, has loaded.
 */
export function startReading(request: ReadRequest): Promise<ReadOutcome> {
  const started = (request.mode ?? 'article') === 'article' ? beginRead(request.tabId) : undefined;
  return Promise.all([import('@/utils/read-tab').then((m) => m.readTab(request, started)), Reader.preload()]).then(
    ([outcome]) => outcome,
    (error: unknown): ReadOutcome => ({
      kind: 'failed',
      tabId: request.tabId ?? null,
      reason: 'error',
      detail: String(error),
    }),
  );
}

export interface AppProps {
  /** The tab to read (`?tabId=N`); the active tab when absent. */
  tabId?: number;
  /** True when this page is a full tab rather than the toolbar popup. */
  inTab: boolean;
  /**
   * The first read of `tabId` as an article, already started by the page (`startReading`); the App reads
   * the tab itself when absent, and for every later read (another mode, "Try again").
   */
  firstRead?: Promise<ReadOutcome>;
}

/** The popup's states: loading, reader, restricted, not an article (or shown anyway), failed. */
export function App({ tabId, inTab, firstRead }: AppProps) {
  const [mode, setMode] = useState<ExtractMode>('article');
  const [attempt, setAttempt] = useState(0);
  const [outcome, setOutcome] = useState<ReadOutcome | null>(null);
  const [anyway, setAnyway] = useState(false);
  // Taken once: a retry or a change of mode reads again.
  const started = useRef(firstRead);

  useEffect(() => {
    let current = true;
    setOutcome(null);
    setAnyway(false);
    const early = mode === 'article' && attempt === 0 ? started.current : undefined;
    started.current = undefined;
    void (early ?? startReading({ tabId, mode })).then((result) => current && setOutcome(result));
    return () => {
      current = false;
    };
  }, [tabId, mode, attempt]);

  const article =
    outcome?.kind === 'article'
      ? outcome.article
      : outcome?.kind === 'not-article' && anyway
        ? outcome.result.bestEffort
        : null;
  useEffect(() => {
    if (inTab) document.title = article ? `${article.title} · Clean Reader` : 'Clean Reader';
  }, [article, inTab]);

  const readTabId = outcome?.tabId ?? tabId ?? null;
  const canRead =
    outcome !== null &&
    outcome.kind !== 'restricted' &&
    readTabId !== null &&
    !(outcome.kind === 'failed' && outcome.reason === 'no-tab');
  const openInTab =
    !inTab && readTabId !== null
      ? () => {
          void openReaderTab(readTabId).then(() => window.close());
        }
      : undefined;
  // Beside the page: open() must run inside the click, so nothing is awaited before it.
  const openBeside =
    !inTab && readTabId !== null && sidePanelKind()
      ? () => {
          void openSidePanel(readTabId).then((opened) => opened && window.close());
        }
      : undefined;
  const retry = () => setAttempt((n) => n + 1);

  return (
    <div class="app" data-testid="reader-app" data-state={stateName(outcome, anyway)}>
      <Toolbar
        onOpenInTab={openInTab}
        onOpenSidePanel={openBeside}
        onUseSelection={canRead && mode === 'article' ? () => setMode('selection') : undefined}
        onUseArticle={mode === 'selection' && outcome ? () => setMode('article') : undefined}
      >
        {outcome && <PopupLibraryActions article={article} />}
      </Toolbar>
      <main class="content">
        {outcome === null && <LoadingState />}
        {article && (
          <Reader
            article={article}
            progressive
            browserLocales={navigator.languages}
            notice={outcome?.kind === 'not-article' ? <ShownAnywayNotice onBack={() => setAnyway(false)} /> : undefined}
          />
        )}
        {outcome?.kind === 'not-article' && !anyway && (
          <NotArticleState
            result={outcome.result}
            onShowAnyway={outcome.result.bestEffort ? () => setAnyway(true) : undefined}
          />
        )}
        {outcome?.kind === 'restricted' && <RestrictedState restriction={outcome.restriction} />}
        {outcome?.kind === 'failed' && (
          <FailedState
            reason={outcome.reason}
            detail={outcome.detail}
            onRetry={outcome.reason === 'no-tab' ? undefined : retry}
            onBack={mode === 'selection' ? () => setMode('article') : undefined}
          />
        )}
      </main>
    </div>
  );
}

/** What the page shows, as a word the browser tests wait for (`data-state`). */
function stateName(outcome: ReadOutcome | null, anyway: boolean): string {
  if (!outcome) return 'loading';
  if (outcome.kind === 'not-article' && anyway) return 'shown-anyway';
  return outcome.kind;
}
