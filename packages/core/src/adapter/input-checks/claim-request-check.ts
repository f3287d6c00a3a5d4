import { ConfigurationError } from '../../errors/configuration-error.js';
import type { ClaimRequest } from '../../queue/queue-adapter.js';

/**
 * Throws `ConfigurationError` naming `name` unless `value` is a whole number of at least 1.
 *
 * @example
 * checkPositiveInteger('leaseMs', leaseMs); // at the top of heartbeat()
 */
export function checkPositiveInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ConfigurationError(name, `must be a positive integer, got ${String(value)}`);
  }
}

/**
 * Throws `ConfigurationError` naming the field of a claim no adapter can serve: a `limit`,
 * `leaseMs` or `maxPerCustomer` that is not a positive integer.
 *
 * @example
 * async claim(request: ClaimRequest): Promise<JobRecord[]> {
 *   checkClaimRequest(request);
 *   // …pick up to request.limit runnable jobs
 * }
 */
export function checkClaimRequest(request: ClaimRequest): void {
  checkPositiveInteger('limit', request.limit);
  checkPositiveInteger('leaseMs', request.leaseMs);
  if (request.maxPerCustomer !== undefined) checkPositiveInteger('maxPerCustomer', request.maxPerCustomer);
}
