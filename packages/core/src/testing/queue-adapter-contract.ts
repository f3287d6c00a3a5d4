import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { QueueAdapter, QueueChange } from '../queue/queue-adapter.js';
import {
  type AdapterContractOptions,
  type AdapterTestContext,
  type ContractScope,
  claimAll,
  sleep,
  testJob,
  testWorker,
  W1,
  W2,
} from './contract-harness.js';
import { defineLifecycleContract } from './queue-adapter-lifecycle-contract.js';
import { defineListingContract } from './queue-adapter-listing-contract.js';
import { defineParentsContract } from './queue-adapter-parents-contract.js';
import { defineRetryDeleteContract } from './queue-adapter-retry-delete-contract.js';
import { defineRunnersContract } from './queue-adapter-runners-contract.js';
import { defineTransitionsContract } from './queue-adapter-transitions-contract.js';
import { defineTriggersContract } from './queue-adapter-triggers-contract.js';

/**
 * Registers the whole `QueueAdapter` contract suite with vitest. Every adapter runs it against
 * a real backend: ordering, priorities, delays, retries, leases, cancellation, locks, schedules,
 * pagination, tenant filters and change events.
 */
export function queueAdapterContract(options: AdapterContractOptions): void {
  describe(`QueueAdapter contract: ${options.name}`, () => {
    let skip: string | undefined;
    let ctx: AdapterTestContext | undefined;
    let a: QueueAdapter;
    let b: QueueAdapter;
    const scope: ContractScope = {
      get a() {
        return a;
      },
      get b() {
        return b;
      },
    };

    beforeAll(async () => {
      skip = await options.skipReason?.();
      if (skip && process.env.CI === 'true') throw new Error(`${options.name} is required in CI: ${skip}`);
      if (skip) console.warn(`[skipped] ${options.name} contract suite: ${skip}`);
    });

    beforeEach(async (test) => {
      if (skip) {
        test.skip();
        return;
      }
      ctx = await options.setup();
      a = await ctx.create();
      b = await ctx.create();
    });

    afterEach(async () => {
      if (!ctx) return;
      await a.close();
      await b.close();
      await ctx.teardown();
      ctx = undefined;
    });

    describe('enqueue and read', () => {
      it('stores a job as Enqueued with no attempts', async () => {
        const { id, created, job } = await a.enqueue(testJob({ customerId: 'c1', userId: 'u1' }));
        expect(created).toBe(true);
        expect(job.state).toBe('Enqueued');
        const got = await b.get(id);
        expect(got).toMatchObject({ id, type: 'test.job', state: 'Enqueued', attempts: 0, customerId: 'c1' });
        expect(got?.params).toEqual({ n: 1 });
      });

      it('keeps a job with a future run-at Scheduled and unclaimable until due', async () => {
        const { id } = await a.enqueue(testJob({ runAt: new Date(Date.now() + 400) }));
        expect((await a.get(id))?.state).toBe('Scheduled');
        expect(await a.claim({ ...claimAll, worker: W1 })).toHaveLength(0);
        await sleep(450);
        const claimed = await a.claim({ ...claimAll, worker: W1 });
        expect(claimed.map((j) => j.id)).toEqual([id]);
      });

      it('enqueues many jobs in request order', async () => {
        const results = await a.enqueueMany(Array.from({ length: 50 }, (_, n) => testJob({ params: { n } })));
        expect(results).toHaveLength(50);
        expect(results.map((r) => (r.job.params as { n: number }).n)).toEqual(
          Array.from({ length: 50 }, (_, n) => n),
        );
        expect(new Set(results.map((r) => r.id)).size).toBe(50);
      });

      it('gives one job for one idempotency key', async () => {
        const first = await a.enqueue(testJob({ idempotencyKey: 'k1', customerId: 'c1' }));
        const second = await b.enqueue(testJob({ idempotencyKey: 'k1', customerId: 'c1', params: { n: 2 } }));
        expect(second.created).toBe(false);
        expect(second.id).toBe(first.id);
        const other = await a.enqueue(testJob({ idempotencyKey: 'k1', customerId: 'c2' }));
        expect(other.created).toBe(true);
      });

      it('hides another customer’s job', async () => {
        const { id } = await a.enqueue(testJob({ customerId: 'c1' }));
        expect(await a.get(id, { customerId: 'c2' })).toBeUndefined();
        expect(await a.get(id, { customerId: 'c1' })).toBeDefined();
        expect(await a.get('does-not-exist')).toBeUndefined();
      });

      it('refuses a request it cannot store, naming the field, and stores nothing of its batch', async () => {
        await expect(a.enqueueMany([testJob(), testJob({ maxAttempts: 0 })])).rejects.toMatchObject({
          code: 'CONFIG_INVALID',
          params: { option: 'maxAttempts' },
        });
        await expect(a.enqueue(testJob({ priority: Number.NaN }))).rejects.toMatchObject({
          code: 'CONFIG_INVALID',
          params: { option: 'priority' },
        });
        await expect(a.enqueue(testJob({ runAt: new Date(Number.NaN) }))).rejects.toMatchObject({
          code: 'CONFIG_INVALID',
          params: { option: 'runAt' },
        });
        expect((await a.list()).items).toEqual([]);
      });

      it('refuses text a database cannot store (NUL, lone surrogates), naming the field, and stores nothing', async () => {
        const refusedParams = [
          [{ tag: 'a\u0000b' }, 'tag'],
          [{ items: [{ name: 'x' }, { name: 'y' }, { name: 'z\uD800' }] }, 'items.2.name'],
          [{ nested: { 'a\u0000b': 1 } }, 'nested.a\\u0000b'],
          [{ tail: 'ok\uDC00' }, 'tail'],
        ] as const;
        for (const [params, path] of refusedParams) {
          await expect(a.enqueueMany([testJob(), testJob({ params })])).rejects.toMatchObject({
            code: 'PARAMS_INVALID',
            issues: [{ path, code: 'unstorable_text' }],
          });
        }
        for (const [patch, option] of [
          [{ customerId: 'c\u0000' }, 'customerId'],
          [{ idempotencyKey: '\uD800' }, 'idempotencyKey'],
          [{ queue: 'q\u0000' }, 'queue'],
          [{ metadata: { label: 'a\u0000' } }, 'metadata.label'],
        ] as const) {
          await expect(a.enqueue(testJob(patch))).rejects.toMatchObject({
            code: 'CONFIG_INVALID',
            params: { option },
          });
        }
        expect((await a.list()).items).toEqual([]);
        // well-formed text outside the Basic Multilingual Plane is stored and read back as given
        const params = { tag: '😀 𝄞 é', list: ['\u0001'] };
        const { id } = await a.enqueue(testJob({ params, metadata: { label: '😀' } }));
        expect(await b.get(id)).toMatchObject({ params, metadata: { label: '😀' } });
      });

      it.skipIf(options.joinsTransactions)(
        'refuses a caller transaction it cannot join, naming transaction, and stores nothing',
        async () => {
          const transaction = { query: async () => ({ rows: [] }) };
          const refused = { code: 'CONFIG_INVALID', params: { option: 'transaction' } };
          await expect(a.enqueue(testJob(), { transaction })).rejects.toMatchObject(refused);
          await expect(a.enqueueMany([testJob(), testJob()], { transaction })).rejects.toMatchObject(refused);
          expect((await a.list()).items).toEqual([]);
        },
      );

      it('refuses a child whose parent does not exist, and stores nothing of its batch', async () => {
        for (const parentId of ['999999999', 'not-an-id']) {
          await expect(a.enqueueMany([testJob(), testJob({ parentId })])).rejects.toMatchObject({
            code: 'JOB_NOT_FOUND',
            params: { jobId: parentId },
          });
        }
        expect((await a.list()).items).toEqual([]);
      });
    });

    describe('claiming', () => {
      it('refuses a claim or heartbeat it cannot serve, naming the field', async () => {
        for (const [patch, option] of [
          [{ limit: 0 }, 'limit'],
          [{ limit: 1.5 }, 'limit'],
          [{ leaseMs: 0 }, 'leaseMs'],
          [{ maxPerCustomer: 0 }, 'maxPerCustomer'],
        ] as const) {
          await expect(a.claim({ ...claimAll, worker: W1, ...patch })).rejects.toMatchObject({
            code: 'CONFIG_INVALID',
            params: { option },
          });
        }
        await expect(a.heartbeat(W1.id, [], -1)).rejects.toMatchObject({
          code: 'CONFIG_INVALID',
          params: { option: 'leaseMs' },
        });
      });

      it('orders by priority, then run-at, then enqueue order', async () => {
        const low = await a.enqueue(testJob({ priority: 5 }));
        const first = await a.enqueue(testJob({ priority: 0 }));
        const second = await a.enqueue(testJob({ priority: 0 }));
        const urgent = await a.enqueue(testJob({ priority: -1 }));
        const claimed = await a.claim({ ...claimAll, worker: W1 });
        expect(claimed.map((j) => j.id)).toEqual([urgent.id, first.id, second.id, low.id]);
        expect(claimed.every((j) => j.state === 'Processing' && j.attempts === 1)).toBe(true);
        expect(claimed[0]?.worker).toEqual(W1);
        expect(claimed[0]?.leaseExpiresAt?.getTime()).toBeGreaterThan(Date.now());
      });

      it('claims only the queues and types asked for', async () => {
        const other = await a.enqueue(testJob({ queue: 'reports' }));
        const otherType = await a.enqueue(testJob({ type: 'other.job' }));
        const mine = await a.enqueue(testJob());
        const claimed = await a.claim({ ...claimAll, worker: W1 });
        expect(claimed.map((j) => j.id)).toEqual([mine.id]);
        const reports = await a.claim({
          ...claimAll,
          queues: ['reports'],
          types: ['test.job', 'other.job'],
          worker: W1,
        });
        expect(reports.map((j) => j.id)).toEqual([other.id]);
        expect((await a.get(otherType.id))?.state).toBe('Enqueued');
      });

      it('never hands one job to two concurrent claimers', async () => {
        await a.enqueueMany(Array.from({ length: 120 }, (_, n) => testJob({ params: { n } })));
        const claimers = Array.from({ length: 8 }, (_, i) => {
          const adapter = i % 2 === 0 ? a : b;
          return adapter.claim({ ...claimAll, limit: 20, worker: testWorker(`w${i}`) });
        });
        const batches = await Promise.all(claimers);
        const ids = batches.flat().map((j) => j.id);
        expect(new Set(ids).size).toBe(ids.length);
        const rest = await a.claim({ ...claimAll, limit: 200, worker: W1 });
        expect(ids.length + rest.length).toBe(120);
      });

      it('runs jobs sharing a concurrency key one at a time', async () => {
        const j1 = await a.enqueue(testJob({ concurrencyKey: 'conso:1' }));
        const j2 = await a.enqueue(testJob({ concurrencyKey: 'conso:1' }));
        const j3 = await a.enqueue(testJob({ concurrencyKey: 'conso:2' }));
        const claimed = await a.claim({ ...claimAll, worker: W1 });
        expect(claimed.map((j) => j.id).sort()).toEqual([j1.id, j3.id].sort());
        expect(await b.claim({ ...claimAll, worker: W2 })).toHaveLength(0);
        await a.complete(j1.id, W1.id, { success: true });
        const next = await b.claim({ ...claimAll, worker: W2 });
        expect(next.map((j) => j.id)).toEqual([j2.id]);
      });

      it('limits running jobs per customer across claimers', async () => {
        await a.enqueueMany([
          testJob({ customerId: 'big' }),
          testJob({ customerId: 'big' }),
          testJob({ customerId: 'big' }),
          testJob({ customerId: 'small' }),
        ]);
        const first = await a.claim({ ...claimAll, limit: 10, maxPerCustomer: 2, worker: W1 });
        const second = await b.claim({ ...claimAll, limit: 10, maxPerCustomer: 2, worker: W2 });
        const all = [...first, ...second];
        expect(all.filter((j) => j.customerId === 'big')).toHaveLength(2);
        expect(all.filter((j) => j.customerId === 'small')).toHaveLength(1);
      });
    });

    defineLifecycleContract(scope);
    defineListingContract(scope, options.countsJobs ?? false);
    defineTransitionsContract(scope);
    defineParentsContract(scope);
    defineRetryDeleteContract(scope);
    defineRunnersContract(scope);
    defineTriggersContract(scope, options.storesTriggers ?? false);
  });
}

/** Collects queue changes seen by an adapter until the returned stop function is called. */
export async function collectChanges(
  adapter: QueueAdapter,
): Promise<{ changes: QueueChange[]; stop: () => Promise<void> }> {
  const changes: QueueChange[] = [];
  const unsubscribe = await adapter.subscribe((c) => changes.push(c));
  return { changes, stop: async () => void (await unsubscribe()) };
}
