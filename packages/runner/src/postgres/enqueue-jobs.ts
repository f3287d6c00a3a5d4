import { type EnqueueRequest, type EnqueueResult, JobNotFoundError } from '@hangar/core';
import { existingJobsSql, toEnqueueInputs } from './enqueue-sql.js';
import { type JobRow, rowToJob } from './job-row.js';
import type { SchemaNames } from './schema-names.js';
import { type SqlClient, sqlState } from './sql-client.js';
import { PARENT_NOT_FOUND_SQLSTATE } from './trigger-sql.js';

/** Runs a query on `client`; `name` makes it a named prepared statement on the queue's pool. */
export type QueryRows = <R>(
  text: string,
  values: unknown[],
  client: SqlClient,
  name?: string,
) => Promise<R[]>;

/**
 * Inserts a batch of jobs in one statement (`insertSql`, see `insertJobsSql`), then looks up the
 * jobs holding the idempotency keys of the requests that were not inserted. A parent that does
 * not exist is `JobNotFoundError` and nothing of the batch is inserted.
 */
export async function enqueueJobs(
  query: QueryRows,
  names: SchemaNames,
  insertSql: string,
  requests: readonly EnqueueRequest[],
  client: SqlClient,
): Promise<EnqueueResult[]> {
  const inputs = toEnqueueInputs(requests);
  let inserted: (JobRow & { ord: number })[];
  try {
    inserted = await query(insertSql, [JSON.stringify(inputs)], client, 'enqueue');
  } catch (err) {
    if (sqlState(err) === PARENT_NOT_FOUND_SQLSTATE) throw new JobNotFoundError(parentIdOf(err));
    throw err;
  }
  const results: (EnqueueResult | undefined)[] = new Array(requests.length);
  for (const row of inserted) results[row.ord] = { id: row.id, created: true, job: rowToJob(row) };
  // Requests not inserted lost an idempotency-key conflict: return the job that holds the key.
  const missing = inputs.filter((input) => results[input.ord] === undefined);
  if (missing.length > 0) {
    const keys = missing.map((m) => ({
      ord: m.ord,
      customer_id: m.customer_id,
      idempotency_key: m.idempotency_key,
    }));
    const existing = await query<JobRow & { ord: number }>(
      existingJobsSql(names),
      [JSON.stringify(keys)],
      client,
    );
    for (const row of existing) results[row.ord] = { id: row.id, created: false, job: rowToJob(row) };
  }
  return results.map((result, ord) => {
    if (!result) throw new Error(`Job ${ord} of the batch was neither inserted nor found; retry the call`);
    return result;
  });
}

function parentIdOf(err: unknown): string {
  const message = err instanceof Error ? err.message : '';
  return /parent job (\d+)/.exec(message)?.[1] ?? 'unknown';
}
