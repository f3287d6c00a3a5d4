import {
  OperatorCallsBase
} from "../chunk-PNMMH5C3.js";
import "../chunk-V7NQM3WP.js";
import {
  requireDriver
} from "../chunk-7RYAG6XL.js";

// src/postgres/state-sql.ts
import { JOB_STATES, statesLeadingTo, TERMINAL_STATES } from "@hangar/core";
function sqlStateList(states) {
  return states.map((state) => `'${state}'`).join(", ");
}
var CLAIMABLE_STATES = sqlStateList(statesLeadingTo("Processing"));
var CANCELLABLE_STATES = sqlStateList(statesLeadingTo("Cancelled"));
var FINISHED_STATES = sqlStateList(TERMINAL_STATES);
var LIVE_STATES = sqlStateList(JOB_STATES.filter((state) => !TERMINAL_STATES.includes(state)));

// src/postgres/trigger-sql-v4.ts
var IDS_PER_NOTIFY = 100;
var MAX_NAME_IN_PAYLOAD = 200;
var TERMINAL = `(${FINISHED_STATES})`;
function selfNotifyingSchemaSql(n) {
  return `
ALTER TABLE ${n.job}
  ADD COLUMN has_children boolean NOT NULL DEFAULT false,
  ADD COLUMN change_seq integer NOT NULL DEFAULT 0;
UPDATE ${n.job} p SET has_children = true
 WHERE p.id IN (SELECT c.parent_id FROM ${n.job} c WHERE c.state = 'Awaiting' AND c.parent_id IS NOT NULL);

DROP TRIGGER job_release_children ON ${n.job};
DROP TRIGGER job_notify_updated ON ${n.job};
DROP TRIGGER job_notify_inserted ON ${n.job};
DROP FUNCTION ${n.q}.notify_job_inserted();

-- p_ids, p_queues, p_states: parallel arrays of changed jobs; null when nothing changed.
-- p_kind: 's' for state changes, 'e' for inserted jobs.
${notifyFunctionSql(
    n,
    `notify_states(p_ids bigint[], p_queues text[], p_states text[], p_kind text DEFAULT 's')`,
    `SELECT CASE WHEN length(t.queue) <= ${MAX_NAME_IN_PAYLOAD} THEN t.queue END AS queue, t.state,
           array_agg(t.id::text ORDER BY t.id) AS ids
      FROM unnest(p_ids, p_queues, p_states) AS t(id, queue, state)
     GROUP BY 1, 2`,
    `'k', p_kind, 'q', r.queue, 'st', r.state`
  )}

-- Worker ids too long for a payload are sent as md5, which listeners compare against.
${notifyFunctionSql(
    n,
    "notify_cancels(p_ids bigint[], p_workers text[])",
    `SELECT CASE WHEN length(t.w) <= ${MAX_NAME_IN_PAYLOAD} THEN t.w END AS w,
           CASE WHEN length(t.w) > ${MAX_NAME_IN_PAYLOAD} THEN md5(t.w) END AS wh,
           array_agg(t.id::text ORDER BY t.id) AS ids
      FROM unnest(p_ids, p_workers) AS t(id, w)
     GROUP BY 1, 2`,
    `'k', 'c', 'w', r.w, 'wh', r.wh`
  )}

CREATE FUNCTION ${n.q}.notify_job_row() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF OLD.state IS DISTINCT FROM NEW.state THEN
    PERFORM ${n.q}.notify_states(ARRAY[NEW.id], ARRAY[NEW.queue], ARRAY[NEW.state]);
  END IF;
  IF NEW.state = 'Processing' AND NEW.cancel_requested AND NOT OLD.cancel_requested THEN
    PERFORM ${n.q}.notify_cancels(ARRAY[NEW.id], ARRAY[NEW.worker_id]);
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER job_notify_row AFTER UPDATE ON ${n.job}
  FOR EACH ROW
  WHEN (OLD.change_seq = NEW.change_seq AND (OLD.state IS DISTINCT FROM NEW.state
        OR (NEW.cancel_requested AND NOT OLD.cancel_requested)))
  EXECUTE FUNCTION ${n.q}.notify_job_row();

-- Its statements take a fresh snapshot (a volatile function's do), so they see a child
-- committed by a concurrent enqueue that held this row locked while this transaction waited.
-- Cancelling children cascades to grandchildren through this same trigger on the children.
-- clock_timestamp(), not now(): a child enqueued while this transaction waited is due.
CREATE FUNCTION ${n.q}.release_children_row() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  v_sent integer;
BEGIN
  IF NEW.state = 'Succeeded' THEN
    WITH changed AS (
      UPDATE ${n.job}
         SET state = CASE WHEN run_at > clock_timestamp() THEN 'Scheduled' ELSE 'Enqueued' END,
             updated_at = now(), change_seq = change_seq + 1
       WHERE parent_id = NEW.id AND state = 'Awaiting'
      RETURNING id, queue, state
    )
    SELECT ${notifyStatesOf(n, "changed")} INTO v_sent FROM changed;
  ELSE
    WITH changed AS (
      UPDATE ${n.job}
         SET state = 'Cancelled', finished_at = now(), updated_at = now(), change_seq = change_seq + 1,
             error_info = jsonb_build_array(jsonb_build_object(
               'code', 'PARENT_FAILED', 'key', 'hangar.error.parentFailed',
               'params', jsonb_build_object('parentId', parent_id::text), 'severity', 'error'))
       WHERE parent_id = NEW.id AND state = 'Awaiting'
      RETURNING id, queue, state
    )
    SELECT ${notifyStatesOf(n, "changed")} INTO v_sent FROM changed;
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER job_release_children_row AFTER UPDATE OF state ON ${n.job}
  FOR EACH ROW
  WHEN (NEW.has_children AND NEW.state IN ${TERMINAL} AND OLD.state IS DISTINCT FROM NEW.state)
  EXECUTE FUNCTION ${n.q}.release_children_row();

-- Inserts made by any other statement than this version's enqueue (which publishes its rows
-- and marks their parents itself, holding them locked for update): an older runner's enqueue,
-- which held the parent FOR SHARE only, or a hand-written INSERT.
CREATE FUNCTION ${n.q}.notify_job_inserted_row() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW.state = 'Awaiting' THEN
    UPDATE ${n.job} SET has_children = true WHERE id = NEW.parent_id AND NOT has_children;
  END IF;
  PERFORM ${n.q}.notify_states(ARRAY[NEW.id], ARRAY[NEW.queue], ARRAY[NEW.state], 'e');
  RETURN NULL;
END $fn$;

CREATE TRIGGER job_notify_inserted_row AFTER INSERT ON ${n.job}
  FOR EACH ROW WHEN (NEW.change_seq = 0)
  EXECUTE FUNCTION ${n.q}.notify_job_inserted_row();
`;
}
function notifyStatesOf(n, relation, kind = "s") {
  return `${n.q}.notify_states(array_agg(${relation}.id), array_agg(${relation}.queue), array_agg(${relation}.state), '${kind}')`;
}
function notifyFunctionSql(n, signature, select, fields) {
  return `CREATE FUNCTION ${n.q}.${signature}
RETURNS integer LANGUAGE plpgsql AS $fn$
DECLARE
  r record;
  i integer;
  sent integer := 0;
BEGIN
  IF p_ids IS NULL THEN
    RETURN 0;
  END IF;
  FOR r IN
    ${select}
  LOOP
    FOR i IN 1 .. cardinality(r.ids) BY ${IDS_PER_NOTIFY} LOOP
      PERFORM pg_notify('${n.channel}', json_build_object(${fields}, 'ids', r.ids[i : i + ${IDS_PER_NOTIFY - 1}])::text);
      sent := sent + 1;
    END LOOP;
  END LOOP;
  RETURN sent;
END $fn$;`;
}

