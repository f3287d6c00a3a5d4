import { HangarError } from '@hangar/core';

/** The service answered with a client error (4xx) or a body too large to accept; never retried. */
export class WebServiceRefusedError extends HangarError {
  constructor(url: string, status: number, detail: string) {
    super(
      'OTHER_WEB_SERVICE_REFUSED',
      'other.error.webServiceRefused',
      `${url} answered ${status}: ${detail}`,
      {
        params: { url, status, detail },
        retryable: false,
      },
    );
  }
}
