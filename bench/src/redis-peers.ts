import BeeQueue from 'bee-queue';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { BenchSizes } from './bench-sizes.js';
import { bulkRate, latencySeries, processRate, startProbe } from './peer-measure.js';
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

/**
 * BullMQ 6, worker concurrency as Hangar's, completed jobs kept (as Hangar keeps them). A job
 * counts at the worker's `completed` event, emitted once its move to completed was written.
 */
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
  const { processPerSec, cpu } = await processRate(sizes.jobs, probe, 'redis-server', () => {
    worker = new Worker('noop', async () => probe.started(), {
      connection: new Redis(url, { maxRetriesPerRequest: null }),
      prefix,
      concurrency: sizes.concurrency,
    });
    worker.on('completed', () => probe.completed());
  });
  const latency = await latencySeries(probe, sizes, (i) => queue.add('noop', { i }));
  await worker?.close();
  await queue.close();
  connection.disconnect();
  await flushPrefix(url, prefix);
  return {
    system: 'BullMQ 6',
    settings: `concurrency ${sizes.concurrency}, completed jobs kept; done at \`completed\` (written)`,
    enqueuePerSec,
    processPerSec,
    cpu,
    ...latency,
  };
}

/**
 * bee-queue 2 (no leases/heartbeats of its kind, no cross-process cancellation). A job counts at
 * the queue's `succeeded` event, emitted after its status was written.
 */
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
  const { processPerSec, cpu } = await processRate(sizes.jobs, probe, 'redis-server', () => {
    consumer.on('succeeded', () => probe.completed());
    consumer.process(sizes.concurrency, async () => probe.started());
  });
  const latency = await latencySeries(probe, sizes, (i) => producer.createJob({ i }).save());
  await consumer.close();
  await producer.close();
  await flushPrefix(url, prefix);
  return {
    system: 'bee-queue 2',
    settings: `concurrency ${sizes.concurrency}, succeeded jobs kept, events off; done at \`succeeded\` (written)`,
    enqueuePerSec,
    processPerSec,
    cpu,
    ...latency,
  };
}
