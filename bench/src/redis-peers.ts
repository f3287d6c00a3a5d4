import BeeQueue from 'bee-queue';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { BenchSizes } from './bench-sizes.js';
import { bulkRate, processRate, startProbe } from './peer-measure.js';
import type { BenchRow } from './report.js';

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
  const enqueuePerSec = await bulkRate(sizes.jobs, (from, n) =>
    queue.addBulk(Array.from({ length: n }, (_, k) => ({ name: 'noop', data: { i: from + k } }))),
  );
  const probe = startProbe(sizes.jobs);
  let worker: Worker | undefined;
  const processPerSec = await processRate(sizes.jobs, probe, () => {
    worker = new Worker('noop', async () => probe.started(), {
      connection: new Redis(url, { maxRetriesPerRequest: null }),
      prefix,
      concurrency: sizes.concurrency,
    });
    worker.on('completed', () => probe.completed());
  });
  const latency = await probe.latency(sizes, (i) => queue.add('noop', { i }));
  await worker?.close();
  await queue.close();
  connection.disconnect();
  await flushPrefix(url, prefix);
  return { system: 'BullMQ 6', enqueuePerSec, processPerSec, ...latency };
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
  const enqueuePerSec = await bulkRate(sizes.jobs, (from, n) =>
    producer.saveAll(Array.from({ length: n }, (_, k) => producer.createJob({ i: from + k }))),
  );
  const consumer = new BeeQueue('noop', {
    redis,
    prefix,
    getEvents: false,
    sendEvents: false,
    removeOnSuccess: false,
  });
  const probe = startProbe(sizes.jobs);
  const processPerSec = await processRate(sizes.jobs, probe, () => {
    consumer.on('succeeded', () => probe.completed());
    consumer.process(sizes.concurrency, async () => probe.started());
  });
  const latency = await probe.latency(sizes, (i) => producer.createJob({ i }).save());
  await consumer.close();
  await producer.close();
  await flushPrefix(url, prefix);
  return { system: 'bee-queue 2', enqueuePerSec, processPerSec, ...latency };
}
