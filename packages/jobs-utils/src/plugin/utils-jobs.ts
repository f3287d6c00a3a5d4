import type { AnyJobDefinition } from '@hangar/core';
import { cleanupJob } from '../jobs/cleanup-job.js';
import { closePeriodJob } from '../jobs/close-period-job.js';
import { indexRebuildJob } from '../jobs/index-rebuild-job.js';
import { runCommandLineJob } from '../jobs/run-command-line-job.js';
import { runSqlCommandJob } from '../jobs/run-sql-command-job.js';
import { runStoredProcedureJob } from '../jobs/run-stored-procedure-job.js';

/** Every job type of the pack. */
export const utilsJobs: readonly AnyJobDefinition[] = [
  runCommandLineJob,
  runSqlCommandJob,
  runStoredProcedureJob,
  cleanupJob,
  closePeriodJob,
  indexRebuildJob,
];
