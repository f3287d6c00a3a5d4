import type { QueueChange } from '@hangar/core';
import { sleep, testJob, testWorker } from '@hangar/core/testing';
import { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { closeConnection } from './connection.js';
import { redisTestSkip, useRedisTestScope } from './redis-test-harness.js';
import { testRedisUrl } from './redis-test-support.js';

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

  it('publishes no wake-up for a job handed straight to a waiting claim', async () => {
    const q = await s.setup({ claimWaitMs: 5000 });
    const other = await s.ns.create();
    const listener = new Redis(testRedisUrl());
    try {
      const messages: string[] = [];
      listener.on('message', (_channel: string, message: string) => messages.push(message));
      await listener.subscribe(`${s.ns.prefix}:wake`);
      const claiming = q.claim({ ...claimAll, worker: W1 });
      await sleep(200);
      const handed = await other.enqueue(testJob());
      expect((await claiming).map((j) => j.id)).toEqual([handed.id]);
      // nobody waits now: the next job is a wake-up
      const queued = await other.enqueue(testJob());
      await vi.waitFor(() => expect(messages.join()).toContain(queued.id));
      expect(messages.join()).not.toContain(handed.id);
    } finally {
      await closeConnection(listener);
    }
  });
});
