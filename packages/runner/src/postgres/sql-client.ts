/**
 * Anything that runs a parameterised query: a `pg.Pool`, or the `pg.Client` / `pg.PoolClient`
 * of a transaction the caller opened (passed as `EnqueueOptions.transaction`).
 */
export interface SqlClient {
  /** Runs `text` with positional `$n` parameters. */
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/** Whether `value` can run queries (checked at runtime: `transaction` is typed `unknown`). */
export function isSqlClient(value: unknown): value is SqlClient {
  return (
    typeof value === 'object' && value !== null && typeof (value as { query?: unknown }).query === 'function'
  );
}

/** Runs a query and returns its rows typed as `R` (the SQL text defines their shape). */
export async function queryRows<R>(client: SqlClient, text: string, values: unknown[] = []): Promise<R[]> {
  const result = await client.query(text, values);
  return result.rows as R[];
}

/** Runs a statement and returns how many rows it touched. */
export async function execute(client: SqlClient, text: string, values: unknown[] = []): Promise<number> {
  const result = await client.query(text, values);
  return result.rowCount ?? 0;
}

/** The SQLSTATE of a PostgreSQL error, if `err` is one. */
export function sqlState(err: unknown): string | undefined {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** SQLSTATE of a statement PostgreSQL aborted to break a deadlock. */
const DEADLOCK = '40P01';
/** Reruns of a statement aborted by a deadlock before its error reaches the caller. */
const DEADLOCK_RERUNS = 3;

/**
 * Runs `statement`, rerunning it when PostgreSQL aborted it to break a deadlock. Only for a
 * statement on the pool, outside any transaction: the aborted statement was rolled back whole,
 * so running it again is running it once. Statements that end several jobs at once (a batch of
 * completions, a recovery pass) settle the children of each ended job in turn, and two of them
 * sharing children can lock those rows in opposite orders.
 */
export async function rerunOnDeadlock<T>(statement: () => Promise<T>): Promise<T> {
  for (let run = 0; ; run += 1) {
    try {
      return await statement();
    } catch (err) {
      if (sqlState(err) !== DEADLOCK || run >= DEADLOCK_RERUNS) throw err;
    }
  }
}
