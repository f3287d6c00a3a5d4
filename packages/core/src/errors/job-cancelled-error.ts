import { HangarError } from './hangar-error.js';

/** Thrown by `ctx.checkpoint()` once the job's signal has fired; ends the job Cancelled. */
export class JobCancelledError extends HangarError {
  constructor(jobId: string, cause?: unknown) {
    super('JOB_CANCELLED', 'hangar.error.cancelled', `Job ${jobId} was cancelled`, {
      params: { jobId },
      cause,
      retryable: false,
    });
  }
}
