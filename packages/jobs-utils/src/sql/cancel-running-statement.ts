import type { ConsoDialect } from '@hangar/conso-db';
import { type QueryExecutorProvider, sql } from 'kysely';

/** Stops listening for the signal; call it before the connection goes back to its pool. */
export type StopListening = () => void;

/**
 * On PostgreSQL, cancels the statement `connection` is running, on the server
 * (`pg_cancel_backend`), as soon as `signal` fires; the request goes through another connection
 * of `pool`. The caller holds `connection` for the whole run and stops listening before letting
 * it go, so the cancel can only hit this run's statements. SQLite runs statements synchronously
 * and SQL Server's kysely driver has no cancel: there the signal is honoured between statements.
 */
export async function cancelRunningStatementOnAbort(
  dialect: ConsoDialect,
  pool: QueryExecutorProvider,
  connection: QueryExecutorProvider,
  signal: AbortSignal,
): Promise<StopListening> {
  if (dialect !== 'postgres') return () => undefined;
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(connection);
  const pid = rows[0]?.pid;
  if (pid === undefined) return () => undefined;
  const cancel = () => {
    void sql`select pg_cancel_backend(${pid})`.execute(pool).catch(() => undefined);
  };
  signal.addEventListener('abort', cancel, { once: true });
  if (signal.aborted) cancel();
  return () => signal.removeEventListener('abort', cancel);
}
