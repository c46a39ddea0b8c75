/** Import and export of the library: parsers for other services' exports, our own export, merge planning. */
export { detectFormat } from './detect';
export { TransferError, isTransferError, type TransferErrorCode } from './errors';
export { exportLibrary, EXPORT_FORMAT, type ExportOptions, type LibraryExport } from './export';
export { importAll, importFile, prepareImport, type ImportOptions, type ImportResult } from './import';
export { articleToMarkdown, frontMatter, htmlToMarkdown, type MarkdownArticle } from './markdown';
export { mergeFields, planMerge, type ExistingRecord, type MergeFields, type MergePlan, type PlannedAdd, type PlannedSkip, type PlannedUpdate } from './merge';
export { normalizeUrl } from './normalize-url';
export type { TransferRecord } from './record';
export type { ImportBatch, ImportFormat, ImportHighlight, ImportItem, ImportSource, ImportWindow, InvalidCode, InvalidRow, ReadState } from './types';
