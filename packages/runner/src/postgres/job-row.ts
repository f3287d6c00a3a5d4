import type {
  ErrorInfo,
  JobRecord,
  JobResult,
  JobState,
  MessageParam,
  ParentDependency,
  ProgressSnapshot,
} from '@hangar/core';

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
  parents: ParentDependency[] | null;
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

/** Casts of the columns whose text form must not depend on the pool's type parsers. */
const CASTS: Readonly<Record<string, string>> = {
  id: '::text',
  parent_id: '::text',
  timeout_ms: '::float8',
};

/** A select list of `columns` from `alias`, ids cast to text and numbers to float. */
export function selectColumns(alias: string, columns: readonly string[]): string {
  return columns
    .map((column) => {
      const cast = CASTS[column];
      return cast ? `${alias}.${column}${cast} AS ${column}` : `${alias}.${column}`;
    })
    .join(', ');
}

/** Every column of a job record, in select order. */
export const JOB_COLUMNS = [
  'id',
  'type',
  'queue',
  'state',
  'priority',
  'run_at',
  'attempts',
  'max_attempts',
  'params',
  'customer_id',
  'user_id',
  'idempotency_key',
  'concurrency_key',
  'parent_id',
  'parents',
  'timeout_ms',
  'metadata',
  'worker_id',
  'worker_host',
  'worker_pid',
  'lease_expires_at',
  'cancel_requested',
  'progress',
  'result',
  'error_info',
  'created_at',
  'updated_at',
  'started_at',
  'finished_at',
] as const;

/**
 * The select list of a job, from the table or a row set aliased `alias`. Ids are cast to text
 * and numbers to int/float so the result does not depend on the pool's type parsers.
 */
export function jobColumns(alias: string): string {
  return selectColumns(alias, JOB_COLUMNS);
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
    parents: parentsOf(row.parents, row.parent_id),
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

/** A job's parents: its `parents` column, or for a job stored before schema version 6 its one parent on success. */
export function parentsOf(
  parents: ParentDependency[] | null | undefined,
  parentId: string | null | undefined,
) {
  if (parents) return parents;
  return parentId === null || parentId === undefined ? [] : [{ id: parentId, on: 'success' as const }];
}
