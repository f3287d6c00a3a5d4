import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { closeConnection, probeRedis } from './connection.js';
import type { RedisQueueOptions } from './options.js';
import { RedisQueue } from './redis-queue.js';

/** The Redis the tests use: `HANGAR_REDIS_URL`, else the local default. */
export function testRedisUrl(): string {
  return process.env.HANGAR_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** Why the Redis tests cannot run here, or undefined when Redis answers. */
export function redisSkipReason(): Promise<string | undefined> {
  return probeRedis(testRedisUrl());
}

/** A random key prefix, so that tests never see each other's keys. */
export function randomPrefix(): string {
  return `hangar-test-${randomBytes(6).toString('hex')}`;
}

/** Deletes every key under `prefix` with SCAN + DEL (never KEYS, never FLUSHDB: the server is shared). */
export async function deletePrefix(url: string, prefix: string): Promise<void> {
  const conn = new Redis(url, { connectionName: 'hangar-test-cleanup' });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await conn.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await conn.del(...keys);
    } while (cursor !== '0');
  } finally {
    await closeConnection(conn);
  }
}

/** One isolated namespace: queues created through it share a fresh prefix, deleted on teardown. */
export function testNamespace(options: Omit<RedisQueueOptions, 'prefix'> = {}, url = testRedisUrl()) {
  const prefix = randomPrefix();
  const queues: RedisQueue[] = [];
  return {
    prefix,
    url,
    /** A queue on the namespace, opening its own connection unless `options.connection` is set. */
    async create(): Promise<RedisQueue> {
      // a short claim wait keeps tests with empty claims quick while still exercising it
      const queue = new RedisQueue({ connection: url, claimWaitMs: 50, ...options, prefix });
      queues.push(queue);
      return queue;
    },
    /** Closes the queues created here (again, harmlessly) and deletes the namespace's keys. */
    async teardown(): Promise<void> {
      await Promise.all(queues.map((q) => q.close()));
      await deletePrefix(url, prefix);
    },
  };
}
