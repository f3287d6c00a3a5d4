/**
 * Worker process of the crash test (`crash.test.ts`), run with `node --import tsx`. It drives
 * the adapter directly: claim a batch, heartbeat while running, record each execution in
 * `crash_run`, complete, and recover expired leases of dead workers. SIGTERM stops it
 * gracefully; the test also kills it with SIGKILL mid-flight.
 */
import { hostname } from 'node:os';
import pg from 'pg';
import { PostgresQueue } from './postgres-queue.js';

const url = required('CRASH_PG_URL');
const schema = required('CRASH_SCHEMA');
const leaseMs = Number(process.env.CRASH_LEASE_MS ?? 2000);
const worker = { id: `crash-${process.pid}`, host: hostname(), pid: process.pid };
const SLOTS = 25;
const claimRequest = { worker, queues: ['crash'], types: ['crash.job'], limit: SLOTS, leaseMs };

const queue = await PostgresQueue.connect({ connectionString: url, schema, poolSize: 10 });
const runs = new pg.Pool({ connectionString: url, max: 4 });
const held = new Set<string>();
let stopping = false;

process.on('SIGTERM', () => {
  stopping = true;
});

// Leases are kept alive from a timer, as a real runner does, so only a dead process loses them.
const heartbeat = setInterval(() => {
  if (held.size > 0) void queue.heartbeat(worker.id, [...held], leaseMs).catch(() => {});
}, leaseMs / 4);
const recovery = setInterval(() => void queue.recoverExpiredLeases().catch(() => {}), leaseMs / 4);

process.stdout.write('ready\n');
// Like a runner with 25 slots: claims as slots free up, so jobs are always in flight.
const running = new Set<Promise<void>>();
while (!stopping) {
  const free = SLOTS - held.size;
  // Claim in batches, not one job per freed slot: one round trip feeds many slots.
  const jobs =
    free >= SLOTS / 2 || running.size === 0 ? await queue.claim({ ...claimRequest, limit: free }) : [];
  if (jobs.length > 0) {
    // Recorded once per batch when the jobs start: a job whose process dies after this line
    // and before completing is the duplicate the test expects.
    await runs.query(`INSERT INTO "${schema}".crash_run (job_id, pid) SELECT unnest($1::bigint[]), $2`, [
      jobs.map((j) => j.id),
      process.pid,
    ]);
  }
  for (const job of jobs) {
    held.add(job.id);
    const run = runJob(job.id).finally(() => {
      held.delete(job.id);
      running.delete(run);
    });
    running.add(run);
  }
  if (jobs.length === 0 && running.size === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  else if (running.size > 0) await Promise.race(running);
}
await Promise.all(running);

clearInterval(heartbeat);
clearInterval(recovery);
await queue.close();
await runs.end();

async function runJob(id: string): Promise<void> {
  // A little work, so a kill lands between running a job and completing it.
  await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20));
  await queue.complete(id, worker.id, { success: true });
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}
