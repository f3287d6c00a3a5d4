import { type Kysely, Migrator, sql } from 'kysely';
import { consoDialectOf } from '../dialects/conso-dialect.js';
import { ConsoDbMigrationError } from '../errors/conso-db-migration-error.js';
import type { ConsoDatabase } from '../schema/conso-database.js';
import { CONSO_MIGRATIONS } from './conso-migrations.js';

/** Table recording applied migrations; its own name so other kysely users of the database do not collide. */
export const CONSO_MIGRATION_TABLE = 'conso_db_migration';
/** Lock table guarding concurrent migration runs. */
export const CONSO_MIGRATION_LOCK_TABLE = 'conso_db_migration_lock';

/** A kysely `Migrator` over {@link CONSO_MIGRATIONS}, for status, step-by-step or down migrations. */
export async function createConsoMigrator(db: Kysely<ConsoDatabase>): Promise<Migrator> {
  return new Migrator({
    db,
    provider: { getMigrations: async () => ({ ...CONSO_MIGRATIONS }) },
    migrationTableName: CONSO_MIGRATION_TABLE,
    migrationLockTableName: CONSO_MIGRATION_LOCK_TABLE,
    migrationTableSchema: await migrationSchema(db),
  });
}

/**
 * Applies every pending migration and returns the names applied, in order; an up-to-date database
 * returns `[]`. Throws `ConsoDbMigrationError` naming the failed migration.
 */
export async function migrateToLatest(db: Kysely<ConsoDatabase>): Promise<string[]> {
  const migrator = await createConsoMigrator(db);
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName ?? '(setup)';
    throw new ConsoDbMigrationError(failed, error);
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

async function migrationSchema(db: Kysely<ConsoDatabase>): Promise<string | undefined> {
  if (consoDialectOf(db) !== 'postgres') return undefined;
  // kysely's Migrator checks for its table across *all* schemas unless told which one, so a
  // migration table in another schema (another tenant or test) would hide a missing one here.
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? undefined;
}
