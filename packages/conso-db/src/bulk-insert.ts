import { type Kysely, sql, type Transaction } from 'kysely';
import { type ConsoDialect, consoDialectOf } from './dialects/conso-dialect.js';
import type { ConsoDatabase, ConsoTableName, NewConsoRow } from './schema/conso-database.js';

/** Documented maximum number of bind parameters in one statement, per dialect. */
export const BIND_PARAMETER_LIMITS: Readonly<Record<ConsoDialect, number>> = Object.freeze({
  // SQLITE_MAX_VARIABLE_NUMBER since SQLite 3.32; older builds allow 999 (see sqliteParameterLimit).
  sqlite: 32766,
  // The wire protocol counts parameters in an unsigned 16-bit integer.
  postgres: 65535,
  // Parameters per RPC request.
  mssql: 2100,
});

/** SQL Server also rejects an INSERT ... VALUES with more than 1000 rows, whatever the parameters. */
export const MSSQL_MAX_ROWS_PER_INSERT = 1000;

/** Options of {@link bulkInsert}. */
export interface BulkInsertOptions {
  /** Lower the per-statement parameter budget (never raises it above the dialect's limit). */
  maxParameters?: number;
}

/** Rows to insert: an array, or any (async) iterable consumed lazily so memory stays constant. */
export type RowSource<R> = Iterable<R> | AsyncIterable<R>;

// kysely types `insertInto(table)` per literal table name; a generic table needs this wider view.
type LooseDatabase = Record<string, Record<string, unknown>>;

/**
 * Inserts `rows` into `table` in multi-row INSERT statements sized to the dialect's bind-parameter
 * limit, all inside one transaction (the caller's, when `db` is already a transaction). Rows should
 * share one set of columns. Returns the number of rows inserted.
 */
export async function bulkInsert<T extends ConsoTableName>(
  db: Kysely<ConsoDatabase>,
  table: T,
  rows: RowSource<NewConsoRow<T>>,
  options: BulkInsertOptions = {},
): Promise<number> {
  const run = async (trx: Kysely<ConsoDatabase>): Promise<number> => {
    const plan = await batchPlan(trx, options);
    const loose = trx as unknown as Kysely<LooseDatabase>;
    let batch: Record<string, unknown>[] = [];
    let parameters = 0;
    let inserted = 0;
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      await loose.insertInto(table).values(batch).execute();
      inserted += batch.length;
      batch = [];
      parameters = 0;
    };
    for await (const row of rows) {
      const record = row as Record<string, unknown>;
      const cost = parameterCount(record);
      if (batch.length > 0 && (parameters + cost > plan.maxParameters || batch.length >= plan.maxRows)) {
        await flush();
      }
      batch.push(record);
      parameters += cost;
    }
    await flush();
    return inserted;
  };
  return db.isTransaction ? run(db) : db.transaction().execute((trx: Transaction<ConsoDatabase>) => run(trx));
}

/** Largest batch one INSERT may carry on `db`: parameter budget and row cap. */
export async function batchPlan(
  db: Kysely<ConsoDatabase>,
  options: BulkInsertOptions = {},
): Promise<{ maxParameters: number; maxRows: number }> {
  const dialect = consoDialectOf(db);
  let limit = dialect === 'sqlite' ? await sqliteParameterLimit(db) : BIND_PARAMETER_LIMITS[dialect];
  // Two slots of margin on SQL Server: tedious sends the statement through sp_executesql, whose
  // own @stmt and @params arguments travel in the same RPC request. Not verified against a server.
  if (dialect === 'mssql') limit -= 2;
  if (options.maxParameters !== undefined)
    limit = Math.min(limit, Math.max(1, Math.floor(options.maxParameters)));
  return {
    maxParameters: limit,
    maxRows: dialect === 'mssql' ? MSSQL_MAX_ROWS_PER_INSERT : Number.MAX_SAFE_INTEGER,
  };
}

/** Bind-parameter limit of the SQLite library behind `db`: 32766 from 3.32.0, 999 before. */
export async function sqliteParameterLimit(db: Kysely<ConsoDatabase>): Promise<number> {
  const { rows } = await sql<{ version: string }>`select sqlite_version() as version`.execute(db);
  const [major = 0, minor = 0] = (rows[0]?.version ?? '0.0').split('.').map(Number);
  return major > 3 || (major === 3 && minor >= 32) ? BIND_PARAMETER_LIMITS.sqlite : 999;
}

// kysely binds one parameter per defined value (null included); an undefined value becomes DEFAULT.
function parameterCount(row: Record<string, unknown>): number {
  let count = 0;
  for (const key in row) if (row[key] !== undefined) count++;
  return count;
}
