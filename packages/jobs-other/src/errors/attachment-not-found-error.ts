import { HangarError } from '@hangar/core';

/** An attachment names a job that does not exist, or a file that job did not produce. */
export class AttachmentNotFoundError extends HangarError {
  constructor(param: string, job: string, file: string) {
    super(
      'OTHER_ATTACHMENT_NOT_FOUND',
      'other.error.attachmentNotFound',
      `Parameter "${param}": job ${job} has no output file "${file}"`,
      { params: { param, job, file }, retryable: false },
    );
  }
}
