import { HangarError } from './hangar-error.js';

/** Why a change by hand was refused for the job's state. */
export type JobStateConflict =
  /** Only a Failed or Cancelled job can be retried. */
  | 'retry'
  /** Only a finished job can be deleted. */
  | 'delete'
  /** A child runs only once a parent has ended as its condition asks: the parent has to end that way first. */
  | 'retry-parent'
  /** A workflow's step is retried once the workflow has ended. */
  | 'retry-step';

const KEYS: Readonly<Record<JobStateConflict, string>> = {
  retry: 'hangar.error.jobNotRetryable',
  delete: 'hangar.error.jobNotFinished',
  'retry-parent': 'hangar.error.retryParentFirst',
  'retry-step': 'hangar.error.workflowStillRunning',
};

/**
 * A retry or deletion by hand that the job's state does not allow (HTTP 409): a waiting,
 * running or Succeeded job is not retried, a waiting or running one is not deleted.
 */
export class JobStateConflictError extends HangarError {
  constructor(
    jobId: string,
    state: string,
    conflict: JobStateConflict,
    parentId?: string,
    condition: string = 'success',
  ) {
    const params: Record<string, string> = { jobId, state };
    if (parentId !== undefined) Object.assign(params, { parentId, condition });
    super('JOB_STATE_CONFLICT', KEYS[conflict], `Job ${jobId} is ${state}: ${conflict} refused`, {
      params,
      retryable: false,
    });
  }
}
