/**
 * A runner process of the workflow crash test (`workflow-crash.test.ts`), run with
 * `node --import tsx`: a real HangarRunner of `conso.workflow` and a step job that records each
 * of its executions (job id, pid) in a PostgreSQL table before sleeping. The test kills it with
 * SIGKILL mid-workflow.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { defineJob, type JobContext, type QueueAdapter } from '@hangar/core';
import { createRunner } from '@hangar/runner';
import { PostgresQueue } from '@hangar/runner/postgres';
import { RedisQueue } from '@hangar/runner/redis';
import pg from 'pg';
import { z } from 'zod';
import { workflowJob } from '../jobs/workflow-job.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};
const pgUrl = env('WF_PG_URL');
const runsTable = env('WF_RUNS_TABLE');
const runs = new pg.Pool({ connectionString: pgUrl, max: 2 });

const stepParams = z.object({ n: z.number().int(), sleepMs: z.number().int().min(0) });
const stepJob = defineJob({
  type: 'wfcrash.step',
  params: stepParams,
  retry: { maxAttempts: 5 },
  create: () => ({
    async execute(p: z.output<typeof stepParams>, ctx: JobContext) {
      await runs.query(`INSERT INTO ${runsTable} (job_id, pid) VALUES ($1, $2)`, [ctx.jobId, process.pid]);
      await sleep(p.sleepMs, undefined, { signal: ctx.signal });
      return { n: p.n };
    },
  }),
});

const queue: QueueAdapter =
  env('WF_BACKEND') === 'postgres'
    ? await PostgresQueue.connect({ connectionString: pgUrl, schema: env('WF_NAMESPACE'), poolSize: 4 })
    : new RedisQueue({ connection: env('WF_REDIS_URL'), prefix: env('WF_NAMESPACE'), claimWaitMs: 50 });
const runner = createRunner({
  queue,
  jobs: [workflowJob, stepJob],
  concurrency: 4,
  leaseMs: 1500,
  heartbeatMs: 300,
  recoveryIntervalMs: 300,
  pollIntervalMs: 100,
  handleSignals: false,
});
await runner.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void runner.stop(500).then(async () => {
    await queue.close();
    await runs.end();
    process.exit(0);
  });
});
