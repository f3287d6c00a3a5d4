import { sleep, testJob, testWorker } from '@hangar/core/testing';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from './redis-invariants.js';
import { readyGroup, readyMember } from './redis-keys.js';
import { redisTestSkip, useRedisTestScope } from './redis-test-harness.js';

const skip = await redisTestSkip('Redis claim tests');
const W1 = testWorker('worker-1');
const W2 = testWorker('worker-2');
const claimAll = { queues: ['default'], types: ['test.job'], limit: 100, leaseMs: 30_000 };

describe.skipIf(skip !== undefined)('RedisQueue claiming and atomicity', () => {
  const s = useRedisTestScope();

  describe('atomicity', () => {
    it('writes nothing when an enqueue batch fails half-way through', async () => {
      await s.setup();
      await s.admin.set(`${s.ns.prefix}:idem`, 'not a hash');
      const batch = [testJob(), testJob(), testJob({ idempotencyKey: 'k', customerId: 'c1' })];
      await expect(s.q.enqueueMany(batch)).rejects.toThrow(/WRONGTYPE/);
      expect(await s.admin.exists(`${s.ns.prefix}:seq`, `${s.ns.prefix}:idx:all`)).toBe(0);
      expect((await s.q.list()).items).toHaveLength(0);
      await s.admin.del(`${s.ns.prefix}:idem`);
      expect((await s.q.enqueueMany(batch)).every((r) => r.created)).toBe(true);
    });

    it('leaves every job consistent when a claim fails between two jobs', async () => {
      await s.setup();
      const free = await s.q.enqueue(testJob({ priority: 0 }));
      const tenant = await s.q.enqueue(testJob({ priority: 1, customerId: 'c1' }));
      await s.admin.set(`${s.ns.prefix}:running`, 'not a hash');
      await expect(s.q.claim({ ...claimAll, leaseMs: 100, maxPerCustomer: 2, worker: W1 })).rejects.toThrow(
        /WRONGTYPE/,
      );
      expect((await s.q.get(free.id))?.state).toBe('Processing');
      expect((await s.q.get(tenant.id))?.state).toBe('Enqueued');
      await s.admin.del(`${s.ns.prefix}:running`);
      expect(await checkInvariants(s.admin, s.ns.prefix)).toEqual([]);
      // the claimer never saw the first job: its lease runs out and it is handed out again
      await sleep(150);
      expect(await s.q.recoverExpiredLeases()).toEqual([free.id]);
      const again = await s.q.claim({ ...claimAll, maxPerCustomer: 2, worker: W2 });
      expect(again.map((j) => j.id)).toEqual([free.id, tenant.id]);
    });

    it('creates one job for a key repeated within one batch', async () => {
      await s.setup();
      const [first, second] = await s.q.enqueueMany([
        testJob({ idempotencyKey: 'dup', customerId: 'c1' }),
        testJob({ idempotencyKey: 'dup', customerId: 'c1', params: { n: 2 } }),
      ]);
      expect(first?.created).toBe(true);
      expect(second).toMatchObject({ created: false, id: first?.id });
      expect(second?.job.params).toEqual({ n: 1 });
    });
  });

  describe('claiming', () => {
    it('merges queues and types by priority, run-at and enqueue order', async () => {
      await s.setup();
      const a = await s.q.enqueue(testJob({ queue: 'q1', type: 't1', priority: 2 }));
      const b = await s.q.enqueue(testJob({ queue: 'q2', type: 't1', priority: 1 }));
      const c = await s.q.enqueue(testJob({ queue: 'q1', type: 't2', priority: 1 }));
      const d = await s.q.enqueue(testJob({ queue: 'q2', type: 't2', priority: 0 }));
      const claimed = await s.q.claim({ ...claimAll, queues: ['q1', 'q2'], types: ['t1', 't2'], worker: W1 });
      expect(claimed.map((j) => j.id)).toEqual([d.id, b.id, c.id, a.id]);
    });

    it('runs a concurrency key’s jobs one by one without hiding the jobs behind them', async () => {
      await s.setup({ claimScanLimit: 10 });
      const keyed = await s.q.enqueueMany(
        Array.from({ length: 40 }, () => testJob({ concurrencyKey: 'conso:1' })),
      );
      const free = await s.q.enqueue(testJob());
      const seen: string[] = [];
      for (let round = 0; round < 6 && !seen.includes(free.id); round++) {
        seen.push(...(await s.q.claim({ ...claimAll, limit: 5, worker: W1 })).map((j) => j.id));
      }
      expect(seen).toEqual([keyed[0]?.id, free.id]);
      let done = 0;
      for (let running = keyed[0]?.id; running; done++) {
        expect(await s.q.complete(running, W1.id, { success: true })).toBe(true);
        const next = await s.q.claim({ ...claimAll, worker: W1 });
        expect(next.length).toBeLessThanOrEqual(1);
        running = next[0]?.id;
        if (running) expect(running).toBe(keyed[done + 1]?.id);
      }
      expect(done).toBe(40);
    });

    it('keeps a busy customer from starving the others, then gives its jobs back', async () => {
      await s.setup({ claimScanLimit: 10 });
      await s.q.enqueueMany(Array.from({ length: 60 }, () => testJob({ customerId: 'big' })));
      const small = await s.q.enqueue(testJob({ customerId: 'small' }));
      const claim = () => s.q.claim({ ...claimAll, limit: 10, maxPerCustomer: 2, worker: W1 });
      const running = [...(await claim())];
      for (let round = 0; round < 10 && !running.some((j) => j.id === small.id); round++)
        running.push(...(await claim()));
      expect(running.some((j) => j.id === small.id)).toBe(true);
      expect(running.filter((j) => j.customerId === 'big')).toHaveLength(2);
      let succeeded = 0;
      while (running.length > 0) {
        const job = running.pop();
        if (!job) break;
        expect(await s.q.complete(job.id, W1.id, { success: true })).toBe(true);
        succeeded++;
        running.push(...(await claim()));
        expect(running.filter((j) => j.customerId === 'big').length).toBeLessThanOrEqual(2);
      }
      expect(succeeded).toBe(61);
    });

    it('gives a customer more jobs when a claimer allows more than before', async () => {
      await s.setup();
      await s.q.enqueueMany(Array.from({ length: 5 }, () => testJob({ customerId: 'c1' })));
      expect(await s.q.claim({ ...claimAll, maxPerCustomer: 1, worker: W1 })).toHaveLength(1);
      expect(await s.q.claim({ ...claimAll, maxPerCustomer: 3, worker: W1 })).toHaveLength(2);
    });

    it('lets the next job of a key run when a set-aside job ahead of it is cancelled', async () => {
      await s.setup();
      const [j1, j2, j3] = await s.q.enqueueMany([1, 2, 3].map(() => testJob({ concurrencyKey: 'k' })));
      await s.q.claim({ ...claimAll, worker: W1 });
      await s.q.complete(j1?.id ?? '', W1.id, { success: true });
      expect(await s.q.requestCancel(j2?.id ?? '')).toBe('cancelled');
      expect((await s.q.claim({ ...claimAll, worker: W1 })).map((j) => j.id)).toEqual([j3?.id]);
    });

    it('promotes due retries and delayed jobs in run-at order', async () => {
      await s.setup();
      const now = Date.now();
      const late = await s.q.enqueue(testJob({ runAt: new Date(now + 200) }));
      const early = await s.q.enqueue(testJob({ runAt: new Date(now + 100) }));
      const ready = await s.q.enqueue(testJob());
      await sleep(250);
      const claimed = await s.q.claim({ ...claimAll, worker: W1 });
      expect(claimed.map((j) => j.id)).toEqual([ready.id, early.id, late.id]);
    });

    it('reads jobs stored by earlier versions, with separate fields and their zset entry on the job', async () => {
      await s.setup();
      const [run, cancel, delayed] = await s.q.enqueueMany([
        testJob({ customerId: 'c1', metadata: { tag: 'a"b' }, timeoutMs: 500 }),
        testJob(),
        testJob({ runAt: new Date(Date.now() + 60_000) }),
      ]);
      const P = `${s.ns.prefix}:`;
      for (const job of [run, cancel]) {
        const key = `${P}job:${job?.id}`;
        const [runAt, seq, createdAt] = await s.admin.hmget(key, 'runAt', 'seq', 'createdAt');
        await s.admin.hdel(key, 'rec');
        await s.admin.hset(key, {
          id: job?.id ?? '',
          params: JSON.stringify(job?.job.params),
          zkey: `ready:${readyGroup('default', 'test.job')}`,
          zmem: readyMember(runAt ?? '', seq ?? '', job?.id ?? ''),
          attempts: '0',
          cancelRequested: '0',
          updatedAt: createdAt ?? '',
        });
      }
      await s.admin.hset(`${P}job:${run?.id}`, { metadata: '{"tag":"a\\"b"}', timeoutMs: '500' });
      await s.admin.hset(`${P}job:${delayed?.id}`, { zkey: 'delayed', zmem: delayed?.id ?? '' });
      expect(await checkInvariants(s.admin, s.ns.prefix)).toEqual([]);
      expect(await s.q.requestCancel(cancel?.id ?? '')).toBe('cancelled');
      expect(await s.q.requestCancel(delayed?.id ?? '')).toBe('cancelled');
      const [claimed] = await s.q.claim({ ...claimAll, worker: W1 });
      // what the claim changes aside, the record reads as it was enqueued
      const changing = ['state', 'attempts', 'worker', 'leaseExpiresAt', 'startedAt', 'updatedAt'];
      const rest = (job: object | undefined) =>
        Object.fromEntries(Object.entries(job ?? {}).filter(([name]) => !changing.includes(name)));
      expect(claimed).toMatchObject({ state: 'Processing', attempts: 1, worker: W1 });
      expect(rest(claimed)).toEqual(rest(run?.job));
      expect(await s.q.get(run?.id ?? '')).toMatchObject({ params: run?.job.params, timeoutMs: 500 });
      expect(await s.admin.hexists(`${P}job:${run?.id}`, 'zkey')).toBe(0);
      expect(await s.q.claim({ ...claimAll, worker: W1 })).toEqual([]);
    });
  });
});
