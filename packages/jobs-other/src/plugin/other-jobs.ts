import type { AnyJobDefinition } from '@hangar/core';
import { diStudioJob } from '../jobs/di-studio-job.js';
import { emailJob } from '../jobs/email-job.js';
import { flexSheetJob } from '../jobs/flex-sheet-job.js';
import { validationReportJob } from '../jobs/validation-report-job.js';
import { webServiceJob } from '../jobs/web-service-job.js';

/** Every job type of the pack. */
export const otherJobs: readonly AnyJobDefinition[] = [
  validationReportJob,
  emailJob,
  webServiceJob,
  flexSheetJob,
  diStudioJob,
];
