import { describe, expect, it, vi } from 'vitest';
import { isWakeUp, type QueueChange } from '../queue/queue-adapter.js';
import { type ContractScope, testJob, testWorker } from './contract-harness.js';

const W1 = testWorker('worker-1');
const W2 = testWorker('worker-2');
const claimAll = { queues: ['default'], types: ['test.job'], limit: 100, leaseMs: 30_000 };
const anError = [{ code: 'BOOM', key: 'test.boom', params: {}, severity: 'error' as const }];
const entry = (text: string) => ({ at: new Date(), level: 'info' as const, message: { key: text } });

/** Retries and deletions by hand: the same job again with fresh attempts, and finished jobs removed. */
export function defineRetryDeleteContract(s: ContractScope): void {
  describe('retry by hand', () => {
    it('puts a Failed job back on its queue: same id, log and attempts kept, fresh attempts, claimable by any process', async () => {
      const { id } = await s.a.enqueue(testJob({ maxAttempts: 1, customerId: 'c1' }));
      await s.a.claim({ ...claimAll, worker: W1 });
      await s.a.appendLog(id, [entry('first.attempt')]);
      expect(await s.a.fail(id, W1.id, { errorInfo: anError })).toBe(true);
      const wakeUps: QueueChange[] = [];
      const off = await s.a.subscribe((c) => {
        if (c.jobId === id && isWakeUp(c)) wakeUps.push(c);
      });

      const retried = await s.b.retryJob(id, { attempts: 2, customerId: 'c1' });
      expect(retried.outcome).toBe('retried');
      const job = retried.outcome === 'retried' ? retried.job : undefined;
      expect(job).toMatchObject({ id, state: 'Enqueued', attempts: 1, maxAttempts: 3, errorInfo: anError });
      expect(job?.finishedAt).toBeUndefined();
      expect(job?.result).toBeUndefined();
      expect(await s.a.get(id)).toMatchObject({ state: 'Enqueued', attempts: 1, maxAttempts: 3 });
      await vi.waitFor(() => expect(wakeUps.length).toBeGreaterThan(0), { timeout: 1000, interval: 10 });
      await off();

      const [again] = await s.a.claim({ ...claimAll, worker: W2 });
      // The claimed record carries the new budget, so the worker retries a failure of this attempt.
      expect(again).toMatchObject({ id, attempts: 2, maxAttempts: 3 });
      expect(await s.a.complete(id, W2.id, { success: true })).toBe(true);
      expect((await s.b.get(id))?.state).toBe('Succeeded');
      expect((await s.b.getLog(id)).map((e) => e.message.key)).toEqual(['first.attempt']);
    });

    it('puts a Cancelled job back, whether it was cancelled waiting or running', async () => {
      const waiting = await s.a.enqueue(testJob());
      expect(await s.a.requestCancel(waiting.id)).toBe('cancelled');
      const running = await s.a.enqueue(testJob());
      await s.a.claim({ ...claimAll, worker: W1 });
      expect(await s.a.requestCancel(running.id)).toBe('requested');
      expect(await s.a.markCancelled(running.id, W1.id, { success: false })).toBe(true);

      for (const id of [waiting.id, running.id]) {
        const outcome = await s.b.retryJob(id, { attempts: 1 });
        expect(outcome).toMatchObject({
          outcome: 'retried',
          job: { state: 'Enqueued', cancelRequested: false },
        });
      }
      const claimed = await s.a.claim({ ...claimAll, worker: W1 });
      expect(claimed.map((j) => j.id).sort()).toEqual([waiting.id, running.id].sort());
    });

    it('refuses a job that is waiting, running or Succeeded, and an unknown or foreign one, changing nothing', async () => {
      const queued = await s.a.enqueue(testJob({ customerId: 'c1' }));
      expect(await s.a.retryJob(queued.id, { attempts: 1 })).toEqual({
        outcome: 'not-retryable',
        state: 'Enqueued',
      });
      await s.a.claim({ ...claimAll, worker: W1 });
      expect(await s.a.retryJob(queued.id, { attempts: 1 })).toEqual({
        outcome: 'not-retryable',
        state: 'Processing',
      });
      await s.a.complete(queued.id, W1.id, { success: true });
      expect(await s.a.retryJob(queued.id, { attempts: 1 })).toEqual({
        outcome: 'not-retryable',
        state: 'Succeeded',
      });
      expect(await s.a.get(queued.id)).toMatchObject({ state: 'Succeeded', attempts: 1, maxAttempts: 3 });

      const failed = await s.a.enqueue(testJob({ customerId: 'c1', maxAttempts: 1 }));
      await s.a.claim({ ...claimAll, worker: W1 });
      await s.a.fail(failed.id, W1.id, { errorInfo: anError });
      expect(await s.a.retryJob(failed.id, { attempts: 1, customerId: 'c2' })).toEqual({
        outcome: 'not-found',
      });
      expect((await s.a.get(failed.id))?.state).toBe('Failed');
      for (const id of ['999999999', 'not-an-id', '']) {
        expect(await s.a.retryJob(id, { attempts: 1 })).toEqual({ outcome: 'not-found' });
      }
    });

    it('retries a job once among concurrent retries from two processes', async () => {
      const { id } = await s.a.enqueue(testJob({ maxAttempts: 1 }));
      await s.a.claim({ ...claimAll, worker: W1 });
      await s.a.fail(id, W1.id, { errorInfo: anError });
      const outcomes = await Promise.all([
        s.a.retryJob(id, { attempts: 1 }),
        s.b.retryJob(id, { attempts: 1 }),
        s.a.retryJob(id, { attempts: 1 }),
        s.b.retryJob(id, { attempts: 1 }),
      ]);
      expect(outcomes.filter((o) => o.outcome === 'retried')).toHaveLength(1);
      expect(outcomes.filter((o) => o.outcome === 'not-retryable')).toHaveLength(3);
      expect(await s.a.get(id)).toMatchObject({ state: 'Enqueued', maxAttempts: 2 });
    });

    it('refuses an attempt budget that is not a positive integer, naming attempts', async () => {
      const { id } = await s.a.enqueue(testJob());
      for (const attempts of [0, -1, 1.5, Number.NaN]) {
        await expect(s.a.retryJob(id, { attempts })).rejects.toMatchObject({
          code: 'CONFIG_INVALID',
          params: { option: 'attempts' },
        });
      }
    });
  });

  describe('delete by hand', () => {
    it('deletes a finished job with its log, everywhere, and frees its idempotency key', async () => {
      const { id } = await s.a.enqueue(testJob({ customerId: 'c1', idempotencyKey: 'once' }));
      await s.a.claim({ ...claimAll, worker: W1 });
      await s.a.appendLog(id, [entry('work')]);
      await s.a.complete(id, W1.id, { success: true });

      expect(await s.b.deleteJob(id, { customerId: 'c2' })).toBe('not-found');
      expect(await s.b.deleteJob(id, { customerId: 'c1' })).toBe('deleted');
      expect(await s.a.get(id)).toBeUndefined();
      expect(await s.a.getLog(id)).toEqual([]);
      expect((await s.a.list()).items).toEqual([]);
      expect(await s.a.deleteJob(id)).toBe('not-found');
      const again = await s.a.enqueue(testJob({ customerId: 'c1', idempotencyKey: 'once' }));
      expect(again.created).toBe(true);
      expect(again.id).not.toBe(id);
    });

    it('deletes Failed and Cancelled jobs, and keeps waiting and running ones', async () => {
      const failed = await s.a.enqueue(testJob({ maxAttempts: 1 }));
      await s.a.claim({ ...claimAll, worker: W1 });
      await s.a.fail(failed.id, W1.id, { errorInfo: anError });
      const cancelled = await s.a.enqueue(testJob());
      await s.a.requestCancel(cancelled.id);
      const running = await s.a.enqueue(testJob());
      await s.a.claim({ ...claimAll, worker: W1 });
      const waiting = await s.a.enqueue(testJob({ runAt: new Date(Date.now() + 60_000) }));

      expect(await s.b.deleteJob(failed.id)).toBe('deleted');
      expect(await s.b.deleteJob(cancelled.id)).toBe('deleted');
      expect(await s.b.deleteJob(running.id)).toBe('not-finished');
      expect(await s.b.deleteJob(waiting.id)).toBe('not-finished');
      expect((await s.a.get(running.id))?.state).toBe('Processing');
      expect((await s.a.get(waiting.id))?.state).toBe('Scheduled');
      expect(await s.a.complete(running.id, W1.id, { success: true })).toBe(true);
      for (const id of ['999999999', 'not-an-id', '']) expect(await s.a.deleteJob(id)).toBe('not-found');
    });
  });
}
