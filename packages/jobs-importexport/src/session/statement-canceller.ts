import { type QueryExecutorProvider, sql } from 'kysely';

/** Stops listening for the job's signal; see {@link cancelStatementsOnAbort}. */
export type StopCancelling = () => void;

/**
 * Cancels the PostgreSQL statement a transaction is running when `signal` fires, so a cancelled
 * import does not wait for a long set-based statement (a million-row insert runs for tens of
 * seconds) before it rolls back. The cancel goes through another pooled connection and only hits
 * the backend while it is still in this very transaction (same pid and transaction start), so a
 * late request can never cancel the next user of the pooled connection; it is not awaited, so a
 * pool with no free connection cannot deadlock the import either (the request then lands late and
 * matches nothing).
 */
export async function cancelStatementsOnAbort(
  pool: QueryExecutorProvider,
  trx: QueryExecutorProvider,
  signal: AbortSignal,
): Promise<StopCancelling> {
  const { rows } = await sql<{
    pid: number;
    started: string;
  }>`select pg_backend_pid() as pid, now()::text as started`.execute(trx);
  const self = rows[0];
  if (!self) return () => undefined;
  const cancel = () => {
    void sql`select pg_cancel_backend(pid) from pg_stat_activity where pid = ${self.pid} and xact_start = ${self.started}::timestamptz`
      .execute(pool)
      .catch(() => undefined);
  };
  signal.addEventListener('abort', cancel, { once: true });
  return () => signal.removeEventListener('abort', cancel);
}
