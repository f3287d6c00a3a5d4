import { ConfigurationError } from '../../errors/configuration-error.js';
import type { FinishedJobsQuery } from '../../queue/trigger-record.js';
import { isTerminalState } from '../../state/job-state.js';
import { checkPositiveInteger } from './claim-request-check.js';

/** The largest page of finished jobs any adapter hands a trigger sweep. */
export const MAX_FINISHED_PAGE = 1000;

/**
 * Throws `ConfigurationError` naming the field of a finished-jobs query no adapter can serve:
 * a `limit` that is not a positive integer (pages are capped at `MAX_FINISHED_PAGE`), a negative
 * or fractional `settledMs`, a state that is not terminal, or a cursor time that is not a date.
 * Returns the page size to use.
 */
export function checkFinishedJobsQuery(query: FinishedJobsQuery): number {
  checkPositiveInteger('limit', query.limit);
  if (!Number.isSafeInteger(query.settledMs) || query.settledMs < 0) {
    throw new ConfigurationError('settledMs', `must be a whole number of ms, got ${String(query.settledMs)}`);
  }
  for (const state of query.states) {
    if (!isTerminalState(state)) {
      throw new ConfigurationError('states', `"${state}" is not a terminal state`);
    }
  }
  if (!(query.after.at instanceof Date) || Number.isNaN(query.after.at.getTime())) {
    throw new ConfigurationError('after.at', 'must be a valid date');
  }
  return Math.min(query.limit, MAX_FINISHED_PAGE);
}
