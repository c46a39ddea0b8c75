/**
 * "Import" and "Export" on the library page. Import reads the chosen file through `runImport`
 * (lib/transfer) with a progress bar, then shows what happened: counts, every row left out and why, or
 * why the whole file was refused. Export builds our own ZIP in steps and hands it to the browser as a
 * download. All file parsing lives in lib/transfer; this component only shows it.
 */
import { useRef, useState } from 'preact/hooks';
import {
  exportLibraryInSteps,
  runImport,
  type ExportableRecord,
  type ImportProgress,
  type ImportReport,
  type ImportTarget,
  type ImportWindow,
} from '@/lib/transfer';
import { plural, t, type MessageKey } from '@/utils/i18n';
import { downloadBytes } from './download';
import { formatCount, invalidRowText, refusalText } from './transfer-text';

export interface ImportExportProps {
  /** Where imports are written: the library's implementation of `ImportTarget`. */
  target: ImportTarget;
  /** Every saved article with its body, for the export. */
  loadAll: () => Promise<ExportableRecord[]>;
  /** The library's schema version, written into exports and checked on import. */
  schemaVersion: number;
  /** Called after an import wrote something, so the page can re-read its list. */
  onImported?: (report: ImportReport) => void;
  /** The window whose DOMParser and DOMPurify read files. Default: this page's. */
  win?: ImportWindow;
}

type ImportState =
  | { kind: 'idle' }
  | { kind: 'running'; fileName: string; progress: ImportProgress | null }
  | { kind: 'done'; fileName: string; report: ImportReport }
  | { kind: 'refused'; fileName: string; message: string };

type ExportState =
  | { kind: 'idle' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'done'; count: number; fileName: string }
  | { kind: 'failed'; message: string };

/** What each file picker accepts: every format lib/transfer reads (it decides by content, not name). */
const ACCEPT = '.zip,.csv,.html,.htm,.json,application/zip,text/csv,text/html,application/json';

/**
 * How import and export hand the page back between stretches of work: a message to ourselves, not a
 * zero-delay timer. Browsers throttle chained timers in a tab that is not in front (Chromium: about one
 * a second), and a 10,000-row job pauses a few hundred times, so a user who looks at another tab while
 * it runs would wait minutes. A message still lets the page paint and take input between stretches.
 */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const PHASE_KEY: Record<ImportProgress['phase'], MessageKey> = {
  reading: 'importPhaseReading',
  merging: 'importPhaseMerging',
  saving: 'importPhaseSaving',
};

