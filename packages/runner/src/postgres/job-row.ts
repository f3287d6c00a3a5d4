import type { ErrorInfo, JobRecord, JobResult, JobState, MessageParam, ProgressSnapshot } from '@hangar/core';

/** A job row as selected with `jobColumns`. */
export interface JobRow {
  id: string;
  type: string;
  queue: string;
  state: JobState;
  priority: number;
  run_at: Date | string;
  attempts: number;
  max_attempts: number;
  params: unknown;
  customer_id: string | null;
  user_id: string | null;
  idempotency_key: string | null;
  concurrency_key: string | null;
  parent_id: string | null;
  timeout_ms: number | null;
  metadata: Record<string, MessageParam> | null;
  worker_id: string | null;
  worker_host: string | null;
  worker_pid: number | null;
  lease_expires_at: Date | string | null;
  cancel_requested: boolean;
  progress: ProgressSnapshot | null;
  result: JobResult | null;
  error_info: ErrorInfo | null;
  created_at: Date | string;
  updated_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
}

/**
 * The select list of a job, from the table or a row set aliased `alias`. Ids are cast to text
 * and numbers to int/float so the result does not depend on the pool's type parsers.
 */
export function jobColumns(alias: string): string {
  const a = `${alias}.`;
  return [
    `${a}id::text AS id`,
    `${a}type`,
    `${a}queue`,
    `${a}state`,
    `${a}priority`,
    `${a}run_at`,
    `${a}attempts`,
    `${a}max_attempts`,
    `${a}params`,
    `${a}customer_id`,
    `${a}user_id`,
    `${a}idempotency_key`,
    `${a}concurrency_key`,
    `${a}parent_id::text AS parent_id`,
    `${a}timeout_ms::float8 AS timeout_ms`,
    `${a}metadata`,
    `${a}worker_id`,
    `${a}worker_host`,
    `${a}worker_pid`,
    `${a}lease_expires_at`,
    `${a}cancel_requested`,
    `${a}progress`,
    `${a}result`,
    `${a}error_info`,
    `${a}created_at`,
    `${a}updated_at`,
    `${a}started_at`,
    `${a}finished_at`,
  ].join(', ');
}

/** Converts a row to the record the contract exposes; SQL NULL becomes `undefined`. */
export function rowToJob(row: JobRow): JobRecord {
  return {
    id: row.id,
    type: row.type,
    queue: row.queue,
    params: row.params,
    state: row.state,
    priority: row.priority,
    runAt: toDate(row.run_at),
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    customerId: row.customer_id ?? undefined,
    userId: row.user_id ?? undefined,
    idempotencyKey: row.idempotency_key ?? undefined,
    concurrencyKey: row.concurrency_key ?? undefined,
    parentId: row.parent_id ?? undefined,
    timeoutMs: row.timeout_ms ?? undefined,
    worker:
      row.worker_id === null
        ? undefined
        : { id: row.worker_id, host: row.worker_host ?? '', pid: row.worker_pid ?? 0 },
    leaseExpiresAt: optionalDate(row.lease_expires_at),
    cancelRequested: row.cancel_requested,
    progress: row.progress ?? undefined,
    result: row.result ?? undefined,
    errorInfo: row.error_info ?? undefined,
    metadata: row.metadata ?? undefined,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    startedAt: optionalDate(row.started_at),
    finishedAt: optionalDate(row.finished_at),
  };
}

/** A timestamptz as a Date, whether the pool parses timestamps or returns strings. */
export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/** Like `toDate`, with SQL NULL as `undefined`. */
export function optionalDate(value: Date | string | null): Date | undefined {
  return value === null ? undefined : toDate(value);
}

/** Sorts claimed jobs the way they were picked; RETURNING gives no order. */
export function compareClaimOrder(a: JobRecord, b: JobRecord): number {
  return (
    a.priority - b.priority ||
    a.runAt.getTime() - b.runAt.getTime() ||
    (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0)
  );
}
