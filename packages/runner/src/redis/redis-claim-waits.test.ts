import { sleep, testJob, testWorker } from '@hangar/core/testing';
import type { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { redisTestSkip, useRedisTestScope } from './redis-test-harness.js';

const skip = await redisTestSkip('Redis claim wait tests');
const W1 = testWorker('worker-1');
const W2 = testWorker('worker-2');
const claimAll = { queues: ['default'], types: ['test.job'], limit: 10, leaseMs: 30_000 };

async function countKeys(redis: Redis, pattern: string): Promise<number> {
  let count = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    count += keys.length;
  } while (cursor !== '0');
  return count;
}

describe.skipIf(skip !== undefined)('RedisQueue claims that wait for jobs', () => {
  const s = useRedisTestScope();

  it('hands a job enqueued during a waiting claim over to it', async () => {
    const q = await s.setup({ claimWaitMs: 5000 });
    const other = await s.ns.create();
    const scriptCalls = vi.spyOn(q as unknown as { runClaim: () => unknown }, 'runClaim');
    const started = Date.now();
    const claiming = q.claim({ ...claimAll, worker: W1 });
    await sleep(300);
    const { id } = await other.enqueue(testJob());
    const jobs = await claiming;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(jobs.map((j) => j.id)).toEqual([id]);
    expect(jobs[0]).toMatchObject({ state: 'Processing', attempts: 1, worker: W1, params: { n: 1 } });
    expect(await other.get(id)).toMatchObject({ state: 'Processing', worker: W1 });
    // handed over by the enqueue: the claim script ran once, to register the wait
    expect(scriptCalls).toHaveBeenCalledTimes(1);
  });

  it('hands one job to one of two waiting claimers; the other ends with nothing', async () => {
    const a = await s.setup({ claimWaitMs: 5000 });
    const b = await s.ns.create();
    const first = a.claim({ ...claimAll, worker: W1 });
    const second = b.claim({ ...claimAll, worker: W2 });
    await sleep(200);
    const { id } = await a.enqueue(testJob());
    const results = await Promise.all([first, second]);
    expect(results.flat().map((j) => j.id)).toEqual([id]);
  });

  it('ends a wait with a claim when a job becomes runnable another way', async () => {
    const q = await s.setup({ claimWaitMs: 5000 });
    const other = await s.ns.create();
    const { id } = await other.enqueue(testJob());
    await other.claim({ ...claimAll, worker: W2 });
    const started = Date.now();
    const claiming = q.claim({ ...claimAll, worker: W1 });
    await sleep(200);
    expect(await other.release(id, W2.id)).toBe(true);
    expect((await claiming).map((j) => j.id)).toEqual([id]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stops waiting at the next scheduled run-at without taking that job', async () => {
    const q = await s.setup({ claimWaitMs: 5000 });
    const { id } = await q.enqueue(testJob({ runAt: new Date(Date.now() + 300) }));
    const started = Date.now();
    expect(await q.claim({ ...claimAll, worker: W1 })).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await q.claim({ ...claimAll, worker: W1 })).map((j) => j.id)).toEqual([id]);
  });

  it('collects a hand-over whose message was lost when the wait runs out', async () => {
    const q = await s.setup({ claimWaitMs: 400 });
    const other = await s.ns.create();
    const claiming = q.claim({ ...claimAll, worker: W1 });
    await sleep(100);
    // drop the hand-over messages of this queue, as a dropped subscriber connection would
    const handlers = (q as unknown as { subscriber: { handlers: Map<string, unknown> } }).subscriber.handlers;
    handlers.clear();
    const { id } = await other.enqueue(testJob());
    expect((await claiming).map((j) => j.id)).toEqual([id]);
    expect(await countKeys(s.admin, `${s.ns.prefix}:waiter:*`)).toBe(0);
  });

  it('ends a wait that was still registering when the queue closed', async () => {
    const q = await s.setup({ claimWaitMs: 5000 });
    const other = await s.ns.create();
    const claiming = q.claim({ ...claimAll, worker: W1 });
    const closing = q.close();
    expect(await claiming).toEqual([]);
    await closing;
    expect(await countKeys(s.admin, `${s.ns.prefix}:waiter:*`)).toBe(0);
    const { id } = await other.enqueue(testJob());
    expect((await other.get(id))?.state).toBe('Enqueued');
  });

  it('ends waits on close and leaves later jobs to other claimers', async () => {
    const q = await s.setup({ claimWaitMs: 5000 });
    const other = await s.ns.create();
    const claiming = q.claim({ ...claimAll, worker: W1 });
    await sleep(100);
    await q.close();
    expect(await claiming).toEqual([]);
    const { id } = await other.enqueue(testJob());
    expect((await other.get(id))?.state).toBe('Enqueued');
    expect(await countKeys(s.admin, `${s.ns.prefix}:waiter:*`)).toBe(0);
  });
});
