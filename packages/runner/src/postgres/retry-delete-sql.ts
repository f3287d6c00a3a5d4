import type { DeleteOutcome, RetryOutcome, RetryRequest } from '@hangar/core';
import { MAX_ATTEMPTS_CAP } from '@hangar/core/adapter';
import { parseJobId } from './job-id.js';
import { type JobRow, jobColumns, rowToJob } from './job-row.js';
import type { SchemaNames } from './schema-names.js';
import { notifyStatesOf } from './trigger-sql-v4.js';

/**
 * SQL of the changes an operator makes by hand. Each is one statement whose WHERE holds the
 * state condition, so of concurrent calls on one job exactly one changes it; the job is read
 * again only to say why nothing changed.
 */
export function retryDeleteSql(n: SchemaNames) {
  const visible = `j.id = $1 AND ($2::text IS NULL OR j.customer_id = $2)`;
  return {
    /** `$1` id, `$2` customer or null, `$3` attempts to add. Published like every state change. */
    retry: `
      WITH changed AS (
        UPDATE ${n.job} j SET state = 'Enqueued',
               max_attempts = LEAST(j.attempts::bigint + $3, ${MAX_ATTEMPTS_CAP})::integer,
               run_at = now(), finished_at = NULL, result = NULL, cancel_requested = false,
               lease_expires_at = NULL, updated_at = now(), change_seq = j.change_seq + 1
         WHERE ${visible} AND j.state IN ('Failed', 'Cancelled')
        RETURNING j.*
      ), noted AS (SELECT ${notifyStatesOf(n, 'changed')} AS sent FROM changed)
      SELECT ${jobColumns('changed')} FROM changed CROSS JOIN noted`,

    /** `$1` id, `$2` customer or null. The log goes with the job (ON DELETE CASCADE). */
    delete: `
      DELETE FROM ${n.job} j
       WHERE ${visible} AND j.state IN ('Succeeded', 'Failed', 'Cancelled')
      RETURNING j.id`,

    /** `$1` id, `$2` customer or null: the state of a job this caller may see. */
    state: `SELECT j.state FROM ${n.job} j WHERE ${visible}`,
  };
}

/** The statements of `retryDeleteSql`. */
export type RetryDeleteSql = ReturnType<typeof retryDeleteSql>;

/** Runs one statement and returns its rows. */
export type RowsQuery = <R>(text: string, values: unknown[]) => Promise<R[]>;

/** `QueueAdapter.retryJob` on PostgreSQL. */
export async function retryPostgresJob(
  rows: RowsQuery,
  sql: RetryDeleteSql,
  jobId: string,
  request: RetryRequest,
): Promise<RetryOutcome> {
  const id = parseJobId(jobId);
  if (id === undefined) return { outcome: 'not-found' };
  const customer = request.customerId ?? null;
  const [row] = await rows<JobRow>(sql.retry, [id, customer, request.attempts]);
  if (row) return { outcome: 'retried', job: rowToJob(row) };
  const [current] = await rows<Pick<JobRow, 'state'>>(sql.state, [id, customer]);
  return current ? { outcome: 'not-retryable', state: current.state } : { outcome: 'not-found' };
}

/** `QueueAdapter.deleteJob` on PostgreSQL. */
export async function deletePostgresJob(
  rows: RowsQuery,
  sql: RetryDeleteSql,
  jobId: string,
  customerId: string | undefined,
): Promise<DeleteOutcome> {
  const id = parseJobId(jobId);
  if (id === undefined) return 'not-found';
  const customer = customerId ?? null;
  if ((await rows(sql.delete, [id, customer])).length > 0) return 'deleted';
  return (await rows(sql.state, [id, customer])).length > 0 ? 'not-finished' : 'not-found';
}
