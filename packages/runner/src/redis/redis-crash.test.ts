import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection } from './connection.js';
import { checkInvariants } from './redis-invariants.js';
import type { RedisQueue } from './redis-queue.js';
import { redisSkipReason, testNamespace } from './redis-test-support.js';

const skip = await redisSkipReason();
if (skip && process.env.CI === 'true') throw new Error(`Redis is required in CI: ${skip}`);
if (skip) console.warn(`[skipped] Redis crash test: ${skip}`);

const JOBS = 10_000;
const WORKER = fileURLToPath(new URL('./crash-test-worker.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

interface Worker {
  id: string;
  proc: ChildProcess;
  exited: Promise<void>;
}

function startWorker(url: string, prefix: string, id: string): Worker {
  const proc = spawn(process.execPath, ['--import', 'tsx', WORKER, url, prefix, id, '20'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return { id, proc, exited };
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Ids of the jobs a worker holds right now, read through the adapter. */
async function processingOf(queue: RedisQueue, workerId: string): Promise<Set<string>> {
  const held = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await queue.list({ states: ['Processing'], limit: 500, cursor });
    for (const job of page.items) if (job.worker?.id === workerId) held.add(job.id);
    cursor = page.nextCursor;
  } while (cursor);
  return held;
}

describe.skipIf(skip !== undefined)('RedisQueue with worker processes killed mid-flight', () => {
  const ns = testNamespace();
  const workers: Worker[] = [];
  let admin: Redis | undefined;

  afterAll(async () => {
    for (const w of workers)
      if (w.proc.exitCode === null && w.proc.signalCode === null) w.proc.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    if (admin) await closeConnection(admin);
    await ns.teardown();
  });

  it(`runs ${JOBS} jobs to the end across two kill -9, repeating only jobs the killed process held`, async () => {
    admin = new Redis(ns.url);
    const r = admin;
    const queue = await ns.create();
    const succeeded = () => r.zcard(`${ns.prefix}:done:Succeeded`);
    for (let i = 0; i < JOBS; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, JOBS - i) }, (_, n) => ({
        type: 'crash.job',
        queue: 'default',
        params: { n: i + n },
        maxAttempts: 5,
      }));
      await queue.enqueueMany(batch);
    }
    for (const id of ['a', 'b', 'c']) workers.push(startWorker(ns.url, ns.prefix, `w-${id}`));
    await until(async () => (await r.llen(`${ns.prefix}:test:ready`)) === 3, 20_000, 'the workers to start');

    const heldByKilled = new Set<string>();
    let victim = 'w-a';
    for (const [round, threshold] of [
      [1, JOBS * 0.25],
      [2, JOBS * 0.6],
    ] as const) {
      await until(async () => (await succeeded()) >= threshold, 30_000, `${threshold} jobs done`);
      // On a loaded machine the worker can finish what it held between the check and the kill:
      // then it died holding nothing, which tests nothing, so a fresh worker is killed instead.
      for (let attempt = 1; ; attempt++) {
        // a restarted worker may still be booting: kill it mid-flight, not before
        await until(
          async () => (await processingOf(queue, victim)).size > 0,
          20_000,
          `${victim} to hold jobs`,
        );
        const w = workers.find((x) => x.id === victim);
        if (!w) throw new Error(`no worker ${victim}`);
        w.proc.kill('SIGKILL');
        await w.exited;
        const held = await processingOf(queue, victim);
        for (const id of held) heldByKilled.add(id);
        victim = `w-a${round}-${attempt}`;
        workers.push(startWorker(ns.url, ns.prefix, victim));
        if (held.size > 0) break;
        if (attempt === 5) throw new Error('five workers in a row were killed holding no job');
      }
    }

    await until(async () => (await succeeded()) === JOBS, 40_000, 'every job to succeed');
    for (const w of workers) w.proc.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));

    const starts = new Map<string, number>();
    for (const entry of await r.lrange(`${ns.prefix}:test:started`, 0, -1)) {
      const jobId = entry.split(' ')[1] ?? '';
      starts.set(jobId, (starts.get(jobId) ?? 0) + 1);
    }
    const repeated = [...starts].filter(([, n]) => n > 1).map(([id]) => id);
    const notHeld = repeated.filter((id) => !heldByKilled.has(id));
    console.info(
      `[crash test] ${JOBS} jobs, ${heldByKilled.size} held by killed processes, ${repeated.length} ran twice`,
    );
    expect(notHeld).toEqual([]);
    expect(starts.size).toBe(JOBS);
    expect(await r.llen(`${ns.prefix}:test:lost`)).toBe(0);
    expect(await succeeded()).toBe(JOBS);
    expect(await r.zcard(`${ns.prefix}:idx:all`)).toBe(JOBS);
    expect(await checkInvariants(r, ns.prefix)).toEqual([]);
  }, 90_000);
});
