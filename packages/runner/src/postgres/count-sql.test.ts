import { testJob, testWorker } from '@hangar/core/testing';
import { describe, expect, it } from 'vitest';
import { postgresTestScope } from './postgres-test-scope.js';
import { adminQuery } from './test-database.js';

const worker = testWorker('count-worker');

describe('PostgreSQL job counts', () => {
  const scope = postgresTestScope();

  /** Enqueues `n` jobs of customer `c1` and finishes them all as Succeeded. */
  async function succeeded(queue: Awaited<ReturnType<typeof scope.open>>, n: number): Promise<void> {
    await queue.enqueueMany(
      Array.from({ length: n }, (_, i) => testJob({ customerId: 'c1', params: { i } })),
    );
    const claimed = await queue.claim({
      queues: ['default'],
      types: ['test.job'],
      limit: n,
      leaseMs: 30_000,
      worker,
    });
    expect(claimed).toHaveLength(n);
    await Promise.all(claimed.map((job) => queue.complete(job.id, worker.id, { success: true })));
  }

  it('counts finished jobs exactly up to exactCountLimit, then estimates them from the statistics', async () => {
    const queue = await scope.open({ exactCountLimit: 5, countCacheMs: 0 });
    await succeeded(queue, 4);
    const exact = await queue.countJobs({ customerId: 'c1' });
    expect(exact.counts).toEqual([{ queue: 'default', state: 'Succeeded', count: 4, estimated: false }]);

    await succeeded(queue, 36);
    await queue.enqueue(testJob({ customerId: 'c1' }));
    await queue.enqueue(testJob({ customerId: 'c2' }));
    await adminQuery(`ANALYZE "${scope.schema}".job`);
    const estimated = await queue.countJobs({ customerId: 'c1' });
    const done = estimated.counts.find((c) => c.state === 'Succeeded');
    expect(done?.estimated).toBe(true);
    // ANALYZE read every row of so small a table: the estimate is close to the 40 there are.
    expect(done?.count).toBeGreaterThanOrEqual(32);
    expect(done?.count).toBeLessThanOrEqual(48);
    expect(estimated.counts.find((c) => c.state === 'Enqueued')).toEqual({
      queue: 'default',
      state: 'Enqueued',
      count: 1,
      estimated: false,
    });
  });

  it('keeps finished counts for countCacheMs, and counts live jobs on every call', async () => {
    const queue = await scope.open({ countCacheMs: 60_000 });
    await succeeded(queue, 2);
    const first = await queue.countJobs({ customerId: 'c1' });
    await succeeded(queue, 1);
    await queue.enqueue(testJob({ customerId: 'c1' }));
    const second = await queue.countJobs({ customerId: 'c1' });
    expect(second.finishedCountedAt).toEqual(first.finishedCountedAt);
    expect(second.counts.map((c) => [c.state, c.count])).toEqual([
      ['Enqueued', 1],
      ['Succeeded', 2],
    ]);
    const fresh = await (await scope.open({ countCacheMs: 0 })).countJobs({ customerId: 'c1' });
    expect(fresh.counts.map((c) => [c.state, c.count])).toEqual([
      ['Enqueued', 1],
      ['Succeeded', 3],
    ]);
  });

  it('refuses a count setting that is not a whole number, naming it', async () => {
    await expect(scope.open({ exactCountLimit: 0 })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      params: { option: 'exactCountLimit' },
    });
    await expect(scope.open({ countCacheMs: 1.5 })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      params: { option: 'countCacheMs' },
    });
  });
});
