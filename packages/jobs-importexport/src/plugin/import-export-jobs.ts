import type { AnyJobDefinition } from '@hangar/core';
import { exportAdjustmentsJob } from '../jobs/export-adjustments-job.js';
import { exportCubeJob } from '../jobs/export-cube-job.js';
import { exportDataJob } from '../jobs/export-data-job.js';
import { exportExRateJob } from '../jobs/export-exrate-job.js';
import { exportReportingSolutionsJob } from '../jobs/export-reporting-solutions-job.js';
import { exportStructureJob } from '../jobs/export-structure-job.js';
import { exportTranslationJob } from '../jobs/export-translation-job.js';
import { genericExportJob } from '../jobs/generic-export-job.js';
import { genericImportJob } from '../jobs/generic-import-job.js';
import { importAdjustmentsJob } from '../jobs/import-adjustments-job.js';
import { importBundleJob } from '../jobs/import-bundle-job.js';
import { importDataJob } from '../jobs/import-data-job.js';
import { importExRateJob } from '../jobs/import-exrate-job.js';
import { importGroupFileJob } from '../jobs/import-group-file-job.js';
import { importStructureJob } from '../jobs/import-structure-job.js';
import { importTranslationJob } from '../jobs/import-translation-job.js';

/** Every job type of the pack. */
export const importExportJobs: readonly AnyJobDefinition[] = [
  importDataJob,
  exportDataJob,
  importAdjustmentsJob,
  exportAdjustmentsJob,
  importExRateJob,
  exportExRateJob,
  importStructureJob,
  exportStructureJob,
  importTranslationJob,
  exportTranslationJob,
  importBundleJob,
  importGroupFileJob,
  genericImportJob,
  genericExportJob,
  exportCubeJob,
  exportReportingSolutionsJob,
];