export function ImportExport({ target, loadAll, schemaVersion, onImported, win = window }: ImportExportProps) {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const [exporting, setExporting] = useState<ExportState>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  async function onFile(file: File) {
    setState({ kind: 'running', fileName: file.name, progress: null });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const report = await runImport(file.name, bytes, target, {
        win,
        schemaVersion,
        pause: yieldToPage,
        onProgress: (progress) => setState({ kind: 'running', fileName: file.name, progress }),
      });
      setState({ kind: 'done', fileName: file.name, report });
      if (report.counts.added || report.counts.updated) onImported?.(report);
    } catch (error) {
      setState({ kind: 'refused', fileName: file.name, message: refusalText(error) });
    } finally {
      // Choosing the same file again must fire another change event.
      if (input.current) input.current.value = '';
    }
  }

  async function onExport() {
    setExporting({ kind: 'running', done: 0, total: 0 });
    try {
      const records = await loadAll();
      const zip = await exportLibraryInSteps(records, schemaVersion, {
        pause: yieldToPage,
        onProgress: (done, total) => setExporting({ kind: 'running', done, total }),
      });
      const fileName = `clean-reader-export-${new Date().toISOString().slice(0, 10)}.zip`;
      downloadBytes(zip, fileName, 'application/zip');
      setExporting({ kind: 'done', count: records.length, fileName });
    } catch (error) {
      setExporting({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  const busy = state.kind === 'running';
  return (
    <section class="import-export" aria-label={t('importExportLabel')} data-testid="import-export">
      <div class="import-export-actions">
        <label class={busy ? 'button file-button is-disabled' : 'button file-button'} title={t('importButtonTitle')}>
          <span>{t('importButton')}</span>
          <input
            ref={input}
            type="file"
            class="visually-hidden"
            data-testid="import-file"
            accept={ACCEPT}
            disabled={busy}
            onChange={(event) => {
              const file = (event.currentTarget as HTMLInputElement).files?.[0];
              if (file) void onFile(file);
            }}
          />
        </label>
        <button
          type="button"
          class="button"
          data-testid="export-library"
          disabled={exporting.kind === 'running'}
          onClick={() => void onExport()}
        >
          {exporting.kind === 'running'
            ? t('exportProgress', formatCount(exporting.done), formatCount(exporting.total))
            : t('exportButton')}
        </button>
      </div>
      <ExportStatus state={exporting} />
      <ImportStatus state={state} onDismiss={() => setState({ kind: 'idle' })} />
    </section>
  );
}

function ExportStatus({ state }: { state: ExportState }) {
  if (state.kind === 'failed')
    return (
      <p class="import-error" role="alert" data-testid="export-error">
        {t('exportFailed', state.message)}
      </p>
    );
  if (state.kind === 'done')
    return (
      <p class="import-note" role="status" data-testid="export-done">
        {t('exportDone', formatCount(state.count), state.fileName)}
      </p>
    );
  return null;
}

function ImportStatus({ state, onDismiss }: { state: ImportState; onDismiss: () => void }) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'running': {
      const p = state.progress;
      const phase = t(p ? PHASE_KEY[p.phase] : 'importPhaseOpening');
      return (
        <div class="import-status" role="status" data-testid="import-running">
          <p>
            {p?.phase === 'reading'
              ? t('importRunningCount', state.fileName, phase, formatCount(p.done), formatCount(p.total))
              : t('importRunning', state.fileName, phase)}
          </p>
          <progress
            data-testid="import-progress"
            aria-label={t('importProgressLabel')}
            max={p?.total || 1}
            value={p ? p.done : undefined}
          />
        </div>
      );
    }
    case 'refused':
      return (
        <div class="import-error" role="alert" data-testid="import-error">
          <p class="import-error-title">{t('importRefusedTitle', state.fileName)}</p>
          <p data-testid="import-error-message">{state.message}</p>
          <DismissButton onDismiss={onDismiss} />
        </div>
      );
    case 'done':
      return <ImportResult fileName={state.fileName} report={state.report} onDismiss={onDismiss} />;
  }
}

function ImportResult({
  fileName,
  report,
  onDismiss,
}: {
  fileName: string;
  report: ImportReport;
  onDismiss: () => void;
}) {
  const { added, updated, skipped } = report.counts;
  const invalid = report.invalid.length;
  return (
    <div class="import-result" role="status" data-testid="import-result">
      <p class="import-result-title">{t('importResultTitle', fileName)}</p>
      <dl class="import-counts">
        <Count testId="import-added" n={added} label={t('importAdded')} />
        <Count testId="import-updated" n={updated} label={t('importUpdated')} />
        <Count testId="import-skipped" n={skipped} label={t('importSkipped')} />
        {invalid > 0 && <Count testId="import-invalid-count" n={invalid} label={t('importInvalid')} />}
      </dl>
      {report.inTrash.length > 0 && (
        <p class="import-note" data-testid="import-in-trash">
          {plural('importInTrash', report.inTrash.length)}
        </p>
      )}
      {invalid > 0 && (
        <details open={invalid <= 10}>
          <summary>{t('importInvalidRows')}</summary>
          <ul class="import-invalid" data-testid="import-invalid">
            {report.invalid.map((row) => (
              <li key={`${row.file}:${row.row}`}>{invalidRowText(row)}</li>
            ))}
          </ul>
        </details>
      )}
      <DismissButton onDismiss={onDismiss} />
    </div>
  );
}

function Count({ testId, n, label }: { testId: string; n: number; label: string }) {
  return (
    <div class="import-count">
      <dt data-testid={testId} data-count={n}>
        {formatCount(n)}
      </dt>
      <dd>{label}</dd>
    </div>
  );
}

function DismissButton({ onDismiss }: { onDismiss: () => void }) {
  return (
    <button type="button" class="button button-quiet import-dismiss" onClick={onDismiss}>
      {t('importDismiss')}
    </button>
  );
}
