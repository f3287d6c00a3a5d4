import { performance } from 'node:perf_hooks';
import { Logger as GraphileLogger, makeWorkerUtils, run as runGraphile } from 'graphile-worker';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { BenchSizes } from './hangar-bench.js';
import { type BenchRow, percentile } from './report.js';

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
  const preset = {
    worker: {
      connectionString: url,
      schema,
      concurrentJobs: sizes.concurrency,
      pollInterval: 1000,
      localQueue: { size: 500 },
      completeJobBatchDelay: 0,
      failJobBatchDelay: 0,
    },
  };
  const logger = new GraphileLogger(() => () => {});
  const utils = await makeWorkerUtils({ connectionString: url, schema, logger });
  await utils.migrate();
  let t0 = performance.now();
  for (let i = 0; i < sizes.jobs; i += 1000) {
    const n = Math.min(1000, sizes.jobs - i);
    await utils.addJobs(Array.from({ length: n }, (_, k) => ({ identifier: 'noop', payload: { i: i + k } })));
  }
  const enqueuePerSec = sizes.jobs / ((performance.now() - t0) / 1000);
  let done = 0;
  let onStart: (() => void) | undefined;
  let finished!: () => void;
  const allDone = new Promise<void>((resolve) => {
    finished = resolve;
  });
  t0 = performance.now();
  const runner = await runGraphile({
    preset,
    noHandleSignals: true,
    logger,
    taskList: {
      noop: async () => {
        onStart?.();
        done += 1;
        if (done === sizes.jobs) finished();
      },
    },
  });
  await allDone;
  const processPerSec = sizes.jobs / ((performance.now() - t0) / 1000);
  const samples: number[] = [];
  for (let i = 0; i < sizes.latencySamples; i++) {
    const started = new Promise<number>((resolve) => {
      onStart = () => resolve(performance.now());
    });
    const before = performance.now();
    await utils.addJob('noop', { i });
    samples.push((await started) - before);
  }
  onStart = undefined;
  await runner.stop();
  await utils.release();
  await dropSchema(url, schema);
  samples.sort((a, b) => a - b);
  return { system: 'graphile-worker 0.17', enqueuePerSec, processPerSec, ...latency(samples) };
}

/** pg-boss 10 with one worker fetching batches of `concurrency` jobs at its fastest polling interval. */
export async function benchPgBoss(url: string, sizes: BenchSizes): Promise<BenchRow> {
  const schema = 'bench_pgboss';
  await dropSchema(url, schema);
  const boss = new PgBoss({ connectionString: url, schema, supervise: false, schedule: false });
  boss.on('error', () => {});
  await boss.start();
  await boss.createQueue('noop');
  let t0 = performance.now();
  for (let i = 0; i < sizes.jobs; i += 1000) {
    const n = Math.min(1000, sizes.jobs - i);
    await boss.insert(Array.from({ length: n }, (_, k) => ({ name: 'noop', data: { i: i + k } })));
  }
  const enqueuePerSec = sizes.jobs / ((performance.now() - t0) / 1000);
  let done = 0;
  let onStart: (() => void) | undefined;
  let finished!: () => void;
  const allDone = new Promise<void>((resolve) => {
    finished = resolve;
  });
  t0 = performance.now();
  await boss.work('noop', { batchSize: sizes.concurrency, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    onStart?.();
    done += jobs.length;
    if (done >= sizes.jobs) finished();
  });
  await allDone;
  const processPerSec = sizes.jobs / ((performance.now() - t0) / 1000);
  const samples: number[] = [];
  const latencySamples = Math.min(sizes.latencySamples, 50);
  for (let i = 0; i < latencySamples; i++) {
    const started = new Promise<number>((resolve) => {
      onStart = () => resolve(performance.now());
    });
    const before = performance.now();
    await boss.send('noop', { i });
    samples.push((await started) - before);
  }
  onStart = undefined;
  await boss.stop({ graceful: false, wait: true });
  await dropSchema(url, schema);
  samples.sort((a, b) => a - b);
  return {
    system: `pg-boss 10 (${latencySamples} latency samples)`,
    enqueuePerSec,
    processPerSec,
    ...latency(samples),
  };
}

function latency(samples: number[]): Pick<BenchRow, 'p50' | 'p95' | 'p99'> {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99) };
}
