import {
  defineJob,
  type JobRecord,
  type QueueAdapter,
  supportsTriggers,
  type TriggerCursor,
  type TriggerRecord,
  type TriggerStore,
} from '@hangar/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HangarClient } from '../client/hangar-client.js';
import { MemoryQueue } from '../memory/memory-queue.js';
import { JobRegistry } from '../registry/job-registry.js';
import {
  memoryBackend,
  postgresBackend,
  redisBackend,
  type TriggerTestBackend,
} from './trigger-test-backends.js';

const later = () => new Date(Date.now() + 86_400_000);

function storeOf(queue: QueueAdapter): QueueAdapter & TriggerStore {
  if (!supportsTriggers(queue)) throw new Error(`${queue.name} stores no triggers`);
  return queue;
}

/** Ends `n` jobs of `type` at once: Scheduled jobs cancelled through the queue. */
async function endJobs(queue: QueueAdapter, type: string, n: number, customerId?: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { id } = await queue.enqueue({
      type,
      params: {},
      queue: 'default',
      maxAttempts: 1,
      runAt: later(),
      customerId,
    });
    expect(await queue.requestCancel(id)).toBe('cancelled');
    ids.push(id);
  }
  return ids;
}

/** Every finished job after `from`, read `limit` at a time as a sweep does. */
async function sweepAll(store: TriggerStore, from: TriggerCursor, limit: number, customerId?: string) {
  const seen: JobRecord[] = [];
  let cursor = from;
  for (let page = 0; page < 100; page++) {
    const found = await store.listFinishedJobs({
      after: cursor,
      settledMs: 0,
      types: ['t.a'],
      states: ['Cancelled'],
      customerId,
      limit,
    });
    seen.push(...found.jobs);
    if (!found.reached) return seen;
    cursor = found.reached;
  }
  throw new Error('the sweep did not end');
}

function storeSuite(name: string, makeBackend: () => TriggerTestBackend) {
  describe(`trigger storage on ${name}`, () => {
    const backend = makeBackend();

    it('reads every finished job after a cursor exactly once, page by page, in finish order', async () => {
      const store = storeOf(await backend.open());
      const start: TriggerCursor = { at: new Date(Date.now() - 1) };
      const ids = await endJobs(store, 't.a', 23);
      await endJobs(store, 't.other', 4);
      const acme = await endJobs(store, 't.a', 3, 'acme');
      const seen = await sweepAll(store, start, 4);
      expect(seen.map((j) => j.id).sort()).toEqual([...ids, ...acme].sort());
      const times = seen.map((j) => j.finishedAt?.getTime() ?? 0);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect((await sweepAll(store, start, 1000, 'acme')).map((j) => j.id).sort()).toEqual([...acme].sort());
      // Nothing that ended before the cursor, and nothing younger than settledMs.
      expect((await sweepAll(store, { at: new Date(Date.now() + 60_000) }, 10)).length).toBe(0);
      const unsettled = await store.listFinishedJobs({
        after: start,
        settledMs: 3_600_000,
        types: ['t.a'],
        states: ['Cancelled'],
        limit: 10,
      });
      expect(unsettled).toEqual({ jobs: [], reached: undefined, more: false });
      await expect(
        store.listFinishedJobs({
          after: start,
          settledMs: 0,
          types: ['t.a'],
          states: ['Enqueued'],
          limit: 1,
        }),
      ).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    });

    it('saves, lists and deletes triggers, and moves a cursor only from where it stands', async () => {
      const store = storeOf(await backend.open());
      const other = storeOf(await backend.open());
      const since = new Date('2026-01-02T03:04:05.678Z');
      const trigger: TriggerRecord = {
        name: 'b-trigger',
        on: { type: 't.a', customerId: 'acme', states: ['Failed', 'Cancelled'], metadata: { workflow: 'm' } },
        job: { type: 't.b', params: { x: [1, 'two'] }, queue: 'q', priority: -2 },
        paused: false,
        since,
        cursor: { at: since },
        lastFiredAt: null,
      };
      await store.saveTrigger(trigger);
      await store.saveTrigger({ ...trigger, name: 'a-trigger', on: { type: 't.a', states: ['Succeeded'] } });
      expect(await other.getTrigger('b-trigger')).toEqual(trigger);
      expect((await other.listTriggers()).map((t) => t.name)).toEqual(['a-trigger', 'b-trigger']);

      const [first] = await endJobs(store, 't.a', 1);
      const job = await store.get(first ?? '');
      const next: TriggerCursor = { at: job?.finishedAt ?? new Date(), jobId: first };
      const firedAt = new Date('2026-02-03T04:05:06.789Z');
      expect(await store.advanceTrigger('b-trigger', trigger.cursor, next, firedAt)).toBe(true);
      // A second runner still holding the old cursor loses.
      expect(await other.advanceTrigger('b-trigger', trigger.cursor, next, null)).toBe(false);
      expect(await other.getTrigger('b-trigger')).toMatchObject({ cursor: next, lastFiredAt: firedAt });
      expect(await other.advanceTrigger('b-trigger', next, { at: next.at }, null)).toBe(true);
      expect((await store.getTrigger('b-trigger'))?.cursor).toEqual({ at: next.at });
      expect(await store.advanceTrigger('missing', next, next, null)).toBe(false);

      expect(await store.deleteTrigger('b-trigger')).toBe(true);
      expect(await store.deleteTrigger('b-trigger')).toBe(false);
      expect(await store.getTrigger('b-trigger')).toBeUndefined();
    });
  });
}

