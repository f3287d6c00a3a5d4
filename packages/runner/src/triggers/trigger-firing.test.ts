import {
  defineJob,
  type JobContext,
  type JobRecord,
  type QueueAdapter,
  silentLogger,
  UnrecoverableError,
} from '@hangar/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createRunner, type HangarRunner } from '../runner/hangar-runner.js';
import {
  memoryBackend,
  postgresBackend,
  redisBackend,
  type TriggerTestBackend,
} from './trigger-test-backends.js';

const parent = defineJob({
  type: 'parent',
  params: z.object({ outcome: z.enum(['ok', 'fail']) }),
  create: () => ({
    async execute(p: { outcome: 'ok' | 'fail' }) {
      if (p.outcome === 'fail') throw new UnrecoverableError('asked to fail');
      return 'done';
    },
  }),
});

const workflow = defineJob({
  type: 'conso.workflow',
  params: z.object({}),
  create: () => ({ execute: async () => 'done' }),
});

const follow = defineJob({
  type: 'follow',
  params: z.object({ note: z.string() }),
  create: () => ({
    async execute(_p: { note: string }, ctx: JobContext) {
      return { customer: ctx.customerId ?? null };
    },
  }),
});

const jobs = [parent, workflow, follow];

/**
 * Waits for the clock to leave the current millisecond: a job that ends in the millisecond its
 * trigger was created in counts as ended before it (the memory queue is that fast).
 */
async function nextMillisecond(): Promise<void> {
  const now = Date.now();
  while (Date.now() <= now) await new Promise((resolve) => setTimeout(resolve, 1));
}
const WAIT = { timeout: 20_000, interval: 50 };

