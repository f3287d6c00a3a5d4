import { performance } from 'node:perf_hooks';
import BeeQueue from 'bee-queue';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { BenchSizes } from './hangar-bench.js';
import { type BenchRow, percentile } from './report.js';

/** Deletes every key of a prefix so each system starts from an empty queue. */
export async function flushPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** BullMQ 6, worker concurrency 16, completed jobs kept (as Hangar keeps them). */
export async function benchBullmq(url: string, sizes: BenchSizes): Promise<BenchRow> {
  const prefix = 'bench-bullmq';
  await flushPrefix(url, prefix);
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new Queue('noop', { connection, prefix });
  let t0 = performance.now();
  for (let i = 0; i < sizes.jobs; i += 1000) {
    const n = Math.min(1000, sizes.jobs - i);
    await queue.addBulk(Array.from({ length: n }, (_, k) => ({ name: 'noop', data: { i: i + k } })));
  }
  const enqueuePerSec = sizes.jobs / ((performance.now() - t0) / 1000);
  let done = 0;
  let onStart: (() => void) | undefined;
  let finished!: () => void;
  const allDone = new Promise<void>((resolve) => {
    finished = resolve;
  });
  t0 = performance.now();
  const worker = new Worker(
    'noop',
    async () => {
      onStart?.();
    },
    { connection: new Redis(url, { maxRetriesPerRequest: null }), prefix, concurrency: sizes.concurrency },
  );
  worker.on('completed', () => {
    done += 1;
    if (done === sizes.jobs) finished();
  });
  await allDone;
  const processPerSec = sizes.jobs / ((performance.now() - t0) / 1000);
  const samples: number[] = [];
  for (let i = 0; i < sizes.latencySamples; i++) {
    const started = new Promise<number>((resolve) => {
      onStart = () => resolve(performance.now());
    });
    const before = performance.now();
    await queue.add('noop', { i });
    samples.push((await started) - before);
  }
  onStart = undefined;
  await worker.close();
  await queue.close();
  connection.disconnect();
  await flushPrefix(url, prefix);
  samples.sort((a, b) => a - b);
  return { system: 'BullMQ 6', enqueuePerSec, processPerSec, ...latency(samples) };
}

/** bee-queue 2 (no leases/heartbeats of its kind, no cross-process cancellation), concurrency 16. */
export async function benchBeeQueue(url: string, sizes: BenchSizes): Promise<BenchRow> {
  const prefix = 'bench-bq';
  await flushPrefix(url, prefix);
  const u = new URL(url);
  const redis = { host: u.hostname, port: Number(u.port || 6379) };
  const producer = new BeeQueue('noop', {
    redis,
    prefix,
    isWorker: false,
    getEvents: false,
    sendEvents: false,
  });
  let t0 = performance.now();
  for (let i = 0; i < sizes.jobs; i += 1000) {
    const n = Math.min(1000, sizes.jobs - i);
    await producer.saveAll(Array.from({ length: n }, (_, k) => producer.createJob({ i: i + k })));
  }
  const enqueuePerSec = sizes.jobs / ((performance.now() - t0) / 1000);
  const consumer = new BeeQueue('noop', {
    redis,
    prefix,
    getEvents: false,
    sendEvents: false,
    removeOnSuccess: false,
  });
  let done = 0;
  let onStart: (() => void) | undefined;
  let finished!: () => void;
  const allDone = new Promise<void>((resolve) => {
    finished = resolve;
  });
  t0 = performance.now();
  consumer.on('succeeded', () => {
    done += 1;
    if (done === sizes.jobs) finished();
  });
  consumer.process(sizes.concurrency, async () => {
    onStart?.();
  });
  await allDone;
  const processPerSec = sizes.jobs / ((performance.now() - t0) / 1000);
  const samples: number[] = [];
  for (let i = 0; i < sizes.latencySamples; i++) {
    const started = new Promise<number>((resolve) => {
      onStart = () => resolve(performance.now());
    });
    const before = performance.now();
    await producer.createJob({ i }).save();
    samples.push((await started) - before);
  }
  onStart = undefined;
  await consumer.close();
  await producer.close();
  await flushPrefix(url, prefix);
  samples.sort((a, b) => a - b);
  return { system: 'bee-queue 2', enqueuePerSec, processPerSec, ...latency(samples) };
}

function latency(samples: number[]): Pick<BenchRow, 'p50' | 'p95' | 'p99'> {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99) };
}
