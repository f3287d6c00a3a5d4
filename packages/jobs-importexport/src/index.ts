import { importExportPlugin } from './plugin/import-export-plugin.js';

export { FileLocationError, type FileLocationProblem } from './errors/file-location-error.js';
export { FILE_PROBLEMS } from './errors/file-problems.js';
export { type FileProblem, ImportFileError } from './errors/import-file-error.js';
export { ImportValidationError } from './errors/import-validation-error.js';
export { MappingProfileError } from './errors/mapping-profile-error.js';
export { StoredFileError, type StoredFileProblem } from './errors/stored-file-error.js';
export type { ExportResult } from './export/export-result.js';
export {
  type FileOwner,
  type FileSink,
  type FileStore,
  fileStoreToken,
  type StoredFile,
} from './files/file-store.js';
export { LocalFileStore } from './files/local-file-store.js';
export { type GroupFile, groupFileSchema } from './group-file/group-file-schema.js';
export { exportAdjustmentsJob, exportAdjustmentsParams } from './jobs/export-adjustments-job.js';
export { CUBE_FACT_COLUMNS, exportCubeJob, exportCubeParams } from './jobs/export-cube-job.js';
export { exportDataJob, exportDataParams } from './jobs/export-data-job.js';
export { exportExRateJob, exportExRateParams } from './jobs/export-exrate-job.js';
export {
  exportReportingSolutionsJob,
  exportReportingSolutionsParams,
} from './jobs/export-reporting-solutions-job.js';
export { exportStructureJob, exportStructureParams } from './jobs/export-structure-job.js';
export { exportTranslationJob, exportTranslationParams } from './jobs/export-translation-job.js';
export { genericExportJob, genericExportParams } from './jobs/generic-export-job.js';
export { genericImportJob, genericImportParams } from './jobs/generic-import-job.js';
export { importAdjustmentsJob, importAdjustmentsParams } from './jobs/import-adjustments-job.js';
export { importBundleJob, importBundleParams } from './jobs/import-bundle-job.js';
export { importDataJob, importDataParams } from './jobs/import-data-job.js';
export { importExRateJob, importExRateParams } from './jobs/import-exrate-job.js';
export {
  type GroupFileResult,
  importGroupFileJob,
  importGroupFileParams,
} from './jobs/import-group-file-job.js';
export { importStructureJob, importStructureParams } from './jobs/import-structure-job.js';
export { importTranslationJob, importTranslationParams } from './jobs/import-translation-job.js';
export { DATE_FORMATS, type DateFormat } from './mapping/date-format.js';
export {
  GENERIC_TABLES,
  type GenericColumn,
  type GenericTable,
  type LookupTable,
} from './mapping/generic-tables.js';
export {
  type ColumnMapping,
  checkMappingProfile,
  loadMappingProfile,
  type MappingProfile,
  type MappingProfileInput,
  saveMappingProfile,
} from './mapping/mapping-profile.js';
export { importExportMessages } from './messages/importexport-messages.js';
export { importExportJobs } from './plugin/import-export-jobs.js';
export {
  createImportExportPlugin,
  ImportExportPlugin,
  type ImportExportPluginOptions,
  importExportPlugin,
} from './plugin/import-export-plugin.js';
export { type CsvOptions, csvOptionsSchema } from './read/csv-options.js';
export { type OpenedSource, openSource } from './read/open-source.js';
export { type CellValue, normalizeHeader, type SourceRow, type SourceSheet } from './read/source-row.js';
export type { ImportResult } from './session/import-result.js';
export { consoDbOf, defaultFilesDir, fileStoreOf } from './session/job-services.js';
export { ROW_PROBLEM_CODES, type RowError, type RowProblem } from './validate/row-error.js';

/** The plugin (default export): every job, the default file store and the en/fr messages. */
export default importExportPlugin;
