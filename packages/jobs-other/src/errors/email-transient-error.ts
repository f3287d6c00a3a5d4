import { HangarError } from '@hangar/core';

/**
 * No recipient could be reached because of a passing problem (a 4xx reply, a refused or dropped
 * connection, a timeout): the job's retry policy runs it again later.
 */
export class EmailTransientError extends HangarError {
  constructor(detail: string, cause?: unknown) {
    super(
      'OTHER_EMAIL_UNAVAILABLE',
      'other.error.emailUnavailable',
      `The SMTP server is unavailable: ${detail}`,
      {
        params: { detail },
        retryable: true,
        cause,
      },
    );
  }
}
