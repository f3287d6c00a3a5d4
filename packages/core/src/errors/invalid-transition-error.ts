import { HangarError } from './hangar-error.js';

/** A job state change that the state machine does not allow. */
export class InvalidStateTransitionError extends HangarError {
  constructor(jobId: string, from: string, to: string) {
    super(
      'STATE_TRANSITION_INVALID',
      'hangar.error.invalidTransition',
      `Job ${jobId} cannot go from ${from} to ${to}`,
      {
        params: { jobId, from, to },
        retryable: false,
      },
    );
  }
}
