import { InvalidStateTransitionError } from '../errors/invalid-transition-error.js';

/** The states a job moves through. */
export const JobState = {
  /** Waits for its run-at time (delayed, or a retry after backoff). */
  Scheduled: 'Scheduled',
  /** Waits for its parent job to succeed. */
  Awaiting: 'Awaiting',
  /** Ready to be claimed by a worker. */
  Enqueued: 'Enqueued',
  /** A worker holds a lease on it and runs it. */
  Processing: 'Processing',
  /** Finished with a result. Terminal. */
  Succeeded: 'Succeeded',
  /** Finished with an error after its last attempt. Terminal. */
  Failed: 'Failed',
  /** Cancelled before or while running. Terminal. */
  Cancelled: 'Cancelled',
} as const;

/** One of the job states. */
export type JobState = (typeof JobState)[keyof typeof JobState];

/** Every state, in lifecycle order. */
export const JOB_STATES: readonly JobState[] = Object.values(JobState);

/**
 * The allowed transitions. A due Scheduled job may be claimed directly (Scheduled → Processing);
 * Processing → Enqueued hands a job back (graceful shutdown, expired lease); Processing →
 * Scheduled is a retry after backoff. Succeeded is final; Failed and Cancelled leave only for
 * Enqueued, by an operator's retry.
 */
export const JOB_TRANSITIONS: Readonly<Record<JobState, readonly JobState[]>> = {
  Scheduled: ['Enqueued', 'Processing', 'Cancelled'],
  Awaiting: ['Enqueued', 'Scheduled', 'Cancelled'],
  Enqueued: ['Processing', 'Cancelled'],
  Processing: ['Succeeded', 'Failed', 'Cancelled', 'Scheduled', 'Enqueued'],
  Succeeded: [],
  // Only by hand (`QueueAdapter.retryJob`): a finished job never moves by itself.
  Failed: ['Enqueued'],
  Cancelled: ['Enqueued'],
};

/**
 * The states a job never leaves by itself (Succeeded, Failed, Cancelled), read off
 * `JOB_TRANSITIONS`: their only way out is an operator's retry, back to Enqueued. Adapters that
 * re-encode the state machine in SQL or Lua build their state sets from this and
 * `statesLeadingTo`, so that they cannot drift from the table.
 */
export const TERMINAL_STATES: readonly JobState[] = JOB_STATES.filter((s) =>
  JOB_TRANSITIONS[s].every((to) => to === 'Enqueued'),
);

/**
 * The states from which a job may move to `to`, in lifecycle order.
 *
 * @example
 * statesLeadingTo('Processing'); // ['Scheduled', 'Enqueued']: what a claim may take
 * statesLeadingTo('Cancelled'); // every state that is not terminal
 */
export function statesLeadingTo(to: JobState): readonly JobState[] {
  return JOB_STATES.filter((from) => JOB_TRANSITIONS[from].includes(to));
}

/** Whether a job in `state` is finished for good. */
export function isTerminalState(state: JobState): boolean {
  return TERMINAL_STATES.includes(state);
}

/** Whether the state machine allows `from` → `to`. */
export function canTransition(from: JobState, to: JobState): boolean {
  return JOB_TRANSITIONS[from].includes(to);
}

/** Throws `InvalidStateTransitionError` unless `from` → `to` is allowed. */
export function assertTransition(jobId: string, from: JobState, to: JobState): void {
  if (!canTransition(from, to)) throw new InvalidStateTransitionError(jobId, from, to);
}
