import { type EnqueueRequest, JobNotFoundError } from '@hangar/core';
import { requestParents } from '@hangar/core/adapter';
import { parseJobId } from './job-id.js';
import { jobColumns } from './job-row.js';
import { conditionHoldsSql, ENDED, parentUnmetErrorSql } from './parents-sql.js';
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
  /** Every parent with its condition (ids as the database's), or null for none. */
  parents: Array<{ id: string; on: string }> | null;
  timeout_ms: number | null;
  metadata: unknown;
}

/**
 * Converts requests, already checked by `checkEnqueueRequests`, to input records; a parent id
 * that cannot exist is `JobNotFoundError`.
 */
export function toEnqueueInputs(requests: readonly EnqueueRequest[]): EnqueueInput[] {
  return requests.map((r, ord) => {
    const parents = requestParents(r).map((p) => {
      const id = parseJobId(p.id);
      if (id === undefined) throw new JobNotFoundError(p.id);
      return { id, on: p.on };
    });
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
      parent_id: parents[0]?.id ?? null,
      parents: parents.length > 0 ? parents : null,
      timeout_ms: r.timeoutMs ?? null,
      metadata: r.metadata ?? null,
    };
  });
}

/**
 * Inserts every input in one statement and publishes the inserted jobs. Parents are marked
 * `has_children` by an update, which also keeps them locked until commit, so a parent cannot
 * finish between reading its state and committing the child (its child trigger then waits, fires
 * for the mark, and sees the child and its \`job_parent\` rows). Each child is decided from its
 * parents' states (\`gate\`): Cancelled naming the first parent, in the order given, that ended
 * in a state its condition does not accept; Awaiting with a \`job_parent\` row and a count for
 * each parent not ended; else runnable. Ids come from the sequence in `prepared`, which ties each
 * inserted row back to its request. Idempotency conflicts insert nothing and are looked up
 * afterwards with `existingJobsSql`, in a new statement that sees concurrent winners. A batch
 * without parents reads and writes nothing for them but its empty \`edge_in\`.
 */
export function insertJobsSql(n: SchemaNames): string {
  return `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
    ord integer, type text, queue text, params jsonb, priority integer, run_at timestamptz,
    max_attempts integer, customer_id text, user_id text, idempotency_key text, concurrency_key text,
    parent_id bigint, parents jsonb, timeout_ms bigint, metadata jsonb)
), edge_in AS (
  SELECT i.ord, (e.value->>'id')::bigint AS parent_id, e.value->>'on' AS condition, e.n
    FROM input i CROSS JOIN LATERAL jsonb_array_elements(i.parents) WITH ORDINALITY AS e(value, n)
   WHERE i.parents IS NOT NULL
), parent AS (
  UPDATE ${n.job} p SET has_children = true
   WHERE p.id IN (SELECT e.parent_id FROM edge_in e)
  RETURNING p.id, p.state
), gate AS (
  SELECT e.ord,
         min(e.parent_id) FILTER (WHERE pa.id IS NULL) AS missing_id,
         count(*) FILTER (WHERE pa.state NOT IN ${ENDED})::integer AS pending,
         (array_agg(jsonb_build_array(e.parent_id::text, pa.state, e.condition) ORDER BY e.n)
           FILTER (WHERE pa.state IN ${ENDED} AND NOT ${conditionHoldsSql('e.condition', 'pa.state')}))[1] AS unmet
    FROM edge_in e LEFT JOIN parent pa ON pa.id = e.parent_id
   GROUP BY e.ord
), prepared AS (
  SELECT i.*, nextval('${n.q}.job_id_seq') AS id, COALESCE(i.run_at, now()) AS start_at,
         g.missing_id, g.pending, g.unmet
    FROM input i LEFT JOIN gate g ON g.ord = i.ord
   -- ids in request order whatever the join does: a volatile nextval() is evaluated after the sort
   ORDER BY i.ord
), inserted AS (
  INSERT INTO ${n.job} (id, type, queue, params, priority, run_at, max_attempts, customer_id, user_id,
                        idempotency_key, concurrency_key, parent_id, parents, pending_parents,
                        timeout_ms, metadata, state, finished_at, error_info, change_seq)
  SELECT p.id, p.type, p.queue, p.params, p.priority, p.start_at, p.max_attempts, p.customer_id, p.user_id,
         p.idempotency_key, p.concurrency_key, p.parent_id, p.parents,
         CASE WHEN s.state = 'Awaiting' THEN p.pending END,
         p.timeout_ms, p.metadata,
         s.state,
         CASE WHEN s.state = 'Cancelled' THEN now() END,
         CASE WHEN s.state = 'Cancelled' THEN ${parentUnmetErrorSql('p.unmet->>0', 'p.unmet->>1', 'p.unmet->>2')} END,
         1
    FROM prepared p
    CROSS JOIN LATERAL (SELECT CASE
      WHEN p.missing_id IS NOT NULL THEN ${n.q}.parent_not_found(p.missing_id)
      WHEN p.unmet IS NOT NULL THEN 'Cancelled'
      WHEN p.pending > 0 THEN 'Awaiting'
      WHEN p.start_at > now() THEN 'Scheduled'
      ELSE 'Enqueued' END AS state) s
   ORDER BY p.ord
  ON CONFLICT ((COALESCE(customer_id, '')), idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
  RETURNING *
), edges AS (
  INSERT INTO ${n.jobParent} (parent_id, child_id, condition)
  SELECT e.parent_id, ins.id, e.condition
    FROM inserted ins
    JOIN prepared p ON p.id = ins.id
    JOIN edge_in e ON e.ord = p.ord
    JOIN parent pa ON pa.id = e.parent_id
   WHERE ins.state = 'Awaiting' AND pa.state NOT IN ${ENDED}
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
