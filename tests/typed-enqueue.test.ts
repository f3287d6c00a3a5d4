import { defineJob } from '@hangar/core';
import { createClient, createRunner, type HangarRunner, MemoryQueue } from '@hangar/runner';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { repeatJob as repeat } from './typed-enqueue/repeat-job.js';

const runners: HangarRunner[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop(100)));
});

describe('typed enqueue', () => {
  it('runs a job enqueued by its definition and returns its result through the typed id', async () => {
    const runner = await createRunner({
      queue: new MemoryQueue(),
      jobs: [repeat],
      pollIntervalMs: 50,
    }).start();
    runners.push(runner);
    const { id, job } = await runner.client.enqueue(repeat, { text: '  ab ' });
    expect(job.type).toBe('typed.repeat');
    expect(job.params).toEqual({ text: 'ab', times: 2 });
    const done = await runner.client.waitFor(id);
    expect(done.state).toBe('Succeeded');
    expect(done.result?.result).toEqual({ text: 'abab', length: 4 });
    const again = await runner.client.waitFor(repeat, id);
    expect(again.result?.result?.length).toBe(4);
  });

  it('refuses to read a job through the definition of another type', async () => {
    const other = defineJob({
      type: 'typed.other',
      params: z.object({}),
      create: () => ({ execute: async () => 1 }),
    });
    const runner = await createRunner({
      queue: new MemoryQueue(),
      jobs: [repeat, other],
      pollIntervalMs: 50,
    }).start();
    runners.push(runner);
    const { id } = await runner.client.enqueue(other, {});
    await expect(runner.client.waitFor(repeat, id)).rejects.toMatchObject({
      code: 'JOB_TYPE_MISMATCH',
      params: { jobId: id, expected: 'typed.repeat', actual: 'typed.other' },
    });
  });

  it('validates params given through a definition that the client does not know as unknown type', async () => {
    const client = createClient({ queue: new MemoryQueue(), jobs: [] });
    await expect(client.enqueue(repeat, { text: 'a' })).rejects.toMatchObject({ code: 'JOB_TYPE_UNKNOWN' });
  });
});
