import { HangarError } from '@hangar/core';

/** `COPY … FROM STDIN` could not start: the kysely connection is not a `pg` client that runs custom queries. */
export class PostgresCopyUnavailableError extends HangarError {
  constructor() {
    super(
      'CONSO_DB_COPY_UNAVAILABLE',
      'hangar.consoDb.error.copyUnavailable',
      'PostgreSQL COPY could not start on this connection (it needs the pg driver)',
      { retryable: false },
    );
  }
}
