import { defineJob, jobSubmitterToken, t } from '@hangar/core';
import type { z } from 'zod';
import { type WorkflowParams, workflowParams } from '../workflow/workflow-declaration.js';
import { type WorkflowResult, WorkflowRun } from '../workflow/workflow-run.js';

/** Job type name of {@link workflowJob}. */
export const WORKFLOW_JOB_TYPE = 'conso.workflow';

/**
 * WorkflowJob: runs a declared workflow — steps that are job types with params, in sequence, in
 * parallel branches, with conditions on a step's result — as jobs on the queue, under the
 * workflow's tenant. Its own end is the workflow's end: Succeeded with the outputs, or Failed
 * naming the steps that failed (`WORKFLOW_FAILED`).
 *
 * @example
 * await client.enqueue(workflowJob, {
 *   name: 'month-end-close',
 *   steps: [
 *     { id: 'rates', type: 'importexport.import-rates', params: { file: 'rates.csv' } },
 *     { id: 'ownership', type: 'conso.calculate-indirect-percentages', params: { conso: 'ACT' }, after: ['rates'] },
 *   ],
 * }, { customerId: 'ALPHA' });
 */
export const workflowJob = defineJob<WorkflowParams, WorkflowResult, z.input<typeof workflowParams>>({
  type: WORKFLOW_JOB_TYPE,
  description: t('conso.job.workflow'),
  params: workflowParams,
  // Further attempts only re-attach after a crash of the runner holding it (its steps' failures
  // fail it at once, not retryable); each re-attachment finds the steps already submitted.
  retry: { maxAttempts: 10 },
  create: (services) => ({
    execute: (params, ctx) => new WorkflowRun(params, ctx, services.get(jobSubmitterToken)).run(),
  }),
});
