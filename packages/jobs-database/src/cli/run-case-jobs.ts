import type { ConsoDb } from '@hangar/conso-db';
import { type EmbeddedHost, type JobRecord, JobState } from '@hangar/core';
import { CASE_CUSTOMER, CASE_USER } from '../case-loading/case-master-data.js';
import type { LoadedCase } from '../case-loading/load-case.js';
import { CaseJobFailedError } from '../errors/case-job-failed-error.js';
import { OWNERSHIP_JOB_TYPE, type OwnershipJobResult } from '../jobs/calculate-indirect-percentages-job.js';
import { INTEGRATION_JOB_TYPE } from '../jobs/consolidation-integration-job.js';
import { STEP_FLAGS } from '../steps/step-flags.js';
import { readFlowsResults, readLinkedResults, readOwnershipResults, readRunResults } from './case-results.js';

async function runJob(host: EmbeddedHost, type: string, params: unknown): Promise<JobRecord> {
  const record = await host.run(type, params, { customerId: CASE_CUSTOMER, userId: CASE_USER });
  if (record.state !== JobState.Succeeded) throw new CaseJobFailedError(record);
  return record;
}

/**
 * Runs the real jobs of a loaded case's step through the embedded host and reads the results back
 * from the database: the ownership job for CalculateIndirectPercentages, the integration job with
 * all steps for ConsolidationRun, with the LinkedCategories flag for LinkedCategories, and with the
 * Bundles flag for Bundles.translation_of_flows.
 */
export async function runCaseJobs(
  host: EmbeddedHost,
  consoDb: ConsoDb,
  loaded: LoadedCase,
): Promise<Record<string, unknown>> {
  const db = consoDb.db;
  switch (loaded.step) {
    case 'CalculateIndirectPercentages': {
      const record = await runJob(host, OWNERSHIP_JOB_TYPE, { conso: loaded.consoId, details: true });
      const result = record.result?.result as OwnershipJobResult | undefined;
      return readOwnershipResults(db, loaded, result?.details);
    }
    case 'ConsolidationRun':
      await runJob(host, INTEGRATION_JOB_TYPE, { consos: [loaded.consoId], steps: STEP_FLAGS.all });
      return readRunResults(db, loaded);
    case 'LinkedCategories':
      await runJob(host, INTEGRATION_JOB_TYPE, {
        consos: [loaded.consoId],
        steps: STEP_FLAGS.linkedCategories,
      });
      return readLinkedResults(db, loaded);
    case 'Bundles.translation_of_flows':
      await runJob(host, INTEGRATION_JOB_TYPE, { consos: [loaded.consoId], steps: STEP_FLAGS.bundles });
      return readFlowsResults(db, loaded);
  }
}
