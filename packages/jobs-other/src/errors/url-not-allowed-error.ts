import { HangarError } from '@hangar/core';

/** The URL matches no endpoint of the web-service allow-list; nothing was sent. */
export class UrlNotAllowedError extends HangarError {
  constructor(param: string, url: string) {
    super(
      'OTHER_URL_NOT_ALLOWED',
      'other.error.urlNotAllowed',
      `Parameter "${param}": ${url} is not in the allow-list`,
      {
        params: { param, url },
        retryable: false,
      },
    );
  }
}
