import { describe, expect, it } from 'vitest';
import type { JobRecord } from '../queue/job-record.js';
import type { QueueAdapter } from '../queue/queue-adapter.js';
import {
  supportsTriggers,
  type TriggerCursor,
  type TriggerRecord,
  type TriggerStore,
} from '../queue/trigger-record.js';
import { type ContractScope, testJob } from './contract-harness.js';

const tomorrow = () => new Date(Date.now() + 86_400_000);

function storeOf(queue: QueueAdapter): QueueAdapter & TriggerStore {
  if (!supportsTriggers(queue))
    throw new Error(`${queue.name} stores no triggers, yet storesTriggers is set`);
  return queue;
}

/** Ends `n` jobs of `type` at once: Scheduled jobs cancelled through the queue. */
async function endJobs(queue: QueueAdapter, type: string, n: number, customerId?: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { id } = await queue.enqueue(
      testJob({ type, params: {}, maxAttempts: 1, runAt: tomorrow(), customerId }),
    );
    expect(await queue.requestCancel(id)).toBe('cancelled');
    ids.push(id);
  }
  return ids;
}

/** Every Cancelled `t.a` job after `from`, read `limit` at a time as a trigger's sweep does. */
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
    expect(found.jobs.length).toBeLessThanOrEqual(limit);
    seen.push(...found.jobs);
    if (!found.reached) return seen;
    cursor = found.reached;
  }
  throw new Error('the sweep did not end');
}

const since = new Date('2026-01-02T03:04:05.678Z');
const aTrigger: TriggerRecord = {
  name: 'b-trigger',
  on: { type: 't.a', customerId: 'acme', states: ['Failed', 'Cancelled'], metadata: { workflow: 'm' } },
  job: { type: 't.b', params: { x: [1, 'two'], nested: { ok: true } }, queue: 'q', priority: -2 },
  paused: false,
  since,
  cursor: { at: since },
  lastFiredAt: null,
};

/**
 * The optional `TriggerStore` (event triggers): registered by capability, as `countJobs` is. An
 * adapter that stores triggers keeps them whole across processes, moves a cursor only by
 * compare-and-set, and reads finished jobs after a cursor exactly once in finish order; one that
 * does not has none of the store's calls, so the runner refuses triggers on it
 * (`TRIGGERS_UNSUPPORTED`) instead of half-supporting them.
 */
