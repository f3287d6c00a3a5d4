import { performance } from 'node:perf_hooks';
import { defineJob, type QueueAdapter } from '@hangar/core';
import { createClient, createRunner } from '@hangar/runner';
import { z } from 'zod';
import { pause } from './peer-measure.js';
import { type BenchRow, percentile } from './report.js';

/** Sizes of one benchmark run. */
export interface BenchSizes {
  /** Jobs enqueued in bulk and then processed. */
  jobs: number;
  /** Sequential samples of enqueue-to-start latency. */
  latencySamples: number;
  /**
   * Pause before each latency sample, in ms: 0 sends each enqueue as soon as the previous job
   * started (the worker may still be recording it); a few ms leave the worker idle.
   */
  latencyGapMs: number;
  /** Worker concurrency. */
  concurrency: number;
}

let startedAt: (() => void) | undefined;
const noop = defineJob({
  type: 'bench.noop',
  params: z.object({ i: z.number() }),
  retry: { maxAttempts: 1 },
  create: () => ({
    execute: async () => {
      startedAt?.();
      return null;
    },
  }),
});

/** Measures Hangar on one adapter: bulk enqueue, processing throughput, enqueue-to-start latency. */
export async function benchHangar(
  system: string,
  open: () => Promise<QueueAdapter>,
  sizes: BenchSizes,
): Promise<BenchRow> {
  const queue = await open();
  try {
    const client = createClient({ queue, jobs: [noop] });
    const batch = 1000;
    let t0 = performance.now();
    for (let i = 0; i < sizes.jobs; i += batch) {
      const n = Math.min(batch, sizes.jobs - i);
      await client.enqueueMany(
        Array.from({ length: n }, (_, k) => ({ type: 'bench.noop', params: { i: i + k } })),
      );
    }
    const enqueuePerSec = sizes.jobs / ((performance.now() - t0) / 1000);

    const runner = createRunner({
      queue,
      jobs: [noop],
      concurrency: sizes.concurrency,
      retention: false,
      pollIntervalMs: 1000,
    });
    let done = 0;
    const finished = new Promise<void>((resolve) =>
      runner.events.on('job:succeeded', () => {
        done += 1;
        if (done === sizes.jobs) resolve();
      }),
    );
    t0 = performance.now();
    await runner.start();
    await finished;
    const processPerSec = sizes.jobs / ((performance.now() - t0) / 1000);

    const samples: number[] = [];
    for (let i = 0; i < sizes.latencySamples; i++) {
      await pause(sizes.latencyGapMs);
      const started = new Promise<number>((resolve) => {
        startedAt = () => resolve(performance.now());
      });
      const before = performance.now();
      await runner.client.enqueue('bench.noop', { i });
      samples.push((await started) - before);
    }
    startedAt = undefined;
    await runner.stop();
    samples.sort((a, b) => a - b);
    return {
      system,
      enqueuePerSec,
      processPerSec,
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      p99: percentile(samples, 99),
    };
  } finally {
    await queue.close();
  }
}
