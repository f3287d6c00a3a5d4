import { type ConsoDatabase, consoDialectOf } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';
import type { SqlCanceller } from '../cancellation/sql-canceller.js';

/** The time limit on one step's statements, started when the step starts. */
export interface StatementLimit {
  /** Whether `error` is this limit firing (not a cancellation or another failure). */
  fired(error: unknown): boolean;
  /** Stops the limit once the step is over. */
  end(): void;
}

const NO_LIMIT: StatementLimit = { fired: () => false, end: () => undefined };

/** PostgreSQL's SQLSTATE for a cancelled statement, by timeout or by `pg_cancel_backend`. */
const QUERY_CANCELED = '57014';

/**
 * Bounds the statements of the step about to run in `trx` to `limitMs` each, on the server:
 *
 * - PostgreSQL: `SET LOCAL statement_timeout` inside the conso's transaction, so the limit ends
 *   with it and never leaks to the pooled connection; the server cancels a statement that runs
 *   longer (a stored procedure's `CALL` included) and the transaction rolls back.
 * - SQL Server: a request timeout. kysely keeps the tedious request to itself, so the limit is a
 *   timer that cancels the session's running request through the job's canceller (`KILL`), as a
 *   command timeout would; the step then fails.
 * - SQLite: no server and no way to interrupt a running statement; no limit is applied.
 */
export async function limitStatements(
  trx: Kysely<ConsoDatabase>,
  canceller: SqlCanceller,
  limitMs: number | undefined,
): Promise<StatementLimit> {
  if (limitMs === undefined) return NO_LIMIT;
  const dialect = consoDialectOf(trx);
  if (dialect === 'postgres') {
    // SET takes no bind parameters; the limit is a checked positive integer.
    await sql.raw(`set local statement_timeout = ${checkedLimit(limitMs)}`).execute(trx);
    return { fired: isPostgresStatementTimeout, end: () => undefined };
  }
  if (dialect === 'mssql') {
    let fired = false;
    const timer = setTimeout(() => {
      fired = true;
      void canceller.cancel();
    }, checkedLimit(limitMs));
    return { fired: () => fired, end: () => clearTimeout(timer) };
  }
  return NO_LIMIT;
}

function checkedLimit(limitMs: number): number {
  if (!Number.isInteger(limitMs) || limitMs <= 0) throw new RangeError(`statement limit ${limitMs} ms`);
  return limitMs;
}

/** A PostgreSQL statement cancelled by `statement_timeout` (a cancel request says "user request"). */
function isPostgresStatementTimeout(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === QUERY_CANCELED && typeof message === 'string' && /statement timeout/i.test(message);
}
