import { ConfigurationError, type Logger, silentLogger } from '@hangar/core';
import type pg from 'pg';

/** Options of a `PostgresQueue`. Give either `connectionString` or `pool`. */
export interface PostgresQueueOptions {
  /**
   * Connection string of the database, e.g. `postgres://user@host:5432/db`. The queue then
   * creates its own pool and ends it on `close()`.
   * @defaultValue undefined
   */
  connectionString?: string;
  /**
   * An existing pool to use instead of `connectionString`. It stays open after `close()`; the
   * queue keeps one of its connections checked out for LISTEN while anyone subscribes. The pool
   * the queue creates turns JIT compilation off (`options: '-c jit=off'`), which a large `job`
   * table otherwise triggers on every enqueue; give yours the same setting.
   * @defaultValue undefined
   */
  pool?: pg.Pool;
  /**
   * Schema holding the queue's tables; created by the migrations. Lower-case letters, digits
   * and `_`, at most 48 characters (the NOTIFY channel name is derived from it).
   * @defaultValue 'hangar'
   */
  schema?: string;
  /**
   * Size of the pool the queue creates from `connectionString` (one connection is used for
   * LISTEN once something subscribes).
   * @defaultValue 10
   */
  poolSize?: number;
  /**
   * Period of the slow safety poll for cancellation requests, which catches notifications
   * lost while the listening connection was down. NOTIFY delivers them at once otherwise.
   * @defaultValue 5000
   */
  pollIntervalMs?: number;
  /**
   * First delay before reconnecting the listening connection after it drops; doubled on each
   * failure up to `maxReconnectDelayMs`.
   * @defaultValue 100
   */
  reconnectDelayMs?: number;
  /**
   * Longest delay between two reconnection attempts of the listening connection.
   * @defaultValue 5000
   */
  maxReconnectDelayMs?: number;
  /**
   * Runs the migrations before the first operation. Turn it off when migrations are applied
   * by a deployment step calling `migrate()`.
   * @defaultValue true
   */
  autoMigrate?: boolean;
  /**
   * `application_name` of the connections the queue opens, shown in `pg_stat_activity`.
   * @defaultValue 'hangar'
   */
  applicationName?: string;
  /**
   * How long `countJobs` keeps its counts of finished jobs before counting again; live jobs are
   * counted on every call.
   * @defaultValue 5000
   */
  countCacheMs?: number;
  /**
   * Finished jobs of one state `countJobs` counts exactly; past it, the count is the planner's
   * estimate from the table statistics, flagged `estimated`.
   * @defaultValue 10000
   */
  exactCountLimit?: number;
  /**
   * Logger for connection problems.
   * @defaultValue silentLogger
   */
  logger?: Logger;
}

/** Options after defaults are applied. */
export interface ResolvedPostgresQueueOptions {
  /** Connection string, when the queue owns its pool. */
  connectionString: string | undefined;
  /** Caller's pool, when given. */
  pool: pg.Pool | undefined;
  /** Schema name (validated, safe to quote). */
  schema: string;
  /** Size of an owned pool. */
  poolSize: number;
  /** Safety poll period. */
  pollIntervalMs: number;
  /** First reconnect delay. */
  reconnectDelayMs: number;
  /** Longest reconnect delay. */
  maxReconnectDelayMs: number;
  /** Whether operations migrate lazily. */
  autoMigrate: boolean;
  /** application_name of owned connections. */
  applicationName: string;
  /** How long finished counts are kept. */
  countCacheMs: number;
  /** Finished jobs of a state counted exactly before estimating. */
  exactCountLimit: number;
  /** Logger. */
  logger: Logger;
}

/** Defaults of the optional settings. */
export const POSTGRES_QUEUE_DEFAULTS = {
  schema: 'hangar',
  poolSize: 10,
  pollIntervalMs: 5000,
  reconnectDelayMs: 100,
  maxReconnectDelayMs: 5000,
  autoMigrate: true,
  applicationName: 'hangar',
  countCacheMs: 5000,
  exactCountLimit: 10_000,
} as const satisfies Partial<PostgresQueueOptions>;

