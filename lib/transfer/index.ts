/** Import and export of the library: parsers for other services' exports, our own export, merge planning. */
export { detectFormat } from './detect';
export { TransferError, isTransferError, type TransferErrorCode } from './errors';
export {
  exportLibrary,
  exportLibraryInSteps,
  EXPORT_FORMAT,
  type ExportableRecord,
  type ExportOptions,
  type LibraryExport,
  type SteppedExportOptions,
} from './export';
export { importAll, importFile, prepareImport, type ImportOptions, type ImportResult } from './import';
export { articleToMarkdown, frontMatter, htmlToMarkdown, type MarkdownArticle } from './markdown';
export {
  changedFields,
  mergeFields,
  planMerge,
  type ExistingRecord,
  type MergeFields,
  type MergePlan,
  type PlannedAdd,
  type PlannedSkip,
  type PlannedUpdate,
} from './merge';
export {
  articleChanges,
  mergeFieldsOf,
  newArticle,
  STORED_BODY,
  type TransferArticle,
  type TransferItem,
} from './library-record';
export {
  runImport,
  type ArticleUpdate,
  type ImportProgress,
  type ImportReport,
  type ImportTarget,
  type NewArticle,
  type RunImportOptions,
} from './run-import';
export type {
  ImportBatch,
  ImportFormat,
  ImportHighlight,
  ImportItem,
  ImportSource,
  ImportWindow,
  InvalidCode,
  InvalidRow,
  ReadState,
} from './types';
