import { ConfigurationError, type QueueChange } from '@hangar/core';
import { sleep, testJob, testWorker } from '@hangar/core/testing';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeConnection } from './connection.js';
import { checkInvariants } from './redis-invariants.js';
import { RedisQueue } from './redis-queue.js';
import { redisSkipReason, testNamespace, testRedisUrl } from './redis-test-support.js';

const skip = await redisSkipReason();
if (skip && process.env.CI === 'true') throw new Error(`Redis is required in CI: ${skip}`);
if (skip) console.warn(`[skipped] Redis adapter tests: ${skip}`);

const W1 = testWorker('worker-1');
const W2 = testWorker('worker-2');
const claimAll = { queues: ['default'], types: ['test.job'], limit: 100, leaseMs: 30_000 };

/** Kills the connections named `name` and waits until one is back with a subscription. */
async function killAndAwaitResubscribe(admin: Redis, name: string): Promise<void> {
  const clients = async () =>
    ((await admin.client('LIST')) as string).split('\n').filter((line) => line.includes(` name=${name} `));
  const before = await clients();
  expect(before.length).toBeGreaterThan(0);
  for (const line of before) await admin.client('KILL', 'ID', /id=(\d+)/.exec(line)?.[1] ?? '0');
  const oldIds = new Set(before.map((line) => /id=(\d+)/.exec(line)?.[1]));
  await vi.waitFor(
    async () => {
      const back = (await clients()).filter(
        (line) => !oldIds.has(/id=(\d+)/.exec(line)?.[1]) && / sub=[1-9]/.test(line),
      );
      expect(back.length).toBeGreaterThan(0);
    },
    { timeout: 5000, interval: 20 },
  );
}

