import { JOB_STATES, type JobState, statesLeadingTo, TERMINAL_STATES } from '@hangar/core';

/** `states` as the items of a SQL `IN (…)` list: `'Scheduled', 'Enqueued'`. */
export function sqlStateList(states: readonly JobState[]): string {
  return states.map((state) => `'${state}'`).join(', ');
}

// The state sets the statements test, read off JOB_TRANSITIONS when the module loads, so that
// the SQL cannot drift from the state machine the other adapters follow.

/** The states a claim takes a job from (Scheduled once due, Enqueued). */
export const CLAIMABLE_STATES = sqlStateList(statesLeadingTo('Processing'));
/** The states a cancellation request acts on: every state that is not terminal. */
export const CANCELLABLE_STATES = sqlStateList(statesLeadingTo('Cancelled'));
/** The states a job never leaves. */
export const FINISHED_STATES = sqlStateList(TERMINAL_STATES);
/** The states a job is in until it finishes. */
export const LIVE_STATES = sqlStateList(JOB_STATES.filter((state) => !TERMINAL_STATES.includes(state)));
