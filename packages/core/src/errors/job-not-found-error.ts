import { HangarError } from './hangar-error.js';

/** No job with this id exists (or the caller may not see it). */
export class JobNotFoundError extends HangarError {
  constructor(jobId: string) {
    super('JOB_NOT_FOUND', 'hangar.error.jobNotFound', `Job ${jobId} was not found`, {
      params: { jobId },
      retryable: false,
    });
  }
}
