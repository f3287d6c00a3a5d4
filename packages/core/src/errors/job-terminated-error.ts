import { HangarError } from './hangar-error.js';

/**
 * A job isolated in a worker thread did not stop within the grace period after its timeout or
 * cancellation, so the runner terminated its thread. Unlike an inline job's, its code is stopped.
 */
export class JobTerminatedError extends HangarError {
  constructor(jobId: string, reason: 'timeout' | 'cancel', graceMs: number) {
    super(
      'JOB_TERMINATED',
      'hangar.error.terminated',
      `Job ${jobId} did not stop within ${graceMs} ms of its ${reason}; its worker thread was terminated`,
      { params: { jobId, reason, graceMs } },
    );
  }
}
