import { HangarError } from '@hangar/core';

/** URL schemes `openConsoDb` understands, in the order the error message lists them. */
export const SUPPORTED_URL_SCHEMES = ['postgres', 'postgresql', 'sqlite', 'mssql'] as const;

/** The database URL names a scheme no dialect handles (e.g. `mysql://`). */
export class ConsoDbUrlUnsupportedError extends HangarError {
  /** The scheme found in the URL, without the colon. */
  readonly scheme: string;

  constructor(scheme: string) {
    const supported = SUPPORTED_URL_SCHEMES.join(', ');
    super(
      'CONSO_DB_URL_UNSUPPORTED',
      'hangar.consoDb.error.urlUnsupported',
      `Unsupported database URL scheme "${scheme}:"; supported: ${supported} (or a bare SQLite file path / :memory:)`,
      { params: { scheme, supported }, retryable: false },
    );
    this.scheme = scheme;
  }
}
