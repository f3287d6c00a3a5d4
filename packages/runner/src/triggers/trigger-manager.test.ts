// The storage itself (save, list, compare-and-set of cursors, reading finished jobs) is checked on
// every adapter by core's contract suite (`storesTriggers`); here, the client's checks of a trigger.
import { defineJob } from '@hangar/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HangarClient } from '../client/hangar-client.js';
import { MemoryQueue } from '../memory/memory-queue.js';
import { JobRegistry } from '../registry/job-registry.js';

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
