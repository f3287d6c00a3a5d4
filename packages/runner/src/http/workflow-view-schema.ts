import { z } from 'zod';
import type { WorkflowView } from '../workflows/workflow-view.js';
import { type RenderContext, renderErrors, renderJob, renderMessage } from './render-job.js';
import { errorViewSchema, jobViewSchema, progressViewSchema } from './view-schemas.js';

const stepState = z.enum([
  'Waiting',
  'Skipped',
  'Scheduled',
  'Enqueued',
  'Awaiting',
  'Processing',
  'Succeeded',
  'Failed',
  'Cancelled',
]);

/** One step of a workflow as the API shows it. */
export const workflowStepViewSchema = z.object({
  id: z.string(),
  type: z.string(),
  after: z.array(z.string()).describe('Steps it runs after: the edges into it'),
  on: z.enum(['success', 'failure', 'end']).describe('How each of those has to end for it to run'),
  when: z
    .object({
      step: z.string(),
      path: z.string(),
      op: z.string(),
      value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
    })
    .nullable()
    .describe("A test of one of those steps' result; the step is skipped when it does not hold"),
  state: stepState,
  jobId: z.string().nullable(),
  progress: progressViewSchema.nullable(),
  result: z.unknown(),
  errors: z.array(errorViewSchema),
});

/** A workflow as the API shows it: its job, its steps, progress and outputs. */
export const workflowApiViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  steps: z.array(workflowStepViewSchema),
  current: z.array(z.string()).describe('Ids of the steps running now'),
  job: jobViewSchema,
});

/** Answer of `POST /workflows/:id/cancel`. */
export const workflowCancelResponseSchema = z.object({
  id: z.string(),
  outcome: z.enum(['cancelled', 'requested', 'finished', 'not-found']),
  steps: z.number().int().describe('Steps cancelled or asked to stop'),
});

/** A workflow as the API shows it. */
export type WorkflowApiView = z.infer<typeof workflowApiViewSchema>;

/** Renders a workflow in the caller's language. */
export function renderWorkflow(view: WorkflowView, ctx: RenderContext): WorkflowApiView {
  return {
    id: view.id,
    name: view.name,
    state: view.state,
    done: view.done,
    total: view.total,
    steps: view.steps.map((step) => ({
      id: step.id,
      type: step.type,
      after: [...step.after],
      on: step.on,
      when: step.when ?? null,
      state: step.state,
      jobId: step.jobId ?? null,
      progress: step.progress
        ? {
            ...renderMessage(step.progress.message, ctx),
            current: step.progress.current,
            total: step.progress.total,
          }
        : null,
      result: step.result ?? null,
      errors: renderErrors(step.errorInfo ?? [], ctx),
    })),
    current: view.current.map((step) => step.id),
    job: renderJob(view.job, ctx),
  };
}
