import { type Kysely, type Migration, Migrator, sql } from 'kysely';
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
  if (consoDialectOf(db) === 'postgres') return migratePostgresSchema(db, CONSO_MIGRATIONS);
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

/** First key of the advisory lock that serialises migrations of one schema (the second is the schema). */
const MIGRATION_LOCK_CLASS = 'hangar.conso-db.migrate';

/**
 * Migrates the current schema of a PostgreSQL database in one transaction, under an advisory lock
 * keyed by the schema: runners starting together wait for the first one and then find nothing to
 * do, while runners of other schemas go on in parallel. Only this schema's migration table is
 * read. kysely's Migrator is not used here: it looks for its tables by introspecting every schema
 * of the database, with functions that take schema names (`has_schema_privilege`), so a schema
 * another process dropped during that query failed the migration ("schema ... does not exist").
 * The table has kysely's layout, so `createConsoMigrator` still reads it for status and down.
 */
async function migratePostgresSchema(
  db: Kysely<ConsoDatabase>,
  migrations: Readonly<Record<string, Migration>>,
): Promise<string[]> {
  let running = '(setup)';
  try {
    return await db.transaction().execute(async (trx) => {
      const schema = await migrationSchema(trx);
      if (schema === undefined)
        throw new Error('no current schema: the search_path names no existing schema');
      await sql`select pg_advisory_xact_lock(hashtext(${MIGRATION_LOCK_CLASS}), hashtext(${schema}))`.execute(
        trx,
      );
      const table = sql.id(schema, CONSO_MIGRATION_TABLE);
      await sql`create table if not exists ${table} (
        name varchar(255) not null primary key,
        timestamp varchar(255) not null)`.execute(trx);
      // kysely's lock table too, with its row, so every dialect's database has the same tables.
      const lockTable = sql.id(schema, CONSO_MIGRATION_LOCK_TABLE);
      await sql`create table if not exists ${lockTable} (
        id varchar(255) not null primary key,
        is_locked integer not null default 0)`.execute(trx);
      await sql`insert into ${lockTable} (id, is_locked) values ('migration_lock', 0)
        on conflict (id) do nothing`.execute(trx);
      const done = await sql<{ name: string }>`select name from ${table}`.execute(trx);
      const executed = new Set(done.rows.map((row) => row.name));
      const applied: string[] = [];
      for (const [name, migration] of Object.entries(migrations)) {
        if (executed.has(name)) continue;
        running = name;
        await migration.up(trx);
        await sql`insert into ${table} (name, timestamp) values (${name}, ${new Date().toISOString()})`.execute(
          trx,
        );
        applied.push(name);
      }
      return applied;
    });
  } catch (error) {
    throw new ConsoDbMigrationError(running, error);
  }
}
