import type pg from 'pg';
import { requireDriver } from '../drivers/optional-driver.js';
import type { ResolvedPostgresQueueOptions } from './options.js';
import { queueTypes } from './timestamp-parser.js';

/** The pool a queue runs its statements on, and whether the queue ends it on close. */
export interface QueuePool {
  /** The pool. */
  pool: pg.Pool;
  /** True when the queue created it (and so closes it); false for a pool the caller passed. */
  owned: boolean;
}

/** The caller's pool, or a new one from the connection options with the queue's type parsers. */
export function openQueuePool(options: ResolvedPostgresQueueOptions): QueuePool {
  if (options.pool) return { pool: options.pool, owned: false };
  const { Pool } = requireDriver<typeof pg>('pg', 'PostgresQueue (@hangar/runner/postgres)');
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.poolSize,
    application_name: options.applicationName,
    types: queueTypes,
    // A queue's statements are short and many. With a million rows in `job`, the planner's cost
    // estimates pass `jit_above_cost` and every single enqueue compiled itself first: 698 ms
    // against 11 ms for the same statement without JIT (`EXPLAIN ANALYZE`, 1,000,000 finished
    // jobs). A connection string's own `options` still win.
    options: '-c jit=off',
  });
  // An idle connection dropped by the server emits 'error' on the pool; unhandled, it would
  // crash the process. The pool replaces the connection on the next query.
  pool.on('error', (err) => options.logger.warn({ err }, 'Idle PostgreSQL connection lost'));
  return { pool, owned: true };
}