describe.skipIf(skip !== undefined)('RedisQueue (Redis-specific behaviour)', () => {
  let ns: ReturnType<typeof testNamespace>;
  let admin: Redis;
  let q: RedisQueue;

  beforeAll(() => {
    admin = new Redis(testRedisUrl(), { connectionName: 'hangar-test-admin' });
  });
  afterAll(async () => closeConnection(admin));

  const setup = async (options: ConstructorParameters<typeof RedisQueue>[0] = {}) => {
    ns = testNamespace({ connectionName: `t-${Math.random().toString(36).slice(2, 10)}`, ...options });
    q = await ns.create();
    return q;
  };
  afterEach(async () => {
    if (ns) expect(await checkInvariants(admin, ns.prefix)).toEqual([]);
    await ns?.teardown();
  });

  describe('options', () => {
    it('rejects options that cannot work, saying what to fix', () => {
      expect(() => new RedisQueue({ prefix: '' })).toThrow(ConfigurationError);
      expect(() => new RedisQueue({ prefix: 'a b' })).toThrow(/Invalid option "prefix"/);
      expect(() => new RedisQueue({ connection: 'http://localhost' })).toThrow(/redis:\/\/ or rediss:\/\//);
      expect(() => new RedisQueue({ connection: 'nope' })).toThrow(/not a URL/);
      expect(() => new RedisQueue({ claimScanLimit: 0 })).toThrow(
        /"claimScanLimit": expected a positive integer/,
      );
      expect(() => new RedisQueue({ connection: {} as never })).toThrow(/ioredis/);
    });

    it('leaves a client it was given open, and closes only its own connections', async () => {
      const client = new Redis(testRedisUrl());
      ns = testNamespace({ connection: client });
      const queue = await ns.create();
      await queue.subscribe(() => {});
      await queue.enqueue(testJob());
      await queue.close();
      expect(client.status).toBe('ready');
      expect(await client.ping()).toBe('PONG');
      await closeConnection(client);
    });

    it('works on a client with a keyPrefix, events included', async () => {
      const base = testNamespace();
      const client = new Redis(testRedisUrl(), { keyPrefix: `${base.prefix}:kp:` });
      ns = { ...base, prefix: `${base.prefix}:kp:inner` };
      const queue = new RedisQueue({ connection: client, prefix: 'inner' });
      const changes: QueueChange[] = [];
      await queue.subscribe((c) => changes.push(c));
      const { id } = await queue.enqueue(testJob());
      await vi.waitFor(() => expect(changes.map((c) => c.jobId)).toContain(id), { timeout: 1000 });
      expect(await admin.exists(`${base.prefix}:kp:inner:job:${id}`)).toBe(1);
      expect((await queue.claim({ ...claimAll, worker: W1 })).map((j) => j.id)).toEqual([id]);
      await queue.close();
      await closeConnection(client);
      await base.teardown();
    });
  });

  describe('atomicity', () => {
    it('writes nothing when an enqueue batch fails half-way through', async () => {
      await setup();
      await admin.set(`${ns.prefix}:idem`, 'not a hash');
      const batch = [testJob(), testJob(), testJob({ idempotencyKey: 'k', customerId: 'c1' })];
      await expect(q.enqueueMany(batch)).rejects.toThrow(/WRONGTYPE/);
      expect(await admin.exists(`${ns.prefix}:seq`, `${ns.prefix}:idx:all`)).toBe(0);
      expect((await q.list()).items).toHaveLength(0);
      await admin.del(`${ns.prefix}:idem`);
      expect((await q.enqueueMany(batch)).every((r) => r.created)).toBe(true);
    });

    it('leaves every job consistent when a claim fails between two jobs', async () => {
      await setup();
      const free = await q.enqueue(testJob({ priority: 0 }));
      const tenant = await q.enqueue(testJob({ priority: 1, customerId: 'c1' }));
      await admin.set(`${ns.prefix}:running`, 'not a hash');
      await expect(q.claim({ ...claimAll, leaseMs: 100, maxPerCustomer: 2, worker: W1 })).rejects.toThrow(
        /WRONGTYPE/,
      );
      expect((await q.get(free.id))?.state).toBe('Processing');
      expect((await q.get(tenant.id))?.state).toBe('Enqueued');
      await admin.del(`${ns.prefix}:running`);
      expect(await checkInvariants(admin, ns.prefix)).toEqual([]);
      // the claimer never saw the first job: its lease runs out and it is handed out again
      await sleep(150);
      expect(await q.recoverExpiredLeases()).toEqual([free.id]);
      const again = await q.claim({ ...claimAll, maxPerCustomer: 2, worker: W2 });
      expect(again.map((j) => j.id)).toEqual([free.id, tenant.id]);
    });

    it('creates one job for a key repeated within one batch', async () => {
      await setup();
      const [first, second] = await q.enqueueMany([
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
      await setup();
      const a = await q.enqueue(testJob({ queue: 'q1', type: 't1', priority: 2 }));
      const b = await q.enqueue(testJob({ queue: 'q2', type: 't1', priority: 1 }));
      const c = await q.enqueue(testJob({ queue: 'q1', type: 't2', priority: 1 }));
      const d = await q.enqueue(testJob({ queue: 'q2', type: 't2', priority: 0 }));
      const claimed = await q.claim({ ...claimAll, queues: ['q1', 'q2'], types: ['t1', 't2'], worker: W1 });
      expect(claimed.map((j) => j.id)).toEqual([d.id, b.id, c.id, a.id]);
    });

    it('runs a concurrency key’s jobs one by one without hiding the jobs behind them', async () => {
      await setup({ claimScanLimit: 10 });
      const keyed = await q.enqueueMany(
        Array.from({ length: 40 }, () => testJob({ concurrencyKey: 'conso:1' })),
      );
      const free = await q.enqueue(testJob());
      const seen: string[] = [];
      for (let round = 0; round < 6 && !seen.includes(free.id); round++) {
        seen.push(...(await q.claim({ ...claimAll, limit: 5, worker: W1 })).map((j) => j.id));
      }
      expect(seen).toEqual([keyed[0]?.id, free.id]);
      let done = 0;
      for (let running = keyed[0]?.id; running; done++) {
        expect(await q.complete(running, W1.id, { success: true })).toBe(true);
        const next = await q.claim({ ...claimAll, worker: W1 });
        expect(next.length).toBeLessThanOrEqual(1);
        running = next[0]?.id;
        if (running) expect(running).toBe(keyed[done + 1]?.id);
      }
      expect(done).toBe(40);
    });

    it('keeps a busy customer from starving the others, then gives its jobs back', async () => {
      await setup({ claimScanLimit: 10 });
      await q.enqueueMany(Array.from({ length: 60 }, () => testJob({ customerId: 'big' })));
      const small = await q.enqueue(testJob({ customerId: 'small' }));
      const claim = () => q.claim({ ...claimAll, limit: 10, maxPerCustomer: 2, worker: W1 });
      const running = [...(await claim())];
      for (let round = 0; round < 10 && !running.some((j) => j.id === small.id); round++)
        running.push(...(await claim()));
      expect(running.some((j) => j.id === small.id)).toBe(true);
      expect(running.filter((j) => j.customerId === 'big')).toHaveLength(2);
      let succeeded = 0;
      while (running.length > 0) {
        const job = running.pop();
        if (!job) break;
        expect(await q.complete(job.id, W1.id, { success: true })).toBe(true);
        succeeded++;
        running.push(...(await claim()));
        expect(running.filter((j) => j.customerId === 'big').length).toBeLessThanOrEqual(2);
      }
      expect(succeeded).toBe(61);
    });

    it('gives a customer more jobs when a claimer allows more than before', async () => {
      await setup();
      await q.enqueueMany(Array.from({ length: 5 }, () => testJob({ customerId: 'c1' })));
      expect(await q.claim({ ...claimAll, maxPerCustomer: 1, worker: W1 })).toHaveLength(1);
      expect(await q.claim({ ...claimAll, maxPerCustomer: 3, worker: W1 })).toHaveLength(2);
    });

    it('lets the next job of a key run when a set-aside job ahead of it is cancelled', async () => {
      await setup();
      const [j1, j2, j3] = await q.enqueueMany([1, 2, 3].map(() => testJob({ concurrencyKey: 'k' })));
      await q.claim({ ...claimAll, worker: W1 });
      await q.complete(j1?.id ?? '', W1.id, { success: true });
      expect(await q.requestCancel(j2?.id ?? '')).toBe('cancelled');
      expect((await q.claim({ ...claimAll, worker: W1 })).map((j) => j.id)).toEqual([j3?.id]);
    });

    it('promotes due retries and delayed jobs in run-at order', async () => {
      await setup();
      const now = Date.now();
      const late = await q.enqueue(testJob({ runAt: new Date(now + 200) }));
      const early = await q.enqueue(testJob({ runAt: new Date(now + 100) }));
      const ready = await q.enqueue(testJob());
      await sleep(250);
      const claimed = await q.claim({ ...claimAll, worker: W1 });
      expect(claimed.map((j) => j.id)).toEqual([ready.id, early.id, late.id]);
    });
  });

  describe('pub/sub across reconnects', () => {
    it('delivers cancellations after the subscriber connection was killed', async () => {
      await setup();
      const other = await ns.create();
      const seen: string[] = [];
      await q.onCancelRequest(W1.id, (jobId) => seen.push(jobId));
      const [first, second] = await q.enqueueMany([testJob(), testJob()]);
      await q.claim({ ...claimAll, worker: W1 });
      await killAndAwaitResubscribe(admin, `${q.options.connectionName}:subscriber`);
      expect(await other.requestCancel(first?.id ?? '')).toBe('requested');
      await vi.waitFor(() => expect(seen).toEqual([first?.id]), { timeout: 1000, interval: 10 });
      // published while the connection is down: caught up from Redis once it is back
      const lines = ((await admin.client('LIST')) as string).split('\n');
      const line = lines.find((l) => l.includes(` name=${q.options.connectionName}:subscriber `)) ?? '';
      await admin.client('KILL', 'ID', /id=(\d+)/.exec(line)?.[1] ?? '0');
      expect(await other.requestCancel(second?.id ?? '')).toBe('requested');
      await vi.waitFor(() => expect(seen).toEqual([first?.id, second?.id]), { timeout: 3000, interval: 10 });
      await sleep(100);
      expect(seen).toHaveLength(2);
    });

    it('keeps publishing changes to a subscriber whose connection was killed', async () => {
      await setup();
      const other = await ns.create();
      const changes: QueueChange[] = [];
      await q.subscribe((c) => changes.push(c));
      await killAndAwaitResubscribe(admin, `${q.options.connectionName}:subscriber`);
      const { id } = await other.enqueue(testJob());
      await vi.waitFor(
        () =>
          expect(changes).toContainEqual({
            kind: 'enqueued',
            jobId: id,
            queue: 'default',
            state: 'Enqueued',
          }),
        {
          timeout: 1000,
          interval: 10,
        },
      );
    });

    it('publishes log entries with dates, and stops after unsubscribe', async () => {
      await setup();
      const changes: QueueChange[] = [];
      const stop = await q.subscribe((c) => changes.push(c));
      const { id } = await q.enqueue(testJob());
      const at = new Date('2030-01-02T03:04:05.678Z');
      await q.appendLog(id, [
        { at, level: 'info', message: { key: 'x.y', params: { big: 1234567890.1234567 } } },
      ]);
      await vi.waitFor(() => expect(changes.some((c) => c.kind === 'log')).toBe(true), {
        timeout: 1000,
        interval: 10,
      });
      const log = changes.find((c) => c.kind === 'log');
      expect(log?.entry).toEqual({
        seq: 1,
        at,
        level: 'info',
        message: { key: 'x.y', params: { big: 1234567890.1234567 } },
      });
      await stop();
      await q.enqueue(testJob());
      await sleep(100);
      expect(changes.filter((c) => c.kind === 'enqueued')).toHaveLength(1);
    });
  });

  describe('records', () => {
    it('reads optional fields back as undefined and dates as Dates', async () => {
      await setup();
      const { id, job } = await q.enqueue(testJob({ params: undefined }));
      const stored = await q.get(id);
      expect(stored).toEqual(job);
      expect(stored && Object.values(stored).includes(null as never)).toBe(false);
      expect(stored?.params).toBeUndefined();
      expect(stored?.createdAt).toBeInstanceOf(Date);
      const [claimed] = await q.claim({ ...claimAll, worker: W1 });
      expect(claimed?.startedAt).toBeInstanceOf(Date);
      await q.fail(id, W1.id, { errorInfo: [{ code: 'E', key: 'k', params: {}, severity: 'error' }] });
      const failed = await q.get(id);
      expect(failed).toMatchObject({ state: 'Failed', leaseExpiresAt: undefined, result: undefined });
      expect(failed?.worker).toEqual(W1);
    });

    it('lists with every filter and an opaque cursor', async () => {
      await setup({ listScanLimit: 3 });
      await q.enqueue(testJob({ customerId: 'c1', userId: 'u1', queue: 'q1' }));
      const wanted = await q.enqueue(testJob({ customerId: 'c1', userId: 'u1' }));
      await q.enqueue(testJob({ customerId: 'c1', userId: 'u2' }));
      for (let i = 0; i < 5; i++) await q.enqueue(testJob({ customerId: 'c2' }));
      const found: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await q.list({
          userId: 'u1',
          queue: 'default',
          states: ['Enqueued'],
          types: ['test.job'],
          cursor,
        });
        found.push(...page.items.map((j) => j.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(found).toEqual([wanted.id]);
      const all: string[] = [];
      cursor = undefined;
      do {
        const page = await q.list({ limit: 2, cursor });
        all.push(...page.items.map((j) => j.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(all).toHaveLength(8);
      expect((await q.list({ states: [] })).items).toEqual([]);
      await expect(q.list({ cursor: 'garbage' })).rejects.toThrow(/Invalid list cursor/);
    });

    it('cleans up in bounded batches, with logs and idempotency keys', async () => {
      await setup();
      const jobs = await q.enqueueMany(
        Array.from({ length: 25 }, (_, n) => testJob({ idempotencyKey: `k${n}` })),
      );
      await q.claim({ ...claimAll, worker: W1 });
      for (const { id } of jobs) {
        await q.appendLog(id, [
          { at: new Date(), level: 'progress', message: { key: 'p' }, current: 1, total: 1 },
        ]);
        await q.complete(id, W1.id, { success: true });
      }
      const policy = { succeededMs: 0, cancelledMs: 0, failedMs: 0, batchSize: 10 };
      expect(await q.cleanup(policy)).toBe(10);
      expect(await q.cleanup(policy)).toBe(10);
      expect(await q.cleanup(policy)).toBe(5);
      expect(await q.cleanup(policy)).toBe(0);
      expect(
        await admin.exists(`${ns.prefix}:log:${jobs[0]?.id}`, `${ns.prefix}:idem`, `${ns.prefix}:idx:all`),
      ).toBe(0);
      expect((await q.enqueue(testJob({ idempotencyKey: 'k0' }))).created).toBe(true);
    });

    it('cancels grandchildren of a cancelled job and records why', async () => {
      await setup();
      const parent = await q.enqueue(testJob());
      const child = await q.enqueue(testJob({ parentId: parent.id }));
      const grandchild = await q.enqueue(testJob({ parentId: child.id }));
      expect(await q.requestCancel(parent.id)).toBe('cancelled');
      expect((await q.get(child.id))?.state).toBe('Cancelled');
      const gc = await q.get(grandchild.id);
      expect(gc?.state).toBe('Cancelled');
      expect(gc?.errorInfo?.[0]).toMatchObject({ code: 'PARENT_FAILED', params: { parentId: child.id } });
      const orphan = await q.enqueue(testJob({ parentId: 'no-such-job' }));
      expect(orphan.job).toEqual(await q.get(orphan.id));
    });

    it('recovers expired leases with the LEASE_EXPIRED error, releasing keys and customer slots', async () => {
      await setup();
      const { id } = await q.enqueue(testJob({ maxAttempts: 1, concurrencyKey: 'k', customerId: 'c1' }));
      const next = await q.enqueue(testJob({ concurrencyKey: 'k', customerId: 'c1' }));
      expect(await q.claim({ ...claimAll, leaseMs: 50, maxPerCustomer: 1, worker: W1 })).toHaveLength(1);
      await sleep(100);
      expect(await q.recoverExpiredLeases()).toEqual([id]);
      expect((await q.get(id))?.errorInfo).toEqual([
        {
          code: 'LEASE_EXPIRED',
          key: 'hangar.error.leaseExpired',
          params: { jobId: id },
          severity: 'error',
          source: W1.id,
        },
      ]);
      expect((await q.claim({ ...claimAll, maxPerCustomer: 1, worker: W2 })).map((j) => j.id)).toEqual([
        next.id,
      ]);
    });

    it('keeps schedules with no next run and compares run times exactly', async () => {
      await setup();
      const at = new Date(1_900_000_000_123);
      await q.saveSchedule({
        name: 'once',
        cron: '* * * * *',
        timezone: 'UTC',
        type: 'test.job',
        params: { n: 1 },
        options: {},
        paused: true,
        nextRunAt: at,
        lastRunAt: null,
      });
      expect(await q.advanceSchedule('once', new Date(at.getTime() + 1), null, new Date())).toBe(false);
      expect(await q.advanceSchedule('once', at, null, new Date())).toBe(true);
      expect(await q.getSchedule('once')).toMatchObject({ paused: true, nextRunAt: null, params: { n: 1 } });
      expect(await q.advanceSchedule('missing', at, null, new Date())).toBe(false);
    });
  });
});
