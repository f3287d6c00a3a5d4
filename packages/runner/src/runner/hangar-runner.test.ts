import { defineJob, type JobContext, t, UnrecoverableError } from '@hangar/core';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MemoryQueue } from '../memory/memory-queue.js';
import { createRunner, type HangarRunner } from './hangar-runner.js';

const runners: HangarRunner[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop(100)));
});

function start(options: Parameters<typeof createRunner>[0]): Promise<HangarRunner> {
  const runner = createRunner({ pollIntervalMs: 50, ...options });
  runners.push(runner);
  return runner.start();
}

const add = defineJob({
  type: 'math.add',
  params: z.object({ a: z.number(), b: z.number() }),
  create: () => ({
    async execute(p: { a: number; b: number }, ctx: JobContext) {
      ctx.progress(t('math.adding', { a: p.a, b: p.b }), { current: 1, total: 1 });
      return p.a + p.b;
    },
  }),
});

describe('HangarRunner', () => {
  it('runs a job to Succeeded with its result and progress, recording the worker', async () => {
    const queue = new MemoryQueue();
    const runner = await start({ queue, jobs: [add] });
    const { id } = await runner.client.enqueue('math.add', { a: 2, b: 3 }, { customerId: 'c1' });
    const done = await runner.client.waitFor(id);
    expect(done.state).toBe('Succeeded');
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(done).toEqual(await runner.client.get(id));
    expect(done.result).toEqual({ success: true, result: 5 });
    expect(done.worker).toEqual(runner.worker);
    expect(done.worker?.pid).toBe(process.pid);
    const log = await runner.client.getLog(id);
    expect(log.map((e) => e.message)).toEqual([{ key: 'math.adding', params: { a: 2, b: 3 } }]);
  });

  it('rejects bad parameters at enqueue with field-level errors and enqueues nothing', async () => {
    const queue = new MemoryQueue();
    const runner = await start({ queue, jobs: [add] });
    await expect(runner.client.enqueue('math.add', { a: 'x' })).rejects.toMatchObject({
      code: 'PARAMS_INVALID',
      issues: [expect.objectContaining({ path: 'a' }), expect.objectContaining({ path: 'b' })],
    });
    await expect(runner.client.enqueue('math.nope', {})).rejects.toMatchObject({ code: 'JOB_TYPE_UNKNOWN' });
    expect((await queue.list()).items).toHaveLength(0);
  });

  it('retries with backoff and succeeds on a later attempt', async () => {
    let calls = 0;
    const flaky = defineJob({
      type: 'flaky',
      params: z.object({}),
      retry: { maxAttempts: 3, backoffMs: 20, jitter: 0 },
      create: () => ({
        async execute() {
          calls += 1;
          if (calls < 3) throw new Error(`boom ${calls}`);
          return 'ok';
        },
      }),
    });
    const runner = await start({ queue: new MemoryQueue(), jobs: [flaky] });
    const retries: number[] = [];
    runner.events.on('job:retrying', (e) => retries.push(e.delayMs));
    const { id } = await runner.client.enqueue('flaky', {});
    const done = await runner.client.waitFor(id, { pollMs: 20 });
    expect(done).toMatchObject({ state: 'Succeeded', attempts: 3 });
    expect(retries).toEqual([20, 40]);
  });

  it('fails at once on UnrecoverableError and keeps the error info', async () => {
    const fatal = defineJob({
      type: 'fatal',
      params: z.object({}),
      create: () => ({
        async execute(): Promise<never> {
          throw new UnrecoverableError('bad input file');
        },
      }),
    });
    const runner = await start({ queue: new MemoryQueue(), jobs: [fatal] });
    const { id } = await runner.client.enqueue('fatal', {});
    const done = await runner.client.waitFor(id, { pollMs: 20 });
    expect(done).toMatchObject({ state: 'Failed', attempts: 1 });
    expect(done.errorInfo?.[0]).toMatchObject({ code: 'JOB_UNRECOVERABLE', source: 'fatal' });
  });

  it('stops a job past its timeout with its signal and abort(), then fails it', async () => {
    let aborted = false;
    let disposed = false;
    const slow = defineJob({
      type: 'slow',
      params: z.object({}),
      timeoutMs: 100,
      retry: { maxAttempts: 1 },
      create: () => ({
        execute: (_p: unknown, ctx: JobContext) =>
          new Promise((_resolve, reject) =>
            ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)),
          ),
        abort: () => {
          aborted = true;
          return true;
        },
        dispose: () => {
          disposed = true;
        },
      }),
    });
    const runner = await start({ queue: new MemoryQueue(), jobs: [slow] });
    const { id } = await runner.client.enqueue('slow', {});
    const done = await runner.client.waitFor(id, { pollMs: 20 });
    expect(done.state).toBe('Failed');
    expect(done.errorInfo?.[0]?.code).toBe('JOB_TIMEOUT');
    expect(aborted).toBe(true);
    expect(disposed).toBe(true);
  });

  it('ends a job that ignores its signal once the abort grace has passed', async () => {
    let signalSeen: AbortSignal | undefined;
    const deaf = defineJob({
      type: 'deaf',
      params: z.object({}),
      timeoutMs: 50,
      retry: { maxAttempts: 1 },
      create: () => ({
        // never settles and never looks at its signal while running
        execute: () => new Promise(() => {}),
        abort: () => false,
      }),
    });
    const late = defineJob({
      type: 'late',
      params: z.object({}),
      timeoutMs: 50,
      retry: { maxAttempts: 1 },
      create: () => ({
        async execute(_p: unknown, ctx: JobContext) {
          await new Promise((r) => setTimeout(r, 150));
          // asked for only after the timeout fired: it must read as aborted, with the reason
          signalSeen = ctx.signal;
          ctx.checkpoint();
          return 'not reached';
        },
      }),
    });
    const runner = await start({ queue: new MemoryQueue(), jobs: [deaf, late], abortGraceMs: 300 });
    const t0 = Date.now();
    const a = await runner.client.enqueue('deaf', {});
    const b = await runner.client.enqueue('late', {});
    const [doneA, doneB] = await Promise.all([
      runner.client.waitFor(a.id, { pollMs: 20 }),
      runner.client.waitFor(b.id, { pollMs: 20 }),
    ]);
    expect(doneA.state).toBe('Failed');
    expect(doneA.errorInfo?.[0]?.code).toBe('JOB_TIMEOUT');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    expect(doneB.state).toBe('Failed');
    expect(doneB.errorInfo?.[0]?.code).toBe('JOB_TIMEOUT');
    expect(signalSeen?.aborted).toBe(true);
    expect(signalSeen?.reason).toMatchObject({ code: 'JOB_TIMEOUT' });
  });

  it('cancels a queued job so it never runs, and a running one to Cancelled', async () => {
    let started = 0;
    let disposed = 0;
    const waiter = defineJob({
      type: 'waiter',
      params: z.object({}),
      create: () => ({
        async execute(_p: unknown, ctx: JobContext) {
          started += 1;
          while (true) {
            ctx.checkpoint();
            await new Promise((r) => setTimeout(r, 10));
          }
        },
        dispose: () => {
          disposed += 1;
        },
      }),
    });
    const queue = new MemoryQueue();
    const later = await createRunner({ queue, jobs: [waiter] }).client.enqueue(
      'waiter',
      {},
      { delayMs: 60_000 },
    );
    const runner = await start({ queue, jobs: [waiter] });
    expect(await runner.client.cancel(later.id)).toBe('cancelled');
    const started$ = new Promise<void>((resolve) => runner.events.once('job:started', () => resolve()));
    const { id } = await runner.client.enqueue('waiter', {});
    await started$;
    expect(await runner.client.cancel(id)).toBe('requested');
    const done = await runner.client.waitFor(id, { pollMs: 20 });
    expect(done.state).toBe('Cancelled');
    expect(done.result?.errorInfo?.[0]?.code).toBe('JOB_CANCELLED');
    expect(started).toBe(1);
    expect(disposed).toBe(1);
    expect((await queue.get(later.id))?.state).toBe('Cancelled');
  });

  it('shuts down gracefully: finishes quick jobs, hands back the ones past the grace', async () => {
    const sleeper = defineJob({
      type: 'sleeper',
      params: z.object({ ms: z.number() }),
      create: () => ({
        execute: (p: { ms: number }, ctx: JobContext) =>
          new Promise((resolve, reject) => {
            const timer = setTimeout(() => resolve(p.ms), p.ms);
            ctx.signal.addEventListener('abort', () => {
              clearTimeout(timer);
              reject(ctx.signal.reason);
            });
          }),
      }),
    });
    const queue = new MemoryQueue();
    const runner = await start({ queue, jobs: [sleeper], concurrency: 2 });
    const quick = await runner.client.enqueue('sleeper', { ms: 50 });
    const long = await runner.client.enqueue('sleeper', { ms: 60_000 });
    await new Promise((r) => setTimeout(r, 30));
    await runner.stop(300);
    expect((await queue.get(quick.id))?.state).toBe('Succeeded');
    expect(await queue.get(long.id)).toMatchObject({ state: 'Enqueued', attempts: 0 });
  });

  it('lets a second runner take over the jobs of a runner that died', async () => {
    const queue = new MemoryQueue();
    const hang = defineJob({
      type: 'hang',
      params: z.object({}),
      create: () => ({ execute: () => new Promise(() => {}) }),
    });
    const ok = defineJob({
      type: 'hang',
      params: z.object({}),
      create: () => ({ execute: async () => 'second' }),
    });
    const dead = createRunner({ queue, jobs: [hang], leaseMs: 200, heartbeatMs: 50, abortGraceMs: 0 });
    await dead.start();
    const started = new Promise<void>((resolve) => dead.events.once('job:started', () => resolve()));
    const { id } = await dead.client.enqueue('hang', {});
    await started;
    // Simulate a crash: the dead runner stops heartbeating without handing the job back.
    const deadPool = (
      dead as unknown as { pool: { heartbeat: () => Promise<void>; stopClaiming: () => void } }
    ).pool;
    deadPool.heartbeat = async () => {};
    deadPool.stopClaiming();
    const second = await start({ queue, jobs: [ok], recoveryIntervalMs: 50, workerId: 'second' });
    const done = await second.client.waitFor(id, { pollMs: 20 });
    expect(done).toMatchObject({ state: 'Succeeded', attempts: 2, result: { result: 'second' } });
    expect(done.worker?.id).toBe('second');
    await dead.stop(0);
  });

  it('hosts only the job types it is given and checks its options', async () => {
    expect(() => createRunner({ queue: new MemoryQueue(), jobs: [add], jobTypes: ['nope'] })).toThrow(
      /jobTypes/,
    );
    expect(() => createRunner({ queue: new MemoryQueue(), concurrency: 0 })).toThrow(/concurrency/);
    // every adapter stores whole counts and ms: a fraction is refused here, not at the first claim
    expect(() => createRunner({ queue: new MemoryQueue(), concurrency: 2.5 })).toThrow(/concurrency/);
    expect(() => createRunner({ queue: new MemoryQueue(), leaseMs: 30_000.5 })).toThrow(/leaseMs/);
    expect(() => createRunner({ queue: new MemoryQueue(), maxPerCustomer: 1.5 })).toThrow(/maxPerCustomer/);
    expect(() => createRunner({ queue: new MemoryQueue(), leaseMs: 1000, heartbeatMs: 2000 })).toThrow(
      /heartbeatMs/,
    );
  });

  it('keeps running when an event listener throws', async () => {
    const runner = await start({ queue: new MemoryQueue(), jobs: [add] });
    runner.events.on('job:started', () => {
      throw new Error('listener bug');
    });
    const { id } = await runner.client.enqueue('math.add', { a: 1, b: 1 });
    expect((await runner.client.waitFor(id)).state).toBe('Succeeded');
  });

  it('serialises jobs that take the same named lock, across runners', async () => {
    const queue = new MemoryQueue();
    const spans: Array<[number, number]> = [];
    const locked = defineJob({
      type: 'locked',
      params: z.object({ conso: z.string() }),
      create: () => ({
        async execute(p: { conso: string }, ctx: JobContext) {
          await ctx.lock(`conso:${p.conso}`, { waitMs: 5000, ttlMs: 1000 });
          const start = Date.now();
          await new Promise((r) => setTimeout(r, 80));
          spans.push([start, Date.now()]);
        },
      }),
    });
    const r1 = await start({ queue, jobs: [locked], workerId: 'one' });
    const r2 = await start({ queue, jobs: [locked], workerId: 'two' });
    const ids = await Promise.all([0, 1, 2].map(() => r1.client.enqueue('locked', { conso: '42' })));
    for (const { id } of ids) expect((await r2.client.waitFor(id, { pollMs: 20 })).state).toBe('Succeeded');
    spans.sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
    expect(await queue.acquireLock('conso:42', 'someone-else', 1000)).toBe(true);
  });

  it('claims once per wake-up, not again because a job ended while a claim was out', async () => {
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    // Slow claims and completions, as over a network: each job's completion ends while the
    // claim for the next job is still out.
    class SlowQueue extends MemoryQueue {
      claims = 0;
      override async claim(request: Parameters<MemoryQueue['claim']>[0]) {
        this.claims += 1;
        await pause(30);
        return super.claim(request);
      }
      override async complete(...args: Parameters<MemoryQueue['complete']>) {
        await pause(10);
        return super.complete(...args);
      }
    }
    const queue = new SlowQueue();
    let started: (() => void) | undefined;
    const job = defineJob({
      type: 'quick',
      params: z.object({ i: z.number() }),
      create: () => ({ execute: async () => started?.() }),
    });
    const runner = await start({ queue, jobs: [job], pollIntervalMs: 60_000 });
    await pause(50);
    const before = queue.claims;
    const samples = 5;
    for (let i = 0; i < samples; i++) {
      const running = new Promise<void>((resolve) => {
        started = resolve;
      });
      await runner.client.enqueue('quick', { i });
      await running;
    }
    await pause(100);
    expect(queue.claims - before).toBe(samples);
  });
});
