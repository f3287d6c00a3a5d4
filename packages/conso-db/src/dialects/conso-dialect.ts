import {
  type DialectAdapter,
  MssqlAdapter,
  PostgresAdapter,
  type QueryExecutorProvider,
  SqliteAdapter,
} from 'kysely';

/** SQL dialects the consolidation database runs on. */
export type ConsoDialect = 'postgres' | 'sqlite' | 'mssql';

/**
 * The dialect of a Kysely instance (or transaction), from its adapter. Migrations and bulk inserts
 * receive a bare `Kysely`, so they read the dialect here instead of threading it through every call.
 */
export function consoDialectOf(db: QueryExecutorProvider): ConsoDialect {
  const adapter: DialectAdapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return 'postgres';
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  if (adapter instanceof MssqlAdapter) return 'mssql';
  throw new TypeError(
    `Unsupported Kysely adapter ${adapter.constructor.name}; expected Postgres, SQLite or MSSQL`,
  );
}
