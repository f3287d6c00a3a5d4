import { describe, expect, it } from 'vitest';
import { MemoryQueue } from './memory-queue.js';

const worker = { id: 'w1', host: 'h', pid: 1 };
const claim = (q: MemoryQueue) =>
  q.claim({ worker, queues: ['default'], types: ['t'], limit: 10, leaseMs: 60_000 });

describe('memory queue retries', () => {
  it('runs a retry whose time came before it was recorded (a backoff shorter than the way to the store)', async () => {
    const q = new MemoryQueue();
    const [enqueued] = await q.enqueueMany([{ type: 't', queue: 'default', params: {}, maxAttempts: 2 }]);
    const [first] = await claim(q);
    expect(first?.id).toBe(enqueued?.id);
    const retryAt = new Date(Date.now() - 1);
    const errorInfo = [{ code: 'X', key: 'k', params: {}, severity: 'error' as const }];
    expect(await q.fail(enqueued?.id ?? '', worker.id, { errorInfo, retryAt })).toBe(true);
    retryAt.setTime(Date.now() + 3_600_000); // the caller's date is not the store's
    expect((await q.get(enqueued?.id ?? ''))?.state).toBe('Enqueued');
    const [again] = await claim(q);
    expect(again?.id).toBe(enqueued?.id);
    expect(again?.attempts).toBe(2);
  });

  it('keeps a job enqueued with a date of the caller as it was given', async () => {
    const q = new MemoryQueue();
    const runAt = new Date(Date.now() + 3_600_000);
    const [enqueued] = await q.enqueueMany([
      { type: 't', queue: 'default', params: {}, maxAttempts: 1, runAt },
    ]);
    runAt.setTime(0);
    expect((await q.get(enqueued?.id ?? ''))?.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(await claim(q)).toEqual([]);
  });
});
