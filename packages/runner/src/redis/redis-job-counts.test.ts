import { testJob, testWorker } from '@hangar/core/testing';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from './redis-invariants.js';
import { parseCountField } from './redis-job-counts.js';
import { countOwner } from './redis-keys.js';
import { redisTestSkip, useRedisTestScope } from './redis-test-harness.js';

const skip = await redisTestSkip('Redis count tests');
const W1 = testWorker('worker-1');

describe('parseCountField', () => {
  it('reads back the owner the scripts write, whatever the names hold', () => {
    for (const [customerId, queue] of [
      ['a|b:1', 'q:|x'],
      [undefined, '-|'],
      ['', 'default'],
    ] as const) {
      expect(parseCountField(`${countOwner(customerId, queue)}|Failed`)).toEqual({
        owner: countOwner(customerId, queue),
        customerId,
        queue,
        state: 'Failed',
      });
    }
    expect(parseCountField('2:c1|7:default|Exploded')).toBeUndefined();
    expect(parseCountField('nonsense')).toBeUndefined();
  });
});

describe.skipIf(skip !== undefined)('Redis countJobs', () => {
  const s = useRedisTestScope();

  it('counts names holding the separators apart, and recounts once a deployment that kept no counts', async () => {
    const q = await s.setup();
    const odd = { customerId: 'a|b:1', queue: 'q:|x' };
    await q.enqueue(testJob(odd));
    await q.enqueue(testJob({ customerId: 'a', queue: 'b:1|q:|x' }));
    const done = await q.enqueue(testJob({ customerId: 'c1' }));
    const waiting = await q.enqueue(testJob({ customerId: 'c1' }));
    const [claimed] = await q.claim({
      queues: ['default'],
      types: ['test.job'],
      limit: 1,
      leaseMs: 30_000,
      worker: W1,
    });
    expect(claimed?.id).toBe(done.id);
    await q.complete(done.id, W1.id, { success: true });
    await q.enqueue(testJob({ customerId: 'c1', queue: 'other', runAt: new Date(Date.now() + 60_000) }));

    const shown = async () => ({
      odd: await q.countJobs(odd),
      c1: await q.countJobs({ customerId: 'c1' }),
      all: await q.countJobs(),
    });
    const before = await shown();
    expect(before.odd.counts.map((c) => [c.queue, c.state, c.count])).toEqual([['q:|x', 'Enqueued', 1]]);
    expect(before.c1.counts.map((c) => [c.queue, c.state, c.count])).toEqual([
      ['default', 'Enqueued', 1],
      ['default', 'Succeeded', 1],
      ['other', 'Scheduled', 1],
    ]);
    expect(before.c1.oldestWaiting.map((o) => [o.queue, o.jobId])).toEqual([['default', waiting.id]]);
    expect(before.all.counts.find((c) => c.queue === 'q:|x')?.count).toBe(1);
    expect(before.all.counts.find((c) => c.queue === 'b:1|q:|x')?.count).toBe(1);

    // As a deployment whose jobs an earlier version stored: no counts, no wait sets, no mark.
    const P = `${s.ns.prefix}:`;
    const waits = await s.admin.keys(`${P}wait:*`);
    expect(waits.length).toBeGreaterThan(0);
    await s.admin.del(`${P}counts`, `${P}countsv`, ...waits);
    const after = await shown();
    expect(after.c1.counts).toEqual(before.c1.counts);
    expect(after.odd.counts).toEqual(before.odd.counts);
    expect(after.all.counts).toEqual(before.all.counts);
    expect(after.all.oldestWaiting).toEqual(before.all.oldestWaiting);
    expect(await s.admin.get(`${P}countsv`)).toBe('1');
    expect(await checkInvariants(s.admin, s.ns.prefix, { counts: true })).toEqual([]);
  });
});
