import { describe, expect, it } from 'vitest';
import type { RunnerInfo } from '../queue/runner-record.js';
import { type ContractScope, sleep, testJob, testWorker } from './contract-harness.js';

const claimAll = { queues: ['default'], types: ['test.job'], limit: 100, leaseMs: 30_000 };

function runner(id: string, queues: Record<string, number>): RunnerInfo {
  return {
    id,
    host: 'test-host',
    pid: 42,
    queues,
    types: ['test.job'],
    startedAt: new Date('2026-01-02T03:04:05Z'),
  };
}

/** Runner advertisements (with expiry) and queue depths: what tells a caller whether a queue is served. */
export function defineRunnersContract(s: ContractScope): void {
  describe('runners and queue depths', () => {
    it('lists the runners advertised from every process until they withdraw or lapse', async () => {
      await s.a.advertiseRunner(runner('r1', { default: 4, imports: 2 }), 30_000);
      await s.b.advertiseRunner(runner('r2', { reports: 1 }), 300);
      const both = await s.a.listRunners();
      expect(both.map((r) => r.id)).toEqual(['r1', 'r2']);
      expect(both[0]).toMatchObject({
        host: 'test-host',
        pid: 42,
        queues: { default: 4, imports: 2 },
        types: ['test.job'],
      });
      expect(both[0]?.startedAt).toEqual(new Date('2026-01-02T03:04:05Z'));
      expect(both[0]?.expiresAt.getTime()).toBeGreaterThan(
        both[0]?.seenAt.getTime() ?? Number.POSITIVE_INFINITY,
      );

      await sleep(400);
      expect((await s.b.listRunners()).map((r) => r.id)).toEqual(['r1']);
      // Advertising again refreshes the record and its queues.
      await s.b.advertiseRunner(runner('r1', { default: 8 }), 30_000);
      expect((await s.a.listRunners()).map((r) => r.queues)).toEqual([{ default: 8 }]);
      await s.a.withdrawRunner('r1');
      await s.a.withdrawRunner('never-advertised');
      expect(await s.b.listRunners()).toEqual([]);
    });

    it('counts the Enqueued jobs of each queue with the earliest run-at among them, across processes', async () => {
      expect(await s.a.queueDepths()).toEqual([]);
      const past = (ms: number) => new Date(Date.now() - ms);
      // Priorities apart: the oldest job is not the next one to run.
      const [oldest] = await s.a.enqueueMany([
        testJob({ runAt: past(60_000), priority: 5 }),
        testJob({ runAt: past(1_000), priority: -5 }),
        testJob({ runAt: past(30_000) }),
        testJob({ queue: 'imports' }),
        testJob({ queue: 'later', runAt: new Date(Date.now() + 60_000) }),
      ]);
      const depths = await s.b.queueDepths();
      expect(depths.map(({ queue, waiting }) => ({ queue, waiting }))).toEqual([
        { queue: 'default', waiting: 3 },
        { queue: 'imports', waiting: 1 },
      ]);
      expect(depths[0]?.oldestRunAt.getTime()).toBe(oldest?.job.runAt.getTime());
      // Claims take the best priorities first (-5, then 0): the oldest job, at 5, waits longest.
      await s.a.claim({ ...claimAll, limit: 2, worker: testWorker('w1') });
      expect((await s.b.queueDepths())[0]).toMatchObject({
        queue: 'default',
        waiting: 1,
        oldestRunAt: oldest?.job.runAt,
      });
      await s.a.claim({ ...claimAll, limit: 1, worker: testWorker('w1') });
      expect((await s.b.queueDepths()).map((d) => d.queue)).toEqual(['imports']);
    });
  });
}
