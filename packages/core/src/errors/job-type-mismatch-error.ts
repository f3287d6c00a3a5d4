import { HangarError } from './hangar-error.js';

/**
 * A job was read through a job definition of another type (`client.waitFor(definition, id)`):
 * its result would not have the type the caller was promised.
 */
export class JobTypeMismatchError extends HangarError {
  constructor(jobId: string, expected: string, actual: string) {
    super(
      'JOB_TYPE_MISMATCH',
      'hangar.error.jobTypeMismatch',
      `Job ${jobId} is of type "${actual}", not "${expected}"`,
      { params: { jobId, expected, actual }, retryable: false },
    );
  }
}