storeSuite('memory', memoryBackend);
storeSuite('PostgreSQL', postgresBackend);
storeSuite('Redis', redisBackend);

const report = defineJob({
  type: 'report',
  params: z.object({ conso: z.string() }),
  create: () => ({ execute: async () => 'done' }),
});

describe('TriggerManager', () => {
  const client = () => new HangarClient(new MemoryQueue(), new JobRegistry([], [report]));
  const valid = {
    name: 'after',
    on: { type: 'conso.workflow', states: ['Succeeded' as const] },
    job: { type: 'report', params: { conso: '202612ACT001' } },
  };

  it('refuses a bad trigger naming the field, and stores nothing', async () => {
    const c = client();
    const cases: Array<[unknown, string]> = [
      [{ ...valid, name: ' ' }, 'name'],
      [{ ...valid, on: { type: '', states: ['Failed'] } }, 'on.type'],
      [{ ...valid, on: { type: 'x', states: [] } }, 'on.states'],
      [{ ...valid, on: { type: 'x', states: ['Failed', 'Done'] } }, 'on.states[1]'],
      [{ ...valid, on: { type: 'x', states: ['Failed'], customerId: '' } }, 'on.customerId'],
      [
        { ...valid, on: { type: 'x', states: ['Failed'], metadata: { workflow: 3 } } },
        'on.metadata.workflow',
      ],
      [{ ...valid, job: { ...valid.job, priority: 1.5 } }, 'job.priority'],
    ];
    for (const [input, option] of cases) {
      await expect(c.triggers.upsert(input as typeof valid)).rejects.toMatchObject({
        code: 'CONFIG_INVALID',
        params: { option },
      });
    }
    await expect(c.triggers.upsert({ ...valid, job: { type: 'report', params: {} } })).rejects.toMatchObject({
      code: 'PARAMS_INVALID',
    });
    await expect(c.triggers.upsert({ ...valid, job: { type: 'nope', params: {} } })).rejects.toMatchObject({
      code: 'JOB_TYPE_UNKNOWN',
    });
    expect(await c.triggers.list()).toEqual([]);
    await expect(c.triggers.pause('after')).rejects.toMatchObject({ code: 'TRIGGER_NOT_FOUND' });
  });

  it('keeps where a replaced trigger stands, and starts a resumed one from now', async () => {
    const c = client();
    const created = await c.triggers.upsert(valid, new Date('2026-03-01T00:00:00Z'));
    expect(created.cursor).toEqual({ at: new Date('2026-03-01T00:00:00Z') });
    const replaced = await c.triggers.upsert(
      { ...valid, on: { ...valid.on, states: ['Succeeded', 'Failed'] } },
      new Date('2026-03-02T00:00:00Z'),
    );
    expect(replaced.since).toEqual(created.since);
    await c.triggers.pause('after');
    const resumed = await c.triggers.resume('after', new Date('2026-03-03T00:00:00Z'));
    expect(resumed).toMatchObject({
      paused: false,
      since: new Date('2026-03-03T00:00:00Z'),
      cursor: { at: new Date('2026-03-03T00:00:00Z') },
    });
  });
});