// src/postgres/claim-sql.ts
function claimFunctionSql(n, fastPath = false, publish = false, asyncCommit = false) {
  const bump = publish ? ", change_seq = j.change_seq + 1" : "";
  const noted = publish ? `, noted AS (SELECT ${notifyStatesOf(n, "claimed")} AS sent FROM claimed)` : "";
  const select = publish ? "SELECT claimed.* FROM claimed CROSS JOIN noted" : "SELECT * FROM claimed";
  const keyLockSpace = `hashtext('${n.schema}:concurrency_key')`;
  const customerLockSpace = `hashtext('${n.schema}:customer')`;
  return `
${fastPath ? "CREATE OR REPLACE" : "CREATE"} FUNCTION ${n.q}.claim(
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
${asyncCommit ? ASYNC_COMMIT : ""}${fastPath ? fastPathSql(n, publish) : ""}
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
var ASYNC_COMMIT = `  PERFORM set_config('synchronous_commit', 'off', true);
`;
function fastPathSql(n, publish) {
  const update = `UPDATE ${n.job} j
       SET state = 'Processing', attempts = j.attempts + 1,
           worker_id = p_worker_id, worker_host = p_worker_host, worker_pid = p_worker_pid,
           lease_expires_at = now() + p_lease_ms * interval '1 millisecond',
           cancel_requested = false, started_at = now(), updated_at = now()${publish ? ", change_seq = j.change_seq + 1" : ""}
     WHERE j.id = ANY (v_ids)
    RETURNING j.*`;
  const query = publish ? `WITH claimed AS (
    ${update}
    ), noted AS (SELECT ${notifyStatesOf(n, "claimed")} AS sent FROM claimed)
    SELECT claimed.* FROM claimed CROSS JOIN noted` : update;
  return `
  IF v_keys IS NULL AND (p_max_per_customer IS NULL OR v_customers IS NULL) THEN
    RETURN QUERY
    ${query};
    RETURN;
  END IF;
`;
}

// src/postgres/event-trigger-sql.ts
import { checkFinishedJobsQuery } from "@hangar/core/adapter";

// src/postgres/job-id.ts
var MAX_BIGINT = 9223372036854775807n;
function parseJobId(id) {
  if (typeof id !== "string" || !/^[0-9]{1,19}$/.test(id)) return void 0;
  const value = BigInt(id);
  return value > 0n && value <= MAX_BIGINT ? value.toString() : void 0;
}

// src/postgres/job-row.ts
var CASTS = {
  id: "::text",
  parent_id: "::text",
  timeout_ms: "::float8"
};
function selectColumns(alias, columns) {
  return columns.map((column) => {
    const cast = CASTS[column];
    return cast ? `${alias}.${column}${cast} AS ${column}` : `${alias}.${column}`;
  }).join(", ");
}
var JOB_COLUMNS = [
  "id",
  "type",
  "queue",
  "state",
  "priority",
  "run_at",
  "attempts",
  "max_attempts",
  "params",
  "customer_id",
  "user_id",
  "idempotency_key",
  "concurrency_key",
  "parent_id",
  "parents",
  "timeout_ms",
  "metadata",
  "worker_id",
  "worker_host",
  "worker_pid",
  "lease_expires_at",
  "cancel_requested",
  "progress",
  "result",
  "error_info",
  "created_at",
  "updated_at",
  "started_at",
  "finished_at"
];
function jobColumns(alias) {
  return selectColumns(alias, JOB_COLUMNS);
}
function rowToJob(row) {
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
    customerId: row.customer_id ?? void 0,
    userId: row.user_id ?? void 0,
    idempotencyKey: row.idempotency_key ?? void 0,
    concurrencyKey: row.concurrency_key ?? void 0,
    parentId: row.parent_id ?? void 0,
    parents: parentsOf(row.parents, row.parent_id),
    timeoutMs: row.timeout_ms ?? void 0,
    worker: row.worker_id === null ? void 0 : { id: row.worker_id, host: row.worker_host ?? "", pid: row.worker_pid ?? 0 },
    leaseExpiresAt: optionalDate(row.lease_expires_at),
    cancelRequested: row.cancel_requested,
    progress: row.progress ?? void 0,
    result: row.result ?? void 0,
    errorInfo: row.error_info ?? void 0,
    metadata: row.metadata ?? void 0,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
    startedAt: optionalDate(row.started_at),
    finishedAt: optionalDate(row.finished_at)
  };
}
function toDate(value) {
  return value instanceof Date ? value : new Date(value);
}
function optionalDate(value) {
  return value === null ? void 0 : toDate(value);
}
function compareClaimOrder(a, b) {
  return a.priority - b.priority || a.runAt.getTime() - b.runAt.getTime() || (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0);
}
function parentsOf(parents, parentId) {
  if (parents) return parents;
  return parentId === null || parentId === void 0 ? [] : [{ id: parentId, on: "success" }];
}

// src/postgres/event-trigger-sql.ts
function eventTriggerTableSql(n) {
  return `
CREATE TABLE ${n.eventTrigger} (
  name          text PRIMARY KEY,
  event         jsonb NOT NULL,
  job           jsonb NOT NULL,
  paused        boolean NOT NULL DEFAULT false,
  since         timestamptz NOT NULL,
  cursor_at     timestamptz NOT NULL,
  cursor_job_id bigint,
  last_fired_at timestamptz,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
`;
}
var COLUMNS = "name, event, job, paused, since, cursor_at, cursor_job_id::text AS cursor_job_id, last_fired_at";
function rowToTrigger(row) {
  return {
    name: row.name,
    on: row.event,
    job: row.job,
    paused: row.paused,
    since: toDate(row.since),
    cursor: {
      at: toDate(row.cursor_at),
      ...row.cursor_job_id === null ? {} : { jobId: row.cursor_job_id }
    },
    lastFiredAt: optionalDate(row.last_fired_at) ?? null
  };
}
function cursorId(cursor) {
  return cursor.jobId === void 0 ? null : parseJobId(cursor.jobId) ?? null;
}
function postgresTriggers(rows, n) {
  const t = n.eventTrigger;
  return {
    saveTrigger: async (trigger) => {
      await rows(
        `INSERT INTO ${t} (name, event, job, paused, since, cursor_at, cursor_job_id, last_fired_at)
         VALUES ($1, $2::jsonb, $3::jsonb, $4, $5, $6, $7::bigint, $8)
         ON CONFLICT (name) DO UPDATE SET
           event = EXCLUDED.event, job = EXCLUDED.job, paused = EXCLUDED.paused, since = EXCLUDED.since,
           cursor_at = EXCLUDED.cursor_at, cursor_job_id = EXCLUDED.cursor_job_id,
           last_fired_at = EXCLUDED.last_fired_at, updated_at = now()`,
        [
          trigger.name,
          JSON.stringify(trigger.on),
          JSON.stringify(trigger.job),
          trigger.paused,
          trigger.since,
          trigger.cursor.at,
          cursorId(trigger.cursor),
          trigger.lastFiredAt
        ]
      );
    },
    getTrigger: async (name) => {
      const [row] = await rows(`SELECT ${COLUMNS} FROM ${t} WHERE name = $1`, [name]);
      return row ? rowToTrigger(row) : void 0;
    },
    // by name in byte order, so every runner lists them alike whatever its collation
    listTriggers: async () => (await rows(`SELECT ${COLUMNS} FROM ${t} ORDER BY name COLLATE "C"`, [])).map(rowToTrigger),
    deleteTrigger: async (name) => (await rows(`DELETE FROM ${t} WHERE name = $1 RETURNING name`, [name])).length === 1,
    advanceTrigger: async (name, expected, next, firedAt) => {
      const done = await rows(
        `UPDATE ${t} SET cursor_at = $4, cursor_job_id = $5::bigint,
           last_fired_at = COALESCE($6, last_fired_at), updated_at = now()
         WHERE name = $1 AND cursor_at = $2 AND cursor_job_id IS NOT DISTINCT FROM $3::bigint
         RETURNING name`,
        [name, expected.at, cursorId(expected), next.at, cursorId(next), firedAt]
      );
      return done.length === 1;
    },
    listFinishedJobs: async (query) => {
      const limit = checkFinishedJobsQuery(query);
      const found = await rows(
        `SELECT ${jobColumns("j")},
                (extract(epoch FROM date_trunc('milliseconds', j.finished_at)) * 1000)::float8 AS finished_ms
           FROM ${n.job} j
          WHERE j.state = ANY($1::text[]) AND j.type = ANY($2::text[])
            AND ($3::text IS NULL OR j.customer_id = $3)
            AND j.finished_at >= $4
            AND j.finished_at <= now() - make_interval(secs => $6::float8 / 1000)
            AND (date_trunc('milliseconds', j.finished_at), j.id) > ($4::timestamptz, $5::bigint)
          ORDER BY date_trunc('milliseconds', j.finished_at), j.id
          LIMIT $7`,
        [
          [...query.states],
          [...query.types],
          query.customerId ?? null,
          query.after.at,
          cursorId(query.after),
          query.settledMs,
          limit
        ]
      );
      const last = found.at(-1);
      return {
        jobs: found.map(rowToJob),
        reached: last ? { at: new Date(Number(last.finished_ms)), jobId: last.id } : void 0,
        more: found.length === limit
      };
    }
  };
}

// src/postgres/list-index-sql.ts
function listIndexesSql(n) {
  return `
DROP INDEX ${n.q}.job_customer_list_idx;
CREATE INDEX job_customer_live_idx ON ${n.job} (customer_id, id DESC)
  WHERE state IN (${LIVE_STATES}) AND customer_id IS NOT NULL;
CREATE INDEX job_customer_done_idx ON ${n.job} (customer_id, state, id DESC) INCLUDE (type, queue, user_id)
  WHERE state IN (${FINISHED_STATES}) AND customer_id IS NOT NULL;
CREATE INDEX job_parent_idx ON ${n.job} (parent_id, id DESC) WHERE parent_id IS NOT NULL;
CREATE STATISTICS ${n.q}.job_customer_queue_state_stats (mcv) ON customer_id, queue, state FROM ${n.job};
`;
}

// src/postgres/parents-sql.ts
import { PARENT_CONDITION_STATES } from "@hangar/core";
var CONDITIONS = Object.keys(PARENT_CONDITION_STATES).map((c) => `'${c}'`).join(", ");
function conditionHoldsSql(condition, state) {
  const cases = Object.keys(PARENT_CONDITION_STATES).map((c) => `WHEN '${c}' THEN ${state} IN (${sqlStateList(PARENT_CONDITION_STATES[c])})`).join(" ");
  return `(CASE ${condition} ${cases} ELSE false END)`;
}
function parentUnmetErrorSql(parentId, state, condition) {
  return `jsonb_build_array(jsonb_build_object(
    'code', 'PARENT_CONDITION_UNMET', 'key', 'hangar.error.parentConditionUnmet',
    'params', jsonb_build_object('parentId', ${parentId}, 'state', ${state}, 'condition', ${condition}),
    'severity', 'error'))`;
}
function parentsSchemaSql(n) {
  return `
ALTER TABLE ${n.job}
  ADD COLUMN parents jsonb,
  ADD COLUMN pending_parents integer;

CREATE TABLE ${n.jobParent} (
  parent_id bigint NOT NULL,
  child_id  bigint NOT NULL,
  condition text NOT NULL CHECK (condition IN (${CONDITIONS})),
  PRIMARY KEY (parent_id, child_id)
);

CREATE OR REPLACE FUNCTION ${n.q}.release_children_row() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  v_sent integer;
BEGIN
  -- the children in id order first: two transactions ending parents of the same children then
  -- wait for each other instead of deadlocking (statements ending several jobs may still, and
  -- are rerun)
  PERFORM 1 FROM (
    SELECT c.id FROM ${n.job} c
     WHERE c.id IN (SELECT e.child_id FROM ${n.jobParent} e WHERE e.parent_id = NEW.id)
       AND c.state = 'Awaiting'
     ORDER BY c.id FOR NO KEY UPDATE) locked;
  WITH edge AS (
    DELETE FROM ${n.jobParent} WHERE parent_id = NEW.id RETURNING child_id, condition
  ), legacy AS (
    SELECT c.id AS child_id, 'success'::text AS condition
      FROM ${n.job} c
     WHERE c.parent_id = NEW.id AND c.state = 'Awaiting' AND c.pending_parents IS NULL
  ), settled AS (
    SELECT child_id, condition, ${conditionHoldsSql("condition", "NEW.state")} AS holds
      FROM (SELECT * FROM edge UNION ALL SELECT * FROM legacy) e
  ), changed AS (
    UPDATE ${n.job} c
       SET state = CASE
             WHEN NOT s.holds THEN 'Cancelled'
             WHEN COALESCE(c.pending_parents, 1) > 1 THEN 'Awaiting'
             WHEN c.run_at > clock_timestamp() THEN 'Scheduled'
             ELSE 'Enqueued' END,
           pending_parents = CASE WHEN s.holds THEN c.pending_parents - 1 ELSE c.pending_parents END,
           finished_at = CASE WHEN s.holds THEN c.finished_at ELSE now() END,
           error_info = CASE WHEN s.holds THEN c.error_info
             ELSE ${parentUnmetErrorSql("NEW.id::text", "NEW.state", "s.condition")} END,
           updated_at = now(), change_seq = c.change_seq + 1
      FROM settled s
     WHERE c.id = s.child_id AND c.state = 'Awaiting'
    RETURNING c.id, c.queue, c.state
  )
  SELECT ${notifyStatesOf(n, "changed")} INTO v_sent FROM changed WHERE changed.state <> 'Awaiting';
  RETURN NULL;
END $fn$;
`;
}
var ENDED = `(${FINISHED_STATES})`;
function otherParentsIndexSql(n) {
  return `
CREATE INDEX job_other_parents_idx ON ${n.job} USING gin (parents jsonb_path_ops)
  WHERE jsonb_array_length(parents) > 1;
`;
}

// src/postgres/runner-sql.ts
function runnerTableSql(n) {
  return `
CREATE TABLE ${n.runner} (
  id         text PRIMARY KEY,
  info       jsonb NOT NULL,
  seen_at    timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
`;
}
var PostgresRunners = class {
  constructor(rows, n) {
    this.rows = rows;
    this.n = n;
  }
  rows;
  n;
  /** Stores or refreshes an advertisement until `ttlMs` from now. */
  async advertise(info, ttlMs) {
    const { id, host, pid, queues, types, startedAt } = info;
    await this.rows(
      `INSERT INTO ${this.n.runner} (id, info, seen_at, expires_at)
       VALUES ($1, $2::jsonb, now(), now() + $3 * interval '1 millisecond')
       ON CONFLICT (id) DO UPDATE SET info = EXCLUDED.info, seen_at = EXCLUDED.seen_at, expires_at = EXCLUDED.expires_at`,
      [
        id,
        JSON.stringify({ host, pid, queues, types, startedAt: startedAt.toISOString() }),
        Math.ceil(ttlMs)
      ]
    );
  }
  /** Removes an advertisement. */
  async withdraw(id) {
    await this.rows(`DELETE FROM ${this.n.runner} WHERE id = $1`, [id]);
  }
  /** The advertisements that have not lapsed, by id; lapsed ones are deleted on the way. */
  async list() {
    const rows = await this.rows(
      `WITH lapsed AS (DELETE FROM ${this.n.runner} WHERE expires_at <= now())
       SELECT id, info, seen_at, expires_at FROM ${this.n.runner} WHERE expires_at > now() ORDER BY id COLLATE "C"`,
      []
    );
    return rows.map((r) => ({
      id: r.id,
      host: r.info.host,
      pid: r.info.pid,
      queues: r.info.queues,
      types: r.info.types,
      startedAt: new Date(r.info.startedAt),
      seenAt: new Date(r.seen_at),
      expiresAt: new Date(r.expires_at)
    }));
  }
  /** Enqueued jobs per queue. */
  async queueDepths() {
    const rows = await this.rows(
      `SELECT queue, count(*)::integer AS waiting, min(run_at) AS oldest FROM ${this.n.job}
        WHERE state = 'Enqueued' GROUP BY queue ORDER BY queue COLLATE "C"`,
      []
    );
    return rows.map((r) => ({ queue: r.queue, waiting: r.waiting, oldestRunAt: new Date(r.oldest) }));
  }
};

// src/postgres/schema-sql.ts
var STATES = `'Scheduled','Awaiting','Enqueued','Processing','Succeeded','Failed','Cancelled'`;
function tablesSql(n) {
  return `
CREATE SEQUENCE ${n.q}.job_id_seq AS bigint;

-- fillfactor leaves room on each page so lease, progress and log-counter updates stay HOT.
CREATE TABLE ${n.job} (
  id               bigint PRIMARY KEY DEFAULT nextval('${n.q}.job_id_seq'),
  type             text NOT NULL,
  queue            text NOT NULL,
  state            text NOT NULL CHECK (state IN (${STATES})),
  priority         integer NOT NULL DEFAULT 0,
  run_at           timestamptz NOT NULL DEFAULT now(),
  attempts         integer NOT NULL DEFAULT 0,
  max_attempts     integer NOT NULL CHECK (max_attempts >= 1),
  params           jsonb,
  customer_id      text,
  user_id          text,
  idempotency_key  text,
  concurrency_key  text,
  parent_id        bigint,
  timeout_ms       bigint,
  metadata         jsonb,
  worker_id        text,
  worker_host      text,
  worker_pid       integer,
  lease_expires_at timestamptz,
  cancel_requested boolean NOT NULL DEFAULT false,
  progress         jsonb,
  log_seq          integer NOT NULL DEFAULT 0,
  result           jsonb,
  error_info       jsonb,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  started_at       timestamptz,
  finished_at      timestamptz
) WITH (
  fillfactor = 80,
  -- A queue rewrites its live rows constantly: vacuum and analyze long before the defaults
  -- (20% and 10% of the table) so partial indexes stay small and plans stay right.
  autovacuum_vacuum_scale_factor = 0.02,
  autovacuum_analyze_scale_factor = 0.02
);
ALTER SEQUENCE ${n.q}.job_id_seq OWNED BY ${n.job}.id;

-- Partial indexes hold only live rows, so claiming stays fast with millions of finished jobs.
CREATE INDEX job_runnable_idx ON ${n.job} (priority, run_at, id) WHERE state IN ('Enqueued', 'Scheduled');
CREATE INDEX job_lease_idx ON ${n.job} (lease_expires_at) WHERE state = 'Processing';
CREATE INDEX job_customer_running_idx ON ${n.job} (customer_id) WHERE state = 'Processing';
CREATE INDEX job_cancel_requested_idx ON ${n.job} (worker_id) WHERE state = 'Processing' AND cancel_requested;
CREATE INDEX job_awaiting_parent_idx ON ${n.job} (parent_id) WHERE state = 'Awaiting';
CREATE INDEX job_finished_idx ON ${n.job} (state, finished_at) WHERE state IN ('Succeeded', 'Failed', 'Cancelled');
CREATE INDEX job_customer_list_idx ON ${n.job} (customer_id, id DESC);

-- The database itself guarantees that two jobs sharing a concurrency key never run at once,
-- whatever a claimer gets wrong.
CREATE UNIQUE INDEX job_concurrency_key_running_idx ON ${n.job} (concurrency_key)
  WHERE state = 'Processing' AND concurrency_key IS NOT NULL;

-- One job per (customer, idempotency key); jobs without a customer share the '' customer.
CREATE UNIQUE INDEX job_idempotency_idx ON ${n.job} ((COALESCE(customer_id, '')), idempotency_key)
  WHERE idempotency_key IS NOT NULL;

CREATE TABLE ${n.jobLog} (
  job_id  bigint NOT NULL REFERENCES ${n.job} (id) ON DELETE CASCADE,
  seq     integer NOT NULL,
  at      timestamptz NOT NULL,
  level   text NOT NULL CHECK (level IN ('progress', 'info', 'warning', 'error')),
  message jsonb NOT NULL,
  current double precision,
  total   double precision,
  PRIMARY KEY (job_id, seq)
);

CREATE TABLE ${n.lock} (
  name       text PRIMARY KEY,
  owner      text NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE TABLE ${n.schedule} (
  name        text PRIMARY KEY,
  cron        text NOT NULL,
  timezone    text NOT NULL,
  type        text NOT NULL,
  params      jsonb,
  options     jsonb NOT NULL DEFAULT '{}',
  paused      boolean NOT NULL DEFAULT false,
  next_run_at timestamptz,
  last_run_at timestamptz,
  updated_at  timestamptz NOT NULL DEFAULT now()
);
`;
}
function customerIndexesSql(n) {
  return `
DROP INDEX ${n.q}.job_customer_running_idx;
CREATE INDEX job_customer_running_idx ON ${n.job} (customer_id)
  WHERE state = 'Processing' AND customer_id IS NOT NULL;
DROP INDEX ${n.q}.job_customer_list_idx;
CREATE INDEX job_customer_list_idx ON ${n.job} (customer_id, id DESC) WHERE customer_id IS NOT NULL;
`;
}

// src/postgres/trigger-sql.ts
var PARENT_NOT_FOUND_SQLSTATE = "HG404";
var IDS_PER_NOTIFY2 = 100;
var MAX_NAME_IN_PAYLOAD2 = 200;
function triggersSql(n) {
  const channel = `'${n.channel}'`;
  return `
-- Raised from inside the enqueue statement, so a batch with a bad parent inserts nothing.
CREATE FUNCTION ${n.q}.parent_not_found(parent bigint) RETURNS text LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'parent job % not found', parent USING ERRCODE = '${PARENT_NOT_FOUND_SQLSTATE}';
END $fn$;

-- A row trigger, not a second statement of the caller: its queries take a fresh snapshot, so
-- they see a child committed by a concurrent enqueue that held the parent row FOR SHARE
-- while this transaction waited for it. Cancelling children cascades to grandchildren.
-- clock_timestamp(), not now(): a child enqueued while this transaction waited has a run_at
-- later than this transaction's start, yet is due.
CREATE FUNCTION ${n.q}.release_children() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW.state = 'Succeeded' THEN
    UPDATE ${n.job}
       SET state = CASE WHEN run_at > clock_timestamp() THEN 'Scheduled' ELSE 'Enqueued' END, updated_at = now()
     WHERE parent_id = NEW.id AND state = 'Awaiting';
  ELSE
    UPDATE ${n.job}
       SET state = 'Cancelled', finished_at = now(), updated_at = now(),
           error_info = jsonb_build_array(jsonb_build_object(
             'code', 'PARENT_FAILED', 'key', 'hangar.error.parentFailed',
             'params', jsonb_build_object('parentId', NEW.id::text), 'severity', 'error'))
     WHERE parent_id = NEW.id AND state = 'Awaiting';
  END IF;
  RETURN NULL;
END $fn$;

CREATE TRIGGER job_release_children AFTER UPDATE OF state ON ${n.job}
  FOR EACH ROW
  WHEN (NEW.state IN ('Succeeded', 'Failed', 'Cancelled') AND OLD.state IS DISTINCT FROM NEW.state)
  EXECUTE FUNCTION ${n.q}.release_children();

CREATE FUNCTION ${n.q}.notify_job_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT c.queue, c.state, array_agg(c.id::text ORDER BY c.id) AS ids
      FROM (SELECT t.*, (row_number() OVER (PARTITION BY t.queue, t.state ORDER BY t.id) - 1) / ${IDS_PER_NOTIFY2} AS chunk
              FROM (SELECT id, state, CASE WHEN length(queue) <= ${MAX_NAME_IN_PAYLOAD2} THEN queue END AS queue
                      FROM new_rows) t) c
     GROUP BY c.queue, c.state, c.chunk
  LOOP
    PERFORM pg_notify(${channel}, json_build_object('k', 'e', 'q', r.queue, 'st', r.state, 'ids', r.ids)::text);
  END LOOP;
  RETURN NULL;
END $fn$;

CREATE TRIGGER job_notify_inserted AFTER INSERT ON ${n.job}
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ${n.q}.notify_job_inserted();

-- Worker ids too long for a payload are sent as md5, which listeners compare against.
CREATE FUNCTION ${n.q}.notify_job_updated() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT c.queue, c.state, array_agg(c.id::text ORDER BY c.id) AS ids
      FROM (SELECT t.*, (row_number() OVER (PARTITION BY t.queue, t.state ORDER BY t.id) - 1) / ${IDS_PER_NOTIFY2} AS chunk
              FROM (SELECT nr.id, nr.state, CASE WHEN length(nr.queue) <= ${MAX_NAME_IN_PAYLOAD2} THEN nr.queue END AS queue
                      FROM new_rows nr JOIN old_rows o ON o.id = nr.id
                     WHERE o.state IS DISTINCT FROM nr.state) t) c
     GROUP BY c.queue, c.state, c.chunk
  LOOP
    PERFORM pg_notify(${channel}, json_build_object('k', 's', 'q', r.queue, 'st', r.state, 'ids', r.ids)::text);
  END LOOP;
  FOR r IN
    SELECT c.w, c.wh, array_agg(c.id::text ORDER BY c.id) AS ids
      FROM (SELECT t.*, (row_number() OVER (PARTITION BY t.w, t.wh ORDER BY t.id) - 1) / ${IDS_PER_NOTIFY2} AS chunk
              FROM (SELECT nr.id,
                           CASE WHEN length(nr.worker_id) <= ${MAX_NAME_IN_PAYLOAD2} THEN nr.worker_id END AS w,
                           CASE WHEN length(nr.worker_id) > ${MAX_NAME_IN_PAYLOAD2} THEN md5(nr.worker_id) END AS wh
                      FROM new_rows nr JOIN old_rows o ON o.id = nr.id
                     WHERE nr.state = 'Processing' AND nr.cancel_requested AND NOT o.cancel_requested) t) c
     GROUP BY c.w, c.wh, c.chunk
  LOOP
    PERFORM pg_notify(${channel}, json_build_object('k', 'c', 'w', r.w, 'wh', r.wh, 'ids', r.ids)::text);
  END LOOP;
  RETURN NULL;
END $fn$;

CREATE TRIGGER job_notify_updated AFTER UPDATE ON ${n.job}
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ${n.q}.notify_job_updated();

-- Entries travel in the payload while it stays small; otherwise listeners only learn that the
-- job has new entries and read them with getLog.
CREATE FUNCTION ${n.q}.notify_log_inserted() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE r record; payload text;
BEGIN
  FOR r IN
    SELECT job_id, json_agg(json_build_object('seq', seq, 'at', at, 'level', level, 'message', message,
                                              'current', current, 'total', total) ORDER BY seq) AS entries
      FROM new_rows GROUP BY job_id
  LOOP
    payload := json_build_object('k', 'l', 'id', r.job_id::text, 'e', r.entries)::text;
    IF octet_length(payload) > 4000 THEN
      payload := json_build_object('k', 'l', 'id', r.job_id::text)::text;
    END IF;
    PERFORM pg_notify(${channel}, payload);
  END LOOP;
  RETURN NULL;
END $fn$;

CREATE TRIGGER job_log_notify_inserted AFTER INSERT ON ${n.jobLog}
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ${n.q}.notify_log_inserted();
`;
}
function statementChildTriggerSql(n) {
  return `
DROP TRIGGER job_release_children ON ${n.job};
DROP FUNCTION ${n.q}.release_children();

CREATE FUNCTION ${n.q}.release_children() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  v_succeeded bigint[];
  v_ended bigint[];
BEGIN
  SELECT array_agg(nr.id) FILTER (WHERE nr.state = 'Succeeded'),
         array_agg(nr.id) FILTER (WHERE nr.state <> 'Succeeded')
    INTO v_succeeded, v_ended
    FROM new_rows nr JOIN old_rows o ON o.id = nr.id
   WHERE nr.state IN ('Succeeded', 'Failed', 'Cancelled') AND o.state IS DISTINCT FROM nr.state;
${releaseChildUpdatesSql(n)}  RETURN NULL;
END $fn$;

CREATE TRIGGER job_release_children AFTER UPDATE ON ${n.job}
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ${n.q}.release_children();
`;
}
function releaseChildUpdatesSql(n) {
  return `  IF v_succeeded IS NOT NULL THEN
    UPDATE ${n.job}
       SET state = CASE WHEN run_at > clock_timestamp() THEN 'Scheduled' ELSE 'Enqueued' END, updated_at = now()
     WHERE parent_id = ANY (v_succeeded) AND state = 'Awaiting';
  END IF;
  IF v_ended IS NOT NULL THEN
    UPDATE ${n.job}
       SET state = 'Cancelled', finished_at = now(), updated_at = now(),
           error_info = jsonb_build_array(jsonb_build_object(
             'code', 'PARENT_FAILED', 'key', 'hangar.error.parentFailed',
             'params', jsonb_build_object('parentId', parent_id::text), 'severity', 'error'))
     WHERE parent_id = ANY (v_ended) AND state = 'Awaiting';
  END IF;
`;
}

// src/postgres/trigger-sql-v3.ts
var IDS_PER_NOTIFY3 = 100;
var MAX_NAME_IN_PAYLOAD3 = 200;
function leanTriggersSql(n) {
  const channel = `'${n.channel}'`;
  return `
CREATE OR REPLACE FUNCTION ${n.q}.release_children() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  v_succeeded bigint[];
  v_ended bigint[];
BEGIN
  -- Its own statement, so it takes a fresh snapshot like the updates below (see version 1).
  IF NOT EXISTS (SELECT 1 FROM ${n.job} WHERE state = 'Awaiting') THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(nr.id) FILTER (WHERE nr.state = 'Succeeded'),
         array_agg(nr.id) FILTER (WHERE nr.state <> 'Succeeded')
    INTO v_succeeded, v_ended
    FROM new_rows nr
   WHERE nr.state IN ('Succeeded', 'Failed', 'Cancelled');
${releaseChildUpdatesSql(n)}  RETURN NULL;
END $fn$;

CREATE OR REPLACE FUNCTION ${n.q}.notify_job_updated() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  r record;
  i integer;
BEGIN
  FOR r IN
    SELECT CASE WHEN length(nr.queue) <= ${MAX_NAME_IN_PAYLOAD3} THEN nr.queue END AS queue, nr.state,
           array_agg(nr.id::text ORDER BY nr.id) AS ids
      FROM new_rows nr JOIN old_rows o ON o.id = nr.id
     WHERE o.state IS DISTINCT FROM nr.state
     GROUP BY 1, 2
  LOOP
    FOR i IN 1 .. cardinality(r.ids) BY ${IDS_PER_NOTIFY3} LOOP
      PERFORM pg_notify(${channel}, json_build_object('k', 's', 'q', r.queue, 'st', r.state,
        'ids', r.ids[i : i + ${IDS_PER_NOTIFY3 - 1}])::text);
    END LOOP;
  END LOOP;
  IF NOT EXISTS (SELECT 1 FROM new_rows WHERE state = 'Processing' AND cancel_requested) THEN
    RETURN NULL;
  END IF;
  -- Worker ids too long for a payload are sent as md5, which listeners compare against.
  FOR r IN
    SELECT CASE WHEN length(nr.worker_id) <= ${MAX_NAME_IN_PAYLOAD3} THEN nr.worker_id END AS w,
           CASE WHEN length(nr.worker_id) > ${MAX_NAME_IN_PAYLOAD3} THEN md5(nr.worker_id) END AS wh,
           array_agg(nr.id::text ORDER BY nr.id) AS ids
      FROM new_rows nr JOIN old_rows o ON o.id = nr.id
     WHERE nr.state = 'Processing' AND nr.cancel_requested AND NOT o.cancel_requested
     GROUP BY 1, 2
  LOOP
    FOR i IN 1 .. cardinality(r.ids) BY ${IDS_PER_NOTIFY3} LOOP
      PERFORM pg_notify(${channel}, json_build_object('k', 'c', 'w', r.w, 'wh', r.wh,
        'ids', r.ids[i : i + ${IDS_PER_NOTIFY3 - 1}])::text);
    END LOOP;
  END LOOP;
  RETURN NULL;
END $fn$;
`;
}

// src/postgres/migrations.ts
var MIGRATIONS = [
  {
    version: 1,
    name: "jobs, log, locks, schedules, claim function and notify triggers",
    sql: (n) => tablesSql(n) + triggersSql(n) + claimFunctionSql(n)
  },
  {
    version: 2,
    name: "claim fast path without concurrency keys or customer limits; child release per statement; customer indexes without customer-less jobs",
    sql: (n) => claimFunctionSql(n, true) + statementChildTriggerSql(n) + customerIndexesSql(n)
  },
  {
    version: 3,
    name: "lean statement triggers: child release only when a job is Awaiting, notifications without window sorts",
    sql: leanTriggersSql
  },
  {
    version: 4,
    name: "statements publish their own changes: no statement trigger on UPDATE; child release only for jobs with children",
    sql: (n) => selfNotifyingSchemaSql(n) + claimFunctionSql(n, true, true)
  },
  {
    version: 5,
    name: "runner advertisements: which runners are alive and which queues they serve",
    sql: runnerTableSql
  },
  {
    version: 6,
    name: "several parents per job, each with a condition (success, failure, end): job_parent and a pending count",
    sql: parentsSchemaSql
  },
  {
    version: 7,
    name: "listing indexes: live and finished jobs per customer (finished by state, with type, queue and user), children by parent; statistics of customer, queue and state",
    sql: listIndexesSql
  },
  {
    version: 8,
    name: "event triggers: jobs enqueued when other jobs end",
    sql: eventTriggerTableSql
  },
  {
    version: 9,
    name: "claims commit without waiting for the WAL flush (a lost claim is a lease expiry)",
    sql: (n) => claimFunctionSql(n, true, true, true)
  },
  {
    version: 10,
    name: "children beyond their first parent: a GIN index of parents, only for jobs with several",
    sql: otherParentsIndexSql
  }
];
var LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
async function runMigrations(pool, names, upTo = LATEST_SCHEMA_VERSION) {
  const client = await pool.connect();
  let broken;
  try {
    await client.query("BEGIN");
    try {
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('hangar.migrate'), hashtext($1))`, [
        names.schema
      ]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${names.q}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${names.migration} (
           version integer PRIMARY KEY,
           name text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now())`
      );
      const applied = await client.query(`SELECT version FROM ${names.migration}`);
      const done = new Set(applied.rows.map((r) => r.version));
      const pending = MIGRATIONS.filter((m) => !done.has(m.version) && m.version <= upTo);
      for (const migration of pending) {
        await client.query(migration.sql(names));
        await client.query(`INSERT INTO ${names.migration} (version, name) VALUES ($1, $2)`, [
          migration.version,
          migration.name
        ]);
      }
      await client.query("COMMIT");
      return pending.map((m) => m.version);
    } catch (err) {
      await client.query("ROLLBACK").catch((rollbackError) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw err;
    }
  } finally {
    client.release(broken ?? false);
  }
}

// src/postgres/options.ts
import { ConfigurationError, silentLogger } from "@hangar/core";
var POSTGRES_QUEUE_DEFAULTS = {
  schema: "hangar",
  poolSize: 10,
  pollIntervalMs: 5e3,
  reconnectDelayMs: 100,
  maxReconnectDelayMs: 5e3,
  autoMigrate: true,
  applicationName: "hangar",
  countCacheMs: 5e3,
  exactCountLimit: 1e4
};
var SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,47}$/;
function resolvePostgresQueueOptions(options) {
  if (typeof options !== "object" || options === null) {
    throw new ConfigurationError("options", "pass an object with `connectionString` or `pool`");
  }
  const { connectionString, pool } = options;
  if (connectionString === void 0 && pool === void 0) {
    throw new ConfigurationError(
      "connectionString",
      "give a connection string or an existing pg.Pool as `pool`"
    );
  }
  if (connectionString !== void 0 && pool !== void 0) {
    throw new ConfigurationError("pool", "give either `connectionString` or `pool`, not both");
  }
  if (connectionString !== void 0 && (typeof connectionString !== "string" || connectionString.trim() === "")) {
    throw new ConfigurationError(
      "connectionString",
      "must be a non-empty string such as postgres://user@host/db"
    );
  }
  if (pool !== void 0 && (typeof pool !== "object" || pool === null || typeof pool.connect !== "function")) {
    throw new ConfigurationError("pool", "must be a pg.Pool instance");
  }
  const schema = options.schema ?? POSTGRES_QUEUE_DEFAULTS.schema;
  if (typeof schema !== "string" || !SCHEMA_PATTERN.test(schema)) {
    throw new ConfigurationError(
      "schema",
      `"${String(schema)}" is not allowed; use lower-case letters, digits and _ (starting with a letter or _), at most 48 characters`
    );
  }
  const resolved = {
    connectionString,
    pool,
    schema,
    poolSize: integerOption("poolSize", options.poolSize, POSTGRES_QUEUE_DEFAULTS.poolSize, 2),
    pollIntervalMs: integerOption(
      "pollIntervalMs",
      options.pollIntervalMs,
      POSTGRES_QUEUE_DEFAULTS.pollIntervalMs,
      10
    ),
    reconnectDelayMs: integerOption(
      "reconnectDelayMs",
      options.reconnectDelayMs,
      POSTGRES_QUEUE_DEFAULTS.reconnectDelayMs,
      1
    ),
    maxReconnectDelayMs: integerOption(
      "maxReconnectDelayMs",
      options.maxReconnectDelayMs,
      POSTGRES_QUEUE_DEFAULTS.maxReconnectDelayMs,
      1
    ),
    autoMigrate: options.autoMigrate ?? POSTGRES_QUEUE_DEFAULTS.autoMigrate,
    applicationName: options.applicationName ?? POSTGRES_QUEUE_DEFAULTS.applicationName,
    countCacheMs: integerOption(
      "countCacheMs",
      options.countCacheMs,
      POSTGRES_QUEUE_DEFAULTS.countCacheMs,
      0
    ),
    exactCountLimit: integerOption(
      "exactCountLimit",
      options.exactCountLimit,
      POSTGRES_QUEUE_DEFAULTS.exactCountLimit,
      1
    ),
    logger: options.logger ?? silentLogger
  };
  if (typeof resolved.autoMigrate !== "boolean") {
    throw new ConfigurationError("autoMigrate", "must be true or false");
  }
  if (typeof resolved.applicationName !== "string") {
    throw new ConfigurationError("applicationName", "must be a string");
  }
  if (resolved.maxReconnectDelayMs < resolved.reconnectDelayMs) {
    throw new ConfigurationError("maxReconnectDelayMs", "must be at least `reconnectDelayMs`");
  }
  return resolved;
}
function integerOption(name, value, fallback, min) {
  if (value === void 0) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new ConfigurationError(name, `must be an integer of at least ${min}, got ${String(value)}`);
  }
  return value;
}

// src/postgres/postgres-queue.ts
import {
  JobNotFoundError as JobNotFoundError3
} from "@hangar/core";
import {
  CallBatcher,
  checkClaimRequest,
  checkEnqueueRequests,
  checkPositiveInteger,
  checkRetentionPolicy,
  lockTtlMs
} from "@hangar/core/adapter";

// src/postgres/argument-checks.ts
import { ConfigurationError as ConfigurationError2 } from "@hangar/core";

// src/postgres/sql-client.ts
function isSqlClient(value) {
  return typeof value === "object" && value !== null && typeof value.query === "function";
}
async function queryRows(client, text, values = []) {
  const result = await client.query(text, values);
  return result.rows;
}
async function execute(client, text, values = []) {
  const result = await client.query(text, values);
  return result.rowCount ?? 0;
}
function sqlState(err) {
  const code = typeof err === "object" && err !== null ? err.code : void 0;
  return typeof code === "string" ? code : void 0;
}
var DEADLOCK = "40P01";
var DEADLOCK_RERUNS = 3;
async function rerunOnDeadlock(statement) {
  for (let run = 0; ; run += 1) {
    try {
      return await statement();
    } catch (err) {
      if (sqlState(err) !== DEADLOCK || run >= DEADLOCK_RERUNS) throw err;
    }
  }
}

// src/postgres/argument-checks.ts
function transactionClient(transaction) {
  if (transaction === void 0) return void 0;
  if (isSqlClient(transaction)) return transaction;
  throw new ConfigurationError2(
    "transaction",
    "must be the pg.Client or pg.PoolClient of an open transaction (an object with query(text, values))"
  );
}

// src/postgres/change-hub.ts
import { createHash } from "crypto";
import { isWakeUp } from "@hangar/core";

// src/postgres/listen-connection.ts
var ListenConnection = class {
  constructor(options) {
    this.options = options;
    this.delayMs = options.reconnectDelayMs;
  }
  options;
  client;
  ready;
  reconnectTimer;
  reconnecting;
  delayMs;
  closed = false;
  /** Resolves once the channel is listened to; rejects if the first connection fails. */
  start() {
    if (this.closed) return Promise.reject(new Error("The queue is closed"));
    if (!this.ready) {
      this.ready = this.connect().catch((err) => {
        this.ready = void 0;
        throw err;
      });
    }
    return this.ready;
  }
  /** Stops listening, cancels reconnection and releases the connection. */
  async close() {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = void 0;
    await Promise.allSettled([this.ready, this.reconnecting]);
    const client = this.client;
    this.client = void 0;
    if (client) {
      client.release(true);
    }
  }
  async connect() {
    const client = await this.options.pool.connect();
    const onError = (err) => this.dropped(client, err);
    client.on("error", onError);
    client.on("end", () => this.dropped(client, new Error("connection ended")));
    client.on("notification", (message) => {
      if (message.channel === this.options.channel) this.options.onNotification(message.payload ?? "");
    });
    try {
      await client.query(`LISTEN "${this.options.channel}"`);
    } catch (err) {
      client.removeAllListeners("end");
      client.release(true);
      throw err;
    }
    if (this.closed) {
      client.release(true);
      return;
    }
    this.client = client;
    this.delayMs = this.options.reconnectDelayMs;
  }
  dropped(client, err) {
    if (this.client !== client) return;
    this.client = void 0;
    this.options.logger.warn({ err, channel: this.options.channel }, "LISTEN connection lost; reconnecting");
    client.removeAllListeners("end");
    try {
      client.release(err);
    } catch {
    }
    this.scheduleReconnect();
  }
  scheduleReconnect() {
    if (this.closed || this.reconnectTimer) return;
    const delay = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, this.options.maxReconnectDelayMs);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = void 0;
      this.reconnecting = this.connect().then(
        () => {
          if (!this.closed) this.options.onReconnected();
        },
        (err) => {
          this.options.logger.warn(
            { err, channel: this.options.channel },
            "LISTEN reconnection failed; retrying"
          );
          this.scheduleReconnect();
        }
      );
    }, delay);
  }
};

// src/postgres/notification.ts
import {
  JOB_STATES as JOB_STATES2
} from "@hangar/core";
var STATES2 = new Set(JOB_STATES2);
var LEVELS = /* @__PURE__ */ new Set(["progress", "info", "warning", "error"]);
function parseNotification(payload, wakeUpsOnly = false) {
  let value;
  try {
    value = JSON.parse(payload);
  } catch {
    return void 0;
  }
  if (!isObject(value)) return void 0;
  const queue = typeof value.q === "string" ? value.q : void 0;
  switch (value.k) {
    case "e":
    case "s": {
      const state = typeof value.st === "string" && STATES2.has(value.st) ? value.st : void 0;
      const kind = value.k === "e" ? "enqueued" : "state";
      if (wakeUpsOnly && kind === "state" && state !== "Enqueued") return { changes: [], cancel: void 0 };
      const ids = stringArray(value.ids);
      const changes = queue !== void 0 && state !== void 0 ? ids.map((jobId) => ({ kind, jobId, queue, state })) : ids.map((jobId) => withOptional({ kind, jobId }, queue, state));
      return { changes, cancel: void 0 };
    }
    case "c": {
      const jobIds = stringArray(value.ids);
      return {
        changes: wakeUpsOnly ? [] : jobIds.map((jobId) => ({ kind: "cancel-requested", jobId })),
        cancel: {
          workerId: typeof value.w === "string" ? value.w : void 0,
          workerHash: typeof value.wh === "string" ? value.wh : void 0,
          jobIds
        }
      };
    }
    case "l": {
      if (typeof value.id !== "string" || wakeUpsOnly) return void 0;
      const jobId = value.id;
      const entries = Array.isArray(value.e) ? value.e.map(toLogEntry).filter((e) => e !== void 0) : [];
      const changes = entries.length === 0 ? [{ kind: "log", jobId }] : entries.map((entry) => ({ kind: "log", jobId, entry }));
      return { changes, cancel: void 0 };
    }
    default:
      return void 0;
  }
}
function toLogEntry(value) {
  if (!isObject(value)) return void 0;
  const { seq, at, level, message, current, total } = value;
  if (typeof seq !== "number" || typeof level !== "string" || !LEVELS.has(level) || !isObject(message)) {
    return void 0;
  }
  if (typeof message.key !== "string") return void 0;
  const entry = {
    seq,
    at: at instanceof Date ? at : new Date(String(at)),
    level,
    message
  };
  if (typeof current === "number") entry.current = current;
  if (typeof total === "number") entry.total = total;
  return entry;
}
function withOptional(change, queue, state) {
  const result = { ...change };
  if (queue !== void 0) result.queue = queue;
  if (state !== void 0) result.state = state;
  return result;
}
function stringArray(value) {
  return Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/postgres/change-hub.ts
var ChangeHub = class {
  constructor(options) {
    this.options = options;
    this.connection = new ListenConnection({
      pool: options.pool,
      channel: options.names.channel,
      reconnectDelayMs: options.reconnectDelayMs,
      maxReconnectDelayMs: options.maxReconnectDelayMs,
      logger: options.logger,
      onNotification: (payload) => this.dispatch(payload),
      onReconnected: () => void this.pollCancellations()
    });
  }
  options;
  /** Change listeners, each with whether it wants wake-ups only. */
  listeners = /* @__PURE__ */ new Map();
  /** Listeners that want every change, not only wake-ups. */
  fullListeners = 0;
  cancelListeners = /* @__PURE__ */ new Map();
  workerByHash = /* @__PURE__ */ new Map();
  /** Jobs already handed to each worker's listeners, so poll and notify never repeat one. */
  delivered = /* @__PURE__ */ new Map();
  connection;
  pollTimer;
  pollRun;
  pollAgain = false;
  /**
   * Adds a change listener (of wake-ups only: jobs enqueued or become Enqueued, when
   * `wakeUpsOnly`); resolves once changes from every process reach it.
   */
  async subscribe(listener, wakeUpsOnly = false) {
    const remove = () => {
      if (!this.listeners.has(listener)) return;
      if (this.listeners.get(listener) === false) this.fullListeners -= 1;
      this.listeners.delete(listener);
    };
    remove();
    this.listeners.set(listener, wakeUpsOnly);
    if (!wakeUpsOnly) this.fullListeners += 1;
    try {
      await this.connection.start();
    } catch (err) {
      remove();
      throw err;
    }
    return remove;
  }
  /** Adds a cancellation listener for one worker; resolves once requests reach it. */
  async onCancelRequest(workerId, listener) {
    let set = this.cancelListeners.get(workerId);
    if (!set) {
      set = /* @__PURE__ */ new Set();
      this.cancelListeners.set(workerId, set);
      this.workerByHash.set(md5(workerId), workerId);
    }
    set.add(listener);
    const remove = () => {
      const current = this.cancelListeners.get(workerId);
      current?.delete(listener);
      if (current && current.size === 0) {
        this.cancelListeners.delete(workerId);
        this.workerByHash.delete(md5(workerId));
        this.delivered.delete(workerId);
      }
      if (this.cancelListeners.size === 0) this.stopPolling();
    };
    try {
      await this.connection.start();
    } catch (err) {
      remove();
      throw err;
    }
    this.startPolling();
    return remove;
  }
  /** Drops every listener, stops polling and closes the listening connection. */
  async close() {
    this.stopPolling();
    this.listeners.clear();
    this.fullListeners = 0;
    this.cancelListeners.clear();
    await this.pollRun;
    await this.connection.close();
  }
  dispatch(payload) {
    const parsed = parseNotification(payload, this.fullListeners === 0);
    if (!parsed) return;
    const listeners = [...this.listeners];
    for (const change of parsed.changes) {
      const wakeUp = isWakeUp(change);
      for (const [listener, wakeUpsOnly] of listeners) {
        if (wakeUpsOnly && !wakeUp) continue;
        try {
          listener(change);
        } catch (err) {
          this.options.logger.error({ err }, "A queue change listener threw");
        }
      }
    }
    const cancel = parsed.cancel;
    if (!cancel) return;
    const workerId = cancel.workerId ?? (cancel.workerHash ? this.workerByHash.get(cancel.workerHash) : void 0);
    if (workerId !== void 0) this.deliver(workerId, cancel.jobIds);
  }
  deliver(workerId, jobIds) {
    const listeners = this.cancelListeners.get(workerId);
    if (!listeners) return;
    let seen = this.delivered.get(workerId);
    if (!seen) {
      seen = /* @__PURE__ */ new Set();
      this.delivered.set(workerId, seen);
    }
    for (const jobId of jobIds) {
      if (seen.has(jobId)) continue;
      seen.add(jobId);
      for (const listener of [...listeners]) this.safely(() => listener(jobId));
    }
  }
  startPolling() {
    if (this.pollTimer) return;
    this.pollTimer = setInterval(() => void this.pollCancellations(), this.options.pollIntervalMs);
    this.pollTimer.unref();
  }
  stopPolling() {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = void 0;
  }
  pollCancellations() {
    if (this.pollRun) {
      this.pollAgain = true;
      return this.pollRun;
    }
    if (this.cancelListeners.size === 0) return Promise.resolve();
    this.pollRun = this.pollOnce().finally(() => {
      this.pollRun = void 0;
      if (this.pollAgain && this.pollTimer) {
        this.pollAgain = false;
        void this.pollCancellations();
      }
    });
    return this.pollRun;
  }
  async pollOnce() {
    const workers = [...this.cancelListeners.keys()];
    const before = new Map([...this.delivered].map(([w, ids]) => [w, new Set(ids)]));
    try {
      const rows = await this.options.query(
        `SELECT id::text AS id, worker_id FROM ${this.options.names.job}
          WHERE state = 'Processing' AND cancel_requested AND worker_id = ANY ($1::text[])`,
        [workers]
      );
      const requested = /* @__PURE__ */ new Map();
      for (const row of rows) requested.set(row.worker_id, [...requested.get(row.worker_id) ?? [], row.id]);
      for (const [workerId, ids] of before) {
        const still = new Set(requested.get(workerId) ?? []);
        const seen = this.delivered.get(workerId);
        for (const id of ids) if (!still.has(id)) seen?.delete(id);
      }
      for (const [workerId, ids] of requested) this.deliver(workerId, ids);
    } catch (err) {
      this.options.logger.warn({ err }, "Polling cancellation requests failed");
    }
  }
  safely(fn) {
    try {
      fn();
    } catch (err) {
      this.options.logger.error({ err }, "A queue change listener threw");
    }
  }
};
function md5(value) {
  return createHash("md5").update(value).digest("hex");
}

// src/postgres/claimed-row.ts
var IMPLIED = [
  "state",
  "worker_id",
  "worker_host",
  "worker_pid",
  "cancel_requested",
  "updated_at"
];
var CLAIMED_COLUMNS = JOB_COLUMNS.filter(
  (column) => !IMPLIED.includes(column)
);
var AT = Object.fromEntries(CLAIMED_COLUMNS.map((column, index) => [column, index]));
function claimedJobColumns(alias) {
  return selectColumns(alias, CLAIMED_COLUMNS);
}
function claimedRowToJob(row, worker) {
  const at = (column) => row[AT[column]];
  const orUndefined = (column) => row[AT[column]] ?? void 0;
  const startedAt = toDate(at("started_at"));
  return {
    id: at("id"),
    type: at("type"),
    queue: at("queue"),
    params: at("params"),
    state: "Processing",
    priority: at("priority"),
    runAt: toDate(at("run_at")),
    attempts: at("attempts"),
    maxAttempts: at("max_attempts"),
    customerId: orUndefined("customer_id"),
    userId: orUndefined("user_id"),
    idempotencyKey: orUndefined("idempotency_key"),
    concurrencyKey: orUndefined("concurrency_key"),
    parentId: orUndefined("parent_id"),
    parents: parentsOf(orUndefined("parents"), orUndefined("parent_id")),
    timeoutMs: orUndefined("timeout_ms"),
    worker: { id: worker.id, host: worker.host, pid: worker.pid },
    leaseExpiresAt: optionalDate(at("lease_expires_at")),
    cancelRequested: false,
    progress: orUndefined("progress"),
    result: orUndefined("result"),
    errorInfo: orUndefined("error_info"),
    metadata: orUndefined("metadata"),
    createdAt: toDate(at("created_at")),
    updatedAt: new Date(startedAt.getTime()),
    startedAt,
    finishedAt: optionalDate(at("finished_at"))
  };
}

// src/postgres/complete-batch.ts
async function completeBatch(pool, statementName, text, batch) {
  const byWorker = /* @__PURE__ */ new Map();
  for (const c of batch) {
    const group = byWorker.get(c.workerId);
    if (group) group.push(c);
    else byWorker.set(c.workerId, [c]);
  }
  const done = /* @__PURE__ */ new Set();
  await Promise.all(
    [...byWorker].map(async ([workerId, group]) => {
      const ids = `{${group.map((c) => c.id).join(",")}}`;
      const results = `[${group.map((c) => c.result).join(",")}]`;
      const { rows } = await rerunOnDeadlock(
        () => pool.query({ name: statementName, text, values: [ids, workerId, results] })
      );
      for (const row of rows) done.add(row.id);
    })
  );
  return batch.map((c) => done.has(c.id));
}

// src/postgres/count-sql.ts
import {
  JOB_STATES as JOB_STATES3,
  TERMINAL_STATES as TERMINAL_STATES2
} from "@hangar/core";
var LIVE_ARMS = `(j.state IN ('Enqueued', 'Scheduled') OR j.state = 'Processing' OR j.state = 'Awaiting')`;
var stateOrder = (state) => JOB_STATES3.indexOf(state);
var PostgresJobCounts = class {
  constructor(rows, n, settings) {
    this.rows = rows;
    this.n = n;
    this.settings = settings;
  }
  rows;
  n;
  settings;
  finished = /* @__PURE__ */ new Map();
  /** Counts for one customer, or all jobs. */
  async count(filter = {}) {
    const customerId = filter.customerId;
    const [live, oldest, finished] = await Promise.all([
      this.liveCounts(customerId),
      this.oldestWaiting(customerId),
      this.cachedFinished(customerId)
    ]);
    const counts = [...live, ...finished.counts].sort(
      (a, b) => compareText(a.queue, b.queue) || stateOrder(a.state) - stateOrder(b.state)
    );
    return { counts, oldestWaiting: oldest, finishedCountedAt: finished.at };
  }
  cachedFinished(customerId) {
    const key = customerId === void 0 ? "" : `=${customerId}`;
    const cached = this.finished.get(key);
    if (cached) return cached;
    const counting = this.finishedCounts(customerId);
    this.finished.set(key, counting);
    const forget = () => {
      if (this.finished.get(key) === counting) this.finished.delete(key);
    };
    counting.then(() => setTimeout(forget, this.settings.cacheMs).unref(), forget);
    return counting;
  }
  async liveCounts(customerId) {
    const rows = await this.rows(
      `SELECT j.queue, j.state, count(*)::integer AS n FROM ${this.n.job} j
        WHERE ${customerId === void 0 ? LIVE_ARMS : `j.customer_id = $1 AND j.state IN (${LIVE_STATES})`}
        GROUP BY j.queue, j.state`,
      customerId === void 0 ? [] : [customerId]
    );
    return rows.map((r) => ({ queue: r.queue, state: r.state, count: r.n, estimated: false }));
  }
  async oldestWaiting(customerId) {
    const rows = await this.rows(
      `SELECT DISTINCT ON (j.queue) j.queue, j.id::text AS id, j.created_at FROM ${this.n.job} j
        WHERE j.state = 'Enqueued' ${customerId === void 0 ? "" : "AND j.customer_id = $1"}
        ORDER BY j.queue, j.id`,
      customerId === void 0 ? [] : [customerId]
    );
    return rows.map((r) => ({ queue: r.queue, jobId: r.id, createdAt: new Date(r.created_at) })).sort((a, b) => compareText(a.queue, b.queue));
  }
  async finishedCounts(customerId) {
    const at = /* @__PURE__ */ new Date();
    const perState = await Promise.all(TERMINAL_STATES2.map((state) => this.stateCounts(customerId, state)));
    return { counts: perState.flat(), at };
  }
  /** One finished state: exact up to the limit, else estimated per queue. */
  async stateCounts(customerId, state) {
    const limit = this.settings.exactLimit;
    const where = `j.state = '${state}'${customerId === void 0 ? "" : " AND j.customer_id = $2"}`;
    const values = customerId === void 0 ? [limit] : [limit, customerId];
    const read = await this.rows(
      `SELECT s.queue, count(*)::integer AS n
         FROM (SELECT j.queue FROM ${this.n.job} j WHERE ${where} LIMIT $1) s
        GROUP BY s.queue`,
      values
    );
    const total = read.reduce((sum, r) => sum + r.n, 0);
    if (total < limit) return read.map((r) => ({ queue: r.queue, state, count: r.n, estimated: false }));
    return Promise.all(
      read.map(async (r) => {
        const planned = await this.plannedRows(`${where} AND j.queue = $1`, [r.queue, ...values.slice(1)]);
        return { queue: r.queue, state, count: Math.max(planned, r.n), estimated: true };
      })
    );
  }
  /** The planner's estimate of the rows matching `where` (no row is read). */
  async plannedRows(where, values) {
    const [row] = await this.rows(
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${this.n.job} j WHERE ${where}`,
      values
    );
    return Math.round(row?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0);
  }
};
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/postgres/enqueue-jobs.ts
import { JobNotFoundError as JobNotFoundError2 } from "@hangar/core";

// src/postgres/enqueue-sql.ts
import { JobNotFoundError } from "@hangar/core";
import { requestParents } from "@hangar/core/adapter";
function toEnqueueInputs(requests) {
  return requests.map((r, ord) => {
    const parents = requestParents(r).map((p) => {
      const id = parseJobId(p.id);
      if (id === void 0) throw new JobNotFoundError(p.id);
      return { id, on: p.on };
    });
    return {
      ord,
      type: r.type,
      queue: r.queue,
      // JSON has no undefined: keep "no params" as JSON null rather than dropping the key.
      params: r.params === void 0 ? null : r.params,
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
      metadata: r.metadata ?? null
    };
  });
}
function insertJobsSql(n) {
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
           FILTER (WHERE pa.state IN ${ENDED} AND NOT ${conditionHoldsSql("e.condition", "pa.state")}))[1] AS unmet
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
         CASE WHEN s.state = 'Cancelled' THEN ${parentUnmetErrorSql("p.unmet->>0", "p.unmet->>1", "p.unmet->>2")} END,
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
  SELECT ${notifyStatesOf(n, "inserted", "e")} AS sent FROM inserted
)
SELECT p.ord, ${jobColumns("ins")}
  FROM inserted ins JOIN prepared p ON p.id = ins.id CROSS JOIN noted`;
}
function existingJobsSql(n) {
  return `
