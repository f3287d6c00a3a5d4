import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { defineJob, type JobRecord } from '@hangar/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MemoryQueue } from '../../memory/memory-queue.js';
import { createRunner, type HangarRunner } from '../../runner/hangar-runner.js';
import isolationPlugin, {
  busyJob,
  exitJob,
  failingJob,
  featuresJob,
  greetingSettings,
  lateCrashJob,
  spinJob,
  throwJob,
} from './test-isolated-jobs.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hangar-isolation-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
const runners: HangarRunner[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop(2000)));
});

/** A job that notes when it started: the next job in the one slot. */
const markJob = defineJob({
  type: 'iso.mark',
  params: z.object({}),
  create: () => ({ execute: async () => Date.now() }),
});

async function start(): Promise<HangarRunner> {
  const runner = createRunner({
    queue: new MemoryQueue(),
    plugins: [isolationPlugin],
    jobs: [markJob],
    concurrency: 1,
    abortGraceMs: 200,
    pollIntervalMs: 50,
    services: [{ token: greetingSettings, value: { greeting: 'Hello' } }],
  });
  runners.push(runner);
  return runner.start();
}

/** Timestamps the busy loop wrote, as numbers. */
function beats(file: string): number[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number) : [];
}

/** Waits for the job after the busy one in the single slot, then checks the loop wrote nothing since. */
async function expectStoppedBeforeNext(runner: HangarRunner, file: string): Promise<void> {
  const next = await runner.client.enqueue(markJob, {});
  const mark = await runner.client.waitFor(next.id);
  const startedNext = mark.result?.result as number;
  expect(beats(file).length, 'the busy loop ran').toBeGreaterThan(0);
  // Give a loop that survived its termination time to write again, then look.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const last = Math.max(...beats(file));
  expect(last, 'the isolated job wrote after the next job in its slot started').toBeLessThanOrEqual(
    startedNext,
  );
}

function codes(job: JobRecord): string[] {
  return [...(job.errorInfo ?? job.result?.errorInfo ?? [])].map((e) => e.code);
}

describe('isolated jobs (isolation: worker)', () => {
  it('stops a busy loop at its timeout by terminating its thread, and says so on the record', async () => {
    const runner = await start();
    // A first attempt starts a thread and loads the module (through tsx here); the busy job reuses
    // that thread, so its timeout is spent in the loop even on a loaded machine.
    await runner.client.waitFor((await runner.client.enqueue(failingJob, {})).id);
    const file = join(dir, 'timeout.beats');
    const { id } = await runner.client.enqueue(busyJob, { file });
    const job = await runner.client.waitFor(id);
    expect(job.state).toBe('Failed');
    expect(codes(job)).toEqual(['JOB_TIMEOUT', 'JOB_TERMINATED']);
    expect(job.errorInfo?.[1]?.params).toMatchObject({ jobId: id, reason: 'timeout', graceMs: 200 });
    await expectStoppedBeforeNext(runner, file);
  });

  it('stops a busy loop on cancellation, and the slot runs the next job with no overlap', async () => {
    const runner = await start();
    const file = join(dir, 'cancel.beats');
    const { id } = await runner.client.enqueue(spinJob, { file });
    await runner.client.enqueue(markJob, {}); // queued behind it in the one slot
    while (beats(file).length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await runner.client.cancel(id);
    const job = await runner.client.waitFor(id);
    expect(job.state).toBe('Cancelled');
    expect(codes(job)).toEqual(['JOB_CANCELLED', 'JOB_TERMINATED']);
    await expectStoppedBeforeNext(runner, file);
  });

  it('fails the attempt, not the runner, when the thread calls process.exit or throws uncaught', async () => {
    const runner = await start();
    const exited = await runner.client.waitFor((await runner.client.enqueue(exitJob, {})).id);
    expect(exited.state).toBe('Failed');
    expect(exited.errorInfo?.[0]).toMatchObject({ code: 'JOB_THREAD_EXITED', params: { exitCode: 3 } });
    const thrown = await runner.client.waitFor((await runner.client.enqueue(throwJob, {})).id);
    expect(thrown.state).toBe('Failed');
    expect(thrown.errorInfo?.[0]).toMatchObject({
      code: 'UNEXPECTED',
      params: { message: 'boom from the thread' },
    });
    const after = await runner.client.waitFor((await runner.client.enqueue(markJob, {})).id);
    expect(after.state).toBe('Succeeded');
  });

  it('keeps a typed error thrown in the thread, with its code and retryability', async () => {
    const runner = await start();
    const job = await runner.client.waitFor((await runner.client.enqueue(failingJob, {})).id);
    expect(job.state).toBe('Failed');
    expect(job.attempts).toBe(1);
    expect(job.errorInfo?.[0]).toMatchObject({ code: 'JOB_UNRECOVERABLE', params: { message: 'no way' } });
  });

  it('gives the thread its params, progress, messages, locks, output files and services', async () => {
    const runner = await start();
    const { id } = await runner.client.enqueue(featuresJob, { name: 'ada', dir });
    const job = await runner.client.waitFor(id);
    expect(job.state).toBe('Succeeded');
    const result = job.result?.result;
    expect(result).toMatchObject({ greeting: 'Hello ada', attempt: 1, jobId: id });
    expect(result?.threadId).not.toBe(threadId);
    expect(readFileSync(join(dir, 'ada.txt'), 'utf8')).toBe('Hello adaHello ada');
    expect(job.result?.outputFiles).toEqual([
      { name: 'ada.txt', size: 0, mediaType: 'text/plain', location: join(dir, 'ada.txt') },
    ]);
    expect(job.result?.warnings).toEqual([{ key: 'iso.warning', params: { name: 'ada' } }]);
    const log = await runner.client.getLog(id);
    expect(log.map((e) => [e.level, e.message.key, e.current, e.total])).toEqual([
      ['progress', 'iso.progress', 1, 2],
      ['warning', 'iso.warning', undefined, undefined],
      ['info', 'iso.done', undefined, undefined],
    ]);
  });

  it('reuses a thread whose attempt ended by itself, never one it terminated or that crashed', async () => {
    const runner = await start();
    const run = async (crash: boolean) =>
      (await runner.client.waitFor((await runner.client.enqueue(lateCrashJob, { crash })).id)).result?.result;
    const first = await run(false);
    expect(await run(false), 'a clean thread takes the next attempt').toBe(first);
    const file = join(dir, 'reuse.beats');
    const busy = await runner.client.enqueue(spinJob, { file });
    while (beats(file).length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await runner.client.cancel(busy.id);
    await runner.client.waitFor(busy.id);
    const crashed = await run(true); // the thread crashes once idle: the pool drops it
    await new Promise((resolve) => setTimeout(resolve, 100));
    const after = await run(false);
    expect(after, 'the crashed thread is not reused').not.toBe(crashed);
    expect(new Set([first, crashed, after]).has(threadId)).toBe(false);
  });

  it('refuses an isolated job type without the module to load it from', () => {
    const orphan = defineJob({
      type: 'iso.orphan',
      params: z.object({}),
      isolation: 'worker',
      create: () => ({ execute: async () => 1 }),
    });
    expect(() => createRunner({ queue: new MemoryQueue(), jobs: [orphan] })).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        params: expect.objectContaining({ option: 'jobs.jobs[iso.orphan].module' }),
      }),
    );
  });
});
