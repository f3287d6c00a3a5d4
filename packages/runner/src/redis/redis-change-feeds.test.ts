import { defineJob, type QueueChange } from '@hangar/core';
import { sleep, testJob, testWorker } from '@hangar/core/testing';
import type { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createRunner } from '../runner/hangar-runner.js';
import { redisTestSkip, useRedisTestScope } from './redis-test-harness.js';

const skip = await redisTestSkip('Redis change feed tests');
const W1 = testWorker('worker-1');
const claimAll = { queues: ['default'], types: ['test.job'], limit: 10, leaseMs: 30_000 };

/** Subscribers of each channel of the namespace, as Redis counts them. */
async function subscribers(admin: Redis, prefix: string): Promise<{ changes: number; wake: number }> {
  const reply = (await admin.call('PUBSUB', 'NUMSUB', `${prefix}:changes`, `${prefix}:wake`)) as (
    | string
    | number
  )[];
  return { changes: Number(reply[1]), wake: Number(reply[3]) };
}

describe.skipIf(skip !== undefined)('RedisQueue change feeds', () => {
  const s = useRedisTestScope();

  it('subscribes a process with only wake-up listeners to the wake channel alone, and moves when one wants everything', async () => {
    const q = await s.setup({ claimWaitMs: 0 });
    const prefix = s.ns.prefix;
    const wakeUps: QueueChange[] = [];
    const offWake = await q.subscribe((c) => wakeUps.push(c), { wakeUpsOnly: true });
    expect(await subscribers(s.admin, prefix)).toEqual({ changes: 0, wake: 1 });

    const { id } = await q.enqueue(testJob());
    await q.claim({ ...claimAll, worker: W1 });
    await q.complete(id, W1.id, { success: true });
    await vi.waitFor(() => expect(wakeUps.some((c) => c.kind === 'enqueued' && c.jobId === id)).toBe(true));
    await sleep(100);
    // the claim and the completion published no wake-up, and the process did not hear of them
    expect(wakeUps.filter((c) => c.jobId === id).map((c) => c.kind)).toEqual(['enqueued']);

    const all: QueueChange[] = [];
    const offAll = await q.subscribe((c) => all.push(c));
    expect(await subscribers(s.admin, prefix)).toEqual({ changes: 1, wake: 0 });
    const second = await q.enqueue(testJob());
    await q.claim({ ...claimAll, worker: W1 });
    await q.complete(second.id, W1.id, { success: true });
    await vi.waitFor(() =>
      expect(all.filter((c) => c.jobId === second.id).map((c) => c.state)).toEqual([
        'Enqueued',
        'Processing',
        'Succeeded',
      ]),
    );
    // wake-up listeners are served from the full channel, once each
    expect(wakeUps.filter((c) => c.jobId === second.id).map((c) => c.kind)).toEqual(['enqueued']);

    await offAll();
    expect(await subscribers(s.admin, prefix)).toEqual({ changes: 0, wake: 1 });
    await offWake();
    expect(await subscribers(s.admin, prefix)).toEqual({ changes: 0, wake: 0 });
  });

  it('keeps an idle worker waiting in Redis after it was handed a job, so the next enqueue is handed over too', async () => {
    const q = await s.setup({ claimWaitMs: 5000 });
    const job = defineJob({
      type: 'test.job',
      params: z.object({ n: z.number() }),
      create: () => ({ execute: async () => null }),
    });
    const runner = createRunner({
      queue: q,
      jobs: [job],
      concurrency: 2,
      pollIntervalMs: 60_000,
      retention: false,
    });
    await runner.start();
    try {
      const waiting = async () => {
        let n = 0;
        let cursor = '0';
        do {
          const [next, keys] = await s.admin.scan(cursor, 'MATCH', `${s.ns.prefix}:waiting:*`, 'COUNT', 100);
          cursor = next;
          for (const key of keys) n += await s.admin.zcard(key);
        } while (cursor !== '0');
        return n;
      };
      await vi.waitFor(async () => expect(await waiting()).toBe(1));
      for (let i = 0; i < 3; i++) {
        const { id } = await runner.client.enqueue('test.job', { n: i });
        await runner.client.waitFor(id, { pollMs: 20 });
        // handed over, run and recorded: the worker registered a new wait without any poll
        await vi.waitFor(async () => expect(await waiting()).toBe(1), { timeout: 2000, interval: 20 });
      }
    } finally {
      await runner.stop();
    }
  });
});
