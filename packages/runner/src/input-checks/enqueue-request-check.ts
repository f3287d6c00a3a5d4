import { ConfigurationError, type EnqueueRequest } from '@hangar/core';

/** Largest priority and attempt count every adapter can store (a PostgreSQL `integer`). */
const MAX_INT32 = 2_147_483_647;
/** Optional fields that are stored as text when present. */
const TEXT_FIELDS = ['customerId', 'userId', 'idempotencyKey', 'concurrencyKey', 'parentId'] as const;

/**
 * Throws `ConfigurationError` naming the field of the first request that no adapter could store
 * as given, before anything of the batch is written. The client checks what users pass; this
 * guards the adapters against direct callers, so that every backend refuses the same input
 * with the same error instead of a driver's or a script's own.
 */
export function checkEnqueueRequests(requests: readonly EnqueueRequest[]): void {
  requests.forEach((request, index) => {
    const where = requests.length > 1 ? ` (request ${index + 1} of ${requests.length})` : '';
    const fail = (field: string, problem: string): never => {
      throw new ConfigurationError(field, `${problem}${where}`);
    };
    const { type, queue, priority, maxAttempts, runAt, timeoutMs } = request;
    if (typeof type !== 'string' || type === '') fail('type', 'must be a non-empty string');
    const of = `of job type "${type}"`;
    if (typeof queue !== 'string' || queue === '') fail('queue', `${of} must be a non-empty string`);
    if (priority !== undefined && !(Number.isInteger(priority) && Math.abs(priority) <= MAX_INT32)) {
      fail('priority', `${of} must be an integer between -${MAX_INT32} and ${MAX_INT32}, got ${priority}`);
    }
    if (!(Number.isInteger(maxAttempts) && maxAttempts >= 1 && maxAttempts <= MAX_INT32)) {
      fail('maxAttempts', `${of} must be an integer from 1 to ${MAX_INT32}, got ${maxAttempts}`);
    }
    if (runAt !== undefined && !(runAt instanceof Date && Number.isFinite(runAt.getTime()))) {
      fail('runAt', `${of} must be a valid Date, got ${String(runAt)}`);
    }
    if (
      timeoutMs !== undefined &&
      !(timeoutMs === Number.POSITIVE_INFINITY || (Number.isSafeInteger(timeoutMs) && timeoutMs > 0))
    ) {
      fail('timeoutMs', `${of} must be a positive whole number of ms (or Infinity), got ${timeoutMs}`);
    }
    for (const field of TEXT_FIELDS) {
      const value = request[field];
      if (value !== undefined && typeof value !== 'string')
        fail(field, `${of} must be a string, got ${typeof value}`);
    }
  });
}
