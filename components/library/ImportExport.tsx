/**
 * "Import" and "Export" on the library page. Import reads the chosen file through `runImport`
 * (lib/transfer) with a progress bar, then shows what happened: counts, every row left out and why, or
 * why the whole file was refused. Export builds our own ZIP in steps and hands it to the browser as a
 * download. All file parsing lives in lib/transfer; this component only shows it.
 */
import { useRef, useState } from 'preact/hooks';
import {
  exportLibraryInSteps,
  isTransferError,
  runImport,
  type ExportableRecord,
  type ImportProgress,
  type ImportReport,
  type ImportTarget,
  type ImportWindow,
} from '@/lib/transfer';

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

const PHASE_LABEL: Record<ImportProgress['phase'], string> = {
  reading: 'Reading',
  merging: 'Comparing with your library',
  saving: 'Saving',
};

export function ImportExport({ target, loadAll, schemaVersion, onImported, win = window }: ImportExportProps) {
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const [exporting, setExporting] = useState<{ done: number; total: number } | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  async function onFile(file: File) {
    setState({ kind: 'running', fileName: file.name, progress: null });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const report = await runImport(file.name, bytes, target, {
        win,
        schemaVersion,
        onProgress: (progress) => setState({ kind: 'running', fileName: file.name, progress }),
      });
      setState({ kind: 'done', fileName: file.name, report });
      if (report.counts.added || report.counts.updated) onImported?.(report);
    } catch (error) {
      setState({ kind: 'refused', fileName: file.name, message: messageOf(error) });
    } finally {
      // Choosing the same file again must fire another change event.
      if (input.current) input.current.value = '';
    }
  }

  async function onExport() {
    setExportError(null);
    setExporting({ done: 0, total: 0 });
    try {
      const records = await loadAll();
      const zip = await exportLibraryInSteps(records, schemaVersion, {
        onProgress: (done, total) => setExporting({ done, total }),
      });
      download(zip, `clean-reader-export-${new Date().toISOString().slice(0, 10)}.zip`);
    } catch (error) {
      setExportError(messageOf(error));
    } finally {
      setExporting(null);
    }
  }

  const busy = state.kind === 'running';
  return (
    <section class="import-export" aria-label="Import and export">
      <div class="import-export-actions">
        <label class="button">
          Import…
          <input
            ref={input}
            type="file"
            class="visually-hidden"
            data-testid="import-file"
            accept=".zip,.csv,.html,.htm,application/zip,text/csv,text/html"
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
          disabled={exporting !== null}
          onClick={() => void onExport()}
        >
          {exporting ? `Exporting… ${exporting.done} of ${exporting.total}` : 'Export library'}
        </button>
      </div>
      {exportError && (
        <p class="import-error" role="alert" data-testid="export-error">
          {exportError}
        </p>
      )}
      <ImportStatus state={state} />
    </section>
  );
}

function ImportStatus({ state }: { state: ImportState }) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'running': {
      const p = state.progress;
      return (
        <div class="import-status" role="status">
          <p>
            Importing {state.fileName}: {p ? PHASE_LABEL[p.phase] : 'Opening'}
            {p?.phase === 'reading' ? ` ${p.done} of ${p.total}` : ''}…
          </p>
          <progress data-testid="import-progress" max={p?.total || 1} value={p ? p.done : undefined} />
        </div>
      );
    }
    case 'refused':
      return (
        <p class="import-error" role="alert" data-testid="import-error">
          {state.message}
        </p>
      );
    case 'done':
      return <ImportResult fileName={state.fileName} report={state.report} />;
  }
}

function ImportResult({ fileName, report }: { fileName: string; report: ImportReport }) {
  const { added, updated, skipped } = report.counts;
  return (
    <div class="import-result" role="status" data-testid="import-result">
      <p>
        {fileName}: <span data-testid="import-added">{added}</span> added,{' '}
        <span data-testid="import-updated">{updated}</span> updated, <span data-testid="import-skipped">{skipped}</span>{' '}
        already in your library
        {report.invalid.length > 0 && (
          <>
            , <span data-testid="import-invalid-count">{report.invalid.length}</span> left out
          </>
        )}
        .
      </p>
      {report.invalid.length > 0 && (
        <details>
          <summary>Rows left out</summary>
          <ul class="import-invalid" data-testid="import-invalid">
            {report.invalid.map((row) => (
              <li key={`${row.file}:${row.row}`}>
                {row.file}: {row.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function messageOf(error: unknown): string {
  if (isTransferError(error)) return error.userMessage;
  // Library write failures carry their own message for the user (LibraryError); anything else is a bug.
  return error instanceof Error && error.message ? error.message : 'The import failed. Nothing was changed.';
}

/** Hands bytes to the browser as a file download. */
function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
