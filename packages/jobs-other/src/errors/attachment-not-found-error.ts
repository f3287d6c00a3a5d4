import { HangarError } from '@hangar/core';

/** An attachment names a job that does not exist, or a file that job did not produce. */
export class AttachmentNotFoundError extends HangarError {
  constructor(field: string, job: string, file: string) {
    super(
      'OTHER_ATTACHMENT_NOT_FOUND',
      'other.error.attachmentNotFound',
      `Parameter "${field}": job ${job} has no output file "${file}"`,
      { params: { field, job, file }, retryable: false },
    );
  }
}
