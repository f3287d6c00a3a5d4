import type { RetryRequest } from '../../queue/queue-adapter.js';
import { checkPositiveInteger } from './claim-request-check.js';
import { MAX_INT32 } from './enqueue-request-check.js';

/** The largest `maxAttempts` a retry can give: what a PostgreSQL `integer` holds. */
export const MAX_ATTEMPTS_CAP = MAX_INT32;

/** Throws `ConfigurationError` naming `attempts` unless the retry asks for a positive whole number of attempts. */
export function checkRetryRequest(request: RetryRequest): void {
  checkPositiveInteger('attempts', request.attempts);
}
