import { performance } from 'node:perf_hooks';
import type { BenchSizes } from './bench-sizes.js';
import { type CpuPerJob, type ServerProcess, startCpuSplit } from './cpu-split.js';
import { type LatencyPercentiles, percentile } from './report.js';

/** How latency is sampled (see `BenchSizes`). */
export type LatencySizes = Pick<BenchSizes, 'latencySamples' | 'latencyWarmup' | 'latencyGapMs'>;

/** A hook a peer's job handler calls when a job starts, and a promise of all jobs done. */
export interface StartProbe {
  /** Call from the job handler when a job starts. */
  started(): void;
  /** Call when a job completes; resolves `allDone` at `total`. */
  completed(count?: number): void;
  /** Resolves once `total` jobs completed. */
  allDone: Promise<void>;
  /**
   * Times `sizes.latencySamples` sequential enqueue-to-start round trips, `sizes.latencyGapMs`
   * apart, after `sizes.latencyWarmup` unmeasured ones.
   */
  latency(sizes: LatencySizes, enqueueOne: (i: number) => Promise<unknown>): Promise<LatencyPercentiles>;
}

/** Waits `ms` milliseconds (not at all for 0). */
export function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

/** Creates the probe shared by every peer benchmark, so all are measured the same way. */
export function startProbe(total: number): StartProbe {
  let onStart: (() => void) | undefined;
  let done = 0;
  let finished!: () => void;
  const allDone = new Promise<void>((resolve) => {
    finished = resolve;
  });
  return {
    started: () => onStart?.(),
    completed: (count = 1) => {
      done += count;
      if (done >= total) finished();
    },
    allDone,
    async latency(sizes, enqueueOne) {
      const times: number[] = [];
      const total = sizes.latencyWarmup + sizes.latencySamples;
      for (let i = 0; i < total; i++) {
        await pause(sizes.latencyGapMs);
        const started = new Promise<number>((resolve) => {
          onStart = () => resolve(performance.now());
        });
        const before = performance.now();
        await enqueueOne(i);
        const ms = (await started) - before;
        if (i >= sizes.latencyWarmup) times.push(ms);
      }
      onStart = undefined;
      times.sort((a, b) => a - b);
      return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) };
    },
  };
}

/**
 * Both latency series of one system: back to back after the warm-up, then with the worker idle,
 * `sizes.latencyGapMs` apart (already warm, so without a second warm-up).
 */
export async function latencySeries(
  probe: StartProbe,
  sizes: LatencySizes,
  enqueueOne: (i: number) => Promise<unknown>,
): Promise<{ busy: LatencyPercentiles; idle: LatencyPercentiles }> {
  const busy = await probe.latency({ ...sizes, latencyGapMs: 0 }, enqueueOne);
  const idle = await probe.latency({ ...sizes, latencyWarmup: 0 }, enqueueOne);
  return { busy, idle };
}

/** Enqueues `total` jobs in batches of 1000 and returns jobs per second. */
export async function bulkRate(
  total: number,
  enqueueBatch: (from: number, count: number) => Promise<unknown>,
): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < total; i += 1000) await enqueueBatch(i, Math.min(1000, total - i));
  return total / ((performance.now() - t0) / 1000);
}

/**
 * Runs `start`, waits for every job's handler, then for `confirmed` (the store says every
 * completion is written, for a system that writes them after its handlers return); returns
 * jobs per second.
 */
export async function processRate(
  total: number,
  probe: StartProbe,
  server: ServerProcess,
  start: () => Promise<unknown> | unknown,
  confirmed: () => Promise<void> = async () => {},
): Promise<{ processPerSec: number; cpu: CpuPerJob }> {
  const cpuUsed = startCpuSplit(server);
  const t0 = performance.now();
  await start();
  await probe.allDone;
  await confirmed();
  const processPerSec = total / ((performance.now() - t0) / 1000);
  return { processPerSec, cpu: cpuUsed(total) };
}

/** Polls `count` every `everyMs` until it is 0. */
export async function untilZero(count: () => Promise<number>, everyMs = 2): Promise<void> {
  while ((await count()) > 0) await pause(everyMs);
}
