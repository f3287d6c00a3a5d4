import { ConfigurationError } from '@hangar/core';
import { type Dialect, Kysely, type LogConfig, sql } from 'kysely';
import { parseConsoDbUrl } from './dialects/conso-db-url.js';
import type { ConsoDialect } from './dialects/conso-dialect.js';
import { createMssqlDialect } from './dialects/mssql-dialect.js';
import { checkPostgresSchemaName, createPostgresDialect } from './dialects/postgres-dialect.js';
import { createSqliteDialect } from './dialects/sqlite-dialect.js';
import type { ConsoDatabase } from './schema/conso-database.js';

/** Options of {@link openConsoDb}. */
export interface OpenConsoDbOptions {
  /**
   * PostgreSQL only: schema to work in (set as `search_path` on every pooled connection and
   * created if missing). Lets tests and tenants share one database without seeing each other.
   */
  schema?: string;
  /** Maximum pooled connections (PostgreSQL, SQL Server). @defaultValue 10 */
  poolSize?: number;
  /** Kysely query logging: levels to log or a callback receiving each compiled query. */
  log?: LogConfig;
}

/** An open consolidation database. */
export interface ConsoDb {
  /** Typed query builder. */
  readonly db: Kysely<ConsoDatabase>;
  /** Dialect the URL selected. */
  readonly dialect: ConsoDialect;
  /** PostgreSQL schema in use, when one was given. */
  readonly schema: string | undefined;
  /** Closes the pool or file handle. */
  close(): Promise<void>;
}

/**
 * Opens a consolidation database from a URL: `postgres://` / `postgresql://`, `mssql://user:pass@host:port/db`,
 * `sqlite:path`, `sqlite::memory:`, `:memory:` or a bare file path. Drivers load on first use.
 */
export async function openConsoDb(url: string, options: OpenConsoDbOptions = {}): Promise<ConsoDb> {
  const parsed = parseConsoDbUrl(url);
  const poolSize = options.poolSize ?? 10;
  if (!Number.isInteger(poolSize) || poolSize < 1) {
    throw new ConfigurationError('poolSize', 'must be a positive integer');
  }
  if (options.schema !== undefined && parsed.dialect !== 'postgres') {
    throw new ConfigurationError('schema', `is PostgreSQL only; the URL selects ${parsed.dialect}`);
  }
  const schema = options.schema === undefined ? undefined : checkPostgresSchemaName(options.schema);
  let dialect: Dialect;
  switch (parsed.dialect) {
    case 'postgres':
      dialect = await createPostgresDialect(parsed.connectionString, poolSize, schema);
      break;
    case 'sqlite':
      dialect = await createSqliteDialect(parsed.filename);
      break;
    case 'mssql':
      dialect = await createMssqlDialect(parsed.connection, poolSize);
      break;
  }
  const db = new Kysely<ConsoDatabase>({ dialect, ...(options.log ? { log: options.log } : {}) });
  if (schema !== undefined) {
    try {
      await createSchemaIfMissing(db, schema);
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  return {
    db,
    dialect: parsed.dialect,
    schema,
    close: () => db.destroy(),
  };
}

/**
 * `create schema if not exists`, which is not safe against itself: two sessions creating the same
 * schema at once can both pass the check, and the second then fails on the catalog's unique index.
 * Several runners opening one schema together is normal, so that failure means "it exists now".
 */
async function createSchemaIfMissing(db: Kysely<ConsoDatabase>, schema: string): Promise<void> {
  // A restricted role (row-level security) may use a schema it has no right to create, and
  // PostgreSQL checks that right even for IF NOT EXISTS: look first.
  const found = await sql<{ n: number }>`select 1 as n from pg_namespace where nspname = ${schema}`.execute(
    db,
  );
  if (found.rows.length > 0) return;
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // 23505 unique_violation (pg_namespace_nspname_index), 42P06 duplicate_schema.
    if (code !== '23505' && code !== '42P06') throw error;
  }
}
