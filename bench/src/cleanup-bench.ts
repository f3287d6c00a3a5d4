import { performance } from 'node:perf_hooks';
import { createUtilsPlugin, queueAdapterToken } from '@hangar/jobs-utils';
import { createRunner } from '@hangar/runner';
import { PostgresQueue } from '@hangar/runner/postgres';
import pg from 'pg';
import { noopJob } from './noop-job.js';
import { type LatencySizes, startProbe } from './peer-measure.js';
import { dropSchema } from './postgres-peers.js';
import { percentile } from './report.js';

let started: (() => void) | undefined;
const noop = noopJob(() => started?.());

/** What the cleanup benchmark measured. */
export interface CleanupBenchResult {
  readonly finishedJobs: number;
  /** Time to insert the finished jobs and vacuum the table. */
  readonly fillMs: number;
  readonly deleted: number;
  readonly cleanupMs: number;
  readonly idle: { p50: number; p95: number; p99: number; samples: number };
  readonly during: { p50: number; p95: number; p99: number; samples: number };
}

const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    samples: times.length,
  };
};

/**
 * `utils.cleanup` deleting `finishedJobs` succeeded jobs from a PostgreSQL queue while a stream of
 * no-op jobs runs on the same runner: enqueue-to-start latency of that stream during the cleanup,
 * against the same stream idle just before, in the same run.
 */
export async function benchCleanup(
  pgUrl: string,
  finishedJobs: number,
  sizes: LatencySizes,
): Promise<CleanupBenchResult> {
  const schema = 'bench_utils_cleanup';
  await dropSchema(pgUrl, schema);
  const queue = new PostgresQueue({ connectionString: pgUrl, schema });
  await queue.migrate();
  try {
    const fillMs = await fill(pgUrl, schema, finishedJobs);
    const runner = createRunner({
      queue,
      jobs: [noop],
      // BENCH_CLEANUP_PAUSE_RATIO: cleanup.pauseRatio (the plugin's default, 1, when unset).
      plugins: [
        createUtilsPlugin(
          process.env.BENCH_CLEANUP_PAUSE_RATIO === undefined
            ? {}
            : { cleanup: { pauseRatio: Number(process.env.BENCH_CLEANUP_PAUSE_RATIO) } },
        ),
      ],
      services: [{ token: queueAdapterToken, value: queue }],
      concurrency: 16,
      retention: false,
      pollIntervalMs: 1000,
    });
    await runner.start();

    // Idle baseline: the probe's warm-up, then its samples.
    const probe = startProbe(0);
    started = () => probe.started();
    const idleLatency = await probe.latency(sizes, (i) => runner.client.enqueue('bench.noop', { i }));

    // The same stream while the cleanup runs, one sample after another until it ends.
    const cleanup = await runner.client.enqueue('utils.cleanup', { kinds: ['jobs'], succeededJobDays: 0 });
    const times: number[] = [];
    const t0 = performance.now();
    let cleanupDone = false;
    const ended = runner.client.waitFor(cleanup.id, { pollMs: 50 }).then((job) => {
      cleanupDone = true;
      return job;
    });
    while (!cleanupDone) {
      const sample = new Promise<number>((resolve) => {
        started = () => resolve(performance.now());
      });
      const before = performance.now();
      await runner.client.enqueue('bench.noop', { i: -1 });
      const ms = (await sample) - before;
      if (!cleanupDone) times.push(ms);
    }
    const job = await ended;
    if (job.state !== 'Succeeded')
      throw new Error(`utils.cleanup ended ${job.state}: ${JSON.stringify(job.errorInfo ?? null)}`);
    const cleanupMs = performance.now() - t0;
    started = undefined;
    await runner.stop();
    const kinds = (job.result?.result as { kinds?: { count: number }[] } | undefined)?.kinds ?? [];
    return {
      finishedJobs,
      fillMs,
      deleted: kinds[0]?.count ?? 0,
      cleanupMs,
      idle: {
        p50: idleLatency.p50 ?? Number.NaN,
        p95: idleLatency.p95 ?? Number.NaN,
        p99: idleLatency.p99 ?? Number.NaN,
        samples: sizes.latencySamples,
      },
      during: stats(times),
    };
  } finally {
    await queue.close();
    await dropSchema(pgUrl, schema);
  }
}

/**
 * One INSERT … SELECT of `jobs` no-op jobs that succeeded over the last `jobs` seconds into the
 * migrated job table (every column a succeeded job of the adapter has), then VACUUM ANALYZE as
 * autovacuum would after such a load: the table a cleanup meets, without running the jobs first.
 */
async function fill(pgUrl: string, schema: string, jobs: number): Promise<number> {
  const db = new pg.Client({ connectionString: pgUrl });
  await db.connect();
  try {
    const t0 = performance.now();
    await db.query(
      `INSERT INTO "${schema}".job (type, queue, state, priority, run_at, attempts, max_attempts, params,
         worker_id, worker_host, worker_pid, result, created_at, updated_at, started_at, finished_at)
       SELECT 'bench.noop', 'default', 'Succeeded', 0, t.at, 1, 3, jsonb_build_object('i', g),
              'bench-worker', 'bench-host', 1, '{"success": true}'::jsonb,
              t.at, t.at + interval '2 seconds', t.at + interval '1 second', t.at + interval '2 seconds'
         FROM generate_series(1, $1::integer) g
        CROSS JOIN LATERAL (SELECT now() - interval '1 hour' - ($1::integer - g) * interval '1 second' AS at) t`,
      [jobs],
    );
    await db.query(`VACUUM ANALYZE "${schema}".job`);
    return performance.now() - t0;
  } finally {
    await db.end();
  }
}
