import {
  defineJob,
  definePlugin,
  type HangarPlugin,
  type JobContext,
  UnrecoverableError,
} from '@hangar/core';
import { z } from 'zod';
import type { TestApi } from '../http/test-fixtures.js';
import { WORKFLOW_JOB_TYPE } from './workflow-job-type.js';

/** A step that fails its first attempt and succeeds when retried: a ledger that was missing, then loaded. */
const lateLedger = defineJob({
  type: 'test.late-ledger',
  params: z.object({}),
  create: () => ({
    async execute(_params: Record<string, never>, ctx: JobContext) {
      if (ctx.attempt === 1) {
        throw new UnrecoverableError('no ledger', { key: 'test.noLedger', params: { ledger: 'L1' } });
      }
      return { ledger: 'L1' };
    },
  }),
});

/** The job type of the workflow fixture's failing step. */
export const workflowFixturePlugin: HangarPlugin = definePlugin({
  name: 'workflow-fixture',
  jobs: [lateLedger],
});

/** The declaration: `rates` and `ledger` start together, `sum` after both, `report` after `sum` when its sum is positive. */
const STEPS = [
  { id: 'rates', type: 'math.add', params: { a: 1, b: 1 } },
  { id: 'ledger', type: 'test.late-ledger', params: {} },
  { id: 'sum', type: 'math.add', params: { a: 2, b: 3 }, after: ['rates', 'ledger'] },
  {
    id: 'report',
    type: 'math.add',
    params: { a: 0, b: 1 },
    after: ['sum'],
    when: { step: 'sum', path: 'sum', op: 'gt', value: 0 },
  },
];

/**
 * A workflow of customer `acme` left as the workflow job of `@hangar/jobs-database` leaves one
 * whose step failed (that pack depends on this one, so its job cannot run here): the workflow job
 * (on a queue no runner serves, so it stays as the test leaves it) with its steps submitted as it
 * submits them (`wf:<id>:<step>` keys, the workflow's labels), `rates` succeeded, `ledger` failed,
 * `sum` and `report` never submitted, and the workflow job Failed. Retrying `ledger` makes it
 * succeed; the workflow job is then Enqueued again.
 */
export async function failedWorkflow(api: TestApi): Promise<{ id: string; ledgerId: string }> {
  const { client } = api.runner;
  const { queue } = client;
  const { job: workflow } = await queue.enqueue({
    type: WORKFLOW_JOB_TYPE,
    queue: 'held',
    params: { name: 'close', steps: STEPS },
    maxAttempts: 1,
    customerId: 'acme',
    userId: 'alice',
  });
  const submit = async (step: (typeof STEPS)[number]) => {
    const { id } = await queue.enqueue({
      type: step.type,
      queue: 'default',
      params: step.params,
      maxAttempts: 1,
      customerId: 'acme',
      idempotencyKey: `wf:${workflow.id}:${step.id}`,
      metadata: { workflowId: workflow.id, workflow: 'close', step: step.id },
    });
    return (await client.waitFor(id, { pollMs: 20 })).id;
  };
  await submit(STEPS[0] as (typeof STEPS)[number]);
  const ledgerId = await submit(STEPS[1] as (typeof STEPS)[number]);
  // The workflow job ends Failed naming the step, as the pack's job does.
  const worker = { id: 'workflow-fixture', host: 'test-host', pid: process.pid };
  const [claimed] = await queue.claim({
    queues: ['held'],
    types: [WORKFLOW_JOB_TYPE],
    limit: 1,
    leaseMs: 30_000,
    worker,
  });
  if (claimed?.id !== workflow.id)
    throw new Error(`the fixture's workflow job was not claimed: ${claimed?.id}`);
  await queue.fail(workflow.id, worker.id, {
    errorInfo: [
      { code: 'WORKFLOW_FAILED', key: 'test.noLedger', params: { ledger: 'L1' }, severity: 'error' },
    ],
  });
  return { id: workflow.id, ledgerId };
}
