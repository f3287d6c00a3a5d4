/**
 * A minimal worker process for the crash test: claims, heartbeats and completes jobs through the
 * Redis queue, and records each job it starts so that the test can count repeated runs.
 * Usage: node --import tsx crash-test-worker.ts <redis url> <prefix> <worker id> <concurrency>
 */
import { hostname } from 'node:os';
import { RedisQueue } from './redis-queue.js';

const [url = '', prefix = '', workerId = '', concurrencyArg = '10'] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
const leaseMs = 2000;
const queue = new RedisQueue({ connection: url, prefix });
const worker = { id: workerId, host: hostname(), pid: process.pid };
const active = new Set<string>();
let stopping = false;

async function run(jobId: string): Promise<void> {
  try {
    // recorded after the claim: a kill in between only hides a start, never invents one
    await queue.redis.rpush(`${prefix}:test:started`, `${workerId} ${jobId}`);
    await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 8));
    if (!(await queue.complete(jobId, workerId, { success: true }))) {
      await queue.redis.rpush(`${prefix}:test:lost`, `${workerId} ${jobId}`);
    }
  } finally {
    active.delete(jobId);
  }
}

async function claimLoop(): Promise<void> {
  while (!stopping) {
    const free = concurrency - active.size;
    const jobs =
      free > 0
        ? await queue.claim({ worker, queues: ['default'], types: ['crash.job'], limit: free, leaseMs })
        : [];
    for (const job of jobs) {
      active.add(job.id);
      void run(job.id);
    }
    if (jobs.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const heartbeat = setInterval(
  () => void queue.heartbeat(workerId, [...active], leaseMs).catch(() => {}),
  300,
);
const recovery = setInterval(() => void queue.recoverExpiredLeases().catch(() => {}), 250);

process.on('SIGTERM', () => {
  stopping = true;
});

await queue.redis.rpush(`${prefix}:test:ready`, workerId);
await claimLoop();
while (active.size > 0) await new Promise((resolve) => setTimeout(resolve, 5));
clearInterval(heartbeat);
clearInterval(recovery);
await queue.close();
