import type { SchemaNames } from './schema-names.js';
import { CLAIMABLE_STATES } from './state-sql.js';
import { notifyStatesOf } from './trigger-sql-v4.js';

/**
 * The claim function of the first schema version. It runs as one round trip but in three
 * statements, because plpgsql gives each statement a fresh snapshot: counting Processing jobs
 * after taking the per-customer and per-key advisory locks sees everything other claimers of
 * those customers and keys committed, which one plain statement could not.
 */
export function claimFunctionSql(
  n: SchemaNames,
  fastPath = false,
  publish = false,
  asyncCommit = false,
): string {
  // Schema version 4: the claim publishes its Processing rows itself (see `trigger-sql-v4.ts`).
  const bump = publish ? ', change_seq = j.change_seq + 1' : '';
  const noted = publish ? `, noted AS (SELECT ${notifyStatesOf(n, 'claimed')} AS sent FROM claimed)` : '';
  const select = publish ? 'SELECT claimed.* FROM claimed CROSS JOIN noted' : 'SELECT * FROM claimed';
  const keyLockSpace = `hashtext('${n.schema}:concurrency_key')`;
  const customerLockSpace = `hashtext('${n.schema}:customer')`;
  return `
${fastPath ? 'CREATE OR REPLACE' : 'CREATE'} FUNCTION ${n.q}.claim(
  p_worker_id text, p_worker_host text, p_worker_pid integer, p_queues text[], p_types text[],
  p_limit integer, p_lease_ms bigint, p_max_per_customer integer
) RETURNS SETOF ${n.job} LANGUAGE plpgsql
-- Until autovacuum first analyzes a freshly filled table, the planner guesses a handful of
-- runnable rows and bitmap-scans and sorts all of them on every claim; without bitmap scans
-- it walks job_runnable_idx in claim order and stops at the LIMIT, whatever the statistics.
SET enable_bitmapscan = off
AS $fn$
DECLARE
  v_ids bigint[];
  v_keys text[];
  v_customers text[];
  v_locked_keys text[] := '{}';
  v_locked_customers text[] := '{}';
BEGIN
  -- 1. Row-lock the first runnable jobs; SKIP LOCKED gives concurrent claimers disjoint rows.
  --    Jobs whose key is running or whose customer is full are filtered before the LIMIT, so
  --    they never hide runnable jobs queued behind them.
  SELECT array_agg(c.id),
         array_agg(DISTINCT c.concurrency_key) FILTER (WHERE c.concurrency_key IS NOT NULL),
         array_agg(DISTINCT c.customer_id) FILTER (WHERE c.customer_id IS NOT NULL)
    INTO v_ids, v_keys, v_customers
    FROM (SELECT j.id, j.concurrency_key, j.customer_id
            FROM ${n.job} j
           WHERE j.state IN (${CLAIMABLE_STATES}) AND j.run_at <= now()
             AND j.queue = ANY (p_queues) AND j.type = ANY (p_types)
             AND (j.concurrency_key IS NULL OR NOT EXISTS (
                   SELECT 1 FROM ${n.job} r WHERE r.state = 'Processing' AND r.concurrency_key = j.concurrency_key))
             AND (p_max_per_customer IS NULL OR j.customer_id IS NULL OR (
                   SELECT count(*) FROM ${n.job} r
                    WHERE r.state = 'Processing' AND r.customer_id = j.customer_id) < p_max_per_customer)
           ORDER BY j.priority, j.run_at, j.id
           LIMIT p_limit
           FOR UPDATE OF j SKIP LOCKED) c;
  IF v_ids IS NULL THEN
    RETURN;
  END IF;
${asyncCommit ? ASYNC_COMMIT : ''}${fastPath ? fastPathSql(n, publish) : ''}
  -- 2. Serialise claimers per concurrency key and per limited customer with transaction-level
  --    advisory locks, released at commit. Try-locks: a key or customer another claimer is
  --    busy with is skipped this round rather than making claimers wait on each other.
  IF v_keys IS NOT NULL THEN
    SELECT COALESCE(array_agg(k), '{}') INTO v_locked_keys
      FROM unnest(v_keys) k WHERE pg_try_advisory_xact_lock(${keyLockSpace}, hashtext(k));
  END IF;
  IF p_max_per_customer IS NOT NULL AND v_customers IS NOT NULL THEN
    SELECT COALESCE(array_agg(cu), '{}') INTO v_locked_customers
      FROM unnest(v_customers) cu WHERE pg_try_advisory_xact_lock(${customerLockSpace}, hashtext(cu));
  END IF;

  -- 3. Fresh snapshot: re-check keys and count running jobs per customer, keep one job per key
  --    and at most the free slots of each customer, then take them.
  RETURN QUERY
  WITH candidate AS (
    SELECT j.id, j.priority, j.run_at, j.customer_id, j.concurrency_key
      FROM ${n.job} j
     WHERE j.id = ANY (v_ids)
       AND (j.concurrency_key IS NULL OR (j.concurrency_key = ANY (v_locked_keys) AND NOT EXISTS (
             SELECT 1 FROM ${n.job} r WHERE r.state = 'Processing' AND r.concurrency_key = j.concurrency_key)))
       AND (p_max_per_customer IS NULL OR j.customer_id IS NULL OR j.customer_id = ANY (v_locked_customers))
  ), key_ranked AS (
    SELECT c.*, row_number() OVER (PARTITION BY c.concurrency_key ORDER BY c.priority, c.run_at, c.id) AS key_rank
      FROM candidate c
  ), customer_ranked AS (
    SELECT k.*, row_number() OVER (PARTITION BY k.customer_id ORDER BY k.priority, k.run_at, k.id) AS customer_rank
      FROM key_ranked k
     WHERE k.concurrency_key IS NULL OR k.key_rank = 1
  ), running AS (
    SELECT r.customer_id, count(*) AS n
      FROM ${n.job} r
     WHERE r.state = 'Processing' AND r.customer_id = ANY (v_locked_customers)
     GROUP BY r.customer_id
  ), picked AS (
    SELECT cr.id
      FROM customer_ranked cr LEFT JOIN running ru ON ru.customer_id = cr.customer_id
     WHERE p_max_per_customer IS NULL OR cr.customer_id IS NULL
        OR cr.customer_rank + COALESCE(ru.n, 0) <= p_max_per_customer
  ), claimed AS (
    UPDATE ${n.job} j
       SET state = 'Processing', attempts = j.attempts + 1,
           worker_id = p_worker_id, worker_host = p_worker_host, worker_pid = p_worker_pid,
           lease_expires_at = now() + p_lease_ms * interval '1 millisecond',
           cancel_requested = false, started_at = now(), updated_at = now()${bump}
      FROM picked
     WHERE j.id = picked.id
    RETURNING j.*
  )${noted}
  ${select};
END $fn$;
`;
}

