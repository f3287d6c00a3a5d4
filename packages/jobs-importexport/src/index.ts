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
export { FILE_PROBLEMS } from './errors/file-problems.js';
export { importDataJob, importDataParams } from './jobs/import-data-job.js';
export { exportDataJob, exportDataParams } from './jobs/export-data-job.js';
export { importAdjustmentsJob, importAdjustmentsParams } from './jobs/import-adjustments-job.js';
export { exportAdjustmentsJob, exportAdjustmentsParams } from './jobs/export-adjustments-job.js';
export { importExRateJob, importExRateParams } from './jobs/import-exrate-job.js';
export { exportExRateJob, exportExRateParams } from './jobs/export-exrate-job.js';
export { importStructureJob, importStructureParams } from './jobs/import-structure-job.js';
export { exportStructureJob, exportStructureParams } from './jobs/export-structure-job.js';
export { importTranslationJob, importTranslationParams } from './jobs/import-translation-job.js';
export { exportTranslationJob, exportTranslationParams } from './jobs/export-translation-job.js';
export { importBundleJob, importBundleParams } from './jobs/import-bundle-job.js';
export { importGroupFileJob, importGroupFileParams, type GroupFileResult } from './jobs/import-group-file-job.js';
export { genericImportJob, genericImportParams } from './jobs/generic-import-job.js';
export { genericExportJob, genericExportParams } from './jobs/generic-export-job.js';
export { exportCubeJob, exportCubeParams, CUBE_FACT_COLUMNS } from './jobs/export-cube-job.js';
export { exportReportingSolutionsJob, exportReportingSolutionsParams } from './jobs/export-reporting-solutions-job.js';
export { groupFileSchema, type GroupFile } from './group-file/group-file-schema.js';
export {
  saveMappingProfile,
  loadMappingProfile,
  checkMappingProfile,
  type MappingProfile,
  type MappingProfileInput,
  type ColumnMapping,
} from './mapping/mapping-profile.js';
export { GENERIC_TABLES, type GenericTable, type GenericColumn, type LookupTable } from './mapping/generic-tables.js';
export { DATE_FORMATS, type DateFormat } from './mapping/date-format.js';

/** The plugin (default export): every job, the default file store and the en/fr messages. */
export default importExportPlugin;
