import type { QueueAdapter } from '@hangar/core';
import { WORKFLOW_JOB_TYPE, workflowJob } from '@hangar/jobs-database';
import { createRunner } from '@hangar/runner';
import { noopJob, whenSucceeded } from './noop-job.js';

/** One backend's numbers: the same steps as a workflow and as independent jobs, in one run. */
export interface WorkflowBenchRow {
  readonly backend: string;
  readonly steps: number;
  readonly independentPerSec: number;
  readonly workflowPerSec: number;
}

/**
 * Runs `steps` no-op jobs as independent jobs (enqueued in one call, timed until the last one
 * succeeded), then as one fan-out/fan-in workflow (a first step, `steps - 2` parallel ones after
 * it, a last one after them all; timed from enqueuing the workflow job to its end), on fresh
 * queues of the backend with one runner of `concurrency` slots. The workflow job holds one slot
 * while it waits, as it would in production.
 */
export async function benchWorkflows(
  backend: string,
  open: (part: 'independent' | 'workflow') => Promise<QueueAdapter>,
  steps: number,
  concurrency: number,
): Promise<WorkflowBenchRow> {
  const independentPerSec = await timed(await open('independent'), concurrency, async (runner) => {
    const all = whenSucceeded(runner, steps);
    await runner.client.enqueueMany(
      Array.from({ length: steps }, (_, i) => ({ type: 'bench.noop', params: { i } })),
    );
    await all;
  });
  const parts = Array.from({ length: steps - 2 }, (_, i) => `part-${i}`);
  const declaration = {
    name: 'bench-fan-out-fan-in',
    steps: [
      { id: 'first', type: 'bench.noop', params: { i: -1 } },
      ...parts.map((id, i) => ({ id, type: 'bench.noop', params: { i }, after: ['first'] })),
      { id: 'last', type: 'bench.noop', params: { i: -2 }, after: parts },
    ],
  };
  const workflowPerSec = await timed(await open('workflow'), concurrency, async (runner) => {
    const { id } = await runner.client.enqueue(WORKFLOW_JOB_TYPE, declaration);
    const done = await runner.client.waitFor(id, { pollMs: 200 });
    if (done.state !== 'Succeeded')
      throw new Error(`the workflow ended ${done.state}: ${JSON.stringify(done.errorInfo)}`);
  });
  return {
    backend,
    steps,
    independentPerSec: steps / independentPerSec,
    workflowPerSec: steps / workflowPerSec,
  };
}

/** Seconds `body` takes with a started runner of the no-op and workflow jobs on `queue`. */
async function timed(
  queue: QueueAdapter,
  concurrency: number,
  body: (runner: ReturnType<typeof createRunner>) => Promise<void>,
): Promise<number> {
  const runner = createRunner({ queue, jobs: [noopJob(() => {}), workflowJob], concurrency });
  await runner.start();
  try {
    const start = performance.now();
    await body(runner);
    return (performance.now() - start) / 1000;
  } finally {
    await runner.stop();
    await queue.close();
  }
}

/** Prints the rows as a table with the ratio the issue sets a target for (≥ 0.5×). */
export function printWorkflowRows(rows: readonly WorkflowBenchRow[]): void {
  console.log(
    '\n## Workflows: a fan-out/fan-in workflow against the same number of independent no-op jobs\n',
  );
  console.log('| backend | steps | independent jobs/s | workflow steps/s | ratio (target ≥ 0.5×) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.backend} | ${r.steps} | ${r.independentPerSec.toFixed(0)} | ${r.workflowPerSec.toFixed(0)} | ${(r.workflowPerSec / r.independentPerSec).toFixed(2)}× |`,
    );
  }
}