// Interpolated into SQL and into the NOTIFY channel name, so it must be a plain identifier
// that needs no escaping and leaves room for the channel prefix within 63 bytes.
const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,47}$/;

/** Applies defaults and validates; throws `ConfigurationError` saying what to fix. */
export function resolvePostgresQueueOptions(options: PostgresQueueOptions): ResolvedPostgresQueueOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigurationError('options', 'pass an object with `connectionString` or `pool`');
  }
  const { connectionString, pool } = options;
  if (connectionString === undefined && pool === undefined) {
    throw new ConfigurationError(
      'connectionString',
      'give a connection string or an existing pg.Pool as `pool`',
    );
  }
  if (connectionString !== undefined && pool !== undefined) {
    throw new ConfigurationError('pool', 'give either `connectionString` or `pool`, not both');
  }
  if (
    connectionString !== undefined &&
    (typeof connectionString !== 'string' || connectionString.trim() === '')
  ) {
    throw new ConfigurationError(
      'connectionString',
      'must be a non-empty string such as postgres://user@host/db',
    );
  }
  if (
    pool !== undefined &&
    (typeof pool !== 'object' || pool === null || typeof pool.connect !== 'function')
  ) {
    throw new ConfigurationError('pool', 'must be a pg.Pool instance');
  }
  const schema = options.schema ?? POSTGRES_QUEUE_DEFAULTS.schema;
  if (typeof schema !== 'string' || !SCHEMA_PATTERN.test(schema)) {
    throw new ConfigurationError(
      'schema',
      `"${String(schema)}" is not allowed; use lower-case letters, digits and _ (starting with a letter or _), at most 48 characters`,
    );
  }
  const resolved: ResolvedPostgresQueueOptions = {
    connectionString,
    pool,
    schema,
    poolSize: integerOption('poolSize', options.poolSize, POSTGRES_QUEUE_DEFAULTS.poolSize, 2),
    pollIntervalMs: integerOption(
      'pollIntervalMs',
      options.pollIntervalMs,
      POSTGRES_QUEUE_DEFAULTS.pollIntervalMs,
      10,
    ),
    reconnectDelayMs: integerOption(
      'reconnectDelayMs',
      options.reconnectDelayMs,
      POSTGRES_QUEUE_DEFAULTS.reconnectDelayMs,
      1,
    ),
    maxReconnectDelayMs: integerOption(
      'maxReconnectDelayMs',
      options.maxReconnectDelayMs,
      POSTGRES_QUEUE_DEFAULTS.maxReconnectDelayMs,
      1,
    ),
    autoMigrate: options.autoMigrate ?? POSTGRES_QUEUE_DEFAULTS.autoMigrate,
    applicationName: options.applicationName ?? POSTGRES_QUEUE_DEFAULTS.applicationName,
    countCacheMs: integerOption(
      'countCacheMs',
      options.countCacheMs,
      POSTGRES_QUEUE_DEFAULTS.countCacheMs,
      0,
    ),
    exactCountLimit: integerOption(
      'exactCountLimit',
      options.exactCountLimit,
      POSTGRES_QUEUE_DEFAULTS.exactCountLimit,
      1,
    ),
    logger: options.logger ?? silentLogger,
  };
  if (typeof resolved.autoMigrate !== 'boolean') {
    throw new ConfigurationError('autoMigrate', 'must be true or false');
  }
  if (typeof resolved.applicationName !== 'string') {
    throw new ConfigurationError('applicationName', 'must be a string');
  }
  if (resolved.maxReconnectDelayMs < resolved.reconnectDelayMs) {
    throw new ConfigurationError('maxReconnectDelayMs', 'must be at least `reconnectDelayMs`');
  }
  return resolved;
}

function integerOption(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ConfigurationError(name, `must be an integer of at least ${min}, got ${String(value)}`);
  }
  return value;
}
