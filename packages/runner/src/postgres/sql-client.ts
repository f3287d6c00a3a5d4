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
