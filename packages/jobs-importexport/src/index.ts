import { importExportPlugin } from './plugin/import-export-plugin.js';

export {
  ImportExportPlugin,
  createImportExportPlugin,
  importExportPlugin,
  type ImportExportPluginOptions,
} from './plugin/import-export-plugin.js';
export { importExportJobs } from './plugin/import-export-jobs.js';
export { importExportMessages } from './messages/importexport-messages.js';
export { fileStoreToken, type FileStore, type FileSink, type StoredFile } from './files/file-store.js';
export { LocalFileStore } from './files/local-file-store.js';
export { ImportValidationError } from './errors/import-validation-error.js';
export { ImportScopeError, type ScopeKind } from './errors/import-scope-error.js';
export { ImportFileError, type FileProblem } from './errors/import-file-error.js';
export { MappingProfileError } from './errors/mapping-profile-error.js';
export { ROW_PROBLEM_CODES, type RowProblem, type RowError } from './validate/row-error.js';
export { csvOptionsSchema, type CsvOptions } from './read/csv-options.js';
export type { ImportResult } from './session/import-result.js';
export type { ExportResult } from './export/export-result.js';
export { importDataJob, importDataParams } from './jobs/import-data-job.js';
export { exportDataJob, exportDataParams } from './jobs/export-data-job.js';

/** The plugin (default export): every job, the default file store and the en/fr messages. */
export default importExportPlugin;
