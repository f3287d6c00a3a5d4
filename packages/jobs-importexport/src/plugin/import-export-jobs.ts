import type { AnyJobDefinition } from '@hangar/core';
import { exportDataJob } from '../jobs/export-data-job.js';
import { importDataJob } from '../jobs/import-data-job.js';

/** Every job type of the pack. */
export const importExportJobs: readonly AnyJobDefinition[] = [importDataJob, exportDataJob];
