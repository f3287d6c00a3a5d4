import { performance } from 'node:perf_hooks';
import { defineJob, type QueueAdapter } from '@hangar/core';
import { createRunner } from '@hangar/runner';
import { z } from 'zod';
import { percentile } from './report.js';

/** Trigger latency percentiles of one backend and path, ms. */
export interface TriggerBenchRow {
  readonly system: string;
  readonly path: string;
  readonly samples: number;
  readonly p50: number;
  readonly p99: number;
}

const parent = defineJob({
  type: 'bench.parent',
  params: z.object({ i: z.number() }),
  retry: { maxAttempts: 1 },
  create: () => ({ execute: async () => null }),
});

const follow = defineJob({
  type: 'bench.follow',
  params: z.object({}),
  retry: { maxAttempts: 1 },
  create: () => ({ execute: async () => null }),
});

/** Sizes of the trigger benchmark. */
export interface TriggerBenchSizes {
  /** Measured parent ends through the runner (fast path). */
  samples: number;
  /** Unmeasured ones first. */
  warmup: number;
  /** Measured ends recorded by another connection (the sweep finds them). */
  sweepSamples: number;
}

const summary = (system: string, path: string, times: number[]): TriggerBenchRow => {
  const sorted = [...times].sort((a, b) => a - b);
  return { system, path, samples: times.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
};

/**
 * Latency from a parent job's end to the start of the job its event trigger enqueued, one parent
 * at a time on one runner with default settings: (1) the parent ends on the runner (its end
 * fires the trigger at once), measured from the runner's `job:succeeded` to the triggered job's
 * `job:started`; (2) a parent due later is cancelled through a second connection, which no
 * runner sees, measured from the cancel call's return to the triggered job's start (the sweep:
 * up to `triggerSettleMs` + `schedulerIntervalMs`).
 */
export async function benchTriggers(
  system: string,
  open: () => Promise<QueueAdapter>,
  sizes: TriggerBenchSizes,
): Promise<TriggerBenchRow[]> {
  const queue = await open();
  const operator = await open();
  const runner = createRunner({ queue, jobs: [parent, follow], concurrency: 4 });
  let onFollowStart: (() => void) | undefined;
  runner.events.on('job:started', ({ job }) => {
    if (job.type === 'bench.follow') onFollowStart?.();
  });
  let parentEnd = 0;
  runner.events.on('job:succeeded', ({ job }) => {
    if (job.type === 'bench.parent') parentEnd = performance.now();
  });
  const followStarted = () =>
    new Promise<number>((resolve) => (onFollowStart = () => resolve(performance.now())));
  try {
    await runner.start();
    await runner.client.triggers.upsert({
      name: 'bench-after-parent',
      on: { type: 'bench.parent', states: ['Succeeded', 'Cancelled'] },
      job: { type: 'bench.follow', params: {} },
    });
    await runner.fireTriggers(); // the runner knows the trigger from now on
    const fast: number[] = [];
    for (let i = 0; i < sizes.warmup + sizes.samples; i++) {
      const started = followStarted();
      await runner.client.enqueue('bench.parent', { i });
      const at = await started;
      if (i >= sizes.warmup) fast.push(at - parentEnd);
    }
    const swept: number[] = [];
    for (let i = 0; i < sizes.sweepSamples; i++) {
      const { id } = await runner.client.enqueue(
        'bench.parent',
        { i },
        { runAt: new Date(Date.now() + 3_600_000) },
      );
      const started = followStarted();
      await operator.requestCancel(id);
      const cancelledAt = performance.now();
      swept.push((await started) - cancelledAt);
    }
    return [
      summary(system, 'parent ended on the runner', fast),
      summary(system, 'parent cancelled by another connection (sweep)', swept),
    ];
  } finally {
    await runner.stop(1000);
    await operator.close();
    await queue.close();
  }
}
