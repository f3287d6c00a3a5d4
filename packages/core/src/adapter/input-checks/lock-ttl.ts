import { ConfigurationError } from '../../errors/configuration-error.js';

/**
 * A lock's time to live in whole ms (rounded up), or `ConfigurationError` naming `ttlMs`.
 *
 * @example
 * lockTtlMs(0.5); // 1
 * lockTtlMs(0); // throws ConfigurationError naming ttlMs
 */
export function lockTtlMs(ttlMs: number): number {
  if (typeof ttlMs !== 'number' || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new ConfigurationError('ttlMs', `must be a positive number of milliseconds, got ${String(ttlMs)}`);
  }
  return Math.ceil(ttlMs);
}
