import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresQueue } from './postgres-queue.js';
import { adminQuery, dropSchema, postgresSkipReason, randomSchema, TEST_PG_URL } from './test-database.js';

const WORKER = fileURLToPath(new URL('./crash-worker.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const JOBS = 10_000;
const LEASE_MS = 1500;

interface Worker {
  child: ChildProcess;
  exited: Promise<void>;
  stderr: string[];
}

// The proof: real processes, real SIGKILL, no job lost, and the only jobs run twice are
// the ones the killed process held.
describe('PostgresQueue crash safety', () => {
  let skip: string | undefined;
  const schema = randomSchema();
  const workers: Worker[] = [];

  beforeAll(async () => {
    skip = await postgresSkipReason();
    if (skip && process.env.CI === 'true') throw new Error(`PostgreSQL is required in CI: ${skip}`);
  });

  afterAll(async () => {
    for (const w of workers)
      if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    if (!skip) await dropSchema(schema);
  });

  it('loses no job when a worker process is killed -9 twice mid-flight', {
    timeout: 90_000,
  }, async (test) => {
    if (skip) test.skip();
    const setup = await PostgresQueue.connect({ connectionString: TEST_PG_URL, schema });
    await adminQuery(`CREATE TABLE "${schema}".crash_run (
      job_id bigint NOT NULL, pid integer NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`);
    await setup.enqueueMany(
      Array.from({ length: JOBS }, (_, n) => ({
        type: 'crash.job',
        queue: 'crash',
        params: { n },
        maxAttempts: 5,
      })),
    );
    await setup.close();

    const live = [await startWorker(), await startWorker(), await startWorker()];
    const killedPids: number[] = [];
    const heldWhenKilled = new Set<string>();
    // Two kills must land while the victim holds jobs; a kill that catches it between batches
    // proves nothing, so it does not count and the restarted process is killed instead.
    for (let attempt = 0; killedPids.length < 2; attempt++) {
      expect(attempt, 'kills that landed mid-flight').toBeLessThan(6);
      await waitFor(
        async () => (await count(`state = 'Succeeded'`)) >= JOBS * (0.2 + 0.12 * attempt),
        40_000,
      );
      const victim = live[0]!;
      const pid = victim.child.pid!;
      await waitFor(async () => (await count(`state = 'Processing' AND worker_pid = ${pid}`)) > 0, 5000);
      victim.child.kill('SIGKILL');
      await victim.exited;
      // The process is dead, so what it held stays Processing until its leases expire.
      const held = await adminQuery<{ id: string }>(
        `SELECT id::text AS id FROM "${schema}".job WHERE state = 'Processing' AND worker_pid = $1`,
        [pid],
      );
      if (held.length > 0) killedPids.push(pid);
      for (const { id } of held) heldWhenKilled.add(id);
      live[0] = await startWorker();
    }

    await waitFor(
      async () => (await count(`state IN ('Succeeded', 'Failed', 'Cancelled')`)) === JOBS,
      60_000,
    );
    for (const w of live) w.child.kill('SIGTERM');
    await Promise.all(live.map((w) => w.exited));
    for (const w of live) expect(w.child.exitCode, w.stderr.join('')).toBe(0);

    expect(await count(`state = 'Succeeded'`)).toBe(JOBS);
    const [ran] = await adminQuery<{ jobs: number; runs: number }>(
      `SELECT count(DISTINCT job_id)::int AS jobs, count(*)::int AS runs FROM "${schema}".crash_run`,
    );
    expect(ran?.jobs).toBe(JOBS);
    const twice = await adminQuery<{ job_id: string; pids: number[] }>(
      `SELECT job_id::text AS job_id, array_agg(pid ORDER BY at) AS pids
         FROM "${schema}".crash_run GROUP BY job_id HAVING count(*) > 1`,
    );
    for (const { job_id, pids } of twice) {
      expect(heldWhenKilled.has(job_id), `job ${job_id} ran twice`).toBe(true);
      for (const pid of pids.slice(0, -1)) expect(killedPids).toContain(pid);
    }
    console.info(
      `[crash] ${JOBS} jobs, ${ran?.runs} runs, ${twice.length} ran twice, ` +
        `${heldWhenKilled.size} held by the 2 killed processes`,
    );
  });

  async function startWorker(): Promise<Worker> {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        CRASH_PG_URL: TEST_PG_URL,
        CRASH_SCHEMA: schema,
        CRASH_LEASE_MS: String(LEASE_MS),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderr: string[] = [];
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const worker = { child, exited, stderr };
    workers.push(worker);
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve();
      });
      void exited.then(() => reject(new Error(`worker exited before it was ready: ${stderr.join('')}`)));
    });
    return worker;
  }

  async function count(where: string): Promise<number> {
    const [row] = await adminQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${schema}".job WHERE ${where}`,
    );
    return row?.n ?? 0;
  }
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
