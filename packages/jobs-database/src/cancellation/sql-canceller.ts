import { type ConsoDatabase, type ConsoDb, consoDialectOf } from '@hangar/conso-db';
import { type Kysely, sql } from 'kysely';

/** Stops the SQL statement a transaction is running, from outside that transaction. */
export interface SqlCanceller {
  /** Asks the database to cancel the running statement; never throws. */
  cancel(): Promise<void>;
}

/**
 * A canceller for the connection behind `trx`, to be called when the job's signal fires.
 *
 * - PostgreSQL: the backend pid is read inside the transaction (`pg_backend_pid()`), and
 *   `pg_cancel_backend(pid)` is sent from another pooled connection; the running statement fails
 *   at once and the transaction rolls back.
 * - SQL Server: the session id (`@@SPID`) is read the same way and the session is cancelled with
 *   `KILL` from another connection; kysely keeps the tedious request to itself, so its
 *   `request.cancel()` cannot be reached from here. Not exercised by the tests (no server here).
 * - SQLite: better-sqlite3 runs a statement synchronously, so nothing can interrupt it; the job
 *   stops at its next checkpoint between statements instead.
 */
export async function attachCanceller(consoDb: ConsoDb, trx: Kysely<ConsoDatabase>): Promise<SqlCanceller> {
  const dialect = consoDialectOf(trx);
  if (dialect === 'postgres') {
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
    const pid = Number(rows[0]?.pid);
    return {
      cancel: async () => {
        await sql`select pg_cancel_backend(${pid})`.execute(consoDb.db).catch(() => undefined);
      },
    };
  }
  if (dialect === 'mssql') {
    const { rows } = await sql<{ spid: number }>`select @@SPID as spid`.execute(trx);
    const spid = Math.trunc(Number(rows[0]?.spid));
    return {
      cancel: async () => {
        if (Number.isInteger(spid) && spid > 0) {
          await sql`${sql.raw(`KILL ${spid}`)}`.execute(consoDb.db).catch(() => undefined);
        }
      },
    };
  }
  return { cancel: async () => undefined };
}