async function all(queue: QueueAdapter, type: string): Promise<JobRecord[]> {
  const found: JobRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await queue.list({ types: [type], limit: 1000, cursor });
    found.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

function triggerSuite(name: string, makeBackend: () => TriggerTestBackend) {
  describe(`event triggers on ${name}`, () => {
    const backend = makeBackend();
    const runners: HangarRunner[] = [];
    afterEach(async () => {
      await Promise.all(runners.splice(0).map((r) => r.stop(200)));
    });

    async function runner(queue?: QueueAdapter, options: { sweepMs?: number } = {}) {
      const r = createRunner({
        queue: queue ?? (await backend.open()),
        jobs,
        logger: silentLogger,
        pollIntervalMs: 50,
        schedulerIntervalMs: options.sweepMs ?? 100,
        triggerSettleMs: 0,
        concurrency: 4,
      });
      runners.push(r);
      return r.start();
    }

    async function ended(r: HangarRunner, id: string): Promise<JobRecord> {
      return r.client.waitFor(id, { pollMs: 50 });
    }

    it('fires once per matching end, as the ended job’s customer, and on nothing else', async () => {
      const r = await runner();
      await r.client.triggers.upsert({
        name: 'after-failure',
        on: { type: 'parent', states: ['Failed'] },
        job: { type: 'follow', params: { note: 'x' } },
      });
      await r.client.triggers.upsert({
        name: 'for-c2-only',
        on: { type: 'parent', customerId: 'c2', states: ['Succeeded'] },
        job: { type: 'follow', params: { note: 'c2' }, queue: 'default', priority: 3 },
      });
      await r.fireTriggers(); // the runner now knows both triggers
      await nextMillisecond();
      const failed = await r.client.enqueue('parent', { outcome: 'fail' }, { customerId: 'c1' });
      const okC1 = await r.client.enqueue('parent', { outcome: 'ok' }, { customerId: 'c1' });
      const okC2 = await r.client.enqueue('parent', { outcome: 'ok' }, { customerId: 'c2' });
      const otherType = await r.client.enqueue('conso.workflow', {}, { customerId: 'c2' });
      for (const { id } of [failed, okC1, okC2, otherType]) await ended(r, id);
      await vi.waitFor(async () => expect(await all(r.client.queue, 'follow')).toHaveLength(2), WAIT);
      await r.fireTriggers(); // the sweep finds the same ends and adds nothing
      const follows = await all(r.client.queue, 'follow');
      expect(follows).toHaveLength(2);
      const byTrigger = Object.fromEntries(follows.map((j) => [String(j.metadata?.trigger), j]));
      expect(byTrigger['after-failure']).toMatchObject({
        customerId: 'c1',
        idempotencyKey: `trigger:after-failure:${failed.id}`,
        metadata: { trigger: 'after-failure', triggerEvent: failed.id },
        params: { note: 'x' },
      });
      expect(byTrigger['for-c2-only']).toMatchObject({
        customerId: 'c2',
        priority: 3,
        metadata: { trigger: 'for-c2-only', triggerEvent: okC2.id },
      });
      const done = await ended(r, byTrigger['for-c2-only']?.id ?? '');
      expect(done.result?.result).toEqual({ customer: 'c2' });
      // the sweep records the firing; the scheduler's own sweep may hold the trigger's lock when
      // the test asks, so the record can come a tick later
      await vi.waitFor(async () => {
        await r.fireTriggers();
        expect((await r.client.triggers.get('after-failure'))?.lastFiredAt).toBeInstanceOf(Date);
      }, WAIT);
    });

    it('fires on a workflow ending, matched by its metadata', async () => {
      const r = await runner();
      await r.client.triggers.upsert({
        name: 'after-month-end',
        on: { type: 'conso.workflow', metadata: { workflow: 'month-end' }, states: ['Succeeded'] },
        job: { type: 'follow', params: { note: 'report' } },
      });
      await nextMillisecond();
      const other = await r.client.enqueue('conso.workflow', {}, { metadata: { workflow: 'daily' } });
      const month = await r.client.enqueue(
        'conso.workflow',
        {},
        { customerId: 'c9', metadata: { workflow: 'month-end' } },
      );
      await ended(r, other.id);
      await ended(r, month.id);
      await vi.waitFor(async () => expect(await all(r.client.queue, 'follow')).toHaveLength(1), WAIT);
      await r.fireTriggers();
      const [only] = await all(r.client.queue, 'follow');
      expect(only).toMatchObject({ customerId: 'c9', metadata: { triggerEvent: month.id } });
    });

    it('fires exactly once per end with three runners alive on one store', async () => {
      const [a, b, c] = [await runner(), await runner(), await runner(undefined, { sweepMs: 30 })];
      if (!a || !b || !c) throw new Error('three runners');
      await a.client.triggers.upsert({
        name: 'each',
        on: { type: 'parent', states: ['Succeeded', 'Failed'] },
        job: { type: 'follow', params: { note: 'n' } },
      });
      await Promise.all([a, b, c].map((x) => x.fireTriggers()));
      await nextMillisecond();
      const parents = await a.client.enqueueMany(
        Array.from({ length: 30 }, (_, i) => ({
          type: 'parent',
          params: { outcome: i % 3 === 0 ? 'fail' : 'ok' },
          options: { customerId: `c${i % 4}` },
        })),
      );
      for (const p of parents) await ended(a, p.id);
      await vi.waitFor(async () => expect(await all(a.client.queue, 'follow')).toHaveLength(30), WAIT);
      await Promise.all([a, b, c].map((x) => x.fireTriggers()));
      const follows = await all(a.client.queue, 'follow');
      expect(follows).toHaveLength(30);
      const keys = new Set(follows.map((j) => `${j.customerId}|${j.idempotencyKey}`));
      expect(keys.size).toBe(30);
      expect(new Set(follows.map((j) => j.metadata?.triggerEvent))).toEqual(
        new Set(parents.map((p) => p.id)),
      );
    });

    it('picks up an end recorded by another process through its sweep', async () => {
      const r = await runner();
      const operator = await backend.open();
      await r.client.triggers.upsert({
        name: 'on-cancel',
        on: { type: 'parent', states: ['Cancelled'] },
        job: { type: 'follow', params: { note: 'cancelled' } },
      });
      await nextMillisecond();
      // A job due tomorrow, cancelled through another connection: no runner records that end.
      const later = await r.client.enqueue(
        'parent',
        { outcome: 'ok' },
        { customerId: 'c3', runAt: new Date(Date.now() + 86_400_000) },
      );
      expect(await operator.requestCancel(later.id)).toBe('cancelled');
      await vi.waitFor(async () => expect(await all(r.client.queue, 'follow')).toHaveLength(1), WAIT);
      const [found] = await all(r.client.queue, 'follow');
      expect(found).toMatchObject({ customerId: 'c3', metadata: { triggerEvent: later.id } });
      if (operator !== r.client.queue) await operator.close();
    });

    it('does not fire while paused nor replay on resume, nor fire on ends before it existed', async () => {
      const r = await runner();
      const before = await r.client.enqueue('parent', { outcome: 'ok' });
      await ended(r, before.id);
      await r.client.triggers.upsert({
        name: 'pausable',
        on: { type: 'parent', states: ['Succeeded'] },
        job: { type: 'follow', params: { note: 'p' } },
      });
      await r.client.triggers.pause('pausable');
      const whilePaused = await r.client.enqueue('parent', { outcome: 'ok' });
      await ended(r, whilePaused.id);
      await r.fireTriggers();
      const resumed = await r.client.triggers.resume('pausable');
      expect(resumed.paused).toBe(false);
      await nextMillisecond();
      await r.fireTriggers();
      expect(await all(r.client.queue, 'follow')).toHaveLength(0);
      const after = await r.client.enqueue('parent', { outcome: 'ok' });
      await ended(r, after.id);
      await vi.waitFor(async () => expect(await all(r.client.queue, 'follow')).toHaveLength(1), WAIT);
      await r.fireTriggers();
      const follows = await all(r.client.queue, 'follow');
      expect(follows.map((j) => j.metadata?.triggerEvent)).toEqual([after.id]);
    });

    it('never fires on the jobs it enqueued itself', async () => {
      const r = await runner();
      await r.client.triggers.upsert({
        name: 'loop',
        on: { type: 'follow', states: ['Succeeded'] },
        job: { type: 'follow', params: { note: 'again' } },
      });
      await nextMillisecond();
      const first = await r.client.enqueue('follow', { note: 'start' });
      await ended(r, first.id);
      await vi.waitFor(async () => expect(await all(r.client.queue, 'follow')).toHaveLength(2), WAIT);
      const second = (await all(r.client.queue, 'follow')).find((j) => j.id !== first.id);
      await ended(r, second?.id ?? '');
      await r.fireTriggers();
      expect(await all(r.client.queue, 'follow')).toHaveLength(2);
    });
  });
}

triggerSuite('memory', memoryBackend);
triggerSuite('PostgreSQL', postgresBackend);
triggerSuite('Redis', redisBackend);
