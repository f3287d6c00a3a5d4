import { ConfigurationError } from '../../errors/configuration-error.js';
import type { RetentionPolicy } from '../../queue/queue-adapter.js';

/** Deletions per cleanup call when the policy does not say. */
export const DEFAULT_CLEANUP_BATCH = 1000;

/**
 * Throws `ConfigurationError` naming the field of a policy no adapter can apply (an age that is
 * not a number of ms of at least 0, a batch size that is not a positive integer); returns the
 * batch size to use.
 *
 * @example
 * const batch = checkRetentionPolicy({ succeededMs: 0, cancelledMs: 0, failedMs: 86_400_000 }); // 1000
 */
export function checkRetentionPolicy(policy: RetentionPolicy): number {
  for (const key of ['succeededMs', 'cancelledMs', 'failedMs'] as const) {
    const ms = policy[key];
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      throw new ConfigurationError(key, `must be a number of milliseconds of at least 0, got ${String(ms)}`);
    }
  }
  const batch = policy.batchSize ?? DEFAULT_CLEANUP_BATCH;
  if (!Number.isSafeInteger(batch) || batch < 1) {
    throw new ConfigurationError('batchSize', `must be a positive integer, got ${String(batch)}`);
  }
  return batch;
}