SELECT k.ord, ${jobColumns("j")}
  FROM jsonb_to_recordset($1::jsonb) AS k(ord integer, customer_id text, idempotency_key text)
  JOIN ${n.job} j ON COALESCE(j.customer_id, '') = COALESCE(k.customer_id, '')
                 AND j.idempotency_key = k.idempotency_key`;
}

// src/postgres/enqueue-jobs.ts
async function enqueueJobs(query, names, insertSql, requests, client) {
  const inputs = toEnqueueInputs(requests);
  let inserted;
  try {
    inserted = await query(insertSql, [JSON.stringify(inputs)], client, "enqueue");
  } catch (err) {
    if (sqlState(err) === PARENT_NOT_FOUND_SQLSTATE) throw new JobNotFoundError2(parentIdOf(err));
    throw err;
  }
  const results = new Array(requests.length);
  for (const row of inserted) results[row.ord] = { id: row.id, created: true, job: rowToJob(row) };
  const missing = inputs.filter((input) => results[input.ord] === void 0);
  if (missing.length > 0) {
    const keys = missing.map((m) => ({
      ord: m.ord,
      customer_id: m.customer_id,
      idempotency_key: m.idempotency_key
    }));
    const existing = await query(
      existingJobsSql(names),
      [JSON.stringify(keys)],
      client
    );
    for (const row of existing) results[row.ord] = { id: row.id, created: false, job: rowToJob(row) };
  }
  return results.map((result, ord) => {
    if (!result) throw new Error(`Job ${ord} of the batch was neither inserted nor found; retry the call`);
    return result;
  });
}
function parentIdOf(err) {
  const message = err instanceof Error ? err.message : "";
  return /parent job (\d+)/.exec(message)?.[1] ?? "unknown";
}

// src/postgres/job-sql.ts
var RECOVER_BATCH = 1e3;
var leaseExpiredInfo = `jsonb_build_array(jsonb_build_object(
  'code', 'LEASE_EXPIRED', 'key', 'hangar.error.leaseExpired',
  'params', jsonb_build_object('jobId', j.id::text), 'severity', 'error'))`;
function jobSql(n) {
  const held = `j.id = $1 AND j.state = 'Processing' AND j.worker_id = $2`;
  const bump = "change_seq = j.change_seq + 1";
  const published = (update, before = "") => `
      WITH ${before}changed AS (${update}
        RETURNING j.id, j.queue, j.state
      ), noted AS (SELECT ${notifyStatesOf(n, "changed")} AS sent FROM changed)
      SELECT changed.id::text AS id FROM changed CROSS JOIN noted`;
  return {
    /** `$1` id, `$2` customer or null. */
    get: `SELECT ${jobColumns("j")} FROM ${n.job} j WHERE j.id = $1 AND ($2::text IS NULL OR j.customer_id = $2)`,
    /**
     * `$1` worker, `$2` ids, `$3` lease ms; returns the ids still held. A heartbeat never waits
     * for a row lock (SKIP LOCKED), so it can never be one side of a deadlock with a batch of
     * completions: a row locked right now is being completed, cancelled or logged to, and is
     * reported as held from the statement's snapshot; its lease is extended by the next beat.
     */
    heartbeat: `
      WITH locked AS (
        SELECT id FROM ${n.job}
         WHERE id = ANY ($2::bigint[]) AND state = 'Processing' AND worker_id = $1
           FOR UPDATE SKIP LOCKED
      ), extended AS (
        UPDATE ${n.job} j SET lease_expires_at = now() + $3 * interval '1 millisecond'
          FROM locked
         WHERE j.id = locked.id
        RETURNING j.id
      )
      SELECT id::text AS id FROM extended
      UNION ALL
      SELECT j.id::text FROM ${n.job} j
       WHERE j.id = ANY ($2::bigint[]) AND j.state = 'Processing' AND j.worker_id = $1
         AND j.id NOT IN (SELECT id FROM locked)`,
    /**
     * `$1` ids, `$2` the worker that must still hold them, `$3` their results as one JSON array
     * (element i for id i: no array-literal escaping of every result): many completions in one
     * statement (one commit, one notification). The ids returned are the jobs completed. No explicit row locks in id order: the only other
     * statements that lock several Processing rows are heartbeats and lease recovery, and both
     * skip locked rows instead of waiting, so no lock cycle can form (locking first cost a fifth
     * of the statement).
     */
    completeMany: published(`
        UPDATE ${n.job} j SET state = 'Succeeded', result = i.result, lease_expires_at = NULL,
               finished_at = now(), updated_at = now(), ${bump}
          FROM (SELECT c.id, $3::jsonb -> (c.n - 1)::integer AS result
                  FROM unnest($1::bigint[]) WITH ORDINALITY AS c(id, n)) AS i
         WHERE j.id = i.id AND j.state = 'Processing' AND j.worker_id = $2`),
    /**
     * `$1` id, `$2` worker, `$3` errorInfo, `$4` retry time or null. A retry of a job whose
     * cancellation was requested would run it against the user's wish: it ends Cancelled.
     */
    fail: published(`
        UPDATE ${n.job} j SET
               state = CASE WHEN $4::timestamptz IS NULL THEN 'Failed'
                            WHEN j.cancel_requested THEN 'Cancelled' ELSE 'Scheduled' END,
               run_at = COALESCE($4::timestamptz, j.run_at),
               finished_at = CASE WHEN $4::timestamptz IS NULL OR j.cancel_requested THEN now() END,
               error_info = $3::jsonb, lease_expires_at = NULL, updated_at = now(), ${bump}
         WHERE ${held}`),
    /** `$1` id, `$2` worker, `$3` result. */
    markCancelled: published(`
        UPDATE ${n.job} j SET state = 'Cancelled', result = $3::jsonb, lease_expires_at = NULL,
               finished_at = now(), updated_at = now(), ${bump}
         WHERE ${held}`),
    /** `$1` id, `$2` worker. Gives the attempt back; a cancel-requested job ends Cancelled. */
    release: published(`
        UPDATE ${n.job} j SET
               state = CASE WHEN j.cancel_requested THEN 'Cancelled' ELSE 'Enqueued' END,
               attempts = CASE WHEN j.cancel_requested THEN j.attempts ELSE j.attempts - 1 END,
               finished_at = CASE WHEN j.cancel_requested THEN now() END,
               lease_expires_at = NULL, updated_at = now(), ${bump}
         WHERE ${held}`),
    /**
     * `$1` batch size. SKIP LOCKED lets several runners recover at once without waiting on
     * each other; a job whose worker is completing it right now is left to that worker.
     */
    recover: published(
      `
        UPDATE ${n.job} j SET
               state = CASE WHEN j.cancel_requested THEN 'Cancelled'
                            WHEN j.attempts < j.max_attempts THEN 'Enqueued' ELSE 'Failed' END,
               finished_at = CASE WHEN j.cancel_requested OR j.attempts >= j.max_attempts THEN now() END,
               error_info = CASE WHEN j.cancel_requested THEN j.error_info ELSE ${leaseExpiredInfo} END,
               lease_expires_at = NULL, updated_at = now(), ${bump}
          FROM expired
         WHERE j.id = expired.id`,
      `expired AS (
        SELECT id FROM ${n.job}
         WHERE state = 'Processing' AND lease_expires_at < now()
         ORDER BY lease_expires_at LIMIT $1
           FOR UPDATE SKIP LOCKED
      ), `
    ),
    /**
     * `$1` id, `$2` customer or null. Not started: Cancelled now, and published. Running:
     * flagged, and its worker notified the first time. Returns the new state; no row means
     * finished or unknown.
     */
    requestCancel: `
      WITH target AS (
        SELECT id, state, cancel_requested FROM ${n.job}
         WHERE id = $1 AND ($2::text IS NULL OR customer_id = $2)
           AND state IN (${CANCELLABLE_STATES})
           FOR UPDATE
      ), changed AS (
        UPDATE ${n.job} j SET
               state = CASE WHEN j.state = 'Processing' THEN j.state ELSE 'Cancelled' END,
               cancel_requested = (j.state = 'Processing'),
               finished_at = CASE WHEN j.state = 'Processing' THEN NULL ELSE now() END,
               updated_at = now(), ${bump}
          FROM target
         WHERE j.id = target.id
        RETURNING j.id, j.queue, j.state, j.worker_id, target.cancel_requested AS was_requested
      ), noted AS (
        SELECT ${n.q}.notify_states(
                 array_agg(changed.id) FILTER (WHERE changed.state = 'Cancelled'),
                 array_agg(changed.queue) FILTER (WHERE changed.state = 'Cancelled'),
                 array_agg(changed.state) FILTER (WHERE changed.state = 'Cancelled'))
             + ${n.q}.notify_cancels(
                 array_agg(changed.id) FILTER (WHERE changed.state = 'Processing' AND NOT changed.was_requested),
                 array_agg(changed.worker_id) FILTER (WHERE changed.state = 'Processing' AND NOT changed.was_requested)) AS sent
          FROM changed
      )
      SELECT changed.state FROM changed CROSS JOIN noted`,
    /** `$1` id, `$2` customer or null: whether the job exists for this caller. */
    exists: `SELECT 1 FROM ${n.job} j WHERE j.id = $1 AND ($2::text IS NULL OR j.customer_id = $2)`,
    /**
     * `$1` id, `$2` entries, `$3` their count, `$4` latest progress or null. The counter on the
     * job row numbers the entries: its row lock orders concurrent appends to one job.
     */
    appendLog: `
      WITH entry AS (
        SELECT * FROM jsonb_to_recordset($2::jsonb)
          AS e(ord integer, at timestamptz, level text, message jsonb, current float8, total float8)
      ), counter AS (
        UPDATE ${n.job} SET log_seq = log_seq + $3, progress = COALESCE($4::jsonb, progress), updated_at = now()
         WHERE id = $1
        RETURNING log_seq
      )
      INSERT INTO ${n.jobLog} (job_id, seq, at, level, message, current, total)
      SELECT $1, c.log_seq - $3 + e.ord, e.at, e.level, e.message, e.current, e.total
        FROM entry e CROSS JOIN counter c`,
    /** `$1` id, `$2` after seq. */
    getLog: `
      SELECT seq, at, level, message, current, total FROM ${n.jobLog}
       WHERE job_id = $1 AND seq > $2 ORDER BY seq`,
    /**
     * `$1..$3` ages in ms of Succeeded, Failed, Cancelled; `$4` batch size. The bounded
     * sub-select keeps each call short so cleanup never holds up the hot path.
     */
    cleanup: `
      DELETE FROM ${n.job} WHERE id IN (
        (SELECT id FROM ${n.job} WHERE state = 'Succeeded' AND finished_at < now() - $1 * interval '1 millisecond')
        UNION ALL
        (SELECT id FROM ${n.job} WHERE state = 'Failed' AND finished_at < now() - $2 * interval '1 millisecond')
        UNION ALL
        (SELECT id FROM ${n.job} WHERE state = 'Cancelled' AND finished_at < now() - $3 * interval '1 millisecond')
        LIMIT $4)`
  };
}

// src/postgres/list-sql.ts
import { ConfigurationError as ConfigurationError3, isTerminalState, JOB_STATES as JOB_STATES4 } from "@hangar/core";
import { listPageSize } from "@hangar/core/adapter";
function listJobsQuery(n, filter) {
  const values = [];
  const where = [];
  const bind = (value) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (filter.customerId !== void 0) where.push(`j.customer_id = ${bind(filter.customerId)}`);
  if (filter.userId !== void 0) where.push(`j.user_id = ${bind(filter.userId)}`);
  if (filter.types !== void 0) where.push(`j.type = ANY (${bind([...filter.types])}::text[])`);
  if (filter.queue !== void 0) where.push(`j.queue = ${bind(filter.queue)}`);
  let arms = ["true"];
  if (filter.parentId !== void 0) {
    const parentId = parseJobId(filter.parentId);
    if (parentId === void 0) where.push("false");
    else arms = parentArms(bind(parentId));
  }
  if (filter.metadata !== void 0)
    where.push(`j.metadata @> ${bind(JSON.stringify(filter.metadata))}::jsonb`);
  if (filter.cursor !== void 0) where.push(`j.id < ${bind(decodeCursor(filter.cursor))}::bigint`);
  const limit = listPageSize(filter.limit);
  const cut = bind(limit + 1);
  const states = JOB_STATES4.filter((s) => filter.states === void 0 || filter.states.includes(s));
  const branch = (stateCondition, arm = "true") => `SELECT j.id FROM ${n.job} j WHERE ${[...where, arm, stateCondition].join(" AND ")} ORDER BY j.id DESC LIMIT ${cut}`;
  const branches = [];
  if (states.length === 0) {
    branches.push(branch("false"));
  } else if (filter.customerId === void 0 || filter.parentId !== void 0) {
    const condition = states.length === JOB_STATES4.length ? "true" : `j.state IN (${sqlStateList(states)})`;
    for (const arm of arms) branches.push(branch(condition, arm));
  } else {
    const live = states.filter((s) => !isTerminalState(s));
    if (live.length > 0) branches.push(branch(`j.state IN (${sqlStateList(live)})`));
    for (const state of states.filter((s) => isTerminalState(s)))
      branches.push(branch(`j.state = '${state}'`));
  }
  const text = `
    SELECT ${jobColumns("j")} FROM ${n.job} j
    JOIN (SELECT u.id FROM (${branches.map((b) => `(${b})`).join(" UNION ALL ")}) u ORDER BY u.id DESC LIMIT ${cut}) page
      ON j.id = page.id
    ORDER BY j.id DESC`;
  return { text, values, limit };
}
function parentArms(parent) {
  return [
    `j.parent_id = ${parent}::bigint`,
    `j.parent_id IS DISTINCT FROM ${parent}::bigint AND jsonb_array_length(j.parents) > 1
       AND j.parents @> jsonb_build_array(jsonb_build_object('id', ${parent}::text))`
  ];
}
function encodeCursor(lastId) {
  return Buffer.from(JSON.stringify({ v: 1, id: lastId })).toString("base64url");
}
function decodeCursor(cursor) {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const id = typeof value === "object" && value !== null ? value.id : void 0;
    if (typeof id === "string" && /^[0-9]{1,19}$/.test(id)) return id;
  } catch {
  }
  throw new ConfigurationError3("cursor", "pass the `nextCursor` of the previous page unchanged");
}

// src/postgres/lock-sql.ts
function lockSql(n) {
  return {
    /**
     * `$1` name, `$2` owner, `$3` ttl ms. Takes the lock if free, expired or already ours; the
     * upsert's row lock makes concurrent takers of an expired lock see each other's result.
     */
    acquire: `
      INSERT INTO ${n.lock} AS l (name, owner, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
      ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
       WHERE l.expires_at <= now() OR l.owner = EXCLUDED.owner
      RETURNING l.owner`,
    /** `$1` name, `$2` owner, `$3` ttl ms. Only the owner extends; nobody else has taken it. */
    extend: `UPDATE ${n.lock} SET expires_at = now() + $3 * interval '1 millisecond' WHERE name = $1 AND owner = $2`,
    /** `$1` name, `$2` owner. */
    release: `DELETE FROM ${n.lock} WHERE name = $1 AND owner = $2`
  };
}

// src/postgres/log-input.ts
function toLogInputs(entries) {
  return entries.map((e, i) => ({
    ord: i + 1,
    at: e.at.toISOString(),
    level: e.level,
    message: e.message,
    current: e.current ?? null,
    total: e.total ?? null
  }));
}
function latestProgress(entries) {
  const latest = [...entries].reverse().find((e) => e.level === "progress");
  if (!latest) return null;
  const snapshot = { message: latest.message };
  if (latest.current !== void 0) snapshot.current = latest.current;
  if (latest.total !== void 0) snapshot.total = latest.total;
  return snapshot;
}

// src/postgres/operator-calls.ts
import { checkRetryRequest } from "@hangar/core/adapter";

// src/postgres/retry-delete-sql.ts
import { MAX_ATTEMPTS_CAP } from "@hangar/core/adapter";
function retryDeleteSql(n) {
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
      ), noted AS (SELECT ${notifyStatesOf(n, "changed")} AS sent FROM changed)
      SELECT ${jobColumns("changed")} FROM changed CROSS JOIN noted`,
    /** `$1` id, `$2` customer or null. The log goes with the job (ON DELETE CASCADE). */
    delete: `
      DELETE FROM ${n.job} j
       WHERE ${visible} AND j.state IN ('Succeeded', 'Failed', 'Cancelled')
      RETURNING j.id`,
    /** `$1` id, `$2` customer or null: the state of a job this caller may see. */
    state: `SELECT j.state FROM ${n.job} j WHERE ${visible}`
  };
}
async function retryPostgresJob(rows, sql, jobId, request) {
  const id = parseJobId(jobId);
  if (id === void 0) return { outcome: "not-found" };
  const customer = request.customerId ?? null;
  const [row] = await rows(sql.retry, [id, customer, request.attempts]);
  if (row) return { outcome: "retried", job: rowToJob(row) };
  const [current] = await rows(sql.state, [id, customer]);
  return current ? { outcome: "not-retryable", state: current.state } : { outcome: "not-found" };
}
async function deletePostgresJob(rows, sql, jobId, customerId) {
  const id = parseJobId(jobId);
  if (id === void 0) return "not-found";
  const customer = customerId ?? null;
  if ((await rows(sql.delete, [id, customer])).length > 0) return "deleted";
  return (await rows(sql.state, [id, customer])).length > 0 ? "not-finished" : "not-found";
}

