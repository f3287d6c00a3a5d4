import { describe, expect, it } from 'vitest';
import type { JobState } from '../state/job-state.js';
import { anError, type ContractScope, claimAll, testJob, W1 } from './contract-harness.js';

/** Listings that mix waiting and finished jobs, children of a job, and counts per queue and state. */
export function defineListingContract(s: ContractScope, countsJobs: boolean): void {
  describe('listing across states, children and counts', () => {
    /** Jobs of customer c1 in every state but Awaiting, enqueued in the order of `want`. */
    async function jobsInStates(): Promise<Array<{ id: string; state: JobState }>> {
      const want: JobState[] = ['Succeeded', 'Enqueued', 'Failed', 'Processing', 'Cancelled', 'Succeeded'];
      const made: Array<{ id: string; state: JobState }> = [];
      for (const state of want) {
        const queue = state === 'Enqueued' ? 'default' : 'work';
        const { id } = await s.a.enqueue(testJob({ customerId: 'c1', queue, maxAttempts: 1 }));
        if (state !== 'Enqueued') {
          const [claimed] = await s.a.claim({ ...claimAll, queues: ['work'], worker: W1 });
          expect(claimed?.id).toBe(id);
          if (state === 'Succeeded') await s.a.complete(id, W1.id, { success: true });
          if (state === 'Failed') await s.a.fail(id, W1.id, { errorInfo: anError });
          if (state === 'Cancelled') await s.a.markCancelled(id, W1.id, { success: false });
        }
        made.push({ id, state });
      }
      return made;
    }

    it('lists waiting, running and finished jobs together newest first, page by page', async () => {
      const made = await jobsInStates();
      await s.a.enqueue(testJob({ customerId: 'c2' }));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await s.b.list({ customerId: 'c1', limit: 2, cursor });
        seen.push(...page.items.map((j) => j.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(made.map((j) => j.id).reverse());
      const finished = await s.b.list({ customerId: 'c1', states: ['Failed', 'Succeeded', 'Enqueued'] });
      expect(finished.items.map((j) => j.id)).toEqual(
        made
          .filter((j) => ['Failed', 'Succeeded', 'Enqueued'].includes(j.state))
          .map((j) => j.id)
          .reverse(),
      );
      const byType = await s.b.list({ customerId: 'c1', types: ['test.job'], queue: 'work', limit: 3 });
      expect(byType.items.map((j) => j.id)).toEqual(
        made
          .filter((j) => j.state !== 'Enqueued')
          .map((j) => j.id)
          .reverse()
          .slice(0, 3),
      );
    });

    it('lists the children of a job, for its customer only', async () => {
      const parent = await s.a.enqueue(testJob({ customerId: 'c1' }));
      const first = await s.a.enqueue(testJob({ customerId: 'c1', parentId: parent.id }));
      await s.a.enqueue(testJob({ customerId: 'c1' }));
      const second = await s.a.enqueue(testJob({ customerId: 'c1', parentId: parent.id, userId: 'jane' }));
      const ids = async (filter: Parameters<typeof s.b.list>[0]) =>
        (await s.b.list(filter)).items.map((j) => j.id);
      expect(await ids({ parentId: parent.id })).toEqual([second.id, first.id]);
      expect(await ids({ parentId: parent.id, customerId: 'c1', userId: 'jane' })).toEqual([second.id]);
      expect(await ids({ parentId: parent.id, customerId: 'c2' })).toEqual([]);
      expect(await ids({ parentId: first.id })).toEqual([]);
      const page = await s.b.list({ parentId: parent.id, limit: 1 });
      expect(page.items.map((j) => j.id)).toEqual([second.id]);
      expect(
        (await s.b.list({ parentId: parent.id, cursor: page.nextCursor })).items.map((j) => j.id),
      ).toEqual([first.id]);
    });

    it('lists a child of several parents under each of them, before and after they end', async () => {
      const queue = 'parents';
      const p1 = await s.a.enqueue(testJob({ customerId: 'c1', queue, maxAttempts: 1 }));
      const p2 = await s.a.enqueue(testJob({ customerId: 'c1', queue, maxAttempts: 1 }));
      const both = await s.a.enqueue(
        testJob({ customerId: 'c1', parents: [{ id: p1.id }, { id: p2.id, on: 'end' }] }),
      );
      const second = await s.a.enqueue(testJob({ customerId: 'c1', parents: [{ id: p2.id }] }));
      const ids = async (parentId: string, customerId?: string) =>
        (await s.b.list({ parentId, customerId })).items.map((j) => j.id);
      expect(await ids(p1.id)).toEqual([both.id]);
      expect(await ids(p2.id)).toEqual([second.id, both.id]);
      expect(await ids(p2.id, 'c2')).toEqual([]);
      // Once the parents have ended, nothing waits on them any more: still their children.
      const claimed = await s.a.claim({ ...claimAll, queues: [queue], worker: W1 });
      expect(claimed.map((j) => j.id).sort()).toEqual([p1.id, p2.id].sort());
      await s.a.complete(p1.id, W1.id, { success: true });
      await s.a.complete(p2.id, W1.id, { success: true });
      expect((await s.b.get(both.id))?.state).toBe('Enqueued');
      expect(await ids(p1.id)).toEqual([both.id]);
      expect(await ids(p2.id, 'c1')).toEqual([second.id, both.id]);
      const page = await s.b.list({ parentId: p2.id, limit: 1 });
      expect(page.items.map((j) => j.id)).toEqual([second.id]);
      expect((await s.b.list({ parentId: p2.id, cursor: page.nextCursor })).items.map((j) => j.id)).toEqual([
        both.id,
      ]);
    });

    // Registered by capability, so no adapter reports a skipped test for what it does not offer.
    if (!countsJobs)
      it('has no countJobs, so callers count by listing', () => {
        expect(s.a.countJobs).toBeUndefined();
      });
    else
      it('counts jobs per queue and state, for one customer or all', async () => {
        expect(s.a.countJobs).toBeTypeOf('function');
        const made = await jobsInStates();
        await s.a.enqueue(testJob({ customerId: 'c2' }));
        const counts = await s.b.countJobs?.({ customerId: 'c1' });
        const exact = counts?.counts.map((c) => [c.queue, c.state, c.count, c.estimated]);
        expect(exact).toEqual([
          ['default', 'Enqueued', 1, false],
          ['work', 'Processing', 1, false],
          ['work', 'Succeeded', 2, false],
          ['work', 'Failed', 1, false],
          ['work', 'Cancelled', 1, false],
        ]);
        const waiting = made.find((j) => j.state === 'Enqueued');
        expect(counts?.oldestWaiting.map((o) => [o.queue, o.jobId])).toEqual([['default', waiting?.id]]);
        const all = await s.b.countJobs?.();
        expect(all?.counts.find((c) => c.queue === 'default' && c.state === 'Enqueued')?.count).toBe(2);
        expect((await s.b.countJobs?.({ customerId: 'nobody' }))?.counts).toEqual([]);
      });
  });
}
