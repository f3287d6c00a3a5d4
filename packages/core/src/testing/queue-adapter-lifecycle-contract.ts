import { describe, expect, it, vi } from 'vitest';
import { isWakeUp, type QueueChange } from '../queue/queue-adapter.js';
import { anError, type ContractScope, claimAll, sleep, testJob, W1, W2 } from './contract-harness.js';

/** Completion, retries, leases, cancellation, logs, locks, schedules, retention and events. */
export function defineLifecycleContract(s: ContractScope): void {
  describe('completion and retries', () => {
    it('ends no job and throws nothing for an id that names no job', async () => {
      for (const id of ['999999999', 'not-an-id', '']) {
        expect(await s.a.complete(id, W1.id, { success: true })).toBe(false);
        expect(await s.a.fail(id, W1.id, { errorInfo: anError })).toBe(false);
        expect(await s.a.markCancelled(id, W1.id, { success: false })).toBe(false);
        expect(await s.a.release(id, W1.id)).toBe(false);
        expect(await s.a.requestCancel(id)).toBe('not-found');
        expect(await s.a.heartbeat(W1.id, [id], 30_000)).toEqual([]);
        expect(await s.a.get(id)).toBeUndefined();
      }
    });

    it('completes a job with its result, only for the worker holding it', async () => {
      const { id } = await s.a.enqueue(testJob());
      await s.a.claim({ ...claimAll, worker: W1 });
      expect(await s.b.complete(id, W2.id, { success: true })).toBe(false);
      expect(await s.b.complete(id, W1.id, { success: true, result: { total: 3 } })).toBe(true);
      const job = await s.a.get(id);
      expect(job).toMatchObject({ state: 'Succeeded', result: { success: true, result: { total: 3 } } });
      expect(job?.finishedAt).toBeInstanceOf(Date);
      expect(await s.a.complete(id, W1.id, { success: true })).toBe(false);
    });

    it('schedules a retry at the given time, then fails for good', async () => {
      const { id } = await s.a.enqueue(testJob({ maxAttempts: 2 }));
      await s.a.claim({ ...claimAll, worker: W1 });
      expect(await s.a.fail(id, W1.id, { errorInfo: anError, retryAt: new Date(Date.now() + 300) })).toBe(
        true,
      );
      const retrying = await s.a.get(id);
      expect(retrying).toMatchObject({ state: 'Scheduled', attempts: 1 });
      expect(retrying?.errorInfo).toEqual(anError);
      expect(await s.a.claim({ ...claimAll, worker: W1 })).toHaveLength(0);
      await sleep(350);
      const [again] = await s.b.claim({ ...claimAll, worker: W2 });
      expect(again?.attempts).toBe(2);
      expect(await s.b.fail(id, W2.id, { errorInfo: anError })).toBe(true);
      expect((await s.a.get(id))?.state).toBe('Failed');
    });

    it('hands a job back without using up an attempt on release', async () => {
      const { id } = await s.a.enqueue(testJob());
      await s.a.claim({ ...claimAll, worker: W1 });
      expect(await s.a.release(id, W1.id)).toBe(true);
      const job = await s.a.get(id);
      expect(job).toMatchObject({ state: 'Enqueued', attempts: 0 });
      expect((await s.b.claim({ ...claimAll, worker: W2 })).map((j) => j.id)).toEqual([id]);
    });
  });

  describe('leases', () => {
    it('redelivers a job whose worker stopped heartbeating (at-least-once)', async () => {
      const { id } = await s.a.enqueue(testJob());
      await s.a.claim({ ...claimAll, leaseMs: 150, worker: W1 });
      expect(await s.b.recoverExpiredLeases()).toEqual([]);
      await sleep(250);
      expect(await s.b.recoverExpiredLeases()).toEqual([id]);
      expect((await s.b.get(id))?.state).toBe('Enqueued');
      const [again] = await s.b.claim({ ...claimAll, worker: W2 });
      expect(again).toMatchObject({ id, attempts: 2 });
      expect(await s.a.complete(id, W1.id, { success: true })).toBe(false);
      expect(await s.b.complete(id, W2.id, { success: true })).toBe(true);
    });

    it('keeps a job whose worker heartbeats', async () => {
      const { id } = await s.a.enqueue(testJob());
      await s.a.claim({ ...claimAll, leaseMs: 200, worker: W1 });
      for (let i = 0; i < 3; i++) {
        await sleep(100);
        expect(await s.a.heartbeat(W1.id, [id], 200)).toEqual([id]);
      }
      expect(await s.b.recoverExpiredLeases()).toEqual([]);
      expect((await s.b.get(id))?.state).toBe('Processing');
      expect(await s.a.heartbeat(W2.id, [id], 200)).toEqual([]);
    });

    it('fails a job whose last attempt lost its lease', async () => {
      const { id } = await s.a.enqueue(testJob({ maxAttempts: 1 }));
      await s.a.claim({ ...claimAll, leaseMs: 100, worker: W1 });
      await sleep(200);
      expect(await s.b.recoverExpiredLeases()).toEqual([id]);
      const job = await s.b.get(id);
      expect(job?.state).toBe('Failed');
      expect(job?.errorInfo?.[0]?.code).toBe('LEASE_EXPIRED');
    });
  });

  describe('cancellation', () => {
    it('cancels a queued job so that it never runs', async () => {
      const { id } = await s.a.enqueue(testJob());
      expect(await s.b.requestCancel(id)).toBe('cancelled');
      expect((await s.a.get(id))?.state).toBe('Cancelled');
      expect(await s.a.claim({ ...claimAll, worker: W1 })).toHaveLength(0);
      expect(await s.a.requestCancel(id)).toBe('finished');
      expect(await s.a.requestCancel('nope')).toBe('not-found');
    });

    it('delivers the cancellation of a running job to its worker in another process', async () => {
      const { id } = await s.a.enqueue(testJob({ customerId: 'c1' }));
      const seen: string[] = [];
      const unsubscribe = await s.a.onCancelRequest(W1.id, (jobId) => seen.push(jobId));
      await s.a.claim({ ...claimAll, worker: W1 });
      expect(await s.b.requestCancel(id, { customerId: 'c2' })).toBe('not-found');
      expect(await s.b.requestCancel(id, { customerId: 'c1' })).toBe('requested');
      await vi.waitFor(() => expect(seen).toEqual([id]), { timeout: 1000, interval: 10 });
      expect((await s.b.get(id))?.cancelRequested).toBe(true);
      expect(await s.a.markCancelled(id, W1.id, { success: false })).toBe(true);
      expect((await s.b.get(id))?.state).toBe('Cancelled');
      await unsubscribe();
    });
  });

  describe('parent and child', () => {
    it('keeps a child Awaiting until its parent succeeds', async () => {
      const parent = await s.a.enqueue(testJob());
      const child = await s.a.enqueue(testJob({ parentId: parent.id }));
      expect(child.job.state).toBe('Awaiting');
      const claimed = await s.a.claim({ ...claimAll, worker: W1 });
      expect(claimed.map((j) => j.id)).toEqual([parent.id]);
      await s.a.complete(parent.id, W1.id, { success: true });
      expect((await s.a.get(child.id))?.state).toBe('Enqueued');
    });

    it('cancels the child of a failed parent, and a child enqueued after it', async () => {
      const parent = await s.a.enqueue(testJob({ maxAttempts: 1 }));
      const child = await s.a.enqueue(testJob({ parentId: parent.id }));
      await s.a.claim({ ...claimAll, worker: W1 });
      await s.a.fail(parent.id, W1.id, { errorInfo: anError });
      const why = [
        {
          code: 'PARENT_CONDITION_UNMET',
          key: 'hangar.error.parentConditionUnmet',
          params: { parentId: parent.id, state: 'Failed', condition: 'success' },
        },
      ];
      const cancelled = await s.a.get(child.id);
      expect(cancelled?.state).toBe('Cancelled');
      expect(cancelled?.errorInfo).toMatchObject(why);
      expect(cancelled?.finishedAt).toBeInstanceOf(Date);
      const late = await s.a.enqueue(testJob({ parentId: parent.id }));
      expect(late.job.state).toBe('Cancelled');
      expect(late.job.errorInfo).toMatchObject(why);
      expect(await s.a.get(late.id)).toEqual(late.job);
      const afterSuccess = await s.a.enqueue(testJob());
      await s.a.claim({ ...claimAll, worker: W1 });
      await s.a.complete(afterSuccess.id, W1.id, { success: true });
      const lateChild = await s.a.enqueue(testJob({ parentId: afterSuccess.id }));
      expect(lateChild.job.state).toBe('Enqueued');
    });
  });

  describe('listing and logs', () => {
    it('refuses a page size that is not a positive integer, and cuts a page at 1000 jobs', async () => {
      for (const limit of [0, 2.5]) {
        await expect(s.a.list({ limit })).rejects.toMatchObject({
          code: 'CONFIG_INVALID',
          params: { option: 'limit' },
        });
      }
      await s.a.enqueueMany(Array.from({ length: 1001 }, (_, n) => testJob({ params: { n } })));
      const first = await s.a.list({ limit: 5000 });
      expect(first.items).toHaveLength(1000);
      const rest = await s.a.list({ limit: 5000, cursor: first.nextCursor });
      expect(rest.items).toHaveLength(1);
      expect(rest.nextCursor).toBeUndefined();
    });

    it('refuses a cursor it did not issue, naming cursor', async () => {
      await s.a.enqueueMany([testJob(), testJob()]);
      const first = await s.a.list({ limit: 1 });
      expect(first.nextCursor).toBeDefined();
      for (const cursor of ['not-a-cursor', `${first.nextCursor}x`, '../../etc']) {
        await expect(s.a.list({ cursor })).rejects.toMatchObject({
          code: 'CONFIG_INVALID',
          params: { option: 'cursor' },
        });
      }
    });

    it('lists by user and by queue, alone and with a customer', async () => {
      const jane = await s.a.enqueue(testJob({ customerId: 'c1', userId: 'jane' }));
      const reports = await s.a.enqueue(testJob({ customerId: 'c1', userId: 'joe', queue: 'reports' }));
      const other = await s.a.enqueue(testJob({ customerId: 'c2', userId: 'jane', queue: 'reports' }));
      const ids = async (filter: Parameters<typeof s.b.list>[0]) =>
        (await s.b.list(filter)).items.map((j) => j.id);
      expect(await ids({ userId: 'jane' })).toEqual([other.id, jane.id]);
      expect(await ids({ userId: 'jane', customerId: 'c1' })).toEqual([jane.id]);
      expect(await ids({ queue: 'reports' })).toEqual([other.id, reports.id]);
      expect(await ids({ queue: 'reports', customerId: 'c1', userId: 'joe' })).toEqual([reports.id]);
      expect(await ids({ queue: 'reports', userId: 'nobody' })).toEqual([]);
    });

    it('lists by customer, state and type, newest first, across pages', async () => {
      for (let i = 0; i < 7; i++) await s.a.enqueue(testJob({ customerId: 'c1', params: { n: i } }));
      await s.a.enqueue(testJob({ customerId: 'c2' }));
      await s.a.enqueue(testJob({ customerId: 'c1', type: 'other.job' }));
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await s.b.list({ customerId: 'c1', types: ['test.job'], limit: 3, cursor });
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((j) => (j.params as { n: number }).n));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0]);
      const c2 = await s.b.list({ customerId: 'c2' });
      expect(c2.items).toHaveLength(1);
      expect((await s.b.list({ customerId: 'c1', states: ['Processing'] })).items).toHaveLength(0);
    });

    it('keeps progress and messages in order and updates the latest progress', async () => {
      const { id } = await s.a.enqueue(testJob());
      await s.a.claim({ ...claimAll, worker: W1 });
      await s.a.appendLog(id, [
        { at: new Date(), level: 'progress', message: { key: 'p.one' }, current: 1, total: 3 },
        { at: new Date(), level: 'warning', message: { key: 'w.one', params: { company: 'C1' } } },
      ]);
      await s.a.appendLog(id, [
        { at: new Date(), level: 'progress', message: { key: 'p.two' }, current: 2, total: 3 },
      ]);
      const log = await s.b.getLog(id);
      expect(log.map((e) => [e.seq, e.level, e.message.key])).toEqual([
        [1, 'progress', 'p.one'],
        [2, 'warning', 'w.one'],
        [3, 'progress', 'p.two'],
      ]);
      expect(log[1]?.message.params).toEqual({ company: 'C1' });
      expect((await s.b.getLog(id, { afterSeq: 2 })).map((e) => e.seq)).toEqual([3]);
      expect((await s.b.get(id))?.progress).toMatchObject({
        message: { key: 'p.two' },
        current: 2,
        total: 3,
      });
    });

    it('refuses messages for a job that does not exist, and reads no log for it', async () => {
      for (const jobId of ['999999999', 'not-an-id']) {
        await expect(
          s.a.appendLog(jobId, [{ at: new Date(), level: 'info', message: { key: 'i.one' } }]),
        ).rejects.toMatchObject({ code: 'JOB_NOT_FOUND', params: { jobId } });
        expect(await s.b.getLog(jobId)).toEqual([]);
      }
    });
  });

  describe('locks', () => {
    it('gives a lock to one owner, releases only for that owner, and expires', async () => {
      expect(await s.a.acquireLock('conso:1', 'alice', 200)).toBe(true);
      expect(await s.b.acquireLock('conso:1', 'bob', 200)).toBe(false);
      expect(await s.b.releaseLock('conso:1', 'bob')).toBe(false);
      expect(await s.a.extendLock('conso:1', 'alice', 300)).toBe(true);
      expect(await s.b.extendLock('conso:1', 'bob', 300)).toBe(false);
      await sleep(350);
      expect(await s.b.acquireLock('conso:1', 'bob', 5000)).toBe(true);
      expect(await s.a.releaseLock('conso:1', 'alice')).toBe(false);
      expect(await s.b.releaseLock('conso:1', 'bob')).toBe(true);
      expect(await s.a.acquireLock('conso:1', 'alice', 5000)).toBe(true);
    });

    it('refuses a time to live that is not a positive number of ms, naming ttlMs', async () => {
      for (const ttl of [0, -1, Number.NaN]) {
        await expect(s.a.acquireLock('conso:2', 'alice', ttl)).rejects.toMatchObject({
          code: 'CONFIG_INVALID',
          params: { option: 'ttlMs' },
        });
      }
      expect(await s.a.acquireLock('conso:2', 'alice', 0.5)).toBe(true);
      await expect(s.a.extendLock('conso:2', 'alice', 0)).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    });
  });

  describe('schedules', () => {
    it('stores schedules and lets exactly one runner fire a due one', async () => {
      const due = new Date(Date.now() - 1000);
      await s.a.saveSchedule({
        name: 'nightly',
        cron: '0 2 * * *',
        timezone: 'Europe/Paris',
        type: 'test.job',
        params: { n: 1 },
        options: { queue: 'default', customerId: 'c1' },
        paused: false,
        nextRunAt: due,
        lastRunAt: null,
      });
      expect((await s.b.getSchedule('nightly'))?.nextRunAt?.getTime()).toBe(due.getTime());
      const next = new Date(Date.now() + 86_400_000);
      const wins = await Promise.all([
        s.a.advanceSchedule('nightly', due, next, new Date()),
        s.b.advanceSchedule('nightly', due, next, new Date()),
        s.a.advanceSchedule('nightly', due, next, new Date()),
      ]);
      expect(wins.filter(Boolean)).toHaveLength(1);
      const saved = await s.a.getSchedule('nightly');
      expect(saved?.nextRunAt?.getTime()).toBe(next.getTime());
      expect(saved?.lastRunAt).toBeInstanceOf(Date);
      expect((await s.b.listSchedules()).map((x) => x.name)).toEqual(['nightly']);
      expect(await s.b.deleteSchedule('nightly')).toBe(true);
      expect(await s.b.deleteSchedule('nightly')).toBe(false);
    });
  });

  describe('retention and events', () => {
    it('deletes finished jobs past retention and keeps the rest', async () => {
      const done = await s.a.enqueue(testJob());
      const failed = await s.a.enqueue(testJob({ maxAttempts: 1 }));
      const waiting = await s.a.enqueue(testJob({ type: 'other.job' }));
      await s.a.claim({ ...claimAll, worker: W1 });
      await s.a.complete(done.id, W1.id, { success: true });
      await s.a.fail(failed.id, W1.id, { errorInfo: anError });
      await sleep(20);
      expect(await s.a.cleanup({ succeededMs: 3_600_000, cancelledMs: 3_600_000, failedMs: 3_600_000 })).toBe(
        0,
      );
      expect(await s.a.cleanup({ succeededMs: 0, cancelledMs: 0, failedMs: 3_600_000 })).toBe(1);
      expect(await s.a.get(done.id)).toBeUndefined();
      expect(await s.a.get(failed.id)).toBeDefined();
      expect(await s.a.get(waiting.id)).toBeDefined();
    });

    it('refuses a retention policy it cannot apply, naming the field', async () => {
      const policy = { succeededMs: 0, cancelledMs: 0, failedMs: 0 };
      for (const [patch, option] of [
        [{ failedMs: -5 }, 'failedMs'],
        [{ succeededMs: Number.NaN }, 'succeededMs'],
        [{ batchSize: 0 }, 'batchSize'],
      ] as const) {
        await expect(s.a.cleanup({ ...policy, ...patch })).rejects.toMatchObject({
          code: 'CONFIG_INVALID',
          params: { option },
        });
      }
    });

    it('publishes changes to every process sharing the backend', async () => {
      const changes: QueueChange[] = [];
      const unsubscribe = await s.b.subscribe((c) => changes.push(c));
      const { id } = await s.a.enqueue(testJob());
      await s.a.claim({ ...claimAll, worker: W1 });
      await s.a.complete(id, W1.id, { success: true });
      await vi.waitFor(
        () => {
          expect(changes.some((c) => c.kind === 'enqueued' && c.jobId === id)).toBe(true);
          expect(changes.some((c) => c.kind === 'state' && c.jobId === id && c.state === 'Succeeded')).toBe(
            true,
          );
        },
        { timeout: 2000, interval: 10 },
      );
      await unsubscribe();
    });

    it('gives a wake-ups-only subscriber every enqueue and every job that becomes Enqueued', async () => {
      const wakeUps: QueueChange[] = [];
      const all: QueueChange[] = [];
      const offWake = await s.b.subscribe((c) => wakeUps.push(c), { wakeUpsOnly: true });
      const { id } = await s.a.enqueue(testJob());
      const later = await s.a.enqueue({ ...testJob(), runAt: new Date(Date.now() + 3_600_000) });
      await s.a.claim({ ...claimAll, worker: W1 });
      // a full subscriber beside it, as an API server next to a worker in one process
      const offAll = await s.b.subscribe((c) => all.push(c));
      await s.a.release(id, W1.id);
      await vi.waitFor(
        () => {
          const woke = wakeUps.filter(isWakeUp);
          expect(woke.some((c) => c.kind === 'enqueued' && c.jobId === id)).toBe(true);
          expect(woke.some((c) => c.kind === 'enqueued' && c.jobId === later.id)).toBe(true);
          expect(woke.some((c) => c.kind === 'state' && c.jobId === id && c.state === 'Enqueued')).toBe(true);
          expect(all.some((c) => c.kind === 'state' && c.jobId === id && c.state === 'Enqueued')).toBe(true);
        },
        { timeout: 2000, interval: 10 },
      );
      await offAll();
      await offWake();
    });
  });
}