// src/postgres/operator-calls.ts
function postgresOperatorCalls(rows, names) {
  const sql = retryDeleteSql(names);
  const runners = new PostgresRunners(rows, names);
  return {
    retryJob: async (jobId, request) => {
      checkRetryRequest(request);
      return retryPostgresJob(rows, sql, jobId, request);
    },
    deleteJob: (jobId, options) => deletePostgresJob(rows, sql, jobId, options?.customerId),
    advertiseRunner: (info, ttlMs) => runners.advertise(info, ttlMs),
    withdrawRunner: (id) => runners.withdraw(id),
    listRunners: () => runners.list(),
    queueDepths: () => runners.queueDepths()
  };
}

// src/postgres/timestamp-parser.ts
var TIMESTAMPTZ_OID = 1184;
var pgTypes = () => requireDriver("pg", "PostgresQueue (@hangar/runner/postgres)").types;
var defaultParser = (text) => pgTypes().getTypeParser(TIMESTAMPTZ_OID, "text")(text);
var digit = (text, at) => text.charCodeAt(at) - 48;
var two = (text, at) => digit(text, at) * 10 + digit(text, at + 1);
function parseTimestamptz(text) {
  const n = text.length;
  if (n < 22 || text.charCodeAt(4) !== 45 || text.charCodeAt(10) !== 32 || text.charCodeAt(n - 1) === 67) {
    return defaultParser(text);
  }
  let at = 19;
  let ms = 0;
  if (text.charCodeAt(at) === 46) {
    at += 1;
    let scale = 100;
    while (at < n) {
      const d = digit(text, at);
      if (d < 0 || d > 9) break;
      ms += d * scale;
      scale /= 10;
      at += 1;
    }
    ms = Math.floor(ms);
  }
  const sign = text.charCodeAt(at);
  if (sign !== 43 && sign !== 45 || n - at < 3) return defaultParser(text);
  let offsetSeconds = two(text, at + 1) * 3600;
  if (n - at >= 6) offsetSeconds += two(text, at + 4) * 60;
  if (n - at >= 9) offsetSeconds += two(text, at + 7);
  const year = digit(text, 0) * 1e3 + digit(text, 1) * 100 + two(text, 2);
  if (year < 100) return defaultParser(text);
  const utc = Date.UTC(year, two(text, 5) - 1, two(text, 8), two(text, 11), two(text, 14), two(text, 17), ms);
  const value = utc - (sign === 43 ? 1 : -1) * offsetSeconds * 1e3;
  return Number.isNaN(value) ? defaultParser(text) : new Date(value);
}
var queueTypes = {
  getTypeParser: ((oid, format) => oid === TIMESTAMPTZ_OID && format !== "binary" ? parseTimestamptz : pgTypes().getTypeParser(oid, format ?? "text"))
};

