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
  });
  // An idle connection dropped by the server emits 'error' on the pool; unhandled, it would
  // crash the process. The pool replaces the connection on the next query.
  pool.on('error', (err) => options.logger.warn({ err }, 'Idle PostgreSQL connection lost'));
  return { pool, owned: true };
}