/**
 * Schema version 9: a claim that took jobs commits without waiting for its WAL to reach the
 * disk (the setting lasts until the end of the claim's own transaction; a claim joined to a
 * caller's transaction leaves the caller's commit as it was only if the caller set it again).
 * Losing a claim in a crash of the database server is what a lease expiry already does: the job
 * is Enqueued again and runs again, at least once as before. A completion stays a synchronous
 * commit, and it flushes the WAL up to itself, claim included, so no finished job can come back.
 * A claim that found nothing writes nothing and returns before this.
 */
const ASYNC_COMMIT = `  PERFORM set_config('synchronous_commit', 'off', true);
`;

/**
 * Schema version 2: when no job of the batch has a concurrency key and no customer limit
 * applies to it, steps 2 and 3 would keep every row of step 1, so the rows locked there are
 * taken at once, with no advisory lock, window or re-check.
 */
function fastPathSql(n: SchemaNames, publish: boolean): string {
  const update = `UPDATE ${n.job} j
       SET state = 'Processing', attempts = j.attempts + 1,
           worker_id = p_worker_id, worker_host = p_worker_host, worker_pid = p_worker_pid,
           lease_expires_at = now() + p_lease_ms * interval '1 millisecond',
           cancel_requested = false, started_at = now(), updated_at = now()${publish ? ', change_seq = j.change_seq + 1' : ''}
     WHERE j.id = ANY (v_ids)
    RETURNING j.*`;
  const query = publish
    ? `WITH claimed AS (
    ${update}
    ), noted AS (SELECT ${notifyStatesOf(n, 'claimed')} AS sent FROM claimed)
    SELECT claimed.* FROM claimed CROSS JOIN noted`
    : update;
  return `
  IF v_keys IS NULL AND (p_max_per_customer IS NULL OR v_customers IS NULL) THEN
    RETURN QUERY
    ${query};
    RETURN;
  END IF;
`;
}
