import type { QueueAdapter } from '@hangar/core';
import { Redis } from 'ioredis';
import pg from 'pg';
import { PostgresQueue } from '../postgres/postgres-queue.js';
import { closeConnection } from '../redis/connection.js';
import { RedisQueue } from '../redis/redis-queue.js';

/** Where a graph run lives: a PostgreSQL schema or a Redis key prefix, named the same way in every process. */
export interface GraphBackendConfig {
  /** Which adapter. */
  kind: 'postgres' | 'redis';
  /** Connection URL. */
  url: string;
  /** The schema (PostgreSQL) or key prefix (Redis) of this test. */
  namespace: string;
}

/** One record of the graph's job: a step started or ended, in the order the store received them. */
export interface StepEvent {
  step: number;
  event: 'start' | 'end';
  pid: number;
}

/** A process's view of the backend: its queue, and the store where steps record their runs. */
export interface GraphBackend {
  readonly queue: QueueAdapter;
  /** Appends an event; the store orders events of every process. */
  record(step: number, event: StepEvent['event']): Promise<void>;
  /** Every event so far, in store order. */
  events(): Promise<StepEvent[]>;
  close(): Promise<void>;
}

/** The config as environment variables, for a child process. */
export function graphBackendEnv(config: GraphBackendConfig): Record<string, string> {
  return { GRAPH_KIND: config.kind, GRAPH_URL: config.url, GRAPH_NAMESPACE: config.namespace };
}

/** Reads the config a parent process passed with `graphBackendEnv`. */
export function graphBackendFromEnv(env: NodeJS.ProcessEnv): GraphBackendConfig {
  const { GRAPH_KIND: kind, GRAPH_URL: url, GRAPH_NAMESPACE: namespace } = env;
  if ((kind !== 'postgres' && kind !== 'redis') || !url || !namespace) {
    throw new Error('GRAPH_KIND (postgres or redis), GRAPH_URL and GRAPH_NAMESPACE are required');
  }
  return { kind, url, namespace };
}

/**
 * Opens the queue and the run store of `config`; `prepare` creates the store (once, in the test
 * process). PostgreSQL keeps events in a table with a sequence, Redis in a list.
 */
export async function openGraphBackend(config: GraphBackendConfig, prepare = false): Promise<GraphBackend> {
  if (config.kind === 'postgres') {
    const queue = await PostgresQueue.connect({ connectionString: config.url, schema: config.namespace });
    const pool = new pg.Pool({ connectionString: config.url, max: 4 });
    const table = `"${config.namespace}".graph_run`;
    if (prepare) {
      await pool.query(`CREATE TABLE ${table} (
        seq bigserial PRIMARY KEY, step integer NOT NULL, event text NOT NULL, pid integer NOT NULL)`);
    }
    return {
      queue,
      async record(step, event) {
        await pool.query(`INSERT INTO ${table} (step, event, pid) VALUES ($1, $2, $3)`, [
          step,
          event,
          process.pid,
        ]);
      },
      async events() {
        const { rows } = await pool.query<StepEvent>(`SELECT step, event, pid FROM ${table} ORDER BY seq`);
        return rows;
      },
      async close() {
        await queue.close();
        await pool.end();
      },
    };
  }
  const queue = new RedisQueue({ connection: config.url, prefix: config.namespace });
  const redis = new Redis(config.url);
  const key = `${config.namespace}:graph:runs`;
  return {
    queue,
    async record(step, event) {
      await redis.rpush(key, `${step} ${event} ${process.pid}`);
    },
    async events() {
      return (await redis.lrange(key, 0, -1)).map((line) => {
        const [step, event, pid] = line.split(' ');
        return { step: Number(step), event: event as StepEvent['event'], pid: Number(pid) };
      });
    },
    async close() {
      await queue.close();
      await closeConnection(redis);
    },
  };
}
