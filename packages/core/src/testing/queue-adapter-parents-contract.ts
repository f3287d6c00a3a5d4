import { describe, expect, it } from 'vitest';
import type { ParentCondition, ParentDependencyInput } from '../queue/parent-dependency.js';
import type { QueueAdapter, QueueChange } from '../queue/queue-adapter.js';
import type { JobState } from '../state/job-state.js';
import { anError, type ContractScope, claimAll, sleep, testJob, W1, W2 } from './contract-harness.js';

/** Parents live on a queue of their own, so that claiming them never takes a released child. */
const PARENTS = 'parents';
const claimParents = { ...claimAll, queues: [PARENTS], limit: 1000 };

type Ending = 'succeed' | 'fail' | 'cancel';

/** Enqueues `n` parents and claims them, ready to be ended one by one. */
async function runningParents(q: QueueAdapter, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) ids.push((await q.enqueue(testJob({ queue: PARENTS, maxAttempts: 1 }))).id);
  await q.claim({ ...claimParents, worker: W1 });
  return ids;
}

/** Ends a claimed parent (held by W1) the given way. */
async function end(q: QueueAdapter, id: string, how: Ending): Promise<void> {
  const done =
    how === 'succeed'
      ? await q.complete(id, W1.id, { success: true })
      : how === 'fail'
        ? await q.fail(id, W1.id, { errorInfo: anError })
        : await q.markCancelled(id, W1.id, { success: false });
  expect(done, `${how} ${id}`).toBe(true);
}

const on = (id: string, condition?: ParentCondition): ParentDependencyInput =>
  condition === undefined ? { id } : { id, on: condition };

async function stateOf(q: QueueAdapter, id: string): Promise<JobState | undefined> {
  return (await q.get(id))?.state;
}

/** The error a child cancelled because of `parentId` carries. */
function unmet(parentId: string, state: JobState, condition: ParentCondition) {
  return [
    {
      code: 'PARENT_CONDITION_UNMET',
      key: 'hangar.error.parentConditionUnmet',
      params: { parentId, state, condition },
      severity: 'error',
    },
  ];
}

/**
 * Jobs that wait on several parents, each with a condition (`success`, `failure`, `end`): released
 * exactly once when the last parent ends as asked, cancelled naming the parent as soon as one
 * cannot, the cancellation cascading through grandchildren by their own conditions.
 */
