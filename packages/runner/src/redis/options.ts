import { ConfigurationError, type Logger, silentLogger } from '@hangar/core';
import type { Redis } from 'ioredis';

/** Options of the Redis queue. */
export interface RedisQueueOptions {
  /**
   * An ioredis client or a `redis://` / `rediss://` URL. A client you pass stays yours: `close()`
   * leaves it open. The queue always opens one extra connection of its own for pub/sub.
   * @defaultValue 'redis://127.0.0.1:6379'
   */
  connection?: Redis | string;
  /**
   * Key prefix of this deployment; every key and channel starts with `<prefix>:`. Wrap it in braces
   * (`{hangar}`) to keep all keys in one hash slot behind a cluster proxy.
   * @defaultValue 'hangar'
   */
  prefix?: string;
  /** Name shown by `CLIENT LIST` for the connections the queue opens. @defaultValue 'hangar' */
  connectionName?: string;
  /** At most this many due delayed jobs are promoted per claim. @defaultValue 1000 */
  promoteBatchSize?: number;
  /**
   * At most this many ready entries a claim examines (claimed or set aside because their
   * concurrency key or customer is busy), which bounds the time Redis spends in one script.
   * @defaultValue 1000
   */
  claimScanLimit?: number;
  /** At most this many expired leases handled per `recoverExpiredLeases` call. @defaultValue 1000 */
  recoverBatchSize?: number;
  /** At most this many index entries one `list` page examines before returning a cursor. @defaultValue 5000 */
  listScanLimit?: number;
  /** Where connection problems of the pub/sub connection are reported. @defaultValue silentLogger */
  logger?: Logger;
  /**
   * Run the scripts as a Redis 7 function library (FCALL), loaded once with FUNCTION LOAD, which
   * saves Redis setting the shared Lua up again on every call. A server that refuses FUNCTION LOAD
   * (Redis 6.2, an ACL without it) gets EVALSHA instead; `false` always uses EVALSHA.
   * @defaultValue true
   */
  functions?: boolean;
  /**
   * How long a claim that finds no job waits for one, in ms. While it waits, an enqueue of its
   * queues claims for it in the same atomic step and hands the jobs over by message, so an idle
   * worker starts a job one round trip after its enqueue instead of two. The wait ends early when
   * a job becomes runnable another way (retry, release, expired lease), and never lasts past the
   * next scheduled run-at. 0 returns at once.
   * @defaultValue 1000
   */
  claimWaitMs?: number;
}

/** The options with every default applied. */
export interface ResolvedRedisQueueOptions extends Required<Omit<RedisQueueOptions, 'connection'>> {
  /** The client or URL to connect with. */
  connection: Redis | string;
}

/** Defaults of every Redis queue option. */
export const REDIS_QUEUE_DEFAULTS = {
  connection: 'redis://127.0.0.1:6379',
  prefix: 'hangar',
  connectionName: 'hangar',
  promoteBatchSize: 1000,
  claimScanLimit: 1000,
  recoverBatchSize: 1000,
  listScanLimit: 5000,
  logger: silentLogger,
  functions: true,
  claimWaitMs: 1000,
} satisfies ResolvedRedisQueueOptions;

const POSITIVE_INTEGERS = [
  'promoteBatchSize',
  'claimScanLimit',
  'recoverBatchSize',
  'listScanLimit',
] as const;

/** Applies the defaults and throws `ConfigurationError` for anything that cannot work. */
export function resolveRedisQueueOptions(options: RedisQueueOptions): ResolvedRedisQueueOptions {
  const resolved: ResolvedRedisQueueOptions = { ...REDIS_QUEUE_DEFAULTS };
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined) Object.assign(resolved, { [name]: value });
  }
  validateConnection(resolved.connection);
  if (
    typeof resolved.prefix !== 'string' ||
    resolved.prefix.length === 0 ||
    /[\s*?[\]]/.test(resolved.prefix)
  ) {
    throw new ConfigurationError(
      'prefix',
      `expected a non-empty key prefix without spaces or glob characters (* ? [ ]), got ${JSON.stringify(resolved.prefix)}`,
    );
  }
  if (typeof resolved.connectionName !== 'string' || !/^[!-~]+$/.test(resolved.connectionName)) {
    throw new ConfigurationError(
      'connectionName',
      'expected printable ASCII characters without spaces (Redis rejects other client names)',
    );
  }
  for (const name of POSITIVE_INTEGERS) {
    const value = resolved[name];
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new ConfigurationError(name, `expected a positive integer, got ${String(value)}`);
    }
  }
  if (!Number.isSafeInteger(resolved.claimWaitMs) || resolved.claimWaitMs < 0) {
    throw new ConfigurationError(
      'claimWaitMs',
      `expected a whole number of ms, 0 or more, got ${String(resolved.claimWaitMs)}`,
    );
  }
  if (typeof resolved.functions !== 'boolean') {
    throw new ConfigurationError('functions', `expected true or false, got ${String(resolved.functions)}`);
  }
  const logger = resolved.logger as Partial<Logger> | undefined;
  if (typeof logger?.warn !== 'function' || typeof logger.error !== 'function') {
    throw new ConfigurationError('logger', 'expected a pino-compatible logger with warn and error methods');
  }
  return resolved;
}

function validateConnection(connection: unknown): void {
  if (typeof connection === 'string') {
    let protocol: string;
    try {
      protocol = new URL(connection).protocol;
    } catch {
      throw new ConfigurationError(
        'connection',
        `"${connection}" is not a URL; use e.g. redis://127.0.0.1:6379`,
      );
    }
    if (protocol !== 'redis:' && protocol !== 'rediss:') {
      throw new ConfigurationError(
        'connection',
        `use a redis:// or rediss:// URL, got protocol "${protocol}"`,
      );
    }
    return;
  }
  const client = connection as { duplicate?: unknown; defineCommand?: unknown } | null;
  if (typeof client?.duplicate !== 'function' || typeof client.defineCommand !== 'function') {
    throw new ConfigurationError('connection', 'pass an ioredis `Redis` instance or a redis:// URL');
  }
}
