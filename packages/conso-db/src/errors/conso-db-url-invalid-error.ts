import { HangarError } from '@hangar/core';

/** The database URL has a supported scheme but cannot be used (missing host, bad port...). */
export class ConsoDbUrlInvalidError extends HangarError {
  // `safeUrl` must already have its password masked: errors end up in logs and job results.
  constructor(safeUrl: string, problem: string) {
    super(
      'CONSO_DB_URL_INVALID',
      'hangar.consoDb.error.urlInvalid',
      `Invalid database URL ${safeUrl}: ${problem}`,
      {
        params: { url: safeUrl, problem },
        retryable: false,
      },
    );
  }
}
