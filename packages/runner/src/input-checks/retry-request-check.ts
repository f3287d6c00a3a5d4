import type { RetryRequest } from '@hangar/core';
import { checkPositiveInteger } from './claim-request-check.js';

/** The largest `maxAttempts` a retry can give: what a PostgreSQL `integer` holds. */
export const MAX_ATTEMPTS_CAP = 2_147_483_647;

/** Throws `ConfigurationError` naming `attempts` unless the retry asks for a positive whole number of attempts. */
export function checkRetryRequest(request: RetryRequest): void {
  checkPositiveInteger('attempts', request.attempts);
}
