import { defineJob, type JobContext } from '@hangar/core';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRunner, type HangarRunner } from '../runner/hangar-runner.js';
import { PostgresQueue } from './postgres-queue.js';
import { ThrowawayCluster, throwawayClusterSkipReason } from './throwaway-cluster.js';

const JOBS = 3000;
const RUNNERS = 2;
const CONCURRENCY = 16;
const LEASE_MS = 3000;
const OUTAGE_MS = 1000;
/** Longer than the test: an idle worker that starts a job promptly was woken by NOTIFY. */
const POLL_MS = 120_000;
/** How soon a probe job must start on its idle runner once enqueued. */
const PROMPT_MS = 1500;

// A restart is proven on a cluster of the test's own; stopping the shared server would break
// every other test running beside this one.
describe('PostgresQueue across a PostgreSQL restart (throwaway cluster)', () => {
  let skip: string | undefined;
  let cluster: ThrowawayCluster | undefined;
  const queues: PostgresQueue[] = [];
  const runners: HangarRunner[] = [];

  beforeAll(async () => {
    skip = throwawayClusterSkipReason();
    if (skip && process.env.CI === 'true') throw new Error(`initdb and pg_ctl are required in CI: ${skip}`);
    if (skip) console.warn(`[skipped] PostgreSQL restart test: ${skip}`);
    else cluster = await ThrowawayCluster.create();
  }, 60_000);

  afterEach(async () => {
    await Promise.allSettled(runners.splice(0).map((r) => r.stop(1000)));
    await Promise.allSettled(queues.splice(0).map((q) => q.close()));
  }, 30_000);

  afterAll(async () => {
    await cluster?.destroy();
  }, 30_000);

  // `fast` closes every connection cleanly; `immediate` is a server crash, recovered from WAL.
  it.for(['fast', 'immediate'] as const)(
    'finishes every job, reruns only jobs in flight, and listens again after pg_ctl stop -m %s',
    {
      timeout: 45_000,
    },
    async (mode, test) => {
      if (skip || !cluster) return test.skip();
      const db = cluster;
      const schema = `hangar_restart_${mode}`;
      const open = async () => {
        const queue = await PostgresQueue.connect({
          connectionString: db.url,
          schema,
          poolSize: 8,
          reconnectDelayMs: 50,
          maxReconnectDelayMs: 500,
        });
        queues.push(queue);
        return queue;
      };

      // Kept in this process, not in the database, so runs during the outage are counted too.
      const runs = new Map<string, number[]>();
      const confirmedAt = new Map<string, number>();
      const probeStartedAt = new Map<string, number>();
      const work = defineJob({
        type: 'restart.work',
        params: z.object({ n: z.number() }),
        create: () => ({
          async execute(p: { n: number }, ctx: JobContext) {
            runs.set(ctx.jobId, [...(runs.get(ctx.jobId) ?? []), Date.now()]);
            await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
            return p.n;
          },
        }),
      });
      const probe = defineJob({
        type: 'restart.probe',
        params: z.object({}),
        create: () => ({
          async execute(_p: unknown, ctx: JobContext) {
            probeStartedAt.set(ctx.jobId, Date.now());
          },
        }),
      });

      const admin = await open();
      await admin.enqueueMany(
        Array.from({ length: JOBS }, (_, n) => ({
          type: 'restart.work',
          queue: 'default',
          params: { n },
          maxAttempts: 5,
        })),
      );
      let workerErrors = 0;
      for (let i = 0; i < RUNNERS; i++) {
        const runner = createRunner({
          queue: await open(),
          jobs: [work, probe],
          // Each runner alone serves its probe queue, so a probe proves that runner's LISTEN.
          queues: { default: CONCURRENCY, [`probe-${i}`]: 1 },
          workerId: `restart-${i}`,
          leaseMs: LEASE_MS,
          heartbeatMs: 500,
          recoveryIntervalMs: 250,
          pollIntervalMs: POLL_MS,
          schedulerIntervalMs: POLL_MS,
          retention: false,
        });
        runner.events.on('job:succeeded', ({ job }) => confirmedAt.set(job.id, Date.now()));
        runner.events.on('worker:error', () => {
          workerErrors += 1;
        });
        runners.push(runner);
      }
      await Promise.all(runners.map((r) => r.start()));

      await waitFor('30% of the jobs done', () => confirmedAt.size >= JOBS * 0.3, 20_000);
      const stoppedAt = Date.now();
      const confirmedAtStop = confirmedAt.size;
      const inFlightAtStop = runs.size - confirmedAtStop;
      await db.stop(mode);
      await sleep(OUTAGE_MS);
      await db.start();
      const upAt = Date.now();

      // Runs whose completion the outage swallowed come back once their leases expire; the NOTIFY
      // of that recovery is what wakes the runners (their poll is off), so this takes about a lease.
      await waitFor(
        'every job Succeeded',
        async () => (await count(db.url, schema, `state = 'Succeeded'`)) === JOBS,
        40_000,
      );
      const recoveredAt = Date.now();

      const latencies: number[] = [];
      for (const [i, runner] of runners.entries()) {
        const enqueuedAt = Date.now();
        const { id } = await admin.enqueue({
          type: 'restart.probe',
          queue: `probe-${i}`,
          params: {},
          maxAttempts: 1,
        });
        await waitFor(
          `probe of ${runner.worker.id} started (idle worker woken)`,
          () => probeStartedAt.has(id),
          PROMPT_MS,
        );
        latencies.push(Date.now() - enqueuedAt);
      }
      await Promise.all(runners.map((r) => r.stop(1000)));

      expect(await count(db.url, schema, `state <> 'Succeeded'`)).toBe(0);
      expect(runs.size, 'jobs that ran at least once').toBe(JOBS);
      expect(workerErrors, 'the runners noticed the outage').toBeGreaterThan(0);
      // At-least-once: a job may run again only if its first run began before the server was back
      // and its completion had not been confirmed when the server was stopped.
      const twice = [...runs].filter(([, at]) => at.length > 1);
      const heldAtRestart = [...runs].filter(
        ([id, at]) => at[0]! < upAt && !((confirmedAt.get(id) ?? Number.POSITIVE_INFINITY) < stoppedAt),
      );
      expect(heldAtRestart.length, 'jobs in flight across the restart').toBeGreaterThan(0);
      const held = new Set(heldAtRestart.map(([id]) => id));
      for (const [id, at] of twice) {
        expect(held.has(id), `job ${id} ran twice but was not in flight at the restart`).toBe(true);
        expect(at.length, `runs of job ${id}`).toBe(2);
      }
      console.info(
        `[pg-restart ${mode}] ${JOBS} jobs; stopped with ${confirmedAtStop} confirmed and ${inFlightAtStop} running; ` +
          `${heldAtRestart.length} in flight across the restart, ${twice.length} ran twice; ` +
          `${workerErrors} runner errors; all done ${recoveredAt - upAt} ms after the restart; ` +
          `probes started after ${latencies.join(' and ')} ms`,
      );
    },
  );
});

/** Counts the work jobs matching `where`, on a connection of its own. */
async function count(url: string, schema: string, where: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${schema}.job WHERE type = 'restart.work' AND ${where}`,
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not met within ${timeoutMs} ms: ${what}`);
    await sleep(25);
  }
}