// src/postgres/queue-pool.ts
function openQueuePool(options) {
  if (options.pool) return { pool: options.pool, owned: false };
  const { Pool } = requireDriver("pg", "PostgresQueue (@hangar/runner/postgres)");
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.poolSize,
    application_name: options.applicationName,
    types: queueTypes,
    // A queue's statements are short and many. With a million rows in `job`, the planner's cost
    // estimates pass `jit_above_cost` and every single enqueue compiled itself first: 698 ms
    // against 11 ms for the same statement without JIT (`EXPLAIN ANALYZE`, 1,000,000 finished
    // jobs). A connection string's own `options` still win.
    options: "-c jit=off"
  });
  pool.on("error", (err) => options.logger.warn({ err }, "Idle PostgreSQL connection lost"));
  return { pool, owned: true };
}

// src/postgres/schedule-sql.ts
var COLUMNS2 = "name, cron, timezone, type, params, options, paused, next_run_at, last_run_at";
function scheduleSql(n) {
  return {
    /** `$1..$9` the columns in `COLUMNS` order. */
    save: `
      INSERT INTO ${n.schedule} (${COLUMNS2}) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9)
      ON CONFLICT (name) DO UPDATE SET
        cron = EXCLUDED.cron, timezone = EXCLUDED.timezone, type = EXCLUDED.type, params = EXCLUDED.params,
        options = EXCLUDED.options, paused = EXCLUDED.paused, next_run_at = EXCLUDED.next_run_at,
        last_run_at = EXCLUDED.last_run_at, updated_at = now()`,
    /** `$1` name. */
    get: `SELECT ${COLUMNS2} FROM ${n.schedule} WHERE name = $1`,
    /** All, by name in byte order so every runner lists them alike whatever its collation. */
    list: `SELECT ${COLUMNS2} FROM ${n.schedule} ORDER BY name COLLATE "C"`,
    /** `$1` name. */
    delete: `DELETE FROM ${n.schedule} WHERE name = $1`,
    /**
     * `$1` name, `$2` expected next run, `$3` new next run, `$4` fired at. Compare-and-set: the
     * row lock makes every other runner re-check `next_run_at` after the winner commits.
     */
    advance: `
      UPDATE ${n.schedule} SET next_run_at = $3, last_run_at = $4, updated_at = now()
       WHERE name = $1 AND next_run_at = $2`
  };
}
function scheduleValues(s) {
  return [
    s.name,
    s.cron,
    s.timezone,
    s.type,
    JSON.stringify(s.params ?? null),
    JSON.stringify(s.options ?? {}),
    s.paused,
    s.nextRunAt,
    s.lastRunAt
  ];
}
function rowToSchedule(row) {
  return {
    name: row.name,
    cron: row.cron,
    timezone: row.timezone,
    type: row.type,
    params: row.params,
    options: row.options,
    paused: row.paused,
    nextRunAt: optionalDate(row.next_run_at) ?? null,
    lastRunAt: optionalDate(row.last_run_at) ?? null
  };
}

