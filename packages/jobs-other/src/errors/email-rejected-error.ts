import { HangarError } from '@hangar/core';

/**
 * The SMTP server refused the message for good (a 5xx reply) for every recipient. Never retried,
 * like `UnrecoverableError`: sending the same message again fails the same way.
 */
export class EmailRejectedError extends HangarError {
  constructor(recipients: number, response: string) {
    super(
      'OTHER_EMAIL_REJECTED',
      'other.error.emailRejected',
      `The SMTP server refused the message for all ${recipients} recipients: ${response}`,
      { params: { recipients, response }, retryable: false },
    );
  }
}
