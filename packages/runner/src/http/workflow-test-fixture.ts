import type { JobRecord } from '@hangar/core';
import type { TestApi } from './test-fixtures.js';

/**
 * A workflow of customer `acme` as the runner sees one: a job declaring two steps (`ledger`,
 * `sum`) that waits on a queue no runner serves, so it stays as the test leaves it, and the job of
 * its step `ledger`, which fails; resolves once that step has failed.
 */
export async function heldWorkflow(api: TestApi): Promise<{ workflow: JobRecord; step: JobRecord }> {
  const queue = api.runner.client.queue;
  const { job: workflow } = await queue.enqueue({
    type: 'test.workflow',
    queue: 'held',
    params: {
      name: 'close',
      steps: [
        { id: 'ledger', type: 'test.fail' },
        {
          id: 'sum',
          type: 'math.add',
          after: ['ledger'],
          on: 'end',
          when: { step: 'ledger', op: 'missing' },
        },
      ],
    },
    maxAttempts: 1,
    customerId: 'acme',
  });
  const { id } = await queue.enqueue({
    type: 'test.fail',
    queue: 'default',
    params: {},
    maxAttempts: 1,
    customerId: 'acme',
    metadata: { workflowId: workflow.id, workflow: 'close', step: 'ledger' },
  });
  const step = await api.runner.client.waitFor(id, { pollMs: 20 });
  return { workflow, step };
}
