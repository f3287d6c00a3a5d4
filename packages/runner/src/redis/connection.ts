import type { Redis } from 'ioredis';
import { requireDriver } from '../drivers/optional-driver.js';

/** ioredis's client class, loaded on first use (an optional peer dependency). */
function ioredisClass(): typeof Redis {
  return requireDriver<typeof import('ioredis')>('ioredis', 'RedisQueue (@hangar/runner/redis)').Redis;
}

/** Opens a client for a redis:// URL, named so that it shows up in `CLIENT LIST`. */
export function openConnection(url: string, connectionName: string): Redis {
  return new (ioredisClass())(url, { connectionName });
}

/**
 * Closes a connection the queue opened and waits until its socket is gone, so tests and short
 * scripts end without open handles. Falls back to a hard disconnect when QUIT cannot be sent.
 */
export async function closeConnection(conn: Redis): Promise<void> {
  if (conn.status === 'end') return;
  const ended = new Promise<void>((resolve) => conn.once('end', () => resolve()));
  if (conn.status === 'ready') {
    try {
      await conn.quit();
    } catch {
      conn.disconnect();
    }
  } else {
    // QUIT would wait in the offline queue of a connection that is (re)connecting
    conn.disconnect();
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      conn.disconnect();
      resolve();
    }, 2000);
  });
  await Promise.race([ended, timeout]);
  clearTimeout(timer);
}

/**
 * Checks that a Redis server answers at `url`; resolves to why not, or undefined when it does.
 * Never retries, so a missing server is reported within about a second.
 */
export async function probeRedis(url: string): Promise<string | undefined> {
  const conn = new (ioredisClass())(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // the socket error (ECONNREFUSED…) says more than the "Connection is closed" that connect() rejects with
  let cause: unknown;
  conn.on('error', (err: unknown) => {
    cause ??= err;
  });
  try {
    await conn.connect();
    await conn.ping();
    return undefined;
  } catch (err) {
    const reason = cause ?? err;
    return `Redis is not reachable at ${url}: ${reason instanceof Error ? reason.message : String(reason)}`;
  } finally {
    await closeConnection(conn);
  }
}
