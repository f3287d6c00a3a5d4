import { type EnqueueRequest, JobNotFoundError } from '@hangar/core';
import { parseJobId } from './job-id.js';
import { jobColumns } from './job-row.js';
import type { SchemaNames } from './schema-names.js';
import { notifyStatesOf } from './trigger-sql-v4.js';

/** One request as a JSON record for `jsonb_to_recordset`; `ord` is its index in the call. */
export interface EnqueueInput {
  ord: number;
  type: string;
  queue: string;
  params: unknown;
  priority: number;
  run_at: string | null;
  max_attempts: number;
  customer_id: string | null;
  user_id: string | null;
  idempotency_key: string | null;
  concurrency_key: string | null;
  parent_id: string | null;
  timeout_ms: number | null;
  metadata: unknown;
}

/**
 * Converts requests, already checked by `checkEnqueueRequests`, to input records; a parent id
 * that cannot exist is `JobNotFoundError`.
 */
export function toEnqueueInputs(requests: readonly EnqueueRequest[]): EnqueueInput[] {
  return requests.map((r, ord) => {
    let parentId: string | null = null;
    if (r.parentId !== undefined) {
      const parsed = parseJobId(r.parentId);
      if (parsed === undefined) throw new JobNotFoundError(r.parentId);
      parentId = parsed;
    }
    return {
      ord,
      type: r.type,
      queue: r.queue,
      // JSON has no undefined: keep "no params" as JSON null rather than dropping the key.
      params: r.params === undefined ? null : r.params,
      priority: r.priority ?? 0,
      run_at: r.runAt?.toISOString() ?? null,
      max_attempts: r.maxAttempts,
      customer_id: r.customerId ?? null,
      user_id: r.userId ?? null,
      idempotency_key: r.idempotencyKey ?? null,
      concurrency_key: r.concurrencyKey ?? null,
      parent_id: parentId,
      timeout_ms: r.timeoutMs ?? null,
      metadata: r.metadata ?? null,
    };
  });
}

/**
 * Inserts every input in one statement and publishes the inserted jobs. Parents are marked
 * `has_children` by an update, which also keeps them locked until commit, so a parent cannot
 * finish between reading its state and committing the child (its child trigger then waits, fires
 * for the mark, and sees the child). Ids come from the sequence in `prepared`, which ties each
 * inserted row back to its request. Idempotency conflicts insert nothing and are looked up
 * afterwards with `existingJobsSql`, in a new statement that sees concurrent winners.
 */
export function insertJobsSql(n: SchemaNames): string {
  return `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
    ord integer, type text, queue text, params jsonb, priority integer, run_at timestamptz,
    max_attempts integer, customer_id text, user_id text, idempotency_key text, concurrency_key text,
    parent_id bigint, timeout_ms bigint, metadata jsonb)
), parent AS (
  UPDATE ${n.job} p SET has_children = true
   WHERE p.id IN (SELECT i.parent_id FROM input i WHERE i.parent_id IS NOT NULL)
  RETURNING p.id, p.state
), prepared AS (
  SELECT i.*, nextval('${n.q}.job_id_seq') AS id, COALESCE(i.run_at, now()) AS start_at,
         pa.state AS parent_state, (i.parent_id IS NOT NULL AND pa.id IS NULL) AS parent_missing
    FROM input i LEFT JOIN parent pa ON pa.id = i.parent_id
), inserted AS (
  INSERT INTO ${n.job} (id, type, queue, params, priority, run_at, max_attempts, customer_id, user_id,
                        idempotency_key, concurrency_key, parent_id, timeout_ms, metadata,
                        state, finished_at, error_info, change_seq)
  SELECT p.id, p.type, p.queue, p.params, p.priority, p.start_at, p.max_attempts, p.customer_id, p.user_id,
         p.idempotency_key, p.concurrency_key, p.parent_id, p.timeout_ms, p.metadata,
         s.state,
         CASE WHEN s.state = 'Cancelled' THEN now() END,
         CASE WHEN s.state = 'Cancelled' THEN jsonb_build_array(jsonb_build_object(
           'code', 'PARENT_FAILED', 'key', 'hangar.error.parentFailed',
           'params', jsonb_build_object('parentId', p.parent_id::text), 'severity', 'error')) END,
         1
    FROM prepared p
    CROSS JOIN LATERAL (SELECT CASE
      WHEN p.parent_missing THEN ${n.q}.parent_not_found(p.parent_id)
      WHEN p.parent_state IN ('Failed', 'Cancelled') THEN 'Cancelled'
      WHEN p.parent_id IS NOT NULL AND p.parent_state <> 'Succeeded' THEN 'Awaiting'
      WHEN p.start_at > now() THEN 'Scheduled'
      ELSE 'Enqueued' END AS state) s
   ORDER BY p.ord
  ON CONFLICT ((COALESCE(customer_id, '')), idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
  RETURNING *
), noted AS (
  SELECT ${notifyStatesOf(n, 'inserted', 'e')} AS sent FROM inserted
)
SELECT p.ord, ${jobColumns('ins')}
  FROM inserted ins JOIN prepared p ON p.id = ins.id CROSS JOIN noted`;
}

/** Looks up the jobs that already held the idempotency keys of requests not inserted. */
export function existingJobsSql(n: SchemaNames): string {
  return `
SELECT k.ord, ${jobColumns('j')}
  FROM jsonb_to_recordset($1::jsonb) AS k(ord integer, customer_id text, idempotency_key text)
  JOIN ${n.job} j ON COALESCE(j.customer_id, '') = COALESCE(k.customer_id, '')
                 AND j.idempotency_key = k.idempotency_key`;
}
