import { HangarError } from '@hangar/core';

/** A schema migration failed; the database is left at the last migration that succeeded. */
export class ConsoDbMigrationError extends HangarError {
  constructor(migration: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      'CONSO_DB_MIGRATION_FAILED',
      'hangar.consoDb.error.migrationFailed',
      `Migration ${migration} failed: ${reason}`,
      { params: { migration, reason }, cause, retryable: false },
    );
  }
}
