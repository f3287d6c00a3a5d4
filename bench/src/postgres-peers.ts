import { Logger as GraphileLogger, makeWorkerUtils, run as runGraphile } from 'graphile-worker';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { BenchSizes } from './bench-sizes.js';
import { bulkRate, latencySeries, processRate, startProbe, untilZero } from './peer-measure.js';
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

/** Rows of a table, by a short-lived client (polled only after every handler returned). */
async function rowCount(
  url: string,
  table: string,
): Promise<(() => Promise<number>) & { end(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const count = async () => {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    return Number(rows[0]?.n ?? 0);
  };
  return Object.assign(count, { end: () => client.end() });
}

/**
 * graphile-worker 0.17 with its documented batching settings: a local queue and batched
 * completion (which is what gives up fast crash recovery). Its handlers return before their
 * batched completions are written, so it is done when its jobs table is empty (a completed job
 * is deleted), polled every 2 ms once every handler returned.
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
  const jobsLeft = await rowCount(url, `"${schema}"._private_jobs`);
  let runner: Awaited<ReturnType<typeof runGraphile>> | undefined;
  const { processPerSec, cpu } = await processRate(
    sizes.jobs,
    probe,
    'postgres',
    async () => {
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
    },
    () => untilZero(jobsLeft),
  );
  await jobsLeft.end();
  const latency = await latencySeries(probe, sizes, (i) => utils.addJob('noop', { i }));
  await runner?.stop();
  await utils.release();
  await dropSchema(url, schema);
  return {
    system: 'graphile-worker 0.17',
    settings: `concurrentJobs ${sizes.concurrency}, localQueue 500, completeJobBatchDelay 0, pollInterval 1 s; done when its jobs table is empty`,
    enqueuePerSec,
    processPerSec,
    cpu,
    ...latency,
  };
}

/** pg-boss settings for throughput, as its documentation says: several workers fetching batches. */
const PGBOSS_WORKERS = Number(process.env.BENCH_PGBOSS_WORKERS ?? 4);
const PGBOSS_BATCH = Number(process.env.BENCH_PGBOSS_BATCH ?? 200);
/** Its shortest polling interval: pg-boss refuses less than 0.5 s. */
const PGBOSS_POLL_SECONDS = 0.5;

/**
 * pg-boss 10 set for throughput as its documentation says: `PGBOSS_WORKERS` workers (one
 * `work()` call each) fetching batches of `PGBOSS_BATCH` at its shortest polling interval. A
 * worker that fetched a batch waits out the rest of its interval before the next, so it is
 * bound by its polling, not its code: at most workers × batch ÷ 0.5 s jobs per second. Done when
 * its queue holds no job before `completed` (its completions are written after the handler).
 */
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
  const options = { batchSize: PGBOSS_BATCH, pollingIntervalSeconds: PGBOSS_POLL_SECONDS };
  const { processPerSec, cpu } = await processRate(
    sizes.jobs,
    probe,
    'postgres',
    async () => {
      for (let w = 0; w < PGBOSS_WORKERS; w++) {
        await boss.work('noop', options, async (jobs) => {
          probe.started();
          probe.completed(jobs.length);
        });
      }
    },
    () => untilZero(() => boss.getQueueSize('noop', { before: 'completed' })),
  );
  // Each sample waits for the next poll (up to 0.5 s), so it gets fewer samples and no
  // warm-up: its polling interval, not its code, sets its latency.
  const samples = Math.min(sizes.latencySamples, 20);
  const latency = await latencySeries(
    probe,
    { latencySamples: samples, latencyWarmup: 0, latencyGapMs: sizes.latencyGapMs },
    (i) => boss.send('noop', { i }),
  );
  await boss.stop({ graceful: false, wait: true });
  await dropSchema(url, schema);
  return {
    system: `pg-boss 10 (${samples} latency samples)`,
    settings: `${PGBOSS_WORKERS} workers × batchSize ${PGBOSS_BATCH}, pollingIntervalSeconds ${PGBOSS_POLL_SECONDS} (its minimum); done when no job is before \`completed\``,
    note: `poll-bound: at most ${((PGBOSS_WORKERS * PGBOSS_BATCH) / PGBOSS_POLL_SECONDS).toLocaleString('en-US')} jobs/s`,
    enqueuePerSec,
    processPerSec,
    cpu,
    ...latency,
  };
}