// src/postgres/schema-names.ts
function schemaNames(schema) {
  const q = `"${schema}"`;
  return {
    schema,
    q,
    job: `${q}.job`,
    jobParent: `${q}.job_parent`,
    jobLog: `${q}.job_log`,
    lock: `${q}.lock`,
    schedule: `${q}.schedule`,
    migration: `${q}.migration`,
    runner: `${q}.runner`,
    eventTrigger: `${q}.event_trigger`,
    channel: `hangar_${schema}`
  };
}

// src/postgres/postgres-queue.ts
var UNIQUE_VIOLATION = "23505";
var CLAIM_ATTEMPTS = 3;
var PostgresQueue = class _PostgresQueue extends OperatorCallsBase {
  /** Adapter name for logs. */
  name = "postgres";
  options;
  pool;
  ownsPool;
  names;
  sql;
  operatorCalls;
  triggerStore;
  locks;
  schedules;
  hub;
  counts;
  insertSql;
  migrated;
  closed = false;
  /**
   * Completions coalesced into batch statements, sent once the current turn of the event loop
   * is over; two statements on their way keep both the database and this process busy. A job
   * completed twice waits for the next statement, so only its first completion succeeds.
   */
  completions = new CallBatcher({
    send: (batch) => this.sendCompletions(batch),
    maxBatch: 500,
    maxInFlight: 2,
    defer: setImmediate,
    key: (c) => c.id
  });
  /** Validates the options (throwing `ConfigurationError`); connects lazily. */
  constructor(options) {
    super();
    this.options = resolvePostgresQueueOptions(options);
    this.names = schemaNames(this.options.schema);
    this.sql = jobSql(this.names);
    this.operatorCalls = postgresOperatorCalls((text, values) => this.rows(text, values), this.names);
    this.triggerStore = postgresTriggers((text, values) => this.rows(text, values), this.names);
    this.locks = lockSql(this.names);
    this.schedules = scheduleSql(this.names);
    this.insertSql = insertJobsSql(this.names);
    this.counts = new PostgresJobCounts((text, values) => this.rows(text, values), this.names, {
      cacheMs: this.options.countCacheMs,
      exactLimit: this.options.exactCountLimit
    });
    const { pool, owned } = openQueuePool(this.options);
    this.pool = pool;
    this.ownsPool = owned;
    this.hub = new ChangeHub({
      pool: this.pool,
      names: this.names,
      pollIntervalMs: this.options.pollIntervalMs,
      reconnectDelayMs: this.options.reconnectDelayMs,
      maxReconnectDelayMs: this.options.maxReconnectDelayMs,
      logger: this.options.logger,
      query: (text, values) => this.rows(text, values)
    });
  }
  /** Creates a queue and migrates its schema before returning it. */
  static async connect(options) {
    const queue = new _PostgresQueue(options);
    try {
      await queue.migrate();
    } catch (err) {
      await queue.close();
      throw err;
    }
    return queue;
  }
  /** Creates or upgrades the schema; safe to run from many processes at once. Returns versions applied. */
  async migrate() {
    this.assertOpen();
    const applied = await runMigrations(this.pool, this.names);
    this.migrated = Promise.resolve();
    return applied;
  }
  async enqueue(request, options) {
    const [result] = await this.enqueueMany([request], options);
    if (!result) throw new Error("enqueue returned no result");
    return result;
  }
  async enqueueMany(requests, options) {
    options?.signal?.throwIfAborted();
    if (requests.length === 0) return [];
    checkEnqueueRequests(requests);
    const client = transactionClient(options?.transaction) ?? this.pool;
    return enqueueJobs(
      (text, values, on, name) => this.rows(text, values, on, name),
      this.names,
      this.insertSql,
      requests,
      client
    );
  }
  async claim(request) {
    checkClaimRequest(request);
    if (request.queues.length === 0 || request.types.length === 0) return [];
    const { worker } = request;
    const text = `SELECT ${claimedJobColumns("c")} FROM ${this.names.q}.claim($1, $2, $3, $4::text[], $5::text[], $6, $7, $8) c`;
    const values = [
      worker.id,
      worker.host,
      worker.pid,
      [...request.queues],
      [...request.types],
      request.limit,
      request.leaseMs,
      request.maxPerCustomer ?? null
    ];
    for (let attempt = 1; ; attempt++) {
      try {
        this.assertOpen();
        await this.ready();
        const result = await this.pool.query({
          name: `${this.names.schema}.claim`,
          text,
          values,
          rowMode: "array"
        });
        return result.rows.map((row) => claimedRowToJob(row, worker)).sort(compareClaimOrder);
      } catch (err) {
        if (sqlState(err) !== UNIQUE_VIOLATION || attempt >= CLAIM_ATTEMPTS) throw err;
      }
    }
  }
  async heartbeat(workerId, jobIds, leaseMs) {
    checkPositiveInteger("leaseMs", leaseMs);
    const ids = jobIds.map(parseJobId).filter((id) => id !== void 0);
    if (ids.length === 0) return [];
    const rows = await this.rows(
      this.sql.heartbeat,
      [workerId, ids, leaseMs],
      this.pool,
      "heartbeat"
    );
    const held = new Set(rows.map((r) => r.id));
    return jobIds.filter((id) => held.has(parseJobId(id) ?? ""));
  }
  async complete(jobId, workerId, result) {
    const id = parseJobId(jobId);
    if (id === void 0) return false;
    this.assertOpen();
    return this.completions.add({ id, workerId, result: JSON.stringify(result) });
  }
  fail(jobId, workerId, request) {
    return this.transition(this.sql.fail, jobId, workerId, [
      JSON.stringify(request.errorInfo),
      request.retryAt ?? null
    ]);
  }
  markCancelled(jobId, workerId, result) {
    return this.transition(this.sql.markCancelled, jobId, workerId, [JSON.stringify(result)]);
  }
  release(jobId, workerId) {
    return this.transition(this.sql.release, jobId, workerId, []);
  }
  async recoverExpiredLeases() {
    const rows = await this.rows(this.sql.recover, [RECOVER_BATCH]);
    return rows.map((r) => r.id).sort((a, b) => BigInt(a) < BigInt(b) ? -1 : 1);
  }
  async requestCancel(jobId, options) {
    const id = parseJobId(jobId);
    if (id === void 0) return "not-found";
    const customer = options?.customerId ?? null;
    const [row] = await this.rows(this.sql.requestCancel, [id, customer]);
    if (row) return row.state === "Processing" ? "requested" : "cancelled";
    const found = await this.rows(this.sql.exists, [id, customer]);
    return found.length > 0 ? "finished" : "not-found";
  }
  async onCancelRequest(workerId, listener) {
    this.assertOpen();
    await this.ready();
    return this.hub.onCancelRequest(workerId, listener);
  }
  async get(jobId, options) {
    const id = parseJobId(jobId);
    if (id === void 0) return void 0;
    const [row] = await this.rows(this.sql.get, [id, options?.customerId ?? null]);
    return row ? rowToJob(row) : void 0;
  }
  async list(filter = {}) {
    const query = listJobsQuery(this.names, filter);
    const rows = await this.rows(query.text, query.values);
    const items = rows.slice(0, query.limit).map(rowToJob);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : void 0 };
  }
  /** Per queue and state: live jobs exactly, finished ones up to `exactCountLimit`, then estimated. */
  countJobs(filter) {
    return this.counts.count(filter);
  }
  async appendLog(jobId, entries) {
    if (entries.length === 0) return;
    const id = parseJobId(jobId);
    if (id === void 0) throw new JobNotFoundError3(jobId);
    const progress = latestProgress(entries);
    const inserted = await this.exec(this.sql.appendLog, [
      id,
      JSON.stringify(toLogInputs(entries)),
      entries.length,
      progress && JSON.stringify(progress)
    ]);
    if (inserted === 0) throw new JobNotFoundError3(jobId);
  }
  async getLog(jobId, options) {
    const id = parseJobId(jobId);
    if (id === void 0) return [];
    const rows = await this.rows(this.sql.getLog, [id, options?.afterSeq ?? 0]);
    return rows.map(toLogEntry).filter((e) => e !== void 0);
  }
  async acquireLock(name, owner, ttlMs) {
    return (await this.rows(this.locks.acquire, [name, owner, lockTtlMs(ttlMs)])).length === 1;
  }
  async extendLock(name, owner, ttlMs) {
    return await this.exec(this.locks.extend, [name, owner, lockTtlMs(ttlMs)]) === 1;
  }
  async releaseLock(name, owner) {
    return await this.exec(this.locks.release, [name, owner]) === 1;
  }
  async saveSchedule(schedule) {
    await this.exec(this.schedules.save, scheduleValues(schedule));
  }
  async getSchedule(name) {
    const [row] = await this.rows(this.schedules.get, [name]);
    return row ? rowToSchedule(row) : void 0;
  }
  async listSchedules() {
    return (await this.rows(this.schedules.list, [])).map(rowToSchedule);
  }
  async deleteSchedule(name) {
    return await this.exec(this.schedules.delete, [name]) === 1;
  }
  async advanceSchedule(name, expected, next, firedAt) {
    return await this.exec(this.schedules.advance, [name, expected, next, firedAt]) === 1;
  }
  async cleanup(policy) {
    const batch = checkRetentionPolicy(policy);
    return this.exec(this.sql.cleanup, [policy.succeededMs, policy.failedMs, policy.cancelledMs, batch]);
  }
  async subscribe(listener, options) {
    this.assertOpen();
    await this.ready();
    return this.hub.subscribe(listener, options?.wakeUpsOnly === true);
  }
  /** Stops listening and polling, and ends the pool if the queue created it. */
  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.completions.drain();
    await this.hub.close();
    await Promise.allSettled([this.migrated]);
    if (this.ownsPool) await this.pool.end();
  }
  /** Not through `rows`: completions accepted before `close()` are still sent. */
  async sendCompletions(batch) {
    await this.ready();
    return completeBatch(this.pool, `${this.names.schema}.complete`, this.sql.completeMany, batch);
  }
  async transition(text, jobId, workerId, extra) {
    const id = parseJobId(jobId);
    if (id === void 0) return false;
    return await this.exec(text, [id, workerId, ...extra]) === 1;
  }
  ready() {
    if (!this.options.autoMigrate) return Promise.resolve();
    if (!this.migrated) {
      this.migrated = runMigrations(this.pool, this.names).then(
        () => void 0,
        (err) => {
          this.migrated = void 0;
          throw err;
        }
      );
    }
    return this.migrated;
  }
  /**
   * Runs a query; with `name` (hot statements only, on the queue's pool) as a named prepared
   * statement, which each connection parses and plans once.
   */
  async rows(text, values, client = this.pool, name) {
    this.assertOpen();
    await this.ready();
    if (client !== this.pool) return queryRows(client, text, values);
    return rerunOnDeadlock(async () => {
      if (name === void 0) return queryRows(client, text, values);
      const result = await this.pool.query({ name: `${this.names.schema}.${name}`, text, values });
      return result.rows;
    });
  }
  async exec(text, values) {
    this.assertOpen();
    await this.ready();
    return rerunOnDeadlock(() => execute(this.pool, text, values));
  }
  assertOpen() {
    if (this.closed) throw new Error(`PostgresQueue on schema "${this.names.schema}" is closed`);
  }
};
export {
  LATEST_SCHEMA_VERSION,
  POSTGRES_QUEUE_DEFAULTS,
  PostgresQueue
};
//# sourceMappingURL=index.js.map