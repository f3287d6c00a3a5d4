import { Logger as GraphileLogger, makeWorkerUtils, run as runGraphile } from 'graphile-worker';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { BenchSizes } from './bench-sizes.js';
import { bulkRate, processRate, startProbe } from './peer-measure.js';
import type { BenchRow } from './report.js';

/** Drops a schema so each system starts from an empty queue. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * graphile-worker 0.17 with its documented batching settings: a local queue and batched
 * completion (which is what gives up fast crash recovery).
 */
export async function benchGraphileWorker(url: string, sizes: BenchSizes): Promise<BenchRow> {
  const schema = 'bench_graphile_worker';
  await dropSchema(url, schema);
  const logger = new GraphileLogger(() => () => {});
  const utils = await makeWorkerUtils({ connectionString: url, schema, logger });
  await utils.migrate();
  const enqueuePerSec = await bulkRate(sizes.jobs, (from, n) =>
    utils.addJobs(Array.from({ length: n }, (_, k) => ({ identifier: 'noop', payload: { i: from + k } }))),
  );
  const probe = startProbe(sizes.jobs);
  let runner: Awaited<ReturnType<typeof runGraphile>> | undefined;
  const processPerSec = await processRate(sizes.jobs, probe, async () => {
    runner = await runGraphile({
      preset: {
        worker: {
          connectionString: url,
          schema,
          concurrentJobs: sizes.concurrency,
          pollInterval: 1000,
          localQueue: { size: 500 },
          completeJobBatchDelay: 0,
          failJobBatchDelay: 0,
        },
      },
      noHandleSignals: true,
      logger,
      taskList: {
        noop: async () => {
          probe.started();
          probe.completed();
        },
      },
    });
  });
  const latency = await probe.latency(sizes, (i) => utils.addJob('noop', { i }));
  await runner?.stop();
  await utils.release();
  await dropSchema(url, schema);
  return { system: 'graphile-worker 0.17', enqueuePerSec, processPerSec, ...latency };
}

/** pg-boss 10 with one worker fetching batches of `concurrency` jobs at its fastest polling interval. */
export async function benchPgBoss(url: string, sizes: BenchSizes): Promise<BenchRow> {
  const schema = 'bench_pgboss';
  await dropSchema(url, schema);
  const boss = new PgBoss({ connectionString: url, schema, supervise: false, schedule: false });
  boss.on('error', () => {});
  await boss.start();
  await boss.createQueue('noop');
  const enqueuePerSec = await bulkRate(sizes.jobs, (from, n) =>
    boss.insert(Array.from({ length: n }, (_, k) => ({ name: 'noop', data: { i: from + k } }))),
  );
  const probe = startProbe(sizes.jobs);
  const processPerSec = await processRate(sizes.jobs, probe, () =>
    boss.work('noop', { batchSize: sizes.concurrency, pollingIntervalSeconds: 0.5 }, async (jobs) => {
      probe.started();
      probe.completed(jobs.length);
    }),
  );
  // Its polling makes each sample cost ~0.5 s, so it gets fewer samples and no warm-up: its
  // polling interval, not its code, sets its latency.
  const samples = Math.min(sizes.latencySamples, 50);
  const latency = await probe.latency(
    { latencySamples: samples, latencyWarmup: 0, latencyGapMs: sizes.latencyGapMs },
    (i) => boss.send('noop', { i }),
  );
  await boss.stop({ graceful: false, wait: true });
  await dropSchema(url, schema);
  return { system: `pg-boss 10 (${samples} latency samples)`, enqueuePerSec, processPerSec, ...latency };
}
