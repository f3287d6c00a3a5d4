import type { QueueAdapter } from '@hangar/core';
import { MemoryQueue } from '../memory/memory-queue.js';
import { configError } from './cli-error.js';
import type { HangarConfig } from './config.js';

// Each adapter is imported only when the config asks for it, so `pg` and `ioredis` stay optional
// peer dependencies: a memory-only install never loads them.
async function loadAdapter<T>(kind: string, driver: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw configError('hangar.cli.adapterMissing', { kind, driver, reason: (error as Error).message }, error);
  }
}

/** Creates the queue adapter the config names. */
export async function createQueue(queue: HangarConfig['queue']): Promise<QueueAdapter> {
  switch (queue.kind) {
    case 'memory':
      return new MemoryQueue();
    case 'postgres': {
      const { PostgresQueue } = await loadAdapter('postgres', 'pg', () => import('../postgres/index.js'));
      return new PostgresQueue({
        connectionString: queue.url,
        ...(queue.schema ? { schema: queue.schema } : {}),
      });
    }
    case 'redis': {
      const { RedisQueue } = await loadAdapter('redis', 'ioredis', () => import('../redis/index.js'));
      return new RedisQueue({ connection: queue.url, ...(queue.prefix ? { prefix: queue.prefix } : {}) });
    }
  }
}
