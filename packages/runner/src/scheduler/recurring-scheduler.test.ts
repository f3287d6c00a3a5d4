import { defineJob, silentLogger } from '@hangar/core';
import { EventEmitter } from 'eventemitter3';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HangarClient } from '../client/hangar-client.js';
import { MemoryQueue } from '../memory/memory-queue.js';
import { MemoryStore } from '../memory/memory-store.js';
import { JobRegistry } from '../registry/job-registry.js';
import { nextCronRun } from './cron-expression.js';
import { RecurringScheduler } from './recurring-scheduler.js';

const report = defineJob({
  type: 'report',
  params: z.object({ conso: z.string() }),
  create: () => ({ execute: async () => 'done' }),
});

function runnerOn(store: MemoryStore, clock: { now: Date }) {
  const client = new HangarClient(new MemoryQueue({ store }), new JobRegistry([], [report]));
  return {
    client,
    scheduler: new RecurringScheduler(client, new EventEmitter(), silentLogger, () => clock.now),
  };
}

describe('recurring schedules', () => {
  it('fires each occurrence exactly once across several runners, in the schedule time zone', async () => {
    const store = new MemoryStore();
    const clock = { now: new Date('2026-03-27T12:00:00Z') };
    const runners = [runnerOn(store, clock), runnerOn(store, clock), runnerOn(store, clock)];
    const first = runners[0]!;
    const saved = await first.client.schedules.upsert(
      {
        name: 'nightly',
        cron: '0 2 * * *',
        timezone: 'Europe/Paris',
        type: 'report',
        params: { conso: '202612ACT001' },
      },
      clock.now,
    );
    // 02:00 in Paris on 28 March 2026 is 01:00 UTC (winter time, UTC+1).
    expect(saved.nextRunAt?.toISOString()).toBe('2026-03-28T01:00:00.000Z');
    expect((await Promise.all(runners.map((r) => r.scheduler.tick()))).flat()).toHaveLength(0);

    clock.now = new Date('2026-03-28T01:00:05Z');
    const fired = (await Promise.all(runners.map((r) => r.scheduler.tick()))).flat();
    expect(fired).toHaveLength(1);
    const after = await first.client.schedules.list();
    // 02:00 does not exist in Paris on 29 March (clocks jump to 03:00): it runs once, at 03:00 CEST.
    expect(after[0]?.nextRunAt?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    const jobs = await first.client.list();
    expect(jobs.items).toHaveLength(1);
    expect(jobs.items[0]?.params).toEqual({ conso: '202612ACT001' });
  });

  it('pauses and resumes without replaying missed runs', async () => {
    const store = new MemoryStore();
    const clock = { now: new Date('2026-06-01T00:00:00Z') };
    const { client, scheduler } = runnerOn(store, clock);
    await client.schedules.upsert(
      { name: 'hourly', cron: '0 * * * *', type: 'report', params: { conso: 'x' } },
      clock.now,
    );
    await client.schedules.pause('hourly');
    clock.now = new Date('2026-06-01T05:30:00Z');
    expect(await scheduler.tick()).toHaveLength(0);
    const resumed = await client.schedules.resume('hourly', clock.now);
    expect(resumed.nextRunAt?.toISOString()).toBe('2026-06-01T06:00:00.000Z');
    clock.now = new Date('2026-06-01T06:00:01Z');
    expect(await scheduler.tick()).toHaveLength(1);
  });

  it('validates the cron expression, the time zone and the parameters', async () => {
    const { client } = runnerOn(new MemoryStore(), { now: new Date() });
    await expect(
      client.schedules.upsert({ name: 'x', cron: 'not cron', type: 'report', params: { conso: 'a' } }),
    ).rejects.toThrow(/cron/);
    await expect(
      client.schedules.upsert({
        name: 'x',
        cron: '* * * * *',
        timezone: 'Mars/Olympus',
        type: 'report',
        params: { conso: 'a' },
      }),
    ).rejects.toThrow(/time zone/);
    await expect(
      client.schedules.upsert({ name: 'x', cron: '* * * * *', type: 'report', params: {} }),
    ).rejects.toMatchObject({
      code: 'PARAMS_INVALID',
    });
  });

  it('handles the autumn DST change: one run at 02:30 on the day 02:30 happens twice', () => {
    let at = new Date('2026-10-24T00:00:00Z');
    const runs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const next = nextCronRun('30 2 * * *', 'Europe/Paris', at);
      if (!next) break;
      runs.push(next.toISOString());
      at = next;
    }
    expect(runs).toEqual([
      '2026-10-24T00:30:00.000Z',
      '2026-10-25T01:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
    ]);
  });
});
