import { HangarError } from '@hangar/core';

/** Every try of a request ended in a 5xx or 429 answer, a timeout or a network error. */
export class WebServiceUnavailableError extends HangarError {
  constructor(url: string, attempts: number, detail: string, cause?: unknown) {
    super(
      'OTHER_WEB_SERVICE_UNAVAILABLE',
      'other.error.webServiceUnavailable',
      `${url} is unavailable after ${attempts} tries: ${detail}`,
      { params: { url, attempts, detail }, retryable: true, cause },
    );
  }
}
