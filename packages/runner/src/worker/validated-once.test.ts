import { defineJob, type JobContext, t } from '@hangar/core';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createClient } from '../client/hangar-client.js';
import { MemoryQueue } from '../memory/memory-queue.js';
import { createRunner, type HangarRunner } from '../runner/hangar-runner.js';

const runners: HangarRunner[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop(100)));
});

function runner(queue: MemoryQueue, jobs: Parameters<typeof createRunner>[0]['jobs']): HangarRunner {
  const r = createRunner({ queue, jobs, pollIntervalMs: 50, logger: silent });
  runners.push(r);
  return r;
}

const silent = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

/** A job type whose schema counts how often it ran, so a test sees each validation. */
function countedJob(type = 'counted') {
  const seen: unknown[] = [];
  let validations = 0;
  const definition = defineJob({
    type,
    params: z.object({ n: z.number().int() }).refine(() => {
      validations += 1;
      return true;
    }),
    retry: { maxAttempts: 1 },
    create: () => ({
      execute: async (params: { n: number }) => {
        seen.push(params);
        return params.n * 2;
      },
    }),
  });
  return { definition, seen, validations: () => validations };
}

describe('parameters validated once', () => {
  it('does not validate again a job its own client enqueued and nobody changed', async () => {
    const queue = new MemoryQueue();
    const job = countedJob();
    const r = runner(queue, [job.definition]);
    const { id } = await r.client.enqueue('counted', { n: 4 });
    expect(job.validations()).toBe(1);
    await r.start();
    const done = await r.client.waitFor(id);
    expect(done.result).toEqual({ success: true, result: 8 });
    expect(job.seen).toEqual([{ n: 4 }]);
    expect(job.validations()).toBe(1);
  });

  it('validates a job enqueued by a client on another registry, even of the same definition', async () => {
    const queue = new MemoryQueue();
    const job = countedJob();
    const other = createClient({ queue, jobs: [job.definition] });
    const r = runner(queue, [job.definition]);
    const { id } = await other.enqueue('counted', { n: 1 });
    await r.start();
    expect((await r.client.waitFor(id)).state).toBe('Succeeded');
    expect(job.validations()).toBe(2);
  });

  it('validates a job written straight through the adapter, and fails it on bad parameters', async () => {
    const queue = new MemoryQueue();
    const job = countedJob();
    const r = runner(queue, [job.definition]);
    const { id } = await queue.enqueue({
      type: 'counted',
      queue: 'default',
      params: { n: 'x' },
      maxAttempts: 1,
    });
    await r.start();
    const done = await r.client.waitFor(id);
    expect(done.state).toBe('Failed');
    expect(done.errorInfo?.[0]?.code).toBe('PARAMS_INVALID');
    expect(job.seen).toEqual([]);
  });

  it('validates a job whose stored parameters changed after its client validated them', async () => {
    const queue = new MemoryQueue();
    const job = countedJob();
    const r = runner(queue, [job.definition]);
    const { id } = await r.client.enqueue('counted', { n: 2 });
    const stored = queue.store.jobs.get(id);
    if (!stored) throw new Error('the job was not stored');
    stored.params = { n: 2.5 };
    await r.start();
    const done = await r.client.waitFor(id);
    expect(done.state).toBe('Failed');
    expect(done.errorInfo?.[0]?.code).toBe('PARAMS_INVALID');
    expect(job.seen).toEqual([]);
    expect(job.validations()).toBe(1); // the refinement runs only on a well-typed object
  });

  it('validates the job again on its next attempt', async () => {
    const queue = new MemoryQueue();
    let validations = 0;
    let calls = 0;
    const flaky = defineJob({
      type: 'flaky',
      params: z.object({}).refine(() => {
        validations += 1;
        return true;
      }),
      retry: { maxAttempts: 2, backoffMs: 1, jitter: 0 },
      create: () => ({
        execute: async () => {
          calls += 1;
          if (calls === 1) throw new Error('first attempt fails');
          return 'ok';
        },
      }),
    });
    const r = runner(queue, [flaky]);
    const { id } = await r.client.enqueue('flaky', {});
    await r.start();
    expect((await r.client.waitFor(id)).state).toBe('Succeeded');
    expect(validations).toBe(2); // at enqueue, then for the second attempt only
  });
});

describe('events and context of a lean attempt', () => {
  it('fires the job events to listeners, and the context works taken apart', async () => {
    const queue = new MemoryQueue();
    const chatty = defineJob({
      type: 'chatty',
      params: z.object({}),
      create: () => ({
        execute: async (_params: unknown, ctx: JobContext) => {
          const { progress, warn, addOutputFile, checkpoint, signal, jobId } = ctx;
          progress(t('chatty.step', { jobId }), { current: 1, total: 2 });
          warn(t('chatty.careful'));
          addOutputFile({ name: 'out.txt', size: 3, mediaType: 'text/plain', location: jobId });
          checkpoint();
          return signal.aborted;
        },
      }),
    });
    const r = runner(queue, [chatty]);
    const seen: string[] = [];
    r.events.on('job:started', ({ job }) => seen.push(`started ${job.type}`));
    r.events.on('job:progress', ({ entry }) => seen.push(`progress ${entry.message.key}`));
    r.events.on('job:succeeded', ({ result }) => seen.push(`succeeded ${String(result.result)}`));
    const { id } = await r.client.enqueue('chatty', {});
    await r.start();
    const done = await r.client.waitFor(id);
    expect(seen).toEqual([
      'started chatty',
      'progress chatty.step',
      'progress chatty.careful',
      'succeeded false',
    ]);
    expect(done.result).toEqual({
      success: true,
      result: false,
      warnings: [{ key: 'chatty.careful' }],
      outputFiles: [{ name: 'out.txt', size: 3, mediaType: 'text/plain', location: id }],
    });
    expect((await r.client.getLog(id)).map((e) => e.level)).toEqual(['progress', 'warning']);
  });

  it('stops a job taken apart from its context on cancellation', async () => {
    const queue = new MemoryQueue();
    const waits = defineJob({
      type: 'waits',
      params: z.object({}),
      create: () => ({
        execute: (_params: unknown, { signal, checkpoint }: JobContext) =>
          new Promise((resolve, reject) => {
            signal.addEventListener('abort', () => {
              try {
                checkpoint();
                resolve('not stopped');
              } catch (error) {
                reject(error);
              }
            });
          }),
      }),
    });
    const r = runner(queue, [waits]);
    const started = new Promise<void>((resolve) => r.events.on('job:started', () => resolve()));
    const { id } = await r.client.enqueue('waits', {});
    await r.start();
    await started;
    await r.client.cancel(id);
    expect((await r.client.waitFor(id)).state).toBe('Cancelled');
  });
});
