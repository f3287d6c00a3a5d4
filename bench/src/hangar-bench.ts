import { performance } from 'node:perf_hooks';
import type { QueueAdapter } from '@hangar/core';
import { createRunner } from '@hangar/runner';
import type { BenchSizes } from './bench-sizes.js';
import { type ServerProcess, startCpuSplit } from './cpu-split.js';
import { noopJob, whenSucceeded } from './noop-job.js';
import { latencySeries, type StartProbe, startProbe } from './peer-measure.js';
import type { BenchRow } from './report.js';

let probe: StartProbe | undefined;

/**
 * Each processing phase, as [from, to] µs of the monotonic clock V8's CPU profiles use, so that
 * a profile can be summed over processing only (`BENCH_PROFILE_WINDOWS`, `cpu-profile-summary.ts`).
 */
export const processingWindows: Array<[number, number]> = [];
const noop = noopJob(() => probe?.started());

/**
 * Measures Hangar on one adapter: bulk enqueue, processing throughput, enqueue-to-start latency.
 * Jobs are enqueued through the runner's own client, as an embedded service does, so their
 * parameters are validated once. A job counts as processed at its `job:succeeded` event, which
 * the runner emits only after the adapter confirmed the completion (on Redis and PostgreSQL,
 * once the batch of completions it went out in was written).
 */
export async function benchHangar(
  system: string,
  settings: string,
  open: () => Promise<QueueAdapter>,
  sizes: BenchSizes,
  server?: ServerProcess,
): Promise<BenchRow> {
  const queue = await open();
  try {
    const runner = createRunner({
      queue,
      jobs: [noop],
      concurrency: sizes.concurrency,
      retention: false,
      pollIntervalMs: 1000,
    });
    const batch = 1000;
    let t0 = performance.now();
    for (let i = 0; i < sizes.jobs; i += batch) {
      const n = Math.min(batch, sizes.jobs - i);
      await runner.client.enqueueMany(
        Array.from({ length: n }, (_, k) => ({ type: 'bench.noop', params: { i: i + k } })),
      );
    }
    const enqueuePerSec = sizes.jobs / ((performance.now() - t0) / 1000);

    const finished = whenSucceeded(runner, sizes.jobs);
    const from = process.hrtime.bigint();
    const cpuUsed = server ? startCpuSplit(server) : undefined;
    const clientCpu = process.cpuUsage();
    t0 = performance.now();
    await runner.start();
    await finished;
    const processPerSec = sizes.jobs / ((performance.now() - t0) / 1000);
    const used = process.cpuUsage(clientCpu);
    const cpu = cpuUsed?.(sizes.jobs) ?? {
      clientUs: (used.user + used.system) / sizes.jobs,
      serverUs: Number.NaN,
    };
    processingWindows.push([Number(from / 1000n), Number(process.hrtime.bigint() / 1000n)]);

    probe = startProbe(0);
    const latency = await latencySeries(probe, sizes, (i) => runner.client.enqueue('bench.noop', { i }));
    probe = undefined;
    await runner.stop();
    return { system, settings, enqueuePerSec, processPerSec, cpu, ...latency };
  } finally {
    await queue.close();
  }
}