export function defineParentsContract(s: ContractScope): void {
  describe('several parents and conditions', () => {
    it('releases a child on success of every parent only when the last one ends, and shows its parents', async () => {
      const [p1, p2, p3] = (await runningParents(s.a, 3)) as [string, string, string];
      const child = await s.a.enqueue(testJob({ parents: [on(p1), on(p2, 'success'), on(p3)] }));
      expect(child.job.state).toBe('Awaiting');
      const parents = [
        { id: p1, on: 'success' },
        { id: p2, on: 'success' },
        { id: p3, on: 'success' },
      ];
      expect(child.job).toMatchObject({ parentId: p1, parents });
      expect(await s.b.get(child.id)).toMatchObject({ parentId: p1, parents, state: 'Awaiting' });
      await end(s.a, p2, 'succeed');
      await end(s.b, p1, 'succeed');
      expect(await stateOf(s.a, child.id)).toBe('Awaiting');
      expect(await s.a.claim({ ...claimAll, worker: W2 })).toEqual([]);
      await end(s.b, p3, 'succeed');
      expect(await stateOf(s.a, child.id)).toBe('Enqueued');
      expect((await s.a.claim({ ...claimAll, worker: W2 })).map((j) => j.id)).toEqual([child.id]);
    });

    it('runs a child on failure of its parent (Failed or Cancelled), and cancels it, naming the parent, when it succeeds', async () => {
      const [failed, cancelled, succeeded] = (await runningParents(s.a, 3)) as [string, string, string];
      const onFail = await s.a.enqueue(testJob({ parents: [on(failed, 'failure')] }));
      const onCancel = await s.a.enqueue(testJob({ parents: [on(cancelled, 'failure')] }));
      const onSuccess = await s.a.enqueue(testJob({ parents: [on(succeeded, 'failure')] }));
      await end(s.a, failed, 'fail');
      await end(s.a, cancelled, 'cancel');
      await end(s.a, succeeded, 'succeed');
      expect(await stateOf(s.b, onFail.id)).toBe('Enqueued');
      expect(await stateOf(s.b, onCancel.id)).toBe('Enqueued');
      const never = await s.b.get(onSuccess.id);
      expect(never).toMatchObject({
        state: 'Cancelled',
        errorInfo: unmet(succeeded, 'Succeeded', 'failure'),
      });
      expect(never?.finishedAt).toBeInstanceOf(Date);
    });

    it('runs a child on end of its parents whatever their states, after the last one', async () => {
      const [p1, p2, p3] = (await runningParents(s.a, 3)) as [string, string, string];
      const child = await s.a.enqueue(testJob({ parents: [on(p1, 'end'), on(p2, 'end'), on(p3, 'end')] }));
      await end(s.a, p1, 'fail');
      await end(s.a, p2, 'cancel');
      expect(await stateOf(s.a, child.id)).toBe('Awaiting');
      await end(s.a, p3, 'succeed');
      expect(await stateOf(s.a, child.id)).toBe('Enqueued');
    });

    it('mixes conditions: waits for all, and cancels at once when one parent can no longer meet its own', async () => {
      const [a1, b1, a2, b2] = (await runningParents(s.a, 4)) as [string, string, string, string];
      const runs = await s.a.enqueue(testJob({ parents: [on(a1, 'success'), on(b1, 'failure')] }));
      const never = await s.a.enqueue(testJob({ parents: [on(a2, 'success'), on(b2, 'failure')] }));
      await end(s.a, a1, 'succeed');
      expect(await stateOf(s.a, runs.id)).toBe('Awaiting');
      await end(s.a, b1, 'fail');
      expect(await stateOf(s.a, runs.id)).toBe('Enqueued');
      // b2 succeeding breaks `failure`: the child is cancelled while a2 still runs
      await end(s.a, b2, 'succeed');
      expect(await s.b.get(never.id)).toMatchObject({
        state: 'Cancelled',
        errorInfo: unmet(b2, 'Succeeded', 'failure'),
      });
      await end(s.a, a2, 'succeed');
      expect(await stateOf(s.b, never.id)).toBe('Cancelled');
    });

    it('decides at enqueue for parents already finished: runs, schedules, waits for the rest, or cancels naming the first unmet', async () => {
      const [ok, bad, running] = (await runningParents(s.a, 3)) as [string, string, string];
      await end(s.a, ok, 'succeed');
      await end(s.a, bad, 'fail');
      const now = await s.a.enqueue(testJob({ parents: [on(ok), on(bad, 'failure')] }));
      expect(now.job.state).toBe('Enqueued');
      const later = new Date(Date.now() + 60_000);
      const scheduled = await s.a.enqueue(
        testJob({ runAt: later, parents: [on(ok, 'end'), on(bad, 'end')] }),
      );
      expect(scheduled.job.state).toBe('Scheduled');
      const waits = await s.a.enqueue(testJob({ parents: [on(ok), on(running)] }));
      expect(waits.job.state).toBe('Awaiting');
      const never = await s.a.enqueue(testJob({ parents: [on(running), on(ok, 'failure'), on(bad)] }));
      expect(never.job).toMatchObject({ state: 'Cancelled', errorInfo: unmet(ok, 'Succeeded', 'failure') });
      expect(never.job.finishedAt).toBeInstanceOf(Date);
      expect(await s.b.get(never.id)).toEqual(never.job);
      await end(s.a, running, 'succeed');
      expect(await stateOf(s.a, waits.id)).toBe('Enqueued');
      expect(await stateOf(s.a, never.id)).toBe('Cancelled');
    });

    it('cascades a cancellation through grandchildren by their own conditions', async () => {
      const [root] = (await runningParents(s.a, 1)) as [string];
      const child = await s.a.enqueue(testJob({ parents: [on(root)] }));
      const onChildFailure = await s.a.enqueue(testJob({ parents: [on(child.id, 'failure')] }));
      const onChildSuccess = await s.a.enqueue(testJob({ parents: [on(child.id)] }));
      const onChildEnd = await s.a.enqueue(testJob({ parents: [on(child.id, 'end')] }));
      const great = await s.a.enqueue(
        testJob({ parents: [on(onChildSuccess.id, 'end'), on(onChildEnd.id)] }),
      );
      await end(s.a, root, 'fail');
      expect(await s.b.get(child.id)).toMatchObject({
        state: 'Cancelled',
        errorInfo: unmet(root, 'Failed', 'success'),
      });
      expect(await stateOf(s.b, onChildFailure.id)).toBe('Enqueued');
      expect(await s.b.get(onChildSuccess.id)).toMatchObject({
        state: 'Cancelled',
        errorInfo: unmet(child.id, 'Cancelled', 'success'),
      });
      expect(await stateOf(s.b, onChildEnd.id)).toBe('Enqueued');
      // its first parent ended (Cancelled, `end` holds); its second is Enqueued: it still waits
      expect(await stateOf(s.b, great.id)).toBe('Awaiting');
    });

    it('cancels by hand: an Awaiting child never runs later, and a cancelled parent releases its failure children', async () => {
      const parent = await s.a.enqueue(testJob({ queue: PARENTS }));
      const other = await s.a.enqueue(testJob({ queue: PARENTS }));
      const waiting = await s.a.enqueue(testJob({ parents: [on(parent.id, 'end'), on(other.id, 'end')] }));
      const onFailure = await s.a.enqueue(testJob({ parents: [on(parent.id, 'failure')] }));
      const afterWaiting = await s.a.enqueue(testJob({ parents: [on(waiting.id, 'failure')] }));
      expect(await s.b.requestCancel(waiting.id)).toBe('cancelled');
      expect(await stateOf(s.a, afterWaiting.id)).toBe('Enqueued');
      expect(await s.b.requestCancel(parent.id)).toBe('cancelled');
      expect(await stateOf(s.a, onFailure.id)).toBe('Enqueued');
      expect(await s.b.requestCancel(other.id)).toBe('cancelled');
      expect(await stateOf(s.a, waiting.id)).toBe('Cancelled');
    });

    it('releases and cancels the children of a job failed by lease recovery', async () => {
      const lost = await s.a.enqueue(testJob({ queue: PARENTS, maxAttempts: 1 }));
      await s.a.claim({ ...claimParents, leaseMs: 100, worker: W1 });
      const onFailure = await s.a.enqueue(testJob({ parents: [on(lost.id, 'failure')] }));
      const onSuccess = await s.a.enqueue(testJob({ parents: [on(lost.id)] }));
      await sleep(200);
      expect(await s.b.recoverExpiredLeases()).toEqual([lost.id]);
      expect(await stateOf(s.a, lost.id)).toBe('Failed');
      expect(await stateOf(s.a, onFailure.id)).toBe('Enqueued');
      expect(await s.a.get(onSuccess.id)).toMatchObject({
        state: 'Cancelled',
        errorInfo: unmet(lost.id, 'Failed', 'success'),
      });
    });

    it('keeps children as they are when a finished parent is deleted or retried by hand', async () => {
      const [parent, gone] = (await runningParents(s.a, 2)) as [string, string];
      const cancelled = await s.a.enqueue(testJob({ parents: [on(parent)] }));
      const released = await s.a.enqueue(testJob({ parents: [on(parent, 'failure'), on(gone, 'end')] }));
      await end(s.a, parent, 'fail');
      await end(s.a, gone, 'succeed');
      expect(await s.a.deleteJob(gone)).toBe('deleted');
      expect(await stateOf(s.a, released.id)).toBe('Enqueued');
      await expect(s.a.enqueue(testJob({ parents: [on(gone, 'end')] }))).rejects.toMatchObject({
        code: 'JOB_NOT_FOUND',
        params: { jobId: gone },
      });
      // a retried parent runs again; the children decided on its first ending stay decided
      expect((await s.b.retryJob(parent, { attempts: 1 })).outcome).toBe('retried');
      await s.a.claim({ ...claimParents, worker: W1 });
      await end(s.a, parent, 'succeed');
      expect(await stateOf(s.a, cancelled.id)).toBe('Cancelled');
      expect(await stateOf(s.a, released.id)).toBe('Enqueued');
    });

    it('releases a child exactly once when its parents end at the same time in two processes', async () => {
      const parents = await runningParents(s.a, 8);
      const child = await s.a.enqueue(testJob({ parents: parents.map((id) => on(id, 'end')) }));
      const changes: QueueChange[] = [];
      const off = await s.a.subscribe((c) => {
        if (c.jobId === child.id) changes.push(c);
      });
      await Promise.all(
        parents.map((id, n) => end(n % 2 === 0 ? s.a : s.b, id, n % 3 === 0 ? 'fail' : 'succeed')),
      );
      expect(await stateOf(s.b, child.id)).toBe('Enqueued');
      const claimed = await Promise.all([
        s.a.claim({ ...claimAll, worker: W1 }),
        s.b.claim({ ...claimAll, worker: W2 }),
      ]);
      expect(claimed.flat().map((j) => j.id)).toEqual([child.id]);
      await sleep(100);
      await off();
      expect(changes.filter((c) => c.kind === 'state' && c.state === 'Enqueued')).toHaveLength(1);
    });

    it('never leaves a child waiting on a parent that ended while it was enqueued', async () => {
      for (let round = 0; round < 10; round += 1) {
        const [parent] = (await runningParents(s.a, 1)) as [string];
        const [child] = await Promise.all([
          s.b.enqueue(testJob({ parents: [on(parent, 'end')] })),
          end(s.a, parent, round % 2 === 0 ? 'succeed' : 'fail'),
        ]);
        expect(await stateOf(s.a, child.id), `round ${round}`).toBe('Enqueued');
        await s.a.claim({ ...claimAll, worker: W2 });
      }
    });

    it('refuses parents given badly, naming the field, and stores nothing of the batch', async () => {
      const [p] = (await runningParents(s.a, 1)) as [string];
      for (const [patch, option] of [
        [{ parentId: p, parents: [on(p)] }, 'parents'],
        [{ parents: [on(p), on(p, 'end')] }, 'parents.1.id'],
        [{ parents: [{ id: p, on: 'sometimes' as ParentCondition }] }, 'parents.0.on'],
        [{ parents: [{ id: '' }] }, 'parents.0.id'],
        [{ parents: Array.from({ length: 1001 }, (_, n) => on(`${p}${n}`)) }, 'parents'],
      ] as const) {
        await expect(s.a.enqueueMany([testJob(), testJob(patch)])).rejects.toMatchObject({
          code: 'CONFIG_INVALID',
          params: { option },
        });
      }
      await expect(
        s.a.enqueueMany([testJob(), testJob({ parents: [on(p), on('999999999')] })]),
      ).rejects.toMatchObject({ code: 'JOB_NOT_FOUND', params: { jobId: '999999999' } });
      expect((await s.a.list({ queue: 'default' })).items).toEqual([]);
      // no parents at all is a job like any other
      expect((await s.a.enqueue(testJob({ parents: [] }))).job).toMatchObject({
        state: 'Enqueued',
        parents: [],
      });
    });
  });
}
