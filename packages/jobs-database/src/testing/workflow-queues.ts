import { randomBytes } from 'node:crypto';
import type { QueueAdapter } from '@hangar/core';
import { MemoryQueue } from '@hangar/runner';
import { PostgresQueue } from '@hangar/runner/postgres';
import { RedisQueue } from '@hangar/runner/redis';
import { Redis } from 'ioredis';
import pg from 'pg';

/** The PostgreSQL and Redis the workflow tests use (`HANGAR_PG_URL`, `HANGAR_REDIS_URL`). */
export const WORKFLOW_PG_URL = process.env.HANGAR_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const WORKFLOW_REDIS_URL = process.env.HANGAR_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A queue backend of the workflow tests: each test opens its own schema or key prefix. */
export interface WorkflowBackend {
  readonly kind: 'memory' | 'postgres' | 'redis';
  /** Why it cannot run here, or undefined. */
  skipReason(): Promise<string | undefined>;
  /** A fresh namespace: `open()` gives queues on it (several share it); `drop()` closes them and removes it. */
  namespace(): { readonly name: string; open(): Promise<QueueAdapter>; drop(): Promise<void> };
}

async function pgReason(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: WORKFLOW_PG_URL, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return undefined;
  } catch (err) {
    return `PostgreSQL is not reachable at ${WORKFLOW_PG_URL}: ${(err as Error).message}`;
  } finally {
    await client.end().catch(() => {});
  }
}

async function redisReason(): Promise<string | undefined> {
  const conn = new Redis(WORKFLOW_REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  conn.on('error', () => {});
  try {
    await conn.connect();
    await conn.ping();
    return undefined;
  } catch (err) {
    return `Redis is not reachable at ${WORKFLOW_REDIS_URL}: ${(err as Error).message}`;
  } finally {
    conn.disconnect();
  }
}

/** The three backends; a test skips one whose service is missing (fails under `CI=true`). */
export const workflowBackends: readonly WorkflowBackend[] = [
  {
    kind: 'memory',
    skipReason: async () => undefined,
    namespace() {
      const queue = new MemoryQueue();
      return { name: 'memory', open: async () => queue, drop: () => queue.close() };
    },
  },
  {
    kind: 'postgres',
    skipReason: pgReason,
    namespace() {
      const name = `hangar_wf_${randomBytes(6).toString('hex')}`;
      const opened: PostgresQueue[] = [];
      return {
        name,
        async open() {
          const queue = await PostgresQueue.connect({
            connectionString: WORKFLOW_PG_URL,
            schema: name,
            poolSize: 4,
          });
          opened.push(queue);
          return queue;
        },
        async drop() {
          await Promise.all(opened.map((q) => q.close()));
          const client = new pg.Client({ connectionString: WORKFLOW_PG_URL });
          await client.connect();
          await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
          await client.end();
        },
      };
    },
  },
  {
    kind: 'redis',
    skipReason: redisReason,
    namespace() {
      const name = `hangar-wf-${randomBytes(6).toString('hex')}`;
      const opened: RedisQueue[] = [];
      return {
        name,
        async open() {
          const queue = new RedisQueue({ connection: WORKFLOW_REDIS_URL, prefix: name, claimWaitMs: 50 });
          opened.push(queue);
          return queue;
        },
        async drop() {
          await Promise.all(opened.map((q) => q.close()));
          const conn = new Redis(WORKFLOW_REDIS_URL);
          let cursor = '0';
          do {
            const [next, keys] = await conn.scan(cursor, 'MATCH', `${name}:*`, 'COUNT', 1000);
            cursor = next;
            if (keys.length > 0) await conn.del(...keys);
          } while (cursor !== '0');
          conn.disconnect();
        },
      };
    },
  },
];
