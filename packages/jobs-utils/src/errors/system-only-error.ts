import { HangarError } from '@hangar/core';

/** A customer's job asked for a job type that acts on the whole system and that the operator has not opened to it. */
export class SystemOnlyError extends HangarError {
  constructor(jobType: string, tenant: string) {
    super(
      'UTILS_SYSTEM_ONLY',
      'utils.error.systemOnly',
      `${jobType} runs as a system job only; customer ${tenant} is not allowed to run it`,
      { params: { jobType, tenant }, retryable: false },
    );
  }
}
