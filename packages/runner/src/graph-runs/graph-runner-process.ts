/**
 * A runner process of the graph tests, run with `node --import tsx`: a real `HangarRunner` on the
 * backend named by the environment (`graphBackendEnv`), serving the `graph` queue with the
 * `graph.step` job, which records its start and end in the backend's run store. A step with
 * `hold` blocks its first attempt forever after recording `start`, so that the test can kill the
 * process while it holds the step. Prints `ready` once started; SIGTERM stops it gracefully.
 */
import { defineJob } from '@hangar/core';
import { z } from 'zod';
import { createRunner } from '../runner/hangar-runner.js';
import { graphBackendFromEnv, openGraphBackend } from './graph-backend.js';

const backend = await openGraphBackend(graphBackendFromEnv(process.env));

const step = defineJob({
  type: 'graph.step',
  defaultQueue: 'graph',
  params: z.object({ step: z.number().int(), hold: z.boolean().optional(), fail: z.boolean().optional() }),
  create: () => ({
    async execute({ step, hold, fail }, ctx) {
      await backend.record(step, 'start');
      if (hold && ctx.attempt === 1) await new Promise(() => {});
      // a little work, so that steps of a layer overlap across the runners
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      await backend.record(step, 'end');
      if (fail) throw new Error(`step ${step} fails as asked`);
      return { step };
    },
  }),
});

const runner = await createRunner({
  queue: backend.queue,
  jobs: [step],
  queues: { graph: 8 },
  leaseMs: Number(process.env.GRAPH_LEASE_MS ?? 30_000),
  recoveryIntervalMs: 250,
}).start();
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void runner
    .stop()
    .then(() => backend.close())
    .then(() => process.exit(0));
});
