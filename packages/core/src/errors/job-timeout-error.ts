import { HangarError } from './hangar-error.js';

/** The job ran longer than its type's timeout and was stopped. */
export class JobTimeoutError extends HangarError {
  constructor(jobId: string, timeoutMs: number) {
    super('JOB_TIMEOUT', 'hangar.error.timeout', `Job ${jobId} exceeded its timeout of ${timeoutMs} ms`, {
      params: { jobId, timeoutMs },
    });
  }
}