export function defineTriggersContract(s: ContractScope, storesTriggers: boolean): void {
  describe('event trigger storage', () => {
    if (!storesTriggers) {
      it('has none of the TriggerStore calls, so the runner refuses triggers on it', () => {
        expect(supportsTriggers(s.a)).toBe(false);
        const calls = s.a as unknown as Record<string, unknown>;
        for (const call of ['saveTrigger', 'getTrigger', 'listTriggers', 'deleteTrigger', 'advanceTrigger'])
          expect(calls[call], call).toBeUndefined();
        expect(calls.listFinishedJobs).toBeUndefined();
      });
      return;
    }

    it('saves a trigger whole, seen by every process, listed by name', async () => {
      const a = storeOf(s.a);
      const b = storeOf(s.b);
      expect(await b.listTriggers()).toEqual([]);
      expect(await b.getTrigger('b-trigger')).toBeUndefined();
      await a.saveTrigger(aTrigger);
      await a.saveTrigger({ ...aTrigger, name: 'a-trigger', on: { type: 't.a', states: ['Succeeded'] } });
      expect(await b.getTrigger('b-trigger')).toEqual(aTrigger);
      expect((await b.listTriggers()).map((t) => t.name)).toEqual(['a-trigger', 'b-trigger']);
      expect((await b.getTrigger('a-trigger'))?.on).toEqual({ type: 't.a', states: ['Succeeded'] });
    });

    it('replaces a trigger saved again under its name, cursor included', async () => {
      const a = storeOf(s.a);
      await a.saveTrigger(aTrigger);
      const moved: TriggerRecord = {
        ...aTrigger,
        paused: true,
        on: { type: 't.c', states: ['Succeeded'] },
        cursor: { at: new Date('2026-01-03T00:00:00.000Z'), jobId: '42' },
        lastFiredAt: new Date('2026-01-02T05:00:00.000Z'),
      };
      await a.saveTrigger(moved);
      expect(await storeOf(s.b).getTrigger('b-trigger')).toEqual(moved);
      expect(await storeOf(s.b).listTriggers()).toHaveLength(1);
    });

    it('moves a cursor only from where it stands, keeping the last firing when none is given', async () => {
      const a = storeOf(s.a);
      const b = storeOf(s.b);
      await a.saveTrigger(aTrigger);
      const [first] = await endJobs(a, 't.a', 1);
      const job = await a.get(first ?? '');
      const next: TriggerCursor = { at: job?.finishedAt ?? new Date(), jobId: first };
      const firedAt = new Date('2026-02-03T04:05:06.789Z');
      expect(await a.advanceTrigger('b-trigger', aTrigger.cursor, next, firedAt)).toBe(true);
      // A second runner still holding the old cursor loses, and changes nothing.
      expect(await b.advanceTrigger('b-trigger', aTrigger.cursor, { at: new Date() }, new Date())).toBe(
        false,
      );
      expect(await b.getTrigger('b-trigger')).toMatchObject({ cursor: next, lastFiredAt: firedAt });
      expect(await b.advanceTrigger('b-trigger', next, { at: next.at }, null)).toBe(true);
      expect(await a.getTrigger('b-trigger')).toMatchObject({
        cursor: { at: next.at },
        lastFiredAt: firedAt,
      });
      expect((await a.getTrigger('b-trigger'))?.cursor.jobId).toBeUndefined();
      expect(await a.advanceTrigger('missing', next, next, null)).toBe(false);
      // The rest of the trigger is untouched by its cursor's moves.
      const { cursor: _c, lastFiredAt: _l, ...rest } = (await a.getTrigger('b-trigger')) ?? aTrigger;
      const { cursor: _c0, lastFiredAt: _l0, ...saved } = aTrigger;
      expect(rest).toEqual(saved);
    });

    it('deletes a trigger once', async () => {
      const a = storeOf(s.a);
      await a.saveTrigger(aTrigger);
      expect(await storeOf(s.b).deleteTrigger('b-trigger')).toBe(true);
      expect(await a.deleteTrigger('b-trigger')).toBe(false);
      expect(await a.getTrigger('b-trigger')).toBeUndefined();
      expect(await a.listTriggers()).toEqual([]);
    });

    it('reads every finished job after a cursor exactly once, page by page, in finish order', async () => {
      const a = storeOf(s.a);
      const b = storeOf(s.b);
      const start: TriggerCursor = { at: new Date(Date.now() - 1) };
      const ids = await endJobs(a, 't.a', 23);
      await endJobs(a, 't.other', 4);
      const acme = await endJobs(b, 't.a', 3, 'acme');
      for (const limit of [1, 4, 1_000]) {
        const seen = await sweepAll(b, start, limit);
        expect(seen.map((j) => j.id).sort()).toEqual([...ids, ...acme].sort());
        expect(seen.every((j) => j.type === 't.a' && j.state === 'Cancelled')).toBe(true);
        const times = seen.map((j) => j.finishedAt?.getTime() ?? 0);
        expect(times).toEqual([...times].sort((x, y) => x - y));
      }
      expect((await sweepAll(a, start, 2, 'acme')).map((j) => j.id).sort()).toEqual([...acme].sort());
    });

    it('reads nothing that ended before the cursor or less than settledMs ago', async () => {
      const a = storeOf(s.a);
      const start: TriggerCursor = { at: new Date(Date.now() - 1) };
      await endJobs(a, 't.a', 3);
      expect(await sweepAll(a, { at: new Date(Date.now() + 60_000) }, 10)).toEqual([]);
      const unsettled = await a.listFinishedJobs({
        after: start,
        settledMs: 3_600_000,
        types: ['t.a'],
        states: ['Cancelled'],
        limit: 10,
      });
      expect(unsettled).toEqual({ jobs: [], reached: undefined, more: false });
      const wrongState = await a.listFinishedJobs({
        after: start,
        settledMs: 0,
        types: ['t.a'],
        states: ['Succeeded'],
        limit: 10,
      });
      expect(wrongState.jobs).toEqual([]);
    });

    it('refuses a query for states that are not ends, naming the problem', async () => {
      const a = storeOf(s.a);
      await expect(
        a.listFinishedJobs({
          after: { at: new Date() },
          settledMs: 0,
          types: ['t.a'],
          states: ['Enqueued'],
          limit: 1,
        }),
      ).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    });
  });
}
