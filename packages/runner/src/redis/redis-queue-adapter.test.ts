import { ConfigurationError, type QueueChange } from '@hangar/core';
import { sleep, testJob, testWorker } from '@hangar/core/testing';
import { Redis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { closeConnection } from './connection.js';
import { coreScript, evalSource } from './lua-script.js';
import { checkInvariants } from './redis-invariants.js';
import { RedisQueue } from './redis-queue.js';
import { SCRIPT_LIBRARY } from './redis-scripts.js';
import {
  killAndAwaitResubscribe,
  killClients,
  redisTestSkip,
  useRedisTestScope,
} from './redis-test-harness.js';
import { testNamespace, testRedisUrl } from './redis-test-support.js';

const skip = await redisTestSkip('Redis adapter tests');
const W1 = testWorker('worker-1');
const W2 = testWorker('worker-2');
const claimAll = { queues: ['default'], types: ['test.job'], limit: 100, leaseMs: 30_000 };

describe.skipIf(skip !== undefined)('RedisQueue options, pub/sub and records', () => {
  const s = useRedisTestScope();

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
      const ns = testNamespace({ connection: client });
      try {
        const queue = await ns.create();
        await queue.subscribe(() => {});
        await queue.enqueue(testJob());
        await queue.close();
        expect(client.status).toBe('ready');
        expect(await client.ping()).toBe('PONG');
      } finally {
        await closeConnection(client);
        await ns.teardown();
      }
    });

    it('works on a client with a keyPrefix, events included', async () => {
      const base = testNamespace();
      const client = new Redis(testRedisUrl(), { keyPrefix: `${base.prefix}:kp:` });
      const queue = new RedisQueue({ connection: client, prefix: 'inner' });
      const changes: QueueChange[] = [];
      await queue.subscribe((c) => changes.push(c));
      const { id } = await queue.enqueue(testJob());
      await vi.waitFor(() => expect(changes.map((c) => c.jobId)).toContain(id), { timeout: 1000 });
      expect(await s.admin.exists(`${base.prefix}:kp:inner:job:${id}`)).toBe(1);
      expect((await queue.claim({ ...claimAll, worker: W1 })).map((j) => j.id)).toEqual([id]);
      expect(await checkInvariants(s.admin, `${base.prefix}:kp:inner`)).toEqual([]);
      await queue.close();
      await closeConnection(client);
      await base.teardown();
    });
  });

  describe('scripts', () => {
    it('loads its function library again when the server lost it', async () => {
      await s.setup();
      const { id } = await s.q.enqueue(testJob());
      await s.admin.function('DELETE', SCRIPT_LIBRARY);
      expect((await s.q.claim({ ...claimAll, worker: W1 })).map((j) => j.id)).toEqual([id]);
      expect(await s.q.complete(id, W1.id, { success: true })).toBe(true);
    });

    it('refuses, before writing, a move JOB_TRANSITIONS does not allow', async () => {
      await s.setup();
      const { id } = await s.q.enqueue(testJob());
      await s.q.claim({ ...claimAll, worker: W1 });
      await s.q.complete(id, W1.id, { success: true });
      const before = await s.admin.hgetall(`${s.ns.prefix}:job:${id}`);
      // a script that would take a finished job back to Enqueued, as no adapter may
      const rogue = evalSource(coreScript('local function main(A) toReady(load(A[1])) return 1 end'));
      await expect(s.admin.eval(rogue, 1, `${s.ns.prefix}:`, id)).rejects.toThrow(
        `job ${id} cannot go from Succeeded to Enqueued`,
      );
      expect(await s.admin.hgetall(`${s.ns.prefix}:job:${id}`)).toEqual(before);
      expect((await s.q.get(id))?.state).toBe('Succeeded');
    });

    it('runs the scripts with EVALSHA when told to', async () => {
      await s.setup({ functions: false });
      const { id } = await s.q.enqueue(testJob());
      expect((await s.q.claim({ ...claimAll, worker: W1 })).map((j) => j.id)).toEqual([id]);
      expect(() => new RedisQueue({ functions: 'yes' as never })).toThrow(/"functions"/);
    });
  });

  describe('pub/sub across reconnects', () => {
    it('delivers cancellations after the subscriber connection was killed', async () => {
      await s.setup();
      const other = await s.ns.create();
      const seen: string[] = [];
      await s.q.onCancelRequest(W1.id, (jobId) => seen.push(jobId));
      const [first, second] = await s.q.enqueueMany([testJob(), testJob()]);
      await s.q.claim({ ...claimAll, worker: W1 });
      await killAndAwaitResubscribe(s.admin, `${s.q.options.connectionName}:subscriber`);
      expect(await other.requestCancel(first?.id ?? '')).toBe('requested');
      await vi.waitFor(() => expect(seen).toEqual([first?.id]), { timeout: 1000, interval: 10 });
      // published while the connection is down: caught up from Redis once it is back
      await killClients(s.admin, `${s.q.options.connectionName}:subscriber`);
      expect(await other.requestCancel(second?.id ?? '')).toBe('requested');
      await vi.waitFor(() => expect(seen).toEqual([first?.id, second?.id]), { timeout: 3000, interval: 10 });
      await sleep(100);
      expect(seen).toHaveLength(2);
    });

    it('keeps publishing changes to a subscriber whose connection was killed', async () => {
      await s.setup();
      const other = await s.ns.create();
      const changes: QueueChange[] = [];
      await s.q.subscribe((c) => changes.push(c));
      await killAndAwaitResubscribe(s.admin, `${s.q.options.connectionName}:subscriber`);
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
      await s.setup();
      const changes: QueueChange[] = [];
      const stop = await s.q.subscribe((c) => changes.push(c));
      const { id } = await s.q.enqueue(testJob());
      const at = new Date('2030-01-02T03:04:05.678Z');
      await s.q.appendLog(id, [
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
      await s.q.enqueue(testJob());
      await sleep(100);
      expect(changes.filter((c) => c.kind === 'enqueued')).toHaveLength(1);
    });
  });

  describe('records', () => {
    it('reads optional fields back as undefined and dates as Dates', async () => {
      await s.setup();
      const { id, job } = await s.q.enqueue(testJob({ params: undefined }));
      const stored = await s.q.get(id);
      expect(stored).toEqual(job);
      expect(stored && Object.values(stored).includes(null as never)).toBe(false);
      expect(stored?.params).toBeUndefined();
      expect(stored?.createdAt).toBeInstanceOf(Date);
      const [claimed] = await s.q.claim({ ...claimAll, worker: W1 });
      expect(claimed?.startedAt).toBeInstanceOf(Date);
      await s.q.fail(id, W1.id, { errorInfo: [{ code: 'E', key: 'k', params: {}, severity: 'error' }] });
      const failed = await s.q.get(id);
      expect(failed).toMatchObject({ state: 'Failed', leaseExpiresAt: undefined, result: undefined });
      expect(failed?.worker).toEqual(W1);
    });

    it('lists with every filter and an opaque cursor', async () => {
      await s.setup({ listScanLimit: 3 });
      await s.q.enqueue(testJob({ customerId: 'c1', userId: 'u1', queue: 'q1' }));
      const wanted = await s.q.enqueue(testJob({ customerId: 'c1', userId: 'u1' }));
      await s.q.enqueue(testJob({ customerId: 'c1', userId: 'u2' }));
      for (let i = 0; i < 5; i++) await s.q.enqueue(testJob({ customerId: 'c2' }));
      const found: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await s.q.list({
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
        const page = await s.q.list({ limit: 2, cursor });
        all.push(...page.items.map((j) => j.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(all).toHaveLength(8);
      expect((await s.q.list({ states: [] })).items).toEqual([]);
      await expect(s.q.list({ cursor: 'garbage' })).rejects.toMatchObject({
        code: 'CONFIG_INVALID',
        params: { option: 'cursor' },
      });
    });

    it('cleans up in bounded batches, with logs and idempotency keys', async () => {
      await s.setup();
      const jobs = await s.q.enqueueMany(
        Array.from({ length: 25 }, (_, n) => testJob({ idempotencyKey: `k${n}` })),
      );
      await s.q.claim({ ...claimAll, worker: W1 });
      for (const { id } of jobs) {
        await s.q.appendLog(id, [
          { at: new Date(), level: 'progress', message: { key: 'p' }, current: 1, total: 1 },
        ]);
        await s.q.complete(id, W1.id, { success: true });
      }
      const policy = { succeededMs: 0, cancelledMs: 0, failedMs: 0, batchSize: 10 };
      expect(await s.q.cleanup(policy)).toBe(10);
      expect(await s.q.cleanup(policy)).toBe(10);
      expect(await s.q.cleanup(policy)).toBe(5);
      expect(await s.q.cleanup(policy)).toBe(0);
      expect(
        await s.admin.exists(
          `${s.ns.prefix}:log:${jobs[0]?.id}`,
          `${s.ns.prefix}:idem`,
          `${s.ns.prefix}:idx:all`,
        ),
      ).toBe(0);
      expect((await s.q.enqueue(testJob({ idempotencyKey: 'k0' }))).created).toBe(true);
    });

    it('cancels grandchildren of a cancelled job and records why', async () => {
      await s.setup();
      const parent = await s.q.enqueue(testJob());
      const child = await s.q.enqueue(testJob({ parentId: parent.id }));
      const grandchild = await s.q.enqueue(testJob({ parentId: child.id }));
      expect(await s.q.requestCancel(parent.id)).toBe('cancelled');
      expect((await s.q.get(child.id))?.state).toBe('Cancelled');
      const gc = await s.q.get(grandchild.id);
      expect(gc?.state).toBe('Cancelled');
      expect(gc?.errorInfo?.[0]).toMatchObject({
        code: 'PARENT_CONDITION_UNMET',
        params: { parentId: child.id, state: 'Cancelled', condition: 'success' },
      });
    });

    it('does not run a job again once its cancellation was requested', async () => {
      await s.setup();
      const [released, abandoned, failed] = await s.q.enqueueMany([testJob(), testJob(), testJob()]);
      await s.q.claim({ ...claimAll, leaseMs: 50, worker: W1 });
      for (const job of [released, abandoned, failed])
        expect(await s.q.requestCancel(job?.id ?? '')).toBe('requested');
      expect(await s.q.release(released?.id ?? '', W1.id)).toBe(true);
      const retryAt = new Date(Date.now() + 10);
      const errorInfo = [{ code: 'E', key: 'k', params: {}, severity: 'error' as const }];
      expect(await s.q.fail(failed?.id ?? '', W1.id, { errorInfo, retryAt })).toBe(true);
      await sleep(80);
      expect(await s.q.recoverExpiredLeases()).toEqual([abandoned?.id]);
      expect((await s.q.get(released?.id ?? ''))?.state).toBe('Cancelled');
      expect((await s.q.get(abandoned?.id ?? ''))?.state).toBe('Cancelled');
      expect((await s.q.get(failed?.id ?? ''))?.state).toBe('Failed');
      expect(await s.q.claim({ ...claimAll, worker: W2 })).toEqual([]);
    });

    it('recovers expired leases with the LEASE_EXPIRED error, releasing keys and customer slots', async () => {
      await s.setup();
      const { id } = await s.q.enqueue(testJob({ maxAttempts: 1, concurrencyKey: 'k', customerId: 'c1' }));
      const next = await s.q.enqueue(testJob({ concurrencyKey: 'k', customerId: 'c1' }));
      expect(await s.q.claim({ ...claimAll, leaseMs: 50, maxPerCustomer: 1, worker: W1 })).toHaveLength(1);
      await sleep(100);
      expect(await s.q.recoverExpiredLeases()).toEqual([id]);
      expect((await s.q.get(id))?.errorInfo).toEqual([
        {
          code: 'LEASE_EXPIRED',
          key: 'hangar.error.leaseExpired',
          params: { jobId: id },
          severity: 'error',
          source: W1.id,
        },
      ]);
      expect((await s.q.claim({ ...claimAll, maxPerCustomer: 1, worker: W2 })).map((j) => j.id)).toEqual([
        next.id,
      ]);
    });

    it('keeps schedules with no next run and compares run times exactly', async () => {
      await s.setup();
      const at = new Date(1_900_000_000_123);
      await s.q.saveSchedule({
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
      expect(await s.q.advanceSchedule('once', new Date(at.getTime() + 1), null, new Date())).toBe(false);
      expect(await s.q.advanceSchedule('once', at, null, new Date())).toBe(true);
      expect(await s.q.getSchedule('once')).toMatchObject({
        paused: true,
        nextRunAt: null,
        params: { n: 1 },
      });
      expect(await s.q.advanceSchedule('missing', at, null, new Date())).toBe(false);
    });
  });
});
