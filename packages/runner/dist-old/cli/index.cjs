"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res) => function __init() {
  return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// ../../node_modules/tsup/assets/cjs_shims.js
var getImportMetaUrl, importMetaUrl;
var init_cjs_shims = __esm({
  "../../node_modules/tsup/assets/cjs_shims.js"() {
    "use strict";
    getImportMetaUrl = () => typeof document === "undefined" ? new URL(`file:${__filename}`).href : document.currentScript && document.currentScript.tagName.toUpperCase() === "SCRIPT" ? document.currentScript.src : new URL("main.js", document.baseURI).href;
    importMetaUrl = /* @__PURE__ */ getImportMetaUrl();
  }
});

// src/drivers/optional-driver.ts
function requireDriver(driver, feature) {
  if (loaded.has(driver)) return loaded.get(driver);
  try {
    const module2 = requireFromRunner(driver);
    loaded.set(driver, module2);
    return module2;
  } catch (cause) {
    const missing = cause?.code === "MODULE_NOT_FOUND" && String(cause.message).includes(`'${driver}'`);
    throw missing ? new import_core10.DriverNotInstalledError(driver, feature, cause) : cause;
  }
}
var import_node_module, import_core10, requireFromRunner, loaded;
var init_optional_driver = __esm({
  "src/drivers/optional-driver.ts"() {
    "use strict";
    init_cjs_shims();
    import_node_module = require("module");
    import_core10 = require("@hangar/core");
    requireFromRunner = (0, import_node_module.createRequire)(importMetaUrl);
    loaded = /* @__PURE__ */ new Map();
  }
});

// src/operator-calls/trigger-calls-base.ts
var TriggerCallsBase;
var init_trigger_calls_base = __esm({
  "src/operator-calls/trigger-calls-base.ts"() {
    "use strict";
    init_cjs_shims();
    TriggerCallsBase = class {
      saveTrigger(trigger2) {
        return this.triggerStore.saveTrigger(trigger2);
      }
      getTrigger(name) {
        return this.triggerStore.getTrigger(name);
      }
      listTriggers() {
        return this.triggerStore.listTriggers();
      }
      deleteTrigger(name) {
        return this.triggerStore.deleteTrigger(name);
      }
      advanceTrigger(name, expected, next, firedAt) {
        return this.triggerStore.advanceTrigger(name, expected, next, firedAt);
      }
      listFinishedJobs(query) {
        return this.triggerStore.listFinishedJobs(query);
      }
    };
  }
});

// src/postgres/state-sql.ts
function sqlStateList(states) {
  return states.map((state) => `'${state}'`).join(", ");
}
var import_core55, CLAIMABLE_STATES, CANCELLABLE_STATES, FINISHED_STATES, LIVE_STATES;
var init_state_sql = __esm({
  "src/postgres/state-sql.ts"() {
    "use strict";
    init_cjs_shims();
    import_core55 = require("@hangar/core");
    CLAIMABLE_STATES = sqlStateList((0, import_core55.statesLeadingTo)("Processing"));
    CANCELLABLE_STATES = sqlStateList((0, import_core55.statesLeadingTo)("Cancelled"));
    FINISHED_STATES = sqlStateList(import_core55.TERMINAL_STATES);
    LIVE_STATES = sqlStateList(import_core55.JOB_STATES.filter((state) => !import_core55.TERMINAL_STATES.includes(state)));
  }
});

// src/postgres/trigger-sql-v4.ts
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
var IDS_PER_NOTIFY, MAX_NAME_IN_PAYLOAD, TERMINAL;
var init_trigger_sql_v4 = __esm({
  "src/postgres/trigger-sql-v4.ts"() {
    "use strict";
    init_cjs_shims();
    init_state_sql();
    IDS_PER_NOTIFY = 100;
    MAX_NAME_IN_PAYLOAD = 200;
    TERMINAL = `(${FINISHED_STATES})`;
  }
});

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
var ASYNC_COMMIT;
var init_claim_sql = __esm({
  "src/postgres/claim-sql.ts"() {
    "use strict";
    init_cjs_shims();
    init_state_sql();
    init_trigger_sql_v4();
    ASYNC_COMMIT = `  PERFORM set_config('synchronous_commit', 'off', true);
`;
  }
});

// src/postgres/job-id.ts
function parseJobId(id) {
  if (typeof id !== "string" || !/^[0-9]{1,19}$/.test(id)) return void 0;
  const value = BigInt(id);
  return value > 0n && value <= MAX_BIGINT ? value.toString() : void 0;
}
var MAX_BIGINT;
var init_job_id = __esm({
  "src/postgres/job-id.ts"() {
    "use strict";
    init_cjs_shims();
    MAX_BIGINT = 9223372036854775807n;
  }
});

// src/postgres/job-row.ts
function selectColumns(alias, columns) {
  return columns.map((column) => {
    const cast = CASTS[column];
    return cast ? `${alias}.${column}${cast} AS ${column}` : `${alias}.${column}`;
  }).join(", ");
}
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
var CASTS, JOB_COLUMNS;
var init_job_row = __esm({
  "src/postgres/job-row.ts"() {
    "use strict";
    init_cjs_shims();
    CASTS = {
      id: "::text",
      parent_id: "::text",
      timeout_ms: "::float8"
    };
    JOB_COLUMNS = [
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
  }
});

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
    saveTrigger: async (trigger2) => {
      await rows(
        `INSERT INTO ${t} (name, event, job, paused, since, cursor_at, cursor_job_id, last_fired_at)
         VALUES ($1, $2::jsonb, $3::jsonb, $4, $5, $6, $7::bigint, $8)
         ON CONFLICT (name) DO UPDATE SET
           event = EXCLUDED.event, job = EXCLUDED.job, paused = EXCLUDED.paused, since = EXCLUDED.since,
           cursor_at = EXCLUDED.cursor_at, cursor_job_id = EXCLUDED.cursor_job_id,
           last_fired_at = EXCLUDED.last_fired_at, updated_at = now()`,
        [
          trigger2.name,
          JSON.stringify(trigger2.on),
          JSON.stringify(trigger2.job),
          trigger2.paused,
          trigger2.since,
          trigger2.cursor.at,
          cursorId(trigger2.cursor),
          trigger2.lastFiredAt
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
      const limit = (0, import_adapter10.checkFinishedJobsQuery)(query);
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
var import_adapter10, COLUMNS;
var init_event_trigger_sql = __esm({
  "src/postgres/event-trigger-sql.ts"() {
    "use strict";
    init_cjs_shims();
    import_adapter10 = require("@hangar/core/adapter");
    init_job_id();
    init_job_row();
    COLUMNS = "name, event, job, paused, since, cursor_at, cursor_job_id::text AS cursor_job_id, last_fired_at";
  }
});

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
var init_list_index_sql = __esm({
  "src/postgres/list-index-sql.ts"() {
    "use strict";
    init_cjs_shims();
    init_state_sql();
  }
});

// src/postgres/parents-sql.ts
function conditionHoldsSql(condition, state) {
  const cases = Object.keys(import_core56.PARENT_CONDITION_STATES).map((c) => `WHEN '${c}' THEN ${state} IN (${sqlStateList(import_core56.PARENT_CONDITION_STATES[c])})`).join(" ");
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
  condition text NOT NULL CHECK (condition IN (${CONDITIONS2})),
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
function otherParentsIndexSql(n) {
  return `
CREATE INDEX job_other_parents_idx ON ${n.job} USING gin (parents jsonb_path_ops)
  WHERE jsonb_array_length(parents) > 1;
`;
}
var import_core56, CONDITIONS2, ENDED2;
var init_parents_sql = __esm({
  "src/postgres/parents-sql.ts"() {
    "use strict";
    init_cjs_shims();
    import_core56 = require("@hangar/core");
    init_state_sql();
    init_trigger_sql_v4();
    CONDITIONS2 = Object.keys(import_core56.PARENT_CONDITION_STATES).map((c) => `'${c}'`).join(", ");
    ENDED2 = `(${FINISHED_STATES})`;
  }
});

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
var PostgresRunners;
var init_runner_sql = __esm({
  "src/postgres/runner-sql.ts"() {
    "use strict";
    init_cjs_shims();
    PostgresRunners = class {
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
  }
});

// src/postgres/schema-sql.ts
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
var STATES;
var init_schema_sql = __esm({
  "src/postgres/schema-sql.ts"() {
    "use strict";
    init_cjs_shims();
    STATES = `'Scheduled','Awaiting','Enqueued','Processing','Succeeded','Failed','Cancelled'`;
  }
});

// src/postgres/trigger-sql.ts
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
var PARENT_NOT_FOUND_SQLSTATE, IDS_PER_NOTIFY2, MAX_NAME_IN_PAYLOAD2;
var init_trigger_sql = __esm({
  "src/postgres/trigger-sql.ts"() {
    "use strict";
    init_cjs_shims();
    PARENT_NOT_FOUND_SQLSTATE = "HG404";
    IDS_PER_NOTIFY2 = 100;
    MAX_NAME_IN_PAYLOAD2 = 200;
  }
});

// src/postgres/trigger-sql-v3.ts
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
var IDS_PER_NOTIFY3, MAX_NAME_IN_PAYLOAD3;
var init_trigger_sql_v3 = __esm({
  "src/postgres/trigger-sql-v3.ts"() {
    "use strict";
    init_cjs_shims();
    init_trigger_sql();
    IDS_PER_NOTIFY3 = 100;
    MAX_NAME_IN_PAYLOAD3 = 200;
  }
});

// src/postgres/migrations.ts
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
var MIGRATIONS, LATEST_SCHEMA_VERSION;
var init_migrations = __esm({
  "src/postgres/migrations.ts"() {
    "use strict";
    init_cjs_shims();
    init_claim_sql();
    init_event_trigger_sql();
    init_list_index_sql();
    init_parents_sql();
    init_runner_sql();
    init_schema_sql();
    init_trigger_sql();
    init_trigger_sql_v3();
    init_trigger_sql_v4();
    MIGRATIONS = [
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
    LATEST_SCHEMA_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
  }
});

// src/postgres/options.ts
function resolvePostgresQueueOptions(options) {
  if (typeof options !== "object" || options === null) {
    throw new import_core57.ConfigurationError("options", "pass an object with `connectionString` or `pool`");
  }
  const { connectionString, pool } = options;
  if (connectionString === void 0 && pool === void 0) {
    throw new import_core57.ConfigurationError(
      "connectionString",
      "give a connection string or an existing pg.Pool as `pool`"
    );
  }
  if (connectionString !== void 0 && pool !== void 0) {
    throw new import_core57.ConfigurationError("pool", "give either `connectionString` or `pool`, not both");
  }
  if (connectionString !== void 0 && (typeof connectionString !== "string" || connectionString.trim() === "")) {
    throw new import_core57.ConfigurationError(
      "connectionString",
      "must be a non-empty string such as postgres://user@host/db"
    );
  }
  if (pool !== void 0 && (typeof pool !== "object" || pool === null || typeof pool.connect !== "function")) {
    throw new import_core57.ConfigurationError("pool", "must be a pg.Pool instance");
  }
  const schema = options.schema ?? POSTGRES_QUEUE_DEFAULTS.schema;
  if (typeof schema !== "string" || !SCHEMA_PATTERN.test(schema)) {
    throw new import_core57.ConfigurationError(
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
    logger: options.logger ?? import_core57.silentLogger
  };
  if (typeof resolved.autoMigrate !== "boolean") {
    throw new import_core57.ConfigurationError("autoMigrate", "must be true or false");
  }
  if (typeof resolved.applicationName !== "string") {
    throw new import_core57.ConfigurationError("applicationName", "must be a string");
  }
  if (resolved.maxReconnectDelayMs < resolved.reconnectDelayMs) {
    throw new import_core57.ConfigurationError("maxReconnectDelayMs", "must be at least `reconnectDelayMs`");
  }
  return resolved;
}
function integerOption(name, value, fallback, min) {
  if (value === void 0) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new import_core57.ConfigurationError(name, `must be an integer of at least ${min}, got ${String(value)}`);
  }
  return value;
}
var import_core57, POSTGRES_QUEUE_DEFAULTS, SCHEMA_PATTERN;
var init_options = __esm({
  "src/postgres/options.ts"() {
    "use strict";
    init_cjs_shims();
    import_core57 = require("@hangar/core");
    POSTGRES_QUEUE_DEFAULTS = {
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
    SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,47}$/;
  }
});

// src/operator-calls/operator-calls.ts
var OperatorCallsBase;
var init_operator_calls = __esm({
  "src/operator-calls/operator-calls.ts"() {
    "use strict";
    init_cjs_shims();
    init_trigger_calls_base();
    OperatorCallsBase = class extends TriggerCallsBase {
      retryJob(jobId, request) {
        return this.operatorCalls.retryJob(jobId, request);
      }
      deleteJob(jobId, options) {
        return this.operatorCalls.deleteJob(jobId, options);
      }
      advertiseRunner(info, ttlMs) {
        return this.operatorCalls.advertiseRunner(info, ttlMs);
      }
      withdrawRunner(id) {
        return this.operatorCalls.withdrawRunner(id);
      }
      listRunners() {
        return this.operatorCalls.listRunners();
      }
      queueDepths() {
        return this.operatorCalls.queueDepths();
      }
    };
  }
});

// src/postgres/sql-client.ts
function isSqlClient(value) {
  return typeof value === "object" && value !== null && typeof value.query === "function";
}
async function queryRows(client, text4, values = []) {
  const result = await client.query(text4, values);
  return result.rows;
}
async function execute(client, text4, values = []) {
  const result = await client.query(text4, values);
  return result.rowCount ?? 0;
}
function sqlState(err) {
  const code = typeof err === "object" && err !== null ? err.code : void 0;
  return typeof code === "string" ? code : void 0;
}
async function rerunOnDeadlock(statement) {
  for (let run = 0; ; run += 1) {
    try {
      return await statement();
    } catch (err) {
      if (sqlState(err) !== DEADLOCK || run >= DEADLOCK_RERUNS) throw err;
    }
  }
}
var DEADLOCK, DEADLOCK_RERUNS;
var init_sql_client = __esm({
  "src/postgres/sql-client.ts"() {
    "use strict";
    init_cjs_shims();
    DEADLOCK = "40P01";
    DEADLOCK_RERUNS = 3;
  }
});

// src/postgres/argument-checks.ts
function transactionClient(transaction) {
  if (transaction === void 0) return void 0;
  if (isSqlClient(transaction)) return transaction;
  throw new import_core58.ConfigurationError(
    "transaction",
    "must be the pg.Client or pg.PoolClient of an open transaction (an object with query(text, values))"
  );
}
var import_core58;
var init_argument_checks = __esm({
  "src/postgres/argument-checks.ts"() {
    "use strict";
    init_cjs_shims();
    import_core58 = require("@hangar/core");
    init_sql_client();
  }
});

// src/postgres/listen-connection.ts
var ListenConnection;
var init_listen_connection = __esm({
  "src/postgres/listen-connection.ts"() {
    "use strict";
    init_cjs_shims();
    ListenConnection = class {
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
  }
});

// src/postgres/notification.ts
function parseNotification(payload, wakeUpsOnly = false) {
  let value;
  try {
    value = JSON.parse(payload);
  } catch {
    return void 0;
  }
  if (!isObject2(value)) return void 0;
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
  if (!isObject2(value)) return void 0;
  const { seq, at, level, message, current, total } = value;
  if (typeof seq !== "number" || typeof level !== "string" || !LEVELS2.has(level) || !isObject2(message)) {
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
function isObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var import_core59, STATES2, LEVELS2;
var init_notification = __esm({
  "src/postgres/notification.ts"() {
    "use strict";
    init_cjs_shims();
    import_core59 = require("@hangar/core");
    STATES2 = new Set(import_core59.JOB_STATES);
    LEVELS2 = /* @__PURE__ */ new Set(["progress", "info", "warning", "error"]);
  }
});

// src/postgres/change-hub.ts
function md5(value) {
  return (0, import_node_crypto8.createHash)("md5").update(value).digest("hex");
}
var import_node_crypto8, import_core60, ChangeHub;
var init_change_hub = __esm({
  "src/postgres/change-hub.ts"() {
    "use strict";
    init_cjs_shims();
    import_node_crypto8 = require("crypto");
    import_core60 = require("@hangar/core");
    init_listen_connection();
    init_notification();
    ChangeHub = class {
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
        const remove4 = () => {
          if (!this.listeners.has(listener)) return;
          if (this.listeners.get(listener) === false) this.fullListeners -= 1;
          this.listeners.delete(listener);
        };
        remove4();
        this.listeners.set(listener, wakeUpsOnly);
        if (!wakeUpsOnly) this.fullListeners += 1;
        try {
          await this.connection.start();
        } catch (err) {
          remove4();
          throw err;
        }
        return remove4;
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
        const remove4 = () => {
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
          remove4();
          throw err;
        }
        this.startPolling();
        return remove4;
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
          const wakeUp = (0, import_core60.isWakeUp)(change);
          for (const [listener, wakeUpsOnly] of listeners) {
            if (wakeUpsOnly && !wakeUp) continue;
            try {
              listener(change);
            } catch (err) {
              this.options.logger.error({ err }, "A queue change listener threw");
            }
          }
        }
        const cancel2 = parsed.cancel;
        if (!cancel2) return;
        const workerId = cancel2.workerId ?? (cancel2.workerHash ? this.workerByHash.get(cancel2.workerHash) : void 0);
        if (workerId !== void 0) this.deliver(workerId, cancel2.jobIds);
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
  }
});

// src/postgres/claimed-row.ts
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
var IMPLIED, CLAIMED_COLUMNS, AT;
var init_claimed_row = __esm({
  "src/postgres/claimed-row.ts"() {
    "use strict";
    init_cjs_shims();
    init_job_row();
    IMPLIED = [
      "state",
      "worker_id",
      "worker_host",
      "worker_pid",
      "cancel_requested",
      "updated_at"
    ];
    CLAIMED_COLUMNS = JOB_COLUMNS.filter(
      (column) => !IMPLIED.includes(column)
    );
    AT = Object.fromEntries(CLAIMED_COLUMNS.map((column, index) => [column, index]));
  }
});

// src/postgres/complete-batch.ts
async function completeBatch(pool, statementName, text4, batch) {
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
        () => pool.query({ name: statementName, text: text4, values: [ids, workerId, results] })
      );
      for (const row of rows) done.add(row.id);
    })
  );
  return batch.map((c) => done.has(c.id));
}
var init_complete_batch = __esm({
  "src/postgres/complete-batch.ts"() {
    "use strict";
    init_cjs_shims();
    init_sql_client();
  }
});

// src/postgres/count-sql.ts
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
var import_core61, LIVE_ARMS, stateOrder, PostgresJobCounts;
var init_count_sql = __esm({
  "src/postgres/count-sql.ts"() {
    "use strict";
    init_cjs_shims();
    import_core61 = require("@hangar/core");
    init_state_sql();
    LIVE_ARMS = `(j.state IN ('Enqueued', 'Scheduled') OR j.state = 'Processing' OR j.state = 'Awaiting')`;
    stateOrder = (state) => import_core61.JOB_STATES.indexOf(state);
    PostgresJobCounts = class {
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
        const customerId2 = filter.customerId;
        const [live, oldest, finished] = await Promise.all([
          this.liveCounts(customerId2),
          this.oldestWaiting(customerId2),
          this.cachedFinished(customerId2)
        ]);
        const counts = [...live, ...finished.counts].sort(
          (a, b) => compareText(a.queue, b.queue) || stateOrder(a.state) - stateOrder(b.state)
        );
        return { counts, oldestWaiting: oldest, finishedCountedAt: finished.at };
      }
      cachedFinished(customerId2) {
        const key = customerId2 === void 0 ? "" : `=${customerId2}`;
        const cached2 = this.finished.get(key);
        if (cached2) return cached2;
        const counting = this.finishedCounts(customerId2);
        this.finished.set(key, counting);
        const forget = () => {
          if (this.finished.get(key) === counting) this.finished.delete(key);
        };
        counting.then(() => setTimeout(forget, this.settings.cacheMs).unref(), forget);
        return counting;
      }
      async liveCounts(customerId2) {
        const rows = await this.rows(
          `SELECT j.queue, j.state, count(*)::integer AS n FROM ${this.n.job} j
        WHERE ${customerId2 === void 0 ? LIVE_ARMS : `j.customer_id = $1 AND j.state IN (${LIVE_STATES})`}
        GROUP BY j.queue, j.state`,
          customerId2 === void 0 ? [] : [customerId2]
        );
        return rows.map((r) => ({ queue: r.queue, state: r.state, count: r.n, estimated: false }));
      }
      async oldestWaiting(customerId2) {
        const rows = await this.rows(
          `SELECT DISTINCT ON (j.queue) j.queue, j.id::text AS id, j.created_at FROM ${this.n.job} j
        WHERE j.state = 'Enqueued' ${customerId2 === void 0 ? "" : "AND j.customer_id = $1"}
        ORDER BY j.queue, j.id`,
          customerId2 === void 0 ? [] : [customerId2]
        );
        return rows.map((r) => ({ queue: r.queue, jobId: r.id, createdAt: new Date(r.created_at) })).sort((a, b) => compareText(a.queue, b.queue));
      }
      async finishedCounts(customerId2) {
        const at = /* @__PURE__ */ new Date();
        const perState = await Promise.all(import_core61.TERMINAL_STATES.map((state) => this.stateCounts(customerId2, state)));
        return { counts: perState.flat(), at };
      }
      /** One finished state: exact up to the limit, else estimated per queue. */
      async stateCounts(customerId2, state) {
        const limit = this.settings.exactLimit;
        const where = `j.state = '${state}'${customerId2 === void 0 ? "" : " AND j.customer_id = $2"}`;
        const values = customerId2 === void 0 ? [limit] : [limit, customerId2];
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
  }
});

// src/postgres/enqueue-sql.ts
function toEnqueueInputs(requests) {
  return requests.map((r, ord) => {
    const parents = (0, import_adapter11.requestParents)(r).map((p) => {
      const id = parseJobId(p.id);
      if (id === void 0) throw new import_core62.JobNotFoundError(p.id);
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
         count(*) FILTER (WHERE pa.state NOT IN ${ENDED2})::integer AS pending,
         (array_agg(jsonb_build_array(e.parent_id::text, pa.state, e.condition) ORDER BY e.n)
           FILTER (WHERE pa.state IN ${ENDED2} AND NOT ${conditionHoldsSql("e.condition", "pa.state")}))[1] AS unmet
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
   WHERE ins.state = 'Awaiting' AND pa.state NOT IN ${ENDED2}
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
var import_core62, import_adapter11;
var init_enqueue_sql = __esm({
  "src/postgres/enqueue-sql.ts"() {
    "use strict";
    init_cjs_shims();
    import_core62 = require("@hangar/core");
    import_adapter11 = require("@hangar/core/adapter");
    init_job_id();
    init_job_row();
    init_parents_sql();
    init_trigger_sql_v4();
  }
});

// src/postgres/enqueue-jobs.ts
async function enqueueJobs(query, names, insertSql, requests, client) {
  const inputs = toEnqueueInputs(requests);
  let inserted;
  try {
    inserted = await query(insertSql, [JSON.stringify(inputs)], client, "enqueue");
  } catch (err) {
    if (sqlState(err) === PARENT_NOT_FOUND_SQLSTATE) throw new import_core63.JobNotFoundError(parentIdOf(err));
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
var import_core63;
var init_enqueue_jobs = __esm({
  "src/postgres/enqueue-jobs.ts"() {
    "use strict";
    init_cjs_shims();
    import_core63 = require("@hangar/core");
    init_enqueue_sql();
    init_job_row();
    init_sql_client();
    init_trigger_sql();
  }
});

// src/postgres/job-sql.ts
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
var RECOVER_BATCH, leaseExpiredInfo;
var init_job_sql = __esm({
  "src/postgres/job-sql.ts"() {
    "use strict";
    init_cjs_shims();
    init_job_row();
    init_state_sql();
    init_trigger_sql_v4();
    RECOVER_BATCH = 1e3;
    leaseExpiredInfo = `jsonb_build_array(jsonb_build_object(
  'code', 'LEASE_EXPIRED', 'key', 'hangar.error.leaseExpired',
  'params', jsonb_build_object('jobId', j.id::text), 'severity', 'error'))`;
  }
});

// src/postgres/list-sql.ts
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
  if (filter.cursor !== void 0) where.push(`j.id < ${bind(decodeCursor2(filter.cursor))}::bigint`);
  const limit = (0, import_adapter12.listPageSize)(filter.limit);
  const cut = bind(limit + 1);
  const states = import_core64.JOB_STATES.filter((s) => filter.states === void 0 || filter.states.includes(s));
  const branch = (stateCondition, arm = "true") => `SELECT j.id FROM ${n.job} j WHERE ${[...where, arm, stateCondition].join(" AND ")} ORDER BY j.id DESC LIMIT ${cut}`;
  const branches = [];
  if (states.length === 0) {
    branches.push(branch("false"));
  } else if (filter.customerId === void 0 || filter.parentId !== void 0) {
    const condition = states.length === import_core64.JOB_STATES.length ? "true" : `j.state IN (${sqlStateList(states)})`;
    for (const arm of arms) branches.push(branch(condition, arm));
  } else {
    const live = states.filter((s) => !(0, import_core64.isTerminalState)(s));
    if (live.length > 0) branches.push(branch(`j.state IN (${sqlStateList(live)})`));
    for (const state of states.filter((s) => (0, import_core64.isTerminalState)(s)))
      branches.push(branch(`j.state = '${state}'`));
  }
  const text4 = `
    SELECT ${jobColumns("j")} FROM ${n.job} j
    JOIN (SELECT u.id FROM (${branches.map((b) => `(${b})`).join(" UNION ALL ")}) u ORDER BY u.id DESC LIMIT ${cut}) page
      ON j.id = page.id
    ORDER BY j.id DESC`;
  return { text: text4, values, limit };
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
function decodeCursor2(cursor) {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const id = typeof value === "object" && value !== null ? value.id : void 0;
    if (typeof id === "string" && /^[0-9]{1,19}$/.test(id)) return id;
  } catch {
  }
  throw new import_core64.ConfigurationError("cursor", "pass the `nextCursor` of the previous page unchanged");
}
var import_core64, import_adapter12;
var init_list_sql = __esm({
  "src/postgres/list-sql.ts"() {
    "use strict";
    init_cjs_shims();
    import_core64 = require("@hangar/core");
    import_adapter12 = require("@hangar/core/adapter");
    init_job_id();
    init_job_row();
    init_state_sql();
  }
});

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
var init_lock_sql = __esm({
  "src/postgres/lock-sql.ts"() {
    "use strict";
    init_cjs_shims();
  }
});

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
var init_log_input = __esm({
  "src/postgres/log-input.ts"() {
    "use strict";
    init_cjs_shims();
  }
});

// src/postgres/retry-delete-sql.ts
function retryDeleteSql(n) {
  const visible2 = `j.id = $1 AND ($2::text IS NULL OR j.customer_id = $2)`;
  return {
    /** `$1` id, `$2` customer or null, `$3` attempts to add. Published like every state change. */
    retry: `
      WITH changed AS (
        UPDATE ${n.job} j SET state = 'Enqueued',
               max_attempts = LEAST(j.attempts::bigint + $3, ${import_adapter13.MAX_ATTEMPTS_CAP})::integer,
               run_at = now(), finished_at = NULL, result = NULL, cancel_requested = false,
               lease_expires_at = NULL, updated_at = now(), change_seq = j.change_seq + 1
         WHERE ${visible2} AND j.state IN ('Failed', 'Cancelled')
        RETURNING j.*
      ), noted AS (SELECT ${notifyStatesOf(n, "changed")} AS sent FROM changed)
      SELECT ${jobColumns("changed")} FROM changed CROSS JOIN noted`,
    /** `$1` id, `$2` customer or null. The log goes with the job (ON DELETE CASCADE). */
    delete: `
      DELETE FROM ${n.job} j
       WHERE ${visible2} AND j.state IN ('Succeeded', 'Failed', 'Cancelled')
      RETURNING j.id`,
    /** `$1` id, `$2` customer or null: the state of a job this caller may see. */
    state: `SELECT j.state FROM ${n.job} j WHERE ${visible2}`
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
async function deletePostgresJob(rows, sql, jobId, customerId2) {
  const id = parseJobId(jobId);
  if (id === void 0) return "not-found";
  const customer = customerId2 ?? null;
  if ((await rows(sql.delete, [id, customer])).length > 0) return "deleted";
  return (await rows(sql.state, [id, customer])).length > 0 ? "not-finished" : "not-found";
}
var import_adapter13;
var init_retry_delete_sql = __esm({
  "src/postgres/retry-delete-sql.ts"() {
    "use strict";
    init_cjs_shims();
    import_adapter13 = require("@hangar/core/adapter");
    init_job_id();
    init_job_row();
    init_trigger_sql_v4();
  }
});

// src/postgres/operator-calls.ts
function postgresOperatorCalls(rows, names) {
  const sql = retryDeleteSql(names);
  const runners = new PostgresRunners(rows, names);
  return {
    retryJob: async (jobId, request) => {
      (0, import_adapter14.checkRetryRequest)(request);
      return retryPostgresJob(rows, sql, jobId, request);
    },
    deleteJob: (jobId, options) => deletePostgresJob(rows, sql, jobId, options?.customerId),
    advertiseRunner: (info, ttlMs) => runners.advertise(info, ttlMs),
    withdrawRunner: (id) => runners.withdraw(id),
    listRunners: () => runners.list(),
    queueDepths: () => runners.queueDepths()
  };
}
var import_adapter14;
var init_operator_calls2 = __esm({
  "src/postgres/operator-calls.ts"() {
    "use strict";
    init_cjs_shims();
    import_adapter14 = require("@hangar/core/adapter");
    init_retry_delete_sql();
    init_runner_sql();
  }
});

// src/postgres/timestamp-parser.ts
function parseTimestamptz(text4) {
  const n = text4.length;
  if (n < 22 || text4.charCodeAt(4) !== 45 || text4.charCodeAt(10) !== 32 || text4.charCodeAt(n - 1) === 67) {
    return defaultParser(text4);
  }
  let at = 19;
  let ms2 = 0;
  if (text4.charCodeAt(at) === 46) {
    at += 1;
    let scale = 100;
    while (at < n) {
      const d = digit(text4, at);
      if (d < 0 || d > 9) break;
      ms2 += d * scale;
      scale /= 10;
      at += 1;
    }
    ms2 = Math.floor(ms2);
  }
  const sign = text4.charCodeAt(at);
  if (sign !== 43 && sign !== 45 || n - at < 3) return defaultParser(text4);
  let offsetSeconds = two(text4, at + 1) * 3600;
  if (n - at >= 6) offsetSeconds += two(text4, at + 4) * 60;
  if (n - at >= 9) offsetSeconds += two(text4, at + 7);
  const year = digit(text4, 0) * 1e3 + digit(text4, 1) * 100 + two(text4, 2);
  if (year < 100) return defaultParser(text4);
  const utc = Date.UTC(year, two(text4, 5) - 1, two(text4, 8), two(text4, 11), two(text4, 14), two(text4, 17), ms2);
  const value = utc - (sign === 43 ? 1 : -1) * offsetSeconds * 1e3;
  return Number.isNaN(value) ? defaultParser(text4) : new Date(value);
}
var TIMESTAMPTZ_OID, pgTypes, defaultParser, digit, two, queueTypes;
var init_timestamp_parser = __esm({
  "src/postgres/timestamp-parser.ts"() {
    "use strict";
    init_cjs_shims();
    init_optional_driver();
    TIMESTAMPTZ_OID = 1184;
    pgTypes = () => requireDriver("pg", "PostgresQueue (@hangar/runner/postgres)").types;
    defaultParser = (text4) => pgTypes().getTypeParser(TIMESTAMPTZ_OID, "text")(text4);
    digit = (text4, at) => text4.charCodeAt(at) - 48;
    two = (text4, at) => digit(text4, at) * 10 + digit(text4, at + 1);
    queueTypes = {
      getTypeParser: ((oid, format) => oid === TIMESTAMPTZ_OID && format !== "binary" ? parseTimestamptz : pgTypes().getTypeParser(oid, format ?? "text"))
    };
  }
});

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
var init_queue_pool = __esm({
  "src/postgres/queue-pool.ts"() {
    "use strict";
    init_cjs_shims();
    init_optional_driver();
    init_timestamp_parser();
  }
});

// src/postgres/schedule-sql.ts
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
var COLUMNS2;
var init_schedule_sql = __esm({
  "src/postgres/schedule-sql.ts"() {
    "use strict";
    init_cjs_shims();
    init_job_row();
    COLUMNS2 = "name, cron, timezone, type, params, options, paused, next_run_at, last_run_at";
  }
});

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
var init_schema_names = __esm({
  "src/postgres/schema-names.ts"() {
    "use strict";
    init_cjs_shims();
  }
});

// src/postgres/postgres-queue.ts
var import_core65, import_adapter15, UNIQUE_VIOLATION, CLAIM_ATTEMPTS, PostgresQueue;
var init_postgres_queue = __esm({
  "src/postgres/postgres-queue.ts"() {
    "use strict";
    init_cjs_shims();
    import_core65 = require("@hangar/core");
    import_adapter15 = require("@hangar/core/adapter");
    init_operator_calls();
    init_argument_checks();
    init_change_hub();
    init_claimed_row();
    init_complete_batch();
    init_count_sql();
    init_enqueue_jobs();
    init_enqueue_sql();
    init_event_trigger_sql();
    init_job_id();
    init_job_row();
    init_job_sql();
    init_list_sql();
    init_lock_sql();
    init_log_input();
    init_migrations();
    init_notification();
    init_operator_calls2();
    init_options();
    init_queue_pool();
    init_schedule_sql();
    init_schema_names();
    init_sql_client();
    UNIQUE_VIOLATION = "23505";
    CLAIM_ATTEMPTS = 3;
    PostgresQueue = class _PostgresQueue extends OperatorCallsBase {
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
      completions = new import_adapter15.CallBatcher({
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
        this.operatorCalls = postgresOperatorCalls((text4, values) => this.rows(text4, values), this.names);
        this.triggerStore = postgresTriggers((text4, values) => this.rows(text4, values), this.names);
        this.locks = lockSql(this.names);
        this.schedules = scheduleSql(this.names);
        this.insertSql = insertJobsSql(this.names);
        this.counts = new PostgresJobCounts((text4, values) => this.rows(text4, values), this.names, {
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
          query: (text4, values) => this.rows(text4, values)
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
        (0, import_adapter15.checkEnqueueRequests)(requests);
        const client = transactionClient(options?.transaction) ?? this.pool;
        return enqueueJobs(
          (text4, values, on, name) => this.rows(text4, values, on, name),
          this.names,
          this.insertSql,
          requests,
          client
        );
      }
      async claim(request) {
        (0, import_adapter15.checkClaimRequest)(request);
        if (request.queues.length === 0 || request.types.length === 0) return [];
        const { worker } = request;
        const text4 = `SELECT ${claimedJobColumns("c")} FROM ${this.names.q}.claim($1, $2, $3, $4::text[], $5::text[], $6, $7, $8) c`;
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
              text: text4,
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
        (0, import_adapter15.checkPositiveInteger)("leaseMs", leaseMs);
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
        if (id === void 0) throw new import_core65.JobNotFoundError(jobId);
        const progress = latestProgress(entries);
        const inserted = await this.exec(this.sql.appendLog, [
          id,
          JSON.stringify(toLogInputs(entries)),
          entries.length,
          progress && JSON.stringify(progress)
        ]);
        if (inserted === 0) throw new import_core65.JobNotFoundError(jobId);
      }
      async getLog(jobId, options) {
        const id = parseJobId(jobId);
        if (id === void 0) return [];
        const rows = await this.rows(this.sql.getLog, [id, options?.afterSeq ?? 0]);
        return rows.map(toLogEntry).filter((e) => e !== void 0);
      }
      async acquireLock(name, owner, ttlMs) {
        return (await this.rows(this.locks.acquire, [name, owner, (0, import_adapter15.lockTtlMs)(ttlMs)])).length === 1;
      }
      async extendLock(name, owner, ttlMs) {
        return await this.exec(this.locks.extend, [name, owner, (0, import_adapter15.lockTtlMs)(ttlMs)]) === 1;
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
        const batch = (0, import_adapter15.checkRetentionPolicy)(policy);
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
      async transition(text4, jobId, workerId, extra) {
        const id = parseJobId(jobId);
        if (id === void 0) return false;
        return await this.exec(text4, [id, workerId, ...extra]) === 1;
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
      async rows(text4, values, client = this.pool, name) {
        this.assertOpen();
        await this.ready();
        if (client !== this.pool) return queryRows(client, text4, values);
        return rerunOnDeadlock(async () => {
          if (name === void 0) return queryRows(client, text4, values);
          const result = await this.pool.query({ name: `${this.names.schema}.${name}`, text: text4, values });
          return result.rows;
        });
      }
      async exec(text4, values) {
        this.assertOpen();
        await this.ready();
        return rerunOnDeadlock(() => execute(this.pool, text4, values));
      }
      assertOpen() {
        if (this.closed) throw new Error(`PostgresQueue on schema "${this.names.schema}" is closed`);
      }
    };
  }
});

// src/postgres/index.ts
var postgres_exports = {};
__export(postgres_exports, {
  LATEST_SCHEMA_VERSION: () => LATEST_SCHEMA_VERSION,
  POSTGRES_QUEUE_DEFAULTS: () => POSTGRES_QUEUE_DEFAULTS,
  PostgresQueue: () => PostgresQueue
});
var init_postgres = __esm({
  "src/postgres/index.ts"() {
    "use strict";
    init_cjs_shims();
    init_migrations();
    init_options();
    init_postgres_queue();
  }
});

// src/redis/options.ts
function resolveRedisQueueOptions(options) {
  const resolved = { ...REDIS_QUEUE_DEFAULTS };
  for (const [name, value] of Object.entries(options)) {
    if (value !== void 0) Object.assign(resolved, { [name]: value });
  }
  validateConnection(resolved.connection);
  if (typeof resolved.prefix !== "string" || resolved.prefix.length === 0 || /[\s*?[\]]/.test(resolved.prefix)) {
    throw new import_core66.ConfigurationError(
      "prefix",
      `expected a non-empty key prefix without spaces or glob characters (* ? [ ]), got ${JSON.stringify(resolved.prefix)}`
    );
  }
  if (typeof resolved.connectionName !== "string" || !/^[!-~]+$/.test(resolved.connectionName)) {
    throw new import_core66.ConfigurationError(
      "connectionName",
      "expected printable ASCII characters without spaces (Redis rejects other client names)"
    );
  }
  for (const name of POSITIVE_INTEGERS) {
    const value = resolved[name];
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new import_core66.ConfigurationError(name, `expected a positive integer, got ${String(value)}`);
    }
  }
  if (!Number.isSafeInteger(resolved.claimWaitMs) || resolved.claimWaitMs < 0) {
    throw new import_core66.ConfigurationError(
      "claimWaitMs",
      `expected a whole number of ms, 0 or more, got ${String(resolved.claimWaitMs)}`
    );
  }
  if (typeof resolved.functions !== "boolean") {
    throw new import_core66.ConfigurationError("functions", `expected true or false, got ${String(resolved.functions)}`);
  }
  const logger = resolved.logger;
  if (typeof logger?.warn !== "function" || typeof logger.error !== "function") {
    throw new import_core66.ConfigurationError("logger", "expected a pino-compatible logger with warn and error methods");
  }
  return resolved;
}
function validateConnection(connection) {
  if (typeof connection === "string") {
    let protocol;
    try {
      protocol = new URL(connection).protocol;
    } catch {
      throw new import_core66.ConfigurationError(
        "connection",
        `"${connection}" is not a URL; use e.g. redis://127.0.0.1:6379`
      );
    }
    if (protocol !== "redis:" && protocol !== "rediss:") {
      throw new import_core66.ConfigurationError(
        "connection",
        `use a redis:// or rediss:// URL, got protocol "${protocol}"`
      );
    }
    return;
  }
  const client = connection;
  if (typeof client?.duplicate !== "function" || typeof client.defineCommand !== "function") {
    throw new import_core66.ConfigurationError("connection", "pass an ioredis `Redis` instance or a redis:// URL");
  }
}
var import_core66, REDIS_QUEUE_DEFAULTS, POSITIVE_INTEGERS;
var init_options2 = __esm({
  "src/redis/options.ts"() {
    "use strict";
    init_cjs_shims();
    import_core66 = require("@hangar/core");
    REDIS_QUEUE_DEFAULTS = {
      connection: "redis://127.0.0.1:6379",
      prefix: "hangar",
      connectionName: "hangar",
      promoteBatchSize: 1e3,
      claimScanLimit: 1e3,
      recoverBatchSize: 1e3,
      listScanLimit: 5e3,
      logger: import_core66.silentLogger,
      functions: true,
      claimWaitMs: 1e3
    };
    POSITIVE_INTEGERS = [
      "promoteBatchSize",
      "claimScanLimit",
      "recoverBatchSize",
      "listScanLimit"
    ];
  }
});

// src/redis/redis-keys.ts
function readyGroup(queue, type) {
  return `${queue.length}:${queue}:${type}`;
}
var RedisKeys, LUA_KEYS;
var init_redis_keys = __esm({
  "src/redis/redis-keys.ts"() {
    "use strict";
    init_cjs_shims();
    RedisKeys = class {
      /** `<prefix>:`, the start of every key; scripts get it as KEYS[1]. */
      base;
      constructor(prefix) {
        this.base = `${prefix}:`;
      }
      /** The job hash. */
      job(id) {
        return `${this.base}job:${id}`;
      }
      /** The job's log list. */
      log(id) {
        return `${this.base}log:${id}`;
      }
      /** The set of schedule names. */
      schedules() {
        return `${this.base}schedules`;
      }
      /** One schedule's hash. */
      schedule(name) {
        return `${this.base}schedule:${name}`;
      }
      /** Processing job ids by lease expiry. */
      leases() {
        return `${this.base}leases`;
      }
      /** The pending cancellations of a worker. */
      cancels(workerId) {
        return `${this.base}cancels:${workerId}`;
      }
      /** Pub/sub channel of job changes (channels ignore ioredis `keyPrefix`, so it is passed in). */
      changesChannel(keyPrefix) {
        return `${keyPrefix}${this.base}changes`;
      }
      /** Pub/sub channel of the wake-ups among job changes, also sent on `changesChannel`. */
      wakeChannel(keyPrefix) {
        return `${keyPrefix}${this.base}wake`;
      }
      /** Pub/sub channel on which enqueues hand jobs to the waiting claims of one queue instance. */
      pushChannel(keyPrefix, channel) {
        return `${keyPrefix}${this.base}push:${channel}`;
      }
      /** Pub/sub channel of cancellation requests. */
      cancelChannel(keyPrefix) {
        return `${keyPrefix}${this.base}cancel`;
      }
    };
    LUA_KEYS = `
local P
local function jobKey(id) return P .. 'job:' .. id end
local function logKey(id) return P .. 'log:' .. id end
local function childrenKey(id) return P .. 'children:' .. id end
local function idemField(cust, key) return #cust .. ':' .. cust .. ':' .. key end
-- park keys are stored relative to P on the job (zkey), so they are built without it here
local function parkKey(kind, owner, grp) return kind .. 'park:' .. #owner .. ':' .. owner .. ':' .. grp end
local function parkIndex(kind, owner) return P .. kind .. 'parks:' .. owner end
-- run-at and seq are decimal integer strings; padding them as strings avoids a number format
local ZEROS = '0000000000000000'
local function pad16(s)
  if string.byte(s, 1) == 45 then s = '0' end
  return string.sub(ZEROS, 1, 16 - #s) .. s
end
local function readyMember(runAt, seq, id) return pad16(runAt) .. ':' .. pad16(seq) .. ':' .. id end
local function memberId(m) return string.sub(m, 35) end
-- customer (absent: '-') and queue, length-prefixed so that no two pairs give one owner
local function countOwner(cust, queue)
  return (cust and (#cust .. ':' .. cust) or '-') .. '|' .. #queue .. ':' .. queue
end
`;
  }
});

// src/redis/job-codec.ts
function encodeNewJob(request) {
  const { type, queue, maxAttempts } = request;
  const priority2 = request.priority ?? 0;
  const typeJson = JSON.stringify(type);
  const queueJson = JSON.stringify(queue);
  let rec = `{"type":${typeJson},"queue":${queueJson},"priority":${priority2},"maxAttempts":${maxAttempts}`;
  const fields = ["type", type, "queue", queue, "grp", readyGroup(queue, type)];
  fields.push("priority", String(priority2), "maxAttempts", String(maxAttempts));
  if (request.runAt !== void 0) {
    fields.push("runAt", String(request.runAt.getTime()));
  }
  if (request.timeoutMs !== void 0) {
    const t = request.timeoutMs;
    rec += `,"timeoutMs":${Number.isFinite(t) ? t : JSON.stringify(String(t))}`;
  }
  const paramsJson = JSON.stringify(request.params);
  if (paramsJson !== void 0) rec += `,"params":${paramsJson}`;
  if (request.metadata !== void 0) rec += `,"metadata":${JSON.stringify(request.metadata)}`;
  for (const name of OPTIONAL) {
    const value = request[name];
    if (value === void 0) continue;
    fields.push(name, value);
    rec += `,"${name}":${JSON.stringify(value)}`;
  }
  const parents = (0, import_adapter16.requestParents)(request);
  const [first] = parents;
  if (first !== void 0) {
    const parentsJson = JSON.stringify(parents);
    fields.push("parentId", first.id, "parents", parentsJson);
    rec += `,"parentId":${JSON.stringify(first.id)},"parents":${parentsJson}`;
  }
  fields.push("rec", `${rec}}`);
  return { fields, paramsJson };
}
function storedRecord(h) {
  if (h.rec !== void 0) return JSON.parse(h.rec);
  return {
    type: h.type ?? "",
    queue: h.queue ?? "",
    params: json2(h.params),
    priority: h.priority ?? "0",
    maxAttempts: h.maxAttempts ?? "1",
    customerId: h.customerId,
    userId: h.userId,
    idempotencyKey: h.idempotencyKey,
    concurrencyKey: h.concurrencyKey,
    parentId: h.parentId,
    timeoutMs: h.timeoutMs,
    metadata: json2(h.metadata)
  };
}
function recordFields(rec) {
  return {
    type: rec.type,
    queue: rec.queue,
    params: rec.params,
    priority: Number(rec.priority),
    maxAttempts: Number(rec.maxAttempts),
    customerId: rec.customerId,
    userId: rec.userId,
    idempotencyKey: rec.idempotencyKey,
    concurrencyKey: rec.concurrencyKey,
    parentId: rec.parentId,
    parents: rec.parents ?? (rec.parentId === void 0 ? [] : [{ id: rec.parentId, on: "success" }]),
    timeoutMs: rec.timeoutMs === void 0 ? void 0 : Number(rec.timeoutMs),
    metadata: rec.metadata
  };
}
function decodeJob(flat, id, lease) {
  const h = Array.isArray(flat) ? toRecord(flat) : flat;
  if (h.state === void 0) return void 0;
  const state = h.state;
  return {
    id,
    ...recordFields(storedRecord(h)),
    state,
    runAt: new Date(Number(h.runAt ?? 0)),
    attempts: Number(h.attempts ?? 0),
    worker: json2(h.worker),
    // a field of that name in the hash itself is a leftover of earlier versions
    leaseExpiresAt: state === "Processing" ? date(lease ?? h.leaseExpiresAt) : void 0,
    cancelRequested: h.cancelRequested === "1",
    progress: json2(h.progress),
    result: json2(h.result),
    errorInfo: json2(h.errorInfo),
    createdAt: new Date(Number(h.createdAt ?? 0)),
    // a new job's hash has no updatedAt of its own
    updatedAt: new Date(Number(h.updatedAt ?? h.createdAt ?? 0)),
    startedAt: date(h.startedAt),
    finishedAt: date(h.finishedAt)
  };
}
function toRecord(flat) {
  const out = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i]] = flat[i + 1];
  return out;
}
function json2(raw) {
  return raw === void 0 || raw === null || raw === "" ? void 0 : JSON.parse(raw);
}
function date(raw) {
  return raw === void 0 || raw === null || raw === "" ? void 0 : new Date(Number(raw));
}
var import_adapter16, OPTIONAL;
var init_job_codec = __esm({
  "src/redis/job-codec.ts"() {
    "use strict";
    init_cjs_shims();
    import_adapter16 = require("@hangar/core/adapter");
    init_redis_keys();
    OPTIONAL = ["customerId", "userId", "idempotencyKey", "concurrencyKey"];
  }
});

// src/redis/claim-reply.ts
function decodeClaimReply(reply, worker) {
  const lines = reply.split("\n");
  const now = Number(lines[0]);
  const lease = Number(lines[1]);
  const mark = lines[2] ?? "";
  const jobs = [];
  for (let i = 3; i + LINES_PER_JOB <= lines.length; i += LINES_PER_JOB) {
    const rec = JSON.parse(lines[i + 2]);
    jobs.push({
      id: lines[i],
      ...recordFields(rec),
      state: "Processing",
      runAt: new Date(Number(lines[i + 3])),
      attempts: Number(lines[i + 1] || 0) + 1,
      worker: { ...worker },
      leaseExpiresAt: new Date(lease),
      cancelRequested: false,
      progress: json2(lines[i + 5]),
      result: void 0,
      errorInfo: json2(lines[i + 6]),
      createdAt: new Date(Number(lines[i + 4])),
      updatedAt: new Date(now),
      startedAt: new Date(now),
      finishedAt: void 0
    });
  }
  if (!mark.startsWith("w")) return { jobs };
  return { jobs, waiting: { nextRunAt: mark.length > 1 ? Number(mark.slice(1)) : void 0, now } };
}
var LINES_PER_JOB;
var init_claim_reply = __esm({
  "src/redis/claim-reply.ts"() {
    "use strict";
    init_cjs_shims();
    init_job_codec();
    LINES_PER_JOB = 7;
  }
});

// src/redis/claim-waits.ts
var import_core67, ClaimWaits;
var init_claim_waits = __esm({
  "src/redis/claim-waits.ts"() {
    "use strict";
    init_cjs_shims();
    import_core67 = require("@hangar/core");
    ClaimWaits = class {
      constructor(deps) {
        this.deps = deps;
      }
      deps;
      pending = /* @__PURE__ */ new Map();
      /** Claim script calls on their way (registering or ending a wait). */
      ending = /* @__PURE__ */ new Set();
      seq = 0;
      closed = false;
      /** Claims, waiting for jobs when there are none. */
      claim(request) {
        const token = `${this.deps.channel}:${++this.seq}`;
        return new Promise((resolve5, reject) => {
          const p = {
            token,
            request,
            queues: new Set(request.queues),
            state: "registering",
            resolve: resolve5,
            reject
          };
          this.pending.set(token, p);
          this.track(
            this.deps.run(request, "", { ms: this.deps.waitMs, token }).then(
              (reply) => this.registered(p, reply),
              (error) => {
                if (this.pending.get(token) !== p) return;
                this.pending.delete(token);
                reject(error);
              }
            )
          );
        });
      }
      /** A hand-over message: the token, a line break, then the claim reply. */
      onPush(message) {
        const cut = message.indexOf("\n");
        const p = this.pending.get(message.slice(0, cut));
        if (p && p.state !== "ending") this.handOver(p, message.slice(cut + 1));
      }
      /** A job of a waiting claim's queues became runnable without being handed to it: claim now. */
      onChange(change) {
        if (this.pending.size === 0) return;
        if (!(0, import_core67.isWakeUp)(change)) return;
        for (const p of this.pending.values()) {
          if (p.state === "waiting" && (change.queue === void 0 || p.queues.has(change.queue)))
            this.end(p, true);
        }
      }
      /** Ends every wait (once the claims registering one are back); jobs found are handed back. */
      async close() {
        this.closed = true;
        for (const p of this.pending.values()) if (p.state === "waiting") this.end(p, false);
        while (this.ending.size > 0) await Promise.all([...this.ending]);
      }
      registered(p, reply) {
        if (this.pending.get(p.token) !== p) return;
        if (!reply.waiting) {
          this.pending.delete(p.token);
          p.resolve(reply.jobs);
          return;
        }
        p.state = "waiting";
        if (this.closed) {
          this.end(p, false);
          return;
        }
        const { nextRunAt, now } = reply.waiting;
        const ms2 = nextRunAt === void 0 ? this.deps.waitMs : Math.min(this.deps.waitMs, nextRunAt - now);
        p.timer = setTimeout(() => this.end(p, false), Math.max(0, ms2));
        p.timer.unref();
      }
      handOver(p, reply) {
        this.pending.delete(p.token);
        clearTimeout(p.timer);
        const jobs = this.deps.decode(reply, p.request);
        if (this.closed) this.track(this.deps.release(p.request, jobs).then(() => p.resolve([]), p.reject));
        else p.resolve(jobs);
      }
      end(p, claim) {
        p.state = "ending";
        clearTimeout(p.timer);
        this.track(
          this.deps.run(p.request, p.token, claim ? void 0 : "end").then(
            async (reply) => {
              this.pending.delete(p.token);
              if (!this.closed) return p.resolve(reply.jobs);
              await this.deps.release(p.request, reply.jobs);
              p.resolve([]);
            },
            (error) => {
              this.pending.delete(p.token);
              p.reject(error);
            }
          )
        );
      }
      track(promise) {
        const tracked = promise.finally(() => this.ending.delete(tracked));
        this.ending.add(tracked);
      }
    };
  }
});

// src/redis/connection.ts
function ioredisClass() {
  return requireDriver("ioredis", "RedisQueue (@hangar/runner/redis)").Redis;
}
function openConnection(url, connectionName) {
  return new (ioredisClass())(url, { connectionName });
}
async function closeConnection(conn) {
  if (conn.status === "end") return;
  const ended = new Promise((resolve5) => conn.once("end", () => resolve5()));
  if (conn.status === "ready") {
    try {
      await conn.quit();
    } catch {
      conn.disconnect();
    }
  } else {
    conn.disconnect();
  }
  let timer;
  const timeout = new Promise((resolve5) => {
    timer = setTimeout(() => {
      conn.disconnect();
      resolve5();
    }, 2e3);
  });
  await Promise.race([ended, timeout]);
  clearTimeout(timer);
}
var init_connection = __esm({
  "src/redis/connection.ts"() {
    "use strict";
    init_cjs_shims();
    init_optional_driver();
  }
});

// src/redis/list-query.ts
function encodeCursor2(seq) {
  return Buffer.from(`${CURSOR_TAG}${seq}`, "utf8").toString("base64url");
}
function decodeCursor3(cursor) {
  const raw = Buffer.from(cursor, "base64url").toString("utf8");
  const seq = raw.startsWith(CURSOR_TAG) ? raw.slice(CURSOR_TAG.length) : "";
  if (!/^\d{1,16}$/.test(seq)) {
    throw new import_core68.ConfigurationError("cursor", "pass the `nextCursor` of the previous page unchanged");
  }
  return seq;
}
function listArgs(filter, limit, beforeSeq, scanLimit) {
  const [index, owner] = filter.userId !== void 0 ? ["user", filter.userId] : filter.customerId !== void 0 ? ["cust", filter.customerId] : ["all", ""];
  const exact = (value) => value === void 0 ? "" : `=${value}`;
  const set = (values) => values === void 0 ? [-1] : [values.length, ...values];
  return [
    index,
    owner,
    beforeSeq === void 0 ? "+inf" : `(${beforeSeq}`,
    limit,
    scanLimit,
    exact(filter.customerId),
    exact(filter.userId),
    exact(filter.queue),
    exact(filter.parentId),
    ...set(filter.states),
    ...set(filter.types)
  ];
}
var import_core68, CURSOR_TAG;
var init_list_query = __esm({
  "src/redis/list-query.ts"() {
    "use strict";
    init_cjs_shims();
    import_core68 = require("@hangar/core");
    CURSOR_TAG = "redis:";
  }
});

// src/redis/log-codec.ts
function decodeLogEntry(raw) {
  const stored = JSON.parse(raw);
  return { ...stored, at: new Date(stored.at) };
}
function encodeLogEntry(entry) {
  const { at, ...rest } = entry;
  return JSON.stringify({ at: at.toISOString(), ...rest });
}
function progressOf(entries) {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e?.level !== "progress") continue;
    const snapshot = { message: e.message };
    if (e.current !== void 0) snapshot.current = e.current;
    if (e.total !== void 0) snapshot.total = e.total;
    return JSON.stringify(snapshot);
  }
  return "";
}
var init_log_codec = __esm({
  "src/redis/log-codec.ts"() {
    "use strict";
    init_cjs_shims();
  }
});

// src/redis/lua-tally.ts
var LUA_TALLY;
var init_lua_tally = __esm({
  "src/redis/lua-tally.ts"() {
    "use strict";
    init_cjs_shims();
    LUA_TALLY = `
local function tally(j, from, to, seq)
  if from == to then return end
  local owner = countOwner(j.customerId, j.queue)
  if from then
    local f = owner .. '|' .. from
    local n = TALLY[f]
    if not n then TALLY_FIELDS[#TALLY_FIELDS + 1] = f end
    TALLY[f] = (n or 0) - 1
  end
  if to then
    local f = owner .. '|' .. to
    local n = TALLY[f]
    if not n then TALLY_FIELDS[#TALLY_FIELDS + 1] = f end
    TALLY[f] = (n or 0) + 1
  end
  if from == 'Enqueued' or to == 'Enqueued' then
    local key = P .. 'wait:' .. owner
    local w = WAITS[key]
    if not w then
      w = {}
      WAITS[key] = w
      WAIT_KEYS[#WAIT_KEYS + 1] = key
    end
    if to == 'Enqueued' then w[j.id] = seq or j.seq else w[j.id] = false end
  end
end
local function flushTally()
  for _, f in ipairs(TALLY_FIELDS) do
    local n = TALLY[f]
    if n ~= 0 then redis.call('HINCRBY', P .. 'counts', f, n) end
  end
  for _, key in ipairs(WAIT_KEYS) do
    local adds, rems = {}, {}
    for id, seq in pairs(WAITS[key]) do
      if seq then
        adds[#adds + 1] = seq
        adds[#adds + 1] = id
      else
        rems[#rems + 1] = id
      end
    end
    if #adds > 0 then sendSliced('ZADD', key, adds, 4000) end
    if #rems > 0 then sendSliced('ZREM', key, rems, 4000) end
  end
  TALLY, TALLY_FIELDS, WAITS, WAIT_KEYS = {}, {}, {}, {}
end
`;
  }
});

// src/redis/lua-core.ts
function luaStateSet(states) {
  return `{ ${states.map((state) => `${state} = true`).join(", ")} }`;
}
function coreScript(body, uses = []) {
  return { body, core: true, readOnly: false, uses };
}
function keysScript(body, options = {}) {
  return { body, core: false, readOnly: options.readOnly ?? false, uses: [] };
}
function evalSource(script) {
  return script.core ? `${LUA_KEYS}${LUA_CORE}${script.uses.join("")}${script.body}
return run(main, KEYS, ARGV)
` : `${LUA_KEYS}${script.body}
P = KEYS[1]
return main(ARGV)
`;
}
function librarySource(library, scripts) {
  const chunks = new Set(Object.values(scripts).flatMap((script) => script.uses));
  const parts = [`#!lua name=${library}
${LUA_KEYS}${LUA_CORE}`, ...chunks];
  for (const [name, script] of Object.entries(scripts)) {
    const callback = script.core ? "function(keys, args) return run(main, keys, args) end" : "function(keys, args) P = keys[1] return main(args) end";
    const flags = script.readOnly ? ", flags = { 'no-writes' }" : "";
    parts.push(`do
${script.body}
redis.register_function({ function_name = '${library}_${name}', callback = ${callback}${flags} })
end
`);
  }
  return parts.join("");
}
var import_core69, LUA_STATE_MACHINE, LUA_CORE;
var init_lua_core = __esm({
  "src/redis/lua-core.ts"() {
    "use strict";
    init_cjs_shims();
    import_core69 = require("@hangar/core");
    init_lua_tally();
    init_redis_keys();
    LUA_STATE_MACHINE = `
local TERMINAL = ${luaStateSet(import_core69.TERMINAL_STATES)}
local RETRYABLE = ${luaStateSet(import_core69.RETRYABLE_STATES)}
local MOVES = {
${import_core69.JOB_STATES.map((from) => `  ${from} = ${luaStateSet(import_core69.JOB_TRANSITIONS[from])},`).join("\n")}
}
-- the terminal states each parent condition accepts ('end' is a Lua keyword, hence the brackets)
local CONDITION = {
${Object.keys(import_core69.PARENT_CONDITION_STATES).map((c) => `  ['${c}'] = ${luaStateSet(import_core69.PARENT_CONDITION_STATES[c])},`).join("\n")}
}
`;
    LUA_CORE = `${LUA_STATE_MACHINE}-- Redis' clock, not the caller's, so that leases and run-at times agree across hosts.
local NOW, NOW_S
-- Changes of this call, published once as a JSON array after the state change is written.
local CHANGES, GROUP, QUEUE_JSON
-- zset writes of this call by key (member/score pairs), sent when the call ends
local ZADDS, ZADD_KEYS, ZREMS, ZREM_KEYS
-- count moves of this call (see LUA_TALLY), sent when the call ends
local TALLY, TALLY_FIELDS, WAITS, WAIT_KEYS

local function begin(keys)
  P = keys[1]
  local t = redis.call('TIME')
  NOW_S = t[1] .. string.sub(string.sub('000000', 1, 6 - #t[2]) .. t[2], 1, 3)
  NOW = tonumber(NOW_S)
  CHANGES, GROUP, QUEUE_JSON = {}, nil, {}
  ZADDS, ZADD_KEYS, ZREMS, ZREM_KEYS = {}, {}, {}, {}
  TALLY, TALLY_FIELDS, WAITS, WAIT_KEYS = {}, {}, {}, {}
end

-- Consecutive changes of one kind, queue and state travel as one array
-- \`[kind, state|null, queue|null, id...]\`; job ids are UUIDs the adapter minted, so they need no
-- escaping, and queue names are encoded once per call.
-- Wake-ups (a job enqueued, or become Enqueued) go out once more on \`wake\`, the only change
-- channel of workers.
local function emit(kind, id, queue, state)
  local g = GROUP
  if not g or g.kind ~= kind or g.queue ~= queue or g.state ~= state then
    g = { kind = kind, queue = queue, state = state, ids = {} }
    g.wake = kind == 'enqueued' or (kind == 'state' and state == 'Enqueued')
    GROUP = g
    CHANGES[#CHANGES + 1] = g
  end
  g.ids[#g.ids + 1] = id
end
local function emitRaw(json)
  GROUP = nil
  CHANGES[#CHANGES + 1] = json
end
local function changeJson(c)
  if type(c) == 'string' then return c end
  local q = 'null'
  if c.queue then
    q = QUEUE_JSON[c.queue]
    if not q then
      q = cjson.encode(c.queue)
      QUEUE_JSON[c.queue] = q
    end
  end
  local s = c.state and ('"' .. c.state .. '"') or 'null'
  return '["' .. c.kind .. '",' .. s .. ',' .. q .. ',"' .. table.concat(c.ids, '","') .. '"]'
end

local function zaddLater(key, score, member)
  local l = ZADDS[key]
  if not l then
    l = {}
    ZADDS[key] = l
    ZADD_KEYS[#ZADD_KEYS + 1] = key
  end
  l[#l + 1] = score
  l[#l + 1] = member
end
-- Only for keys a script never also adds the same member to (leases, ready sets in a claim).
local function zremLater(key, member)
  local l = ZREMS[key]
  if not l then
    l = {}
    ZREMS[key] = l
    ZREM_KEYS[#ZREM_KEYS + 1] = key
  end
  l[#l + 1] = member
end
-- unpack is bounded by the Lua C stack, so long lists go out in slices
local function sendSliced(cmd, key, l, step)
  for i = 1, #l, step do
    redis.call(cmd, key, unpack(l, i, math.min(i + step - 1, #l)))
  end
end
local function flushZadds(key)
  local l = ZADDS[key]
  if l and #l > 0 then
    sendSliced('ZADD', key, l, 4000)
    ZADDS[key] = {}
  end
end
local function flushZrems(key)
  local l = ZREMS[key]
  if l and #l > 0 then
    sendSliced('ZREM', key, l, 4000)
    ZREMS[key] = {}
  end
end

${LUA_TALLY}
local function flush()
  flushTally()
  for _, key in ipairs(ZREM_KEYS) do flushZrems(key) end
  for _, key in ipairs(ZADD_KEYS) do flushZadds(key) end
  if #CHANGES > 0 then
    local parts, wakes = {}, {}
    for i, c in ipairs(CHANGES) do
      parts[i] = changeJson(c)
      if type(c) == 'table' and c.wake then wakes[#wakes + 1] = parts[i] end
    end
    if #wakes > 0 then redis.call('PUBLISH', P .. 'wake', '[' .. table.concat(wakes, ',') .. ']') end
    redis.call('PUBLISH', P .. 'changes', '[' .. table.concat(parts, ',') .. ']')
  end
end

-- Runs a script's main function; the deferred writes of whatever it did are sent even when it fails
-- half-way (a tampered key), so every job it touched stays consistent, then the error is raised.
local function run(main, keys, args)
  begin(keys)
  local ok, result = pcall(main, args)
  flush()
  if not ok then error(result, 0) end
  return result
end

local FIELDS = { 'state', 'queue', 'grp', 'priority', 'runAt', 'seq', 'attempts', 'maxAttempts',
  'customerId', 'concurrencyKey', 'workerId', 'parentId', 'zkey', 'zmem', 'cancelRequested' }
local function load(id)
  local key = jobKey(id)
  local v = redis.call('HMGET', key, unpack(FIELDS))
  if not v[1] then return nil end
  local j = { id = id, key = key }
  for i, name in ipairs(FIELDS) do
    if v[i] then j[name] = v[i] end
  end
  return j
end

-- A job with only the named fields read; HMGET replies cost per field, so hot paths read few.
local function loadSome(id, names)
  local key = jobKey(id)
  local v = redis.call('HMGET', key, unpack(names))
  if not v[1] then return nil end
  local j = { id = id, key = key }
  for i = 1, #names do
    if v[i] then j[names[i]] = v[i] end
  end
  return j
end

local function attemptsOf(j) return tonumber(j.attempts) or 0 end

-- Small integers as strings, each formatted once (per call, or once for good in a function library).
local INTS = {}
local function int(n)
  local s = INTS[n]
  if not s then
    s = tostring(n)
    if n >= 0 and n < 4096 and n % 1 == 0 then INTS[n] = s end
  end
  return s
end

local function isTerminal(state) return TERMINAL[state] == true end

-- Refuses a move JOB_TRANSITIONS does not allow, before the move writes anything: a script that
-- tried one has a bug, and stopping it leaves the job as it was rather than in a state no other
-- adapter would put it in.
-- The one exception is an operator's retry (\`j.handRetry\`, set by retryJob only), which takes a
-- Failed or Cancelled job back to Enqueued outside the automatic machine.
local function checkMove(j, to)
  if j.handRetry and to == 'Enqueued' and RETRYABLE[j.state] then return end
  local allowed = MOVES[j.state]
  if not (allowed and allowed[to]) then
    error('hangar: job ' .. j.id .. ' cannot go from ' .. tostring(j.state) .. ' to ' .. to)
  end
end

local function setState(j, to)
  checkMove(j, to)
  tally(j, j.state, to)
  redis.call('HSET', j.key, 'state', to, 'updatedAt', NOW_S)
  j.state = to
  emit('state', j.id, j.queue, to)
end

-- The zset entry of a job that is not Processing: key relative to P, and member; nil when none.
local function entryOf(j)
  if j.zkey then return j.zkey, j.zmem or readyMember(j.runAt, j.seq, j.id) end
  if j.state == 'Enqueued' then return 'ready:' .. j.grp, readyMember(j.runAt, j.seq, j.id) end
  if j.state == 'Scheduled' then return 'delayed', j.id end
  return nil
end

-- Forgets an emptied park set; \`cparked\` lists the customers that still have set-aside entries.
local function dropPark(kind, owner, pk)
  local index = parkIndex(kind, owner)
  redis.call('SREM', index, pk)
  if kind == 'c' and redis.call('EXISTS', index) == 0 then redis.call('SREM', P .. 'cparked', owner) end
end

-- Moves the best set-aside entry of each group of a concurrency key ('k') or customer ('c') back
-- to its ready set. One per group is enough: another claim sets it aside again if still blocked.
local function unpark(kind, owner)
  local index = parkIndex(kind, owner)
  local moved = 0
  for _, pk in ipairs(redis.call('SMEMBERS', index)) do
    local head = redis.call('ZPOPMIN', P .. pk)
    if head[1] then
      local id = memberId(head[1])
      local jk = jobKey(id)
      local v = redis.call('HMGET', jk, 'grp', 'queue')
      if v[1] then
        redis.call('ZADD', P .. 'ready:' .. v[1], head[2], head[1])
        -- a ready entry is found from the job's fields, so the park key is forgotten
        redis.call('HDEL', jk, 'zkey', 'zmem')
        -- still Enqueued, but claimable again: idle claimers and workers hear of it
        emit('state', id, v[2] or nil, 'Enqueued')
        moved = moved + 1
      end
    end
    if redis.call('EXISTS', P .. pk) == 0 then dropPark(kind, owner, pk) end
  end
  return moved
end

-- Takes a job that is not Processing out of the ready, park or delayed set holding it.
local function unzset(j)
  local zkey, zmem = entryOf(j)
  if not zkey then return end
  redis.call('ZREM', P .. zkey, zmem)
  if j.zkey then redis.call('HDEL', j.key, 'zkey', 'zmem') end
  local kind = string.sub(zkey, 1, 6)
  if kind == 'ready:' then
    -- entries set aside behind this one would otherwise wait for a release that never comes
    if j.concurrencyKey and redis.call('HEXISTS', P .. 'held', j.concurrencyKey) == 0 then
      unpark('k', j.concurrencyKey)
    end
    if j.customerId then unpark('c', j.customerId) end
  elseif (kind == 'kpark:' or kind == 'cpark:') and redis.call('EXISTS', P .. zkey) == 0 then
    if kind == 'kpark:' then dropPark('k', j.concurrencyKey, zkey) else dropPark('c', j.customerId, zkey) end
  end
  j.zkey = nil
  j.zmem = nil
end

-- Frees what a Processing job holds: its lease, concurrency key and customer slot.
local function leaveProcessing(j)
  zremLater(P .. 'leases', j.id)
  -- only a requested cancellation (which sets the flag in the same script) adds to the set
  if j.workerId and j.cancelRequested == '1' then redis.call('SREM', P .. 'cancels:' .. j.workerId, j.id) end
  if j.concurrencyKey then
    if redis.call('HGET', P .. 'held', j.concurrencyKey) == j.id then
      redis.call('HDEL', P .. 'held', j.concurrencyKey)
    end
    unpark('k', j.concurrencyKey)
  end
  if j.customerId then
    if redis.call('HINCRBY', P .. 'running', j.customerId, '-1') <= 0 then
      redis.call('HDEL', P .. 'running', j.customerId)
    end
    unpark('c', j.customerId)
  end
end

-- Puts a job in the delayed set (Scheduled).
local function toDelayed(j)
  checkMove(j, 'Scheduled')
  redis.call('ZADD', P .. 'delayed', j.runAt, j.id)
  setState(j, 'Scheduled')
end

-- Puts a job in its ready set (Enqueued).
local function toReady(j)
  checkMove(j, 'Enqueued')
  redis.call('ZADD', P .. 'ready:' .. j.grp, j.priority, readyMember(j.runAt, j.seq, j.id))
  setState(j, 'Enqueued')
end

-- Enqueued when due, else Scheduled.
local function makeRunnable(j)
  if tonumber(j.runAt) > NOW then toDelayed(j) else toReady(j) end
end

-- The error of a child cancelled because parentId ended in a state its condition does not accept.
local function parentUnmet(parentId, state, condition)
  return cjson.encode({ { code = 'PARENT_CONDITION_UNMET', key = 'hangar.error.parentConditionUnmet',
    params = { parentId = parentId, state = state, condition = condition }, severity = 'error' } })
end

-- The parents of a job: its \`parents\` field ({id, on} objects), or, for a job stored by an
-- earlier version, its one parent on success.
local function parentsOf(parentId, parentsJson)
  if parentsJson then return cjson.decode(parentsJson) end
  if parentId then return { { id = parentId, on = 'success' } } end
  return {}
end

-- Ends a job (Succeeded, Failed or Cancelled) and, in the same call, settles its Awaiting
-- children: one whose condition on it this ending breaks is cancelled naming it (its own
-- children settled in turn); one whose \`pending\` count of parents reaches zero is released.
-- \`field\`, \`value\`: an optional extra field (result, errorInfo) written with the state.
local finish
finish = function(j, to, field, value)
  checkMove(j, to)
  tally(j, j.state, to)
  if j.state == 'Processing' then leaveProcessing(j) else unzset(j) end
  if j.state == 'Awaiting' then
    for _, p in ipairs(parentsOf(j.parentId, redis.call('HGET', j.key, 'parents'))) do
      redis.call('SREM', childrenKey(p.id), j.id)
    end
  end
  if field then
    redis.call('HSET', j.key, 'finishedAt', NOW_S, 'state', to, 'updatedAt', NOW_S, field, value)
  else
    redis.call('HSET', j.key, 'finishedAt', NOW_S, 'state', to, 'updatedAt', NOW_S)
  end
  j.state = to
  emit('state', j.id, j.queue, to)
  zaddLater(P .. 'done:' .. to, NOW_S, j.id)
  local ck = childrenKey(j.id)
  local kids = redis.call('SMEMBERS', ck)
  if #kids > 0 then redis.call('DEL', ck) end
  for _, kid in ipairs(kids) do
    local c = load(kid)
    if c and c.state == 'Awaiting' then
      local v = redis.call('HMGET', c.key, 'parents', 'pending')
      local on = 'success'
      for _, p in ipairs(parentsOf(c.parentId, v[1])) do
        if p.id == j.id then on = p.on end
      end
      if not CONDITION[on][to] then
        redis.call('HSET', c.key, 'errorInfo', parentUnmet(j.id, to, on))
        finish(c, 'Cancelled')
      elseif not v[2] or redis.call('HINCRBY', c.key, 'pending', -1) <= 0 then
        makeRunnable(c)
      end
    end
  end
end
`;
  }
});

// src/redis/lua-claim.ts
var CLAIM_CORE, CLAIM_WAIT, CLAIM_LUA;
var init_lua_claim = __esm({
  "src/redis/lua-claim.ts"() {
    "use strict";
    init_cjs_shims();
    init_lua_core();
    CLAIM_CORE = `
local function promote(maxCount)
  local ids = redis.call('ZRANGEBYSCORE', P .. 'delayed', '-inf', NOW_S, 'LIMIT', '0', maxCount)
  for _, id in ipairs(ids) do
    local j = load(id)
    if j and j.state == 'Scheduled' then
      unzset(j)
      toReady(j)
    else
      redis.call('ZREM', P .. 'delayed', id)
    end
  end
end

local function park(j, kind, owner, grp, head)
  local pk = parkKey(kind, owner, grp)
  redis.call('ZADD', P .. pk, head.raw, head.m)
  redis.call('SADD', parkIndex(kind, owner), pk)
  redis.call('HSET', j.key, 'zkey', pk)
end

-- Customer entries are set aside under the limit of the claim that did it (\`climit\`). A claim
-- allowing more (the limit was raised, or it has none) gives every such customer below its limit
-- its jobs back; that is rare, so walking \`cparked\` then is fine.
local function parkCustomer(j, grp, head, maxPer)
  park(j, 'c', j.customerId, grp, head)
  redis.call('SADD', P .. 'cparked', j.customerId)
  redis.call('SET', P .. 'climit', maxPer)
end

local function healRaisedLimit(maxPer)
  local limit = redis.call('GET', P .. 'climit')
  if not limit or (maxPer and maxPer <= tonumber(limit)) then return end
  for _, c in ipairs(redis.call('SMEMBERS', P .. 'cparked')) do
    if not maxPer or tonumber(redis.call('HGET', P .. 'running', c) or '0') < maxPer then unpark('c', c) end
  end
  if maxPer then redis.call('SET', P .. 'climit', maxPer) else redis.call('DEL', P .. 'climit') end
end

-- What deciding on a ready entry reads, then the rest of what a claimed job's record is made of:
-- the unchanging part packed in \`rec\`, and what an earlier attempt may have changed. Each field
-- of an HMGET and each value returned costs Redis about as much as a small command, so few are read
-- and the reply is one string. Fields only a finished job has are left out.
local CLAIM_FIELDS = { 'state', 'attempts', 'concurrencyKey', 'customerId', 'zkey', 'rec', 'runAt',
  'createdAt', 'progress', 'errorInfo' }

-- The \`rec\` of a job stored by an earlier version, built from its separate fields.
local LEGACY_FIELDS = { 'type', 'queue', 'params', 'priority', 'maxAttempts', 'customerId', 'userId',
  'idempotencyKey', 'concurrencyKey', 'parentId', 'timeoutMs', 'metadata' }
local LEGACY_RAW = { params = true, priority = true, maxAttempts = true, timeoutMs = true, metadata = true }
local function legacyRec(key)
  local v = redis.call('HMGET', key, unpack(LEGACY_FIELDS))
  local parts = {}
  for i, name in ipairs(LEGACY_FIELDS) do
    -- JSON values and numbers as stored, strings encoded
    if v[i] then parts[#parts + 1] = '"' .. name .. '":' .. (LEGACY_RAW[name] and v[i] or cjson.encode(v[i])) end
  end
  return '{' .. table.concat(parts, ',') .. '}'
end

-- A claimer: worker id and JSON, limit, lease expiry (string), per-customer limit (nil = none),
-- scan limit, and its groups with the queue of each.
local function claimer(workerId, workerJson, limit, leaseMs, maxPer, scanLimit, grps, queues)
  return { workerId = workerId, workerJson = workerJson, limit = tonumber(limit), leaseMs = leaseMs,
    leaseS = tostring(NOW + tonumber(leaseMs)), maxPer = tonumber(maxPer), maxPerS = maxPer,
    scanLimit = tonumber(scanLimit), grps = grps, queues = queues }
end

-- Takes the claimer's best runnable jobs. Returns the reply lines of the jobs taken (per job its
-- id, attempts before the take, rec, run-at, created-at, progress, errors; '' when absent) and
-- how many there are.
local function takeBest(c)
  local limit, maxPer, grps = c.limit, c.maxPer, c.grps
  local merge = #grps > 1
  -- Entries of each group are read ahead, as many as the claim may still take, in one ZRANGE,
  -- and removed together once examined (\`zremLater\`). The loop only takes entries out of ready
  -- sets, so what was read stays in order and valid, except after an unpark (which adds some):
  -- the removals are sent first and \`fresh\` drops what was read ahead.
  local ahead, pos, heads = {}, {}, {}
  local out = {}
  local claimedCount = 0
  local function fetchHead(i, fresh)
    local r, p = ahead[i], (pos[i] or -1) + 2
    if fresh or not r or not r[p] then
      local key = P .. 'ready:' .. grps[i]
      flushZrems(key)
      r = redis.call('ZRANGE', key, '0', int(math.max(limit - claimedCount, 1) - 1), 'WITHSCORES')
      ahead[i] = r
      p = 1
    end
    pos[i] = p
    local m = r[p]
    if m then
      heads[i] = { m = m, raw = r[p + 1] }
    else
      heads[i] = false
    end
  end
  -- numeric comparison: Lua compares strings with the server's locale
  local function before(a, b)
    if not a.s then a.s, a.t, a.q = tonumber(a.raw), tonumber(string.sub(a.m, 1, 16)), tonumber(string.sub(a.m, 18, 33)) end
    if not b.s then b.s, b.t, b.q = tonumber(b.raw), tonumber(string.sub(b.m, 1, 16)), tonumber(string.sub(b.m, 18, 33)) end
    if a.s ~= b.s then return a.s < b.s end
    if a.t ~= b.t then return a.t < b.t end
    return a.q < b.q
  end
  for i = 1, #grps do fetchHead(i) end

  local scanned = 0
  local leases = P .. 'leases'
  while claimedCount < limit and scanned < c.scanLimit do
    local best
    if merge then
      for i = 1, #grps do
        local h = heads[i]
        if h and (not best or before(h, heads[best])) then best = i end
      end
    elseif heads[1] then
      best = 1
    end
    if not best then break end
    local h, grp = heads[best], grps[best]
    scanned = scanned + 1
    local refetchAll = false
    -- decide before writing, so an error on one entry leaves it untouched
    local id = memberId(h.m)
    local key = jobKey(id)
    local v = redis.call('HMGET', key, unpack(CLAIM_FIELDS))
    local state, ck, customer = v[1], v[3], v[4]
    local keyBusy = ck and redis.call('HEXISTS', P .. 'held', ck) == 1
    local customerFull = not keyBusy and maxPer and customer
      and tonumber(redis.call('HGET', P .. 'running', customer) or '0') >= maxPer
    zremLater(P .. 'ready:' .. grp, h.m)
    if state == 'Enqueued' then
      local j = { id = id, key = key, concurrencyKey = ck or nil, customerId = customer or nil }
      if keyBusy then
        park(j, 'k', ck, grp, h)
      elseif customerFull then
        parkCustomer(j, grp, h, maxPer)
      else
        redis.call('HSET', key, 'state', 'Processing', 'attempts', int((tonumber(v[2]) or 0) + 1),
          'workerId', c.workerId, 'worker', c.workerJson, 'startedAt', NOW_S, 'updatedAt', NOW_S)
        -- written by versions that kept the ready entry on the job
        if v[5] then redis.call('HDEL', key, 'zkey', 'zmem') end
        zaddLater(leases, c.leaseS, id)
        emit('state', id, c.queues[best], 'Processing')
        j.queue = c.queues[best]
        tally(j, 'Enqueued', 'Processing')
        if ck then redis.call('HSET', P .. 'held', ck, id) end
        local n = #out
        out[n + 1] = id
        out[n + 2] = v[2] or ''
        out[n + 3] = v[6] or legacyRec(key)
        out[n + 4] = v[7] or ''
        out[n + 5] = v[8] or ''
        out[n + 6] = v[9] or ''
        out[n + 7] = v[10] or ''
        claimedCount = claimedCount + 1
        -- a customer below the limit (say it was raised) gets its set-aside jobs back
        if customer then
          local running = redis.call('HINCRBY', P .. 'running', customer, '1')
          if maxPer and running < maxPer then
            for i = 1, #grps do flushZrems(P .. 'ready:' .. grps[i]) end
            if unpark('c', customer) > 0 then refetchAll = true end
          end
        end
      end
    end
    if refetchAll then
      for i = 1, #grps do fetchHead(i, true) end
    else
      fetchHead(best)
    end
  end
  return out, claimedCount
end

-- The reply of a claim: start time, lease expiry, the wait mark ('' or 'w' followed by the next
-- scheduled run-at, if any), then the lines of the jobs taken.
local function claimReply(c, lines, waitMark)
  if #lines == 0 then return NOW_S .. '\\n' .. c.leaseS .. '\\n' .. waitMark end
  return NOW_S .. '\\n' .. c.leaseS .. '\\n' .. waitMark .. '\\n' .. table.concat(lines, '\\n')
end
`;
    CLAIM_WAIT = `
-- Registers a claimer that found nothing; returns the wait mark with the next scheduled run-at.
local function registerWait(grps, waitMs, token, spec)
  local ttl = tonumber(waitMs) + 1000
  local expiry = tostring(NOW + ttl)
  redis.call('SET', P .. 'waiter:' .. token, spec, 'PX', tostring(ttl))
  for _, g in ipairs(grps) do redis.call('ZADD', P .. 'waiting:' .. g, expiry, token) end
  local due = redis.call('ZRANGE', P .. 'delayed', '0', '0', 'WITHSCORES')
  return 'w' .. (due[2] or '')
end

-- Ends a wait on the claimer's groups: nil when it was still waiting (or gone), else the reply of
-- the enqueue that claimed for it.
local function unwait(token, grps)
  local wk = P .. 'waiter:' .. token
  local v = redis.call('GET', wk)
  if not v then
    -- expired: its entries may still be listed, as may those of claimers that died waiting
    for _, g in ipairs(grps) do redis.call('ZREMRANGEBYSCORE', P .. 'waiting:' .. g, '-inf', '(' .. NOW_S) end
    return nil
  end
  redis.call('DEL', wk)
  if string.byte(v, 1) ~= 123 then return v end
  for _, g in ipairs(grps) do redis.call('ZREM', P .. 'waiting:' .. g, token) end
  return nil
end

-- The earliest claimer still waiting on a group: its token and claimer (decoded), or nil.
local function waiterOf(grp)
  local wz = P .. 'waiting:' .. grp
  -- the zset is gone when nobody waits, and EXISTS costs far less than a range read
  if redis.call('EXISTS', wz) == 0 then return nil end
  while true do
    local token = redis.call('ZRANGEBYSCORE', wz, NOW_S, '+inf', 'LIMIT', '0', '1')[1]
    if not token then return nil end
    local spec = redis.call('GET', P .. 'waiter:' .. token)
    if spec and string.byte(spec, 1) == 123 then return token, cjson.decode(spec) end
    redis.call('ZREM', wz, token)
  end
end

-- Hands the jobs claimed for a waiting claimer over: it stops waiting, its key keeps the reply
-- (for a claimer whose message is lost) and the reply goes out on its channel.
local function handOver(token, w, c, lines)
  for _, g in ipairs(w.g) do redis.call('ZREM', P .. 'waiting:' .. g, token) end
  local reply = claimReply(c, lines, '')
  redis.call('SET', P .. 'waiter:' .. token, reply, 'KEEPTTL')
  redis.call('PUBLISH', P .. 'push:' .. w.c, token .. '\\n' .. reply)
end

local function claimerOf(w) return claimer(w.w, w.j, w.l, w.ms, w.mp, w.s, w.g, w.q) end

-- Claims for the claimers waiting on a group, earliest first, while they find jobs.
local function serveWaiters(grp)
  while true do
    local token, w = waiterOf(grp)
    if not token then return end
    local c = claimerOf(w)
    local lines, n = takeBest(c)
    -- nothing it may take (set aside behind a busy key or customer): it keeps waiting
    if n == 0 then return end
    handOver(token, w, c, lines)
  end
end

-- Whether none of these groups has a ready entry.
local function readyEmpty(grps)
  for _, g in ipairs(grps) do
    if redis.call('EXISTS', P .. 'ready:' .. g) == 1 then return false end
  end
  return true
end
`;
    CLAIM_LUA = coreScript(
      `
local function main(A)
  local grps, queues = {}, {}
  for i = 12, #A, 2 do
    grps[#grps + 1] = A[i]
    queues[#queues + 1] = A[i + 1]
  end
  local c = claimer(A[1], A[2], A[3], A[4], A[5], A[6], grps, queues)
  if A[8] ~= '' then
    local pushed = unwait(A[8], grps)
    if pushed then return pushed end
    -- a wait that ran out takes nothing that became runnable meanwhile
    if A[9] == '-' then return claimReply(c, {}, '') end
  end
  promote(A[7])
  healRaisedLimit(c.maxPer)
  local lines, n = takeBest(c)
  local waitMark = ''
  if n == 0 and A[9] ~= '' then waitMark = registerWait(grps, A[9], A[10], A[11]) end
  return claimReply(c, lines, waitMark)
end
`,
      [CLAIM_CORE, CLAIM_WAIT]
    );
  }
});

// src/redis/lua-enqueue.ts
var PARENT_NOT_FOUND, ENQUEUE_LUA;
var init_lua_enqueue = __esm({
  "src/redis/lua-enqueue.ts"() {
    "use strict";
    init_cjs_shims();
    init_lua_claim();
    init_lua_core();
    PARENT_NOT_FOUND = "PARENT_NOT_FOUND";
    ENQUEUE_LUA = coreScript(
      `
local PARENT_NOT_FOUND = '${PARENT_NOT_FOUND}'
local function main(A)
  local n = tonumber(A[1])
  local pos = 2
  local jobs = {}
  local batchIdem = {}
  -- Phase 1 only reads: idempotency keys and parents of the whole batch are resolved first.
  for i = 1, n do
    local count = tonumber(A[pos + 1])
    local f, flat = { id = A[pos] }, {}
    pos = pos + 2
    for _ = 1, count do
      local name, value = A[pos], A[pos + 1]
      pos = pos + 2
      f[name] = value
      flat[#flat + 1] = name
      flat[#flat + 1] = value
    end
    local job = { f = f, flat = flat }
    if f.idempotencyKey then
      job.idem = idemField(f.customerId or '', f.idempotencyKey)
      local existing = redis.call('HGET', P .. 'idem', job.idem)
      if existing and redis.call('EXISTS', jobKey(existing)) == 1 then
        job.existing = existing
      elseif batchIdem[job.idem] then
        job.existing = batchIdem[job.idem]
      else
        batchIdem[job.idem] = f.id
      end
    end
    if not job.existing and f.parents then
      -- where the child stands: the first parent (in the order given) that ended in a state its
      -- condition does not accept cancels it; else it waits for the parents not ended yet
      job.waitOn = {}
      for _, p in ipairs(cjson.decode(f.parents)) do
        local ps = redis.call('HGET', jobKey(p.id), 'state')
        -- nothing is written yet: the whole batch is refused
        if not ps then return redis.error_reply(PARENT_NOT_FOUND .. ' ' .. p.id) end
        if not TERMINAL[ps] then
          job.waitOn[#job.waitOn + 1] = p.id
        elseif not job.unmet and not CONDITION[p.on][ps] then
          job.unmet = { p.id, ps, p.on }
        end
      end
    end
    jobs[i] = job
  end

  local created = 0
  for _, job in ipairs(jobs) do
    if not job.existing then created = created + 1 end
  end
  local seq = 0
  if created > 0 then seq = redis.call('INCRBY', P .. 'seq', int(created)) - created end

  -- Phase 2 writes; zset entries of the batch go out as one ZADD per key when the script ends.
  local out = {}
  local filled, fill = {}, {}
  local direct
  for i, job in ipairs(jobs) do
    local f = job.f
    if not job.existing then
      seq = seq + 1
      local seqS = tostring(seq)
      local runAt = f.runAt or NOW_S
      local state
      -- one HSET with every field: the job's own fields plus the ones decided here
      local flat = job.flat
      local function set(name, value)
        flat[#flat + 1] = name
        flat[#flat + 1] = value
      end
      if job.unmet then
        state = 'Cancelled'
        set('finishedAt', NOW_S)
        set('errorInfo', parentUnmet(job.unmet[1], job.unmet[2], job.unmet[3]))
        zaddLater(P .. 'done:Cancelled', NOW_S, f.id)
      elseif job.waitOn and #job.waitOn > 0 then
        state = 'Awaiting'
        set('pending', tostring(#job.waitOn))
        for _, parentId in ipairs(job.waitOn) do redis.call('SADD', childrenKey(parentId), f.id) end
      elseif tonumber(runAt) > NOW then
        state = 'Scheduled'
        zaddLater(P .. 'delayed', runAt, f.id)
      else
        state = 'Enqueued'
        -- A lone job that nothing could be ahead of goes straight to a waiting claimer: written
        -- as taken, without a ready entry to add, read back and remove. Anything else is served
        -- from the ready sets below.
        local token, w
        if n == 1 and not f.concurrencyKey and not f.customerId then token, w = waiterOf(f.grp) end
        if token and readyEmpty(w.g) then
          local c = claimerOf(w)
          set('attempts', '1')
          set('workerId', c.workerId)
          set('worker', c.workerJson)
          set('startedAt', NOW_S)
          set('updatedAt', NOW_S)
          zaddLater(P .. 'leases', c.leaseS, f.id)
          direct = { token = token, w = w, c = c, lines = { f.id, '', f.rec, runAt, NOW_S, '', '' } }
        else
          zaddLater(P .. 'ready:' .. f.grp, f.priority, readyMember(runAt, seqS, f.id))
          if not filled[f.grp] then
            filled[f.grp] = true
            fill[#fill + 1] = f.grp
          end
        end
      end
      if not f.runAt then set('runAt', runAt) end
      set('seq', seqS)
      -- updatedAt is left out until the job first changes: it reads as createdAt
      set('createdAt', NOW_S)
      set('state', direct and 'Processing' or state)
      redis.call('HSET', jobKey(f.id), unpack(flat))
      tally(f, nil, direct and 'Processing' or state, seqS)
      zaddLater(P .. 'idx:all', seqS, f.id)
      if f.customerId then zaddLater(P .. 'idx:cust:' .. f.customerId, seqS, f.id) end
      if f.userId then zaddLater(P .. 'idx:user:' .. f.userId, seqS, f.id) end
      if job.idem then redis.call('HSET', P .. 'idem', job.idem, f.id) end
      -- a wake-up even when handed over: it is how the worker that took it comes back to wait
      emit('enqueued', f.id, f.queue, state)
      if direct then
        emit('state', f.id, f.queue, 'Processing')
        handOver(direct.token, direct.w, direct.c, direct.lines)
      end
      out[i] = { 1, state, NOW_S, seqS, runAt }
      if job.unmet then
        out[i][6], out[i][7], out[i][8] = job.unmet[1], job.unmet[2], job.unmet[3]
      end
    end
  end
  -- Claimers waiting on a group get its jobs now, in this step; their change events follow the
  -- enqueued ones, and the hand-over message goes out before both.
  for _, grp in ipairs(fill) do
    flushZadds(P .. 'ready:' .. grp)
    serveWaiters(grp)
  end
  -- Existing jobs last, so that a duplicate within the batch sees the job created above.
  for i, job in ipairs(jobs) do
    if job.existing then
      out[i] = { 0, job.existing, redis.call('HGETALL', jobKey(job.existing)),
        redis.call('ZSCORE', P .. 'leases', job.existing) }
    end
  end
  return out
end
`,
      [CLAIM_CORE, CLAIM_WAIT]
    );
  }
});

// src/redis/hand-changes.ts
async function retryRedisJob(scripts, jobId, request) {
  (0, import_adapter17.checkRetryRequest)(request);
  const reply = await scripts.retryJob(
    jobId,
    ...customerArgs(request.customerId),
    request.attempts
  );
  const [outcome, ...rest] = reply;
  if (outcome === "not-retryable") return { outcome, state: rest[0] };
  const job = outcome === "retried" ? decodeJob(rest, jobId) : void 0;
  return job ? { outcome: "retried", job } : { outcome: "not-found" };
}
async function deleteRedisJob(scripts, jobId, customerId2) {
  return await scripts.deleteJob(jobId, ...customerArgs(customerId2));
}
var import_adapter17, customerArgs;
var init_hand_changes = __esm({
  "src/redis/hand-changes.ts"() {
    "use strict";
    init_cjs_shims();
    import_adapter17 = require("@hangar/core/adapter");
    init_job_codec();
    customerArgs = (customerId2) => customerId2 === void 0 ? ["0", ""] : ["1", customerId2];
  }
});

// src/redis/runner-records.ts
function lengthPrefixed(value) {
  const colon = value.indexOf(":");
  const length = Number(value.slice(0, colon));
  if (colon < 1 || !Number.isInteger(length)) return void 0;
  const text4 = value.slice(colon + 1, colon + 1 + length);
  if (value[colon + 1 + length] !== ":") return void 0;
  return [text4, value.slice(colon + 2 + length)];
}
function queueOfKey(relative2) {
  if (relative2.startsWith("ready:")) return lengthPrefixed(relative2.slice("ready:".length))?.[0];
  if (relative2.startsWith("kpark:") || relative2.startsWith("cpark:")) {
    const group = lengthPrefixed(relative2.slice("kpark:".length))?.[1];
    return group === void 0 ? void 0 : lengthPrefixed(group)?.[0];
  }
  return void 0;
}
var import_adapter18, RedisRunners;
var init_runner_records = __esm({
  "src/redis/runner-records.ts"() {
    "use strict";
    init_cjs_shims();
    import_adapter18 = require("@hangar/core/adapter");
    RedisRunners = class {
      constructor(redis, scripts, base) {
        this.redis = redis;
        this.scripts = scripts;
        this.base = base;
      }
      redis;
      scripts;
      base;
      /** Stores or refreshes an advertisement until `ttlMs` from now (Redis' clock). */
      async advertise(info, ttlMs) {
        const ttl = Math.ceil(ttlMs);
        (0, import_adapter18.checkPositiveInteger)("ttlMs", ttl);
        const { id, host, pid, queues, types, startedAt } = info;
        const json3 = JSON.stringify({ host, pid, queues, types, startedAt: startedAt.toISOString() });
        await this.scripts.advertiseRunner(id, json3, ttl);
      }
      /** Removes an advertisement. */
      async withdraw(id) {
        await this.redis.multi().zrem(`${this.base}runners:exp`, id).hdel(`${this.base}runners`, id).exec();
      }
      /** The advertisements that have not lapsed, by id. */
      async list() {
        const reply = await this.scripts.listRunners();
        const records = [];
        for (let i = 0; i + 2 < reply.length; i += 3) {
          const stored = JSON.parse(reply[i + 2]);
          records.push({
            id: reply[i],
            ...stored.info,
            startedAt: new Date(stored.info.startedAt),
            seenAt: new Date(stored.seenAt),
            expiresAt: new Date(Number(reply[i + 1]))
          });
        }
        return records.sort((x, y) => x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
      }
      /**
       * Enqueued jobs per queue: the sizes and oldest entries of the ready zsets and of the park
       * zsets (Enqueued jobs set aside behind a concurrency key or customer limit), found with SCAN,
       * so the cost grows with the number of queues, job types and distinct priorities, not of jobs.
       */
      async queueDepths() {
        const depths = /* @__PURE__ */ new Map();
        for (const pattern of ["ready:*", "kpark:*", "cpark:*"]) {
          let cursor = "0";
          do {
            const [next, keys] = await this.redis.scan(cursor, "MATCH", `${this.base}${pattern}`, "COUNT", 1e3);
            cursor = next;
            const relative2 = keys.map((key) => key.slice(this.base.length));
            const reply = relative2.length > 0 ? await this.scripts.queueDepths(relative2) : [];
            relative2.forEach((key, i) => {
              const queue = queueOfKey(key);
              const size = Number(reply[2 * i] ?? 0);
              const oldest = String(reply[2 * i + 1] ?? "");
              if (queue === void 0 || size === 0 || oldest === "") return;
              const runAt = new Date(Number(oldest));
              const depth = depths.get(queue);
              if (!depth) depths.set(queue, { queue, waiting: size, oldestRunAt: runAt });
              else {
                depth.waiting += size;
                if (runAt < depth.oldestRunAt) depth.oldestRunAt = runAt;
              }
            });
          } while (cursor !== "0");
        }
        return [...depths.values()].sort((x, y) => x.queue < y.queue ? -1 : x.queue > y.queue ? 1 : 0);
      }
    };
  }
});

// src/redis/operator-calls.ts
function redisOperatorCalls(redis, scripts, base) {
  const runners = new RedisRunners(redis, scripts, base);
  return {
    retryJob: (jobId, request) => retryRedisJob(scripts, jobId, request),
    deleteJob: (jobId, options) => deleteRedisJob(scripts, jobId, options?.customerId),
    advertiseRunner: (info, ttlMs) => runners.advertise(info, ttlMs),
    withdrawRunner: (id) => runners.withdraw(id),
    listRunners: () => runners.list(),
    queueDepths: () => runners.queueDepths()
  };
}
var init_operator_calls3 = __esm({
  "src/redis/operator-calls.ts"() {
    "use strict";
    init_cjs_shims();
    init_hand_changes();
    init_runner_records();
  }
});

// src/redis/redis-job-counts.ts
function lengthPrefixed2(field, at) {
  const colon = field.indexOf(":", at);
  const length = Number(field.slice(at, colon));
  if (colon < 0 || !Number.isInteger(length) || length < 0) return void 0;
  return { text: field.slice(colon + 1, colon + 1 + length), end: colon + 1 + length };
}
function parseCountField(field) {
  let customerId2;
  let at = 0;
  if (field.startsWith("-|")) at = 1;
  else {
    const customer = lengthPrefixed2(field, 0);
    if (!customer) return void 0;
    customerId2 = customer.text;
    at = customer.end;
  }
  if (field[at] !== "|") return void 0;
  const queue = lengthPrefixed2(field, at + 1);
  if (!queue || field[queue.end] !== "|") return void 0;
  const state = field.slice(queue.end + 1);
  if (!import_core70.JOB_STATES.includes(state)) return void 0;
  return { owner: field.slice(0, queue.end), customerId: customerId2, queue: queue.text, state };
}
async function countRedisJobs(redis, scripts, base, filter = {}) {
  await scripts.recount();
  const raw = await redis.hgetall(`${base}counts`);
  const totals = /* @__PURE__ */ new Map();
  const waitingOwners = /* @__PURE__ */ new Set();
  for (const [name, value] of Object.entries(raw)) {
    const field = parseCountField(name);
    const count = Number(value);
    if (!field || !(count > 0)) continue;
    if (filter.customerId !== void 0 && field.customerId !== filter.customerId) continue;
    const key = `${field.queue}\0${import_core70.JOB_STATES.indexOf(field.state)}`;
    const total = totals.get(key);
    if (total) total.count += count;
    else totals.set(key, { queue: field.queue, state: field.state, count, estimated: false });
    if (field.state === "Enqueued") waitingOwners.add(field.owner);
  }
  const oldest = /* @__PURE__ */ new Map();
  if (waitingOwners.size > 0) {
    const heads = await scripts.oldestWaiting(...waitingOwners);
    for (let i = 0; i + 4 <= heads.length; i += 4) {
      const [owner, jobId, seq, createdAt] = heads.slice(i, i + 4);
      const queue = parseCountField(`${owner}|Enqueued`)?.queue;
      if (queue === void 0) continue;
      const first = oldest.get(queue);
      if (!first || Number(seq) < first.seq) {
        oldest.set(queue, { queue, jobId, createdAt: new Date(Number(createdAt)), seq: Number(seq) });
      }
    }
  }
  const byKey = (entries) => [...entries].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([, value]) => value);
  return {
    counts: byKey(totals),
    oldestWaiting: byKey(oldest).map(({ queue, jobId, createdAt }) => ({ queue, jobId, createdAt })),
    finishedCountedAt: /* @__PURE__ */ new Date()
  };
}
var import_core70;
var init_redis_job_counts = __esm({
  "src/redis/redis-job-counts.ts"() {
    "use strict";
    init_cjs_shims();
    import_core70 = require("@hangar/core");
  }
});

// src/redis/lua-coordination.ts
var ACQUIRE_LOCK_LUA, EXTEND_LOCK_LUA, RELEASE_LOCK_LUA, ADVANCE_SCHEDULE_LUA;
var init_lua_coordination = __esm({
  "src/redis/lua-coordination.ts"() {
    "use strict";
    init_cjs_shims();
    init_lua_core();
    ACQUIRE_LOCK_LUA = keysScript(`
local function main(A)
  local key = P .. 'lock:' .. A[1]
  local owner = redis.call('GET', key)
  if owner and owner ~= A[2] then return 0 end
  redis.call('SET', key, A[2], 'PX', A[3])
  return 1
end
`);
    EXTEND_LOCK_LUA = keysScript(`
local function main(A)
  local key = P .. 'lock:' .. A[1]
  if redis.call('GET', key) ~= A[2] then return 0 end
  redis.call('PEXPIRE', key, A[3])
  return 1
end
`);
    RELEASE_LOCK_LUA = keysScript(`
local function main(A)
  local key = P .. 'lock:' .. A[1]
  if redis.call('GET', key) ~= A[2] then return 0 end
  redis.call('DEL', key)
  return 1
end
`);
    ADVANCE_SCHEDULE_LUA = keysScript(`
local function main(A)
  local key = P .. 'schedule:' .. A[1]
  if redis.call('HGET', key, 'nextRunAt') ~= A[2] then return 0 end
  if A[3] == '' then
    redis.call('HDEL', key, 'nextRunAt')
  else
    redis.call('HSET', key, 'nextRunAt', A[3])
  end
  redis.call('HSET', key, 'lastRunAt', A[4])
  return 1
end
`);
  }
});

// src/redis/lua-counts.ts
var RECOUNT_LUA, OLDEST_WAITING_LUA;
var init_lua_counts = __esm({
  "src/redis/lua-counts.ts"() {
    "use strict";
    init_cjs_shims();
    init_lua_core();
    RECOUNT_LUA = keysScript(
      `
local function main(A)
  if redis.call('EXISTS', P .. 'countsv') == 1 then return 0 end
  redis.call('DEL', P .. 'counts')
  local counts = {}
  local first = '-inf'
  while true do
    local ids = redis.call('ZRANGEBYSCORE', P .. 'idx:all', first, '+inf', 'WITHSCORES', 'LIMIT', 0, 1000)
    if #ids == 0 then break end
    for i = 1, #ids, 2 do
      local id = ids[i]
      first = '(' .. ids[i + 1]
      local v = redis.call('HMGET', jobKey(id), 'customerId', 'queue', 'state', 'seq')
      if v[2] and v[3] then
        local owner = countOwner(v[1] or nil, v[2])
        local field = owner .. '|' .. v[3]
        counts[field] = (counts[field] or 0) + 1
        if v[3] == 'Enqueued' then
          redis.call('ZADD', P .. 'wait:' .. owner, v[4] or ids[i + 1], id)
        else
          redis.call('ZREM', P .. 'wait:' .. owner, id)
        end
      end
    end
  end
  for field, n in pairs(counts) do redis.call('HSET', P .. 'counts', field, n) end
  redis.call('SET', P .. 'countsv', '1')
  return 1
end
`
    );
    OLDEST_WAITING_LUA = keysScript(
      `
local function main(A)
  local out = {}
  for _, owner in ipairs(A) do
    local head = redis.call('ZRANGE', P .. 'wait:' .. owner, 0, 0, 'WITHSCORES')
    if head[1] then
      local at = redis.call('HGET', jobKey(head[1]), 'createdAt')
      if at then
        out[#out + 1] = owner
        out[#out + 1] = head[1]
        out[#out + 1] = head[2]
        out[#out + 1] = at
      end
    end
  end
  return out
end
`,
      { readOnly: true }
    );
  }
});

// src/redis/lua-hand-changes.ts
var import_adapter19, DROP_JOB, RETRY_LUA, DELETE_LUA;
var init_lua_hand_changes = __esm({
  "src/redis/lua-hand-changes.ts"() {
    "use strict";
    init_cjs_shims();
    import_adapter19 = require("@hangar/core/adapter");
    init_lua_core();
    DROP_JOB = `
local function dropJob(id)
  local key = jobKey(id)
  local v = redis.call('HMGET', key, 'customerId', 'userId', 'idempotencyKey', 'queue', 'state')
  if v[4] and v[5] then tally({ id = id, customerId = v[1] or nil, queue = v[4] }, v[5], nil) end
  redis.call('ZREM', P .. 'idx:all', id)
  if v[1] then redis.call('ZREM', P .. 'idx:cust:' .. v[1], id) end
  if v[2] then redis.call('ZREM', P .. 'idx:user:' .. v[2], id) end
  if v[3] then
    local field = idemField(v[1] or '', v[3])
    if redis.call('HGET', P .. 'idem', field) == id then redis.call('HDEL', P .. 'idem', field) end
  end
  redis.call('UNLINK', key, logKey(id), childrenKey(id))
end
`;
    RETRY_LUA = coreScript(`
local KEY = '"maxAttempts":'

-- \`rec\` is JSON the adapter wrote with maxAttempts before the parameters, so the first
-- occurrence of the key is the job's own (a key inside a string value would be escaped).
local function withMaxAttempts(rec, maxS)
  local at = string.find(rec, KEY, 1, true)
  if not at then return nil end
  local from = at + #KEY
  local value = string.match(rec, '^"?%d+"?', from)
  if not value then return nil end
  return string.sub(rec, 1, from - 1) .. maxS .. string.sub(rec, from + #value)
end

local function main(A)
  local id = A[1]
  local j = load(id)
  if not j or (A[2] == '1' and j.customerId ~= A[3]) then return { 'not-found' } end
  if j.state ~= 'Failed' and j.state ~= 'Cancelled' then return { 'not-retryable', j.state } end
  local max = math.min(attemptsOf(j) + tonumber(A[4]), ${import_adapter19.MAX_ATTEMPTS_CAP})
  local maxS = string.format('%d', max)
  redis.call('ZREM', P .. 'done:' .. j.state, id)
  local rec = redis.call('HGET', j.key, 'rec')
  if rec then
    local updated = withMaxAttempts(rec, maxS)
    if not updated then return redis.error_reply('job ' .. id .. ' has a record without maxAttempts') end
    redis.call('HSET', j.key, 'rec', updated)
  end
  redis.call('HDEL', j.key, 'finishedAt', 'result', 'cancelRequested')
  redis.call('HSET', j.key, 'maxAttempts', maxS, 'runAt', NOW_S)
  j.runAt = NOW_S
  j.handRetry = true
  toReady(j)
  local out = { 'retried' }
  for _, value in ipairs(redis.call('HGETALL', j.key)) do out[#out + 1] = value end
  return out
end
`);
    DELETE_LUA = coreScript(
      `
local function main(A)
  local id = A[1]
  local v = redis.call('HMGET', jobKey(id), 'state', 'customerId')
  if not v[1] or (A[2] == '1' and v[2] ~= A[3]) then return 'not-found' end
  if not isTerminal(v[1]) then return 'not-finished' end
  dropJob(id)
  redis.call('ZREM', P .. 'done:' .. v[1], id)
  return 'deleted'
end
`,
      [DROP_JOB]
    );
  }
});

// src/redis/lua-lifecycle.ts
var HEARTBEAT_LUA, SETTLE_LUA, RECOVER_LUA, REQUEST_CANCEL_LUA;
var init_lua_lifecycle = __esm({
  "src/redis/lua-lifecycle.ts"() {
    "use strict";
    init_cjs_shims();
    init_lua_core();
    HEARTBEAT_LUA = coreScript(`
local function main(A)
  local workerId = A[1]
  local leaseS = tostring(NOW + tonumber(A[2]))
  local held = {}
  for i = 3, #A do
    local id = A[i]
    local v = redis.call('HMGET', jobKey(id), 'state', 'workerId')
    if v[1] == 'Processing' and v[2] == workerId then
      zaddLater(P .. 'leases', leaseS, id)
      held[#held + 1] = id
    end
  end
  return held
end
`);
    SETTLE_LUA = coreScript(`
-- what finishing a Processing job reads; the other actions need the whole job
local FINISH_FIELDS = { 'state', 'workerId', 'queue', 'concurrencyKey', 'customerId', 'cancelRequested' }

local function settle(action, id, workerId, payload, retryAt)
  local j
  if action == 'complete' or action == 'cancelled' then j = loadSome(id, FINISH_FIELDS) else j = load(id) end
  if not j or j.state ~= 'Processing' or j.workerId ~= workerId then return 0 end
  if action == 'complete' then
    finish(j, 'Succeeded', 'result', payload)
  elseif action == 'cancelled' then
    finish(j, 'Cancelled', 'result', payload)
  elseif action == 'fail' then
    -- no retry for a job whose cancellation was requested
    if retryAt ~= '' and attemptsOf(j) < tonumber(j.maxAttempts) and j.cancelRequested ~= '1' then
      redis.call('HSET', j.key, 'errorInfo', payload)
      leaveProcessing(j)
      redis.call('HSET', j.key, 'runAt', retryAt)
      j.runAt = retryAt
      toDelayed(j)
    else
      finish(j, 'Failed', 'errorInfo', payload)
    end
  elseif action ~= 'release' then
    return 0
  elseif j.cancelRequested == '1' then
    -- released or abandoned after a cancellation was requested: honour the request, do not rerun
    finish(j, 'Cancelled')
  else
    -- graceful shutdown: the attempt does not count
    leaveProcessing(j)
    redis.call('HSET', j.key, 'attempts', int(attemptsOf(j) - 1), 'runAt', NOW_S)
    j.runAt = NOW_S
    toReady(j)
  end
  return 1
end

local function main(A)
  local out = {}
  for i = 1, #A, 5 do
    out[#out + 1] = settle(A[i], A[i + 1], A[i + 2], A[i + 3], A[i + 4])
  end
  return out
end
`);
    RECOVER_LUA = coreScript(`
local function main(A)
  local out = {}
  local ids = redis.call('ZRANGEBYSCORE', P .. 'leases', '-inf', NOW_S, 'LIMIT', '0', A[1])
  for _, id in ipairs(ids) do
    local j = load(id)
    if j and j.state == 'Processing' then
      out[#out + 1] = id
      if j.cancelRequested == '1' then
        finish(j, 'Cancelled')
      elseif attemptsOf(j) < tonumber(j.maxAttempts) then
        leaveProcessing(j)
        redis.call('HSET', j.key, 'runAt', NOW_S)
        j.runAt = NOW_S
        toReady(j)
      else
        redis.call('HSET', j.key, 'errorInfo', cjson.encode({ { code = 'LEASE_EXPIRED',
          key = 'hangar.error.leaseExpired', params = { jobId = id }, severity = 'error', source = j.workerId } }))
        finish(j, 'Failed')
      end
    else
      redis.call('ZREM', P .. 'leases', id)
    end
  end
  return out
end
`);
    REQUEST_CANCEL_LUA = coreScript(`
local function main(A)
  local id = A[1]
  local j = load(id)
  if not j or (A[2] == '1' and j.customerId ~= A[3]) then return 'not-found' end
  if isTerminal(j.state) then return 'finished' end
  if j.state ~= 'Processing' then
    finish(j, 'Cancelled')
    return 'cancelled'
  end
  redis.call('HSET', j.key, 'cancelRequested', '1', 'updatedAt', NOW_S)
  if j.workerId then
    -- kept until the job leaves Processing, so a worker that missed the message can catch up
    redis.call('SADD', P .. 'cancels:' .. j.workerId, id)
    redis.call('PUBLISH', P .. 'cancel', cjson.encode({ workerId = j.workerId, jobId = id }))
  end
  emit('cancel-requested', id, j.queue)
  return 'requested'
end
`);
  }
});

// src/redis/lua-records.ts
var APPEND_LOG_LUA, CLEANUP_LUA, LIST_LUA;
var init_lua_records = __esm({
  "src/redis/lua-records.ts"() {
    "use strict";
    init_cjs_shims();
    init_lua_core();
    init_lua_hand_changes();
    APPEND_LOG_LUA = coreScript(`
local function main(A)
  local id = A[1]
  local key = jobKey(id)
  local queue = redis.call('HGET', key, 'queue')
  if not queue then return 0 end
  local lk = logKey(id)
  local seq = redis.call('LLEN', lk)
  local head = '{"kind":"log","jobId":' .. cjson.encode(id) .. ',"queue":' .. cjson.encode(queue) .. ',"entry":'
  for i = 3, #A do
    seq = seq + 1
    -- spliced rather than decoded and re-encoded, which would round numbers to 14 digits
    local entry = '{"seq":' .. seq .. ',' .. string.sub(A[i], 2)
    redis.call('RPUSH', lk, entry)
    emitRaw(head .. entry .. '}')
  end
  if A[2] ~= '' then redis.call('HSET', key, 'progress', A[2], 'updatedAt', NOW_S) end
  return seq
end
`);
    CLEANUP_LUA = coreScript(
      `
local function main(A)
  local remaining = tonumber(A[1])
  local deleted = 0
  local retention = { { 'Succeeded', A[2] }, { 'Cancelled', A[3] }, { 'Failed', A[4] } }
  for _, r in ipairs(retention) do
    if remaining <= 0 then break end
    local dk = P .. 'done:' .. r[1]
    local ids = redis.call('ZRANGEBYSCORE', dk, '-inf', NOW - tonumber(r[2]), 'LIMIT', 0, remaining)
    for _, id in ipairs(ids) do
      dropJob(id)
      redis.call('ZREM', dk, id)
      deleted = deleted + 1
      remaining = remaining - 1
    end
  end
  return deleted
end
`,
      [DROP_JOB]
    );
    LIST_LUA = keysScript(
      `
local function main(A)
  local index = A[1] == 'all' and (P .. 'idx:all') or (P .. 'idx:' .. A[1] .. ':' .. A[2])
  local max = A[3]
  local limit, scanLimit = tonumber(A[4]), tonumber(A[5])
  local fc, fu, fq, fp = A[6], A[7], A[8], A[9]
  local pos = 10
  local function readSet()
    local n = tonumber(A[pos])
    pos = pos + 1
    if n < 0 then return nil end
    local set = {}
    for _ = 1, n do
      set[A[pos]] = true
      pos = pos + 1
    end
    return set
  end
  local states = readSet()
  local types = readSet()
  local function matches(v)
    if not v[4] then return false end
    if fc ~= '' and (not v[1] or '=' .. v[1] ~= fc) then return false end
    if fu ~= '' and (not v[2] or '=' .. v[2] ~= fu) then return false end
    if fq ~= '' and '=' .. v[3] ~= fq then return false end
    if states and not states[v[4]] then return false end
    if types and not types[v[5]] then return false end
    if fp ~= '' and (not v[6] or '=' .. v[6] ~= fp) then
      -- parentId is the first parent only; parents (JSON) lists every one
      if not v[7] then return false end
      local want = string.sub(fp, 2)
      for _, p in ipairs(cjson.decode(v[7])) do
        if p.id == want then return true end
      end
      return false
    end
    return true
  end

  local items, scanned, lastItem, cursor = {}, 0, nil, nil
  local done = false
  while not done do
    local batch = redis.call('ZREVRANGEBYSCORE', index, max, '-inf', 'WITHSCORES', 'LIMIT', '0', '100')
    if #batch == 0 then break end
    for i = 1, #batch, 2 do
      local id, seq = batch[i], batch[i + 1]
      max = '(' .. seq
      scanned = scanned + 1
      local v = redis.call('HMGET', jobKey(id), 'customerId', 'userId', 'queue', 'state', 'type', 'parentId', 'parents')
      if matches(v) then
        if #items >= limit * 2 then
          -- one match beyond the page proves there is a next page
          cursor = lastItem
          done = true
          break
        end
        local hash = redis.call('HGETALL', jobKey(id))
        -- the lease expiry lives in the leases zset only; the decoder takes it from here
        local lease = v[4] == 'Processing' and redis.call('ZSCORE', P .. 'leases', id)
        if lease then
          hash[#hash + 1] = 'leaseExpiresAt'
          hash[#hash + 1] = lease
        end
        items[#items + 1] = id
        items[#items + 1] = hash
        lastItem = seq
      end
      if scanned >= scanLimit then
        cursor = seq
        done = true
        break
      end
    end
  end
  return { cursor or '', items }
end
`,
      { readOnly: true }
    );
  }
});

// src/redis/lua-runners.ts
var CLOCK, ADVERTISE_RUNNER_LUA, LIST_RUNNERS_LUA, QUEUE_DEPTHS_LUA;
var init_lua_runners = __esm({
  "src/redis/lua-runners.ts"() {
    "use strict";
    init_cjs_shims();
    init_lua_core();
    CLOCK = `
local function nowMs()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
`;
    ADVERTISE_RUNNER_LUA = keysScript(`${CLOCK}
local function main(A)
  local now = nowMs()
  local nowS = string.format('%d', now)
  redis.call('HSET', P .. 'runners', A[1], '{"seenAt":' .. nowS .. ',"info":' .. A[2] .. '}')
  redis.call('ZADD', P .. 'runners:exp', string.format('%d', now + tonumber(A[3])), A[1])
  return nowS
end
`);
    LIST_RUNNERS_LUA = keysScript(`${CLOCK}
local function main(A)
  local nowS = string.format('%d', nowMs())
  local lapsed = redis.call('ZRANGEBYSCORE', P .. 'runners:exp', '-inf', nowS)
  if #lapsed > 0 then
    redis.call('ZREM', P .. 'runners:exp', unpack(lapsed))
    redis.call('HDEL', P .. 'runners', unpack(lapsed))
  end
  local alive = redis.call('ZRANGEBYSCORE', P .. 'runners:exp', '(' .. nowS, '+inf', 'WITHSCORES')
  local out = {}
  for i = 1, #alive, 2 do
    local stored = redis.call('HGET', P .. 'runners', alive[i])
    if stored then
      out[#out + 1] = alive[i]
      out[#out + 1] = alive[i + 1]
      out[#out + 1] = stored
    end
  end
  return out
end
`);
    QUEUE_DEPTHS_LUA = keysScript(
      `
local function main(A)
  local out = {}
  for _, relative in ipairs(A) do
    local key = P .. relative
    local oldest = ''
    local from = '-inf'
    while true do
      local first = redis.call('ZRANGEBYSCORE', key, from, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
      if #first == 0 then break end
      local runAt = string.sub(first[1], 1, 16)
      if oldest == '' or runAt < oldest then oldest = runAt end
      from = '(' .. first[2]
    end
    out[#out + 1] = redis.call('ZCARD', key)
    out[#out + 1] = oldest
  end
  return out
end
`,
      { readOnly: true }
    );
  }
});

// src/redis/lua-triggers.ts
var ADVANCE_TRIGGER_LUA, FINISHED_JOBS_LUA;
var init_lua_triggers = __esm({
  "src/redis/lua-triggers.ts"() {
    "use strict";
    init_cjs_shims();
    init_lua_core();
    ADVANCE_TRIGGER_LUA = keysScript(`
local function main(A)
  local key = P .. 'trigger:' .. A[1]
  local v = redis.call('HMGET', key, 'cursorAt', 'cursorId')
  if v[1] ~= A[2] or (v[2] or '') ~= A[3] then return 0 end
  if A[5] == '' then
    redis.call('HDEL', key, 'cursorId')
    redis.call('HSET', key, 'cursorAt', A[4])
  else
    redis.call('HSET', key, 'cursorAt', A[4], 'cursorId', A[5])
  end
  if A[6] ~= '' then redis.call('HSET', key, 'lastFiredAt', A[6]) end
  return 1
end
`);
    FINISHED_JOBS_LUA = keysScript(
      `
local function main(A)
  local t = redis.call('TIME')
  local upTo = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) - tonumber(A[3])
  local upToS = string.format('%d', upTo)
  local afterAt, afterId, limit = tonumber(A[1]), A[2], tonumber(A[4])
  local keepCustomer, customer = A[5] == '1', A[6]
  local ntypes = tonumber(A[7])
  local types = {}
  for i = 1, ntypes do types[A[7 + i]] = true end
  local entries = {}
  local more = false
  for i = 8 + ntypes, #A do
    local key = P .. 'done:' .. A[i]
    if afterId ~= '' and afterAt <= upTo then
      for _, id in ipairs(redis.call('ZRANGEBYSCORE', key, A[1], A[1])) do
        if id > afterId then entries[#entries + 1] = { afterAt, id } end
      end
    end
    local r = redis.call('ZRANGEBYSCORE', key, '(' .. A[1], upToS, 'WITHSCORES', 'LIMIT', 0, limit)
    if #r >= 2 * limit then more = true end
    for j = 1, #r, 2 do entries[#entries + 1] = { tonumber(r[j + 1]), r[j] } end
  end
  table.sort(entries, function(a, b)
    if a[1] ~= b[1] then return a[1] < b[1] end
    return a[2] < b[2]
  end)
  if #entries > limit then more = true end
  local out = { '', '', more and 1 or 0 }
  for k = 1, math.min(#entries, limit) do
    local e = entries[k]
    out[1] = string.format('%d', e[1])
    out[2] = e[2]
    local key = P .. 'job:' .. e[2]
    local v = redis.call('HMGET', key, 'type', 'customerId')
    if v[1] and types[v[1]] and ((not keepCustomer) or v[2] == customer) then
      out[#out + 1] = e[2]
      out[#out + 1] = redis.call('HGETALL', key)
    end
  end
  return out
end
`,
      { readOnly: true }
    );
  }
});

// src/redis/redis-scripts.ts
function registerScripts(redis, base, functions) {
  const commands = redis;
  const evalCalls = {};
  for (const [name, script] of Object.entries(SCRIPTS)) {
    const command = `hangar_${name}`;
    redis.defineCommand(command, { numberOfKeys: 1, lua: evalSource(script) });
    const fn = commands[command];
    if (!fn) throw new Error(`ioredis did not define the ${command} command`);
    evalCalls[name] = (...args) => fn.call(redis, base, ...args);
  }
  if (!functions) return evalCalls;
  let mode = "unknown";
  let loading;
  const load = () => {
    loading ??= redis.function("LOAD", "REPLACE", LIBRARY_SOURCE).then(
      () => {
        mode = "function";
      },
      (error) => {
        loading = void 0;
        if (!isReplyError(error)) throw error;
        mode = "eval";
      }
    );
    return loading;
  };
  const fcall = (name, args, reloaded) => redis.fcall(`${SCRIPT_LIBRARY}_${name}`, 1, base, ...args).catch((error) => {
    if (reloaded || !isReplyError(error) || !/Function not found/i.test(error.message)) throw error;
    if (mode === "function") {
      mode = "unknown";
      loading = void 0;
    }
    return load().then(() => mode === "eval" ? evalCalls[name](...args) : fcall(name, args, true));
  });
  const bound = {};
  for (const name of Object.keys(SCRIPTS)) {
    const run = (...args) => {
      if (mode === "function") return fcall(name, args, false);
      if (mode === "eval") return evalCalls[name](...args);
      return load().then(() => run(...args));
    };
    bound[name] = run;
  }
  return bound;
}
function isReplyError(error) {
  return error instanceof Error && error.name === "ReplyError";
}
var import_node_crypto9, SCRIPTS, SCRIPT_LIBRARY, LIBRARY_SOURCE;
var init_redis_scripts = __esm({
  "src/redis/redis-scripts.ts"() {
    "use strict";
    init_cjs_shims();
    import_node_crypto9 = require("crypto");
    init_lua_claim();
    init_lua_coordination();
    init_lua_core();
    init_lua_counts();
    init_lua_enqueue();
    init_lua_hand_changes();
    init_lua_lifecycle();
    init_lua_records();
    init_lua_runners();
    init_lua_triggers();
    SCRIPTS = {
      enqueue: ENQUEUE_LUA,
      claim: CLAIM_LUA,
      heartbeat: HEARTBEAT_LUA,
      settle: SETTLE_LUA,
      recover: RECOVER_LUA,
      requestCancel: REQUEST_CANCEL_LUA,
      retryJob: RETRY_LUA,
      deleteJob: DELETE_LUA,
      appendLog: APPEND_LOG_LUA,
      cleanup: CLEANUP_LUA,
      list: LIST_LUA,
      acquireLock: ACQUIRE_LOCK_LUA,
      extendLock: EXTEND_LOCK_LUA,
      releaseLock: RELEASE_LOCK_LUA,
      advanceSchedule: ADVANCE_SCHEDULE_LUA,
      advertiseRunner: ADVERTISE_RUNNER_LUA,
      listRunners: LIST_RUNNERS_LUA,
      queueDepths: QUEUE_DEPTHS_LUA,
      advanceTrigger: ADVANCE_TRIGGER_LUA,
      finishedJobs: FINISHED_JOBS_LUA,
      recount: RECOUNT_LUA,
      oldestWaiting: OLDEST_WAITING_LUA
    };
    SCRIPT_LIBRARY = `hangar_${(0, import_node_crypto9.createHash)("sha1").update(librarySource("hangar", SCRIPTS)).digest("hex").slice(0, 12)}`;
    LIBRARY_SOURCE = librarySource(SCRIPT_LIBRARY, SCRIPTS);
  }
});

// src/redis/redis-subscriber.ts
var import_core71, MAX_DELIVERED, RedisSubscriber;
var init_redis_subscriber = __esm({
  "src/redis/redis-subscriber.ts"() {
    "use strict";
    init_cjs_shims();
    import_core71 = require("@hangar/core");
    init_connection();
    init_log_codec();
    MAX_DELIVERED = 1e4;
    RedisSubscriber = class {
      constructor(deps) {
        this.deps = deps;
        const keyPrefix = deps.main.options.keyPrefix ?? "";
        this.changesChannel = deps.keys.changesChannel(keyPrefix);
        this.wakeChannel = deps.keys.wakeChannel(keyPrefix);
        this.cancelChannel = deps.keys.cancelChannel(keyPrefix);
      }
      deps;
      conn;
      changeListeners = /* @__PURE__ */ new Set();
      wakeListeners = /* @__PURE__ */ new Set();
      /** The change channel subscribed to, or being subscribed to. */
      feed = "none";
      feedSync = Promise.resolve();
      cancelListeners = /* @__PURE__ */ new Map();
      delivered = /* @__PURE__ */ new Map();
      handlers = /* @__PURE__ */ new Map();
      changesChannel;
      wakeChannel;
      cancelChannel;
      readyOnce = false;
      closed = false;
      /**
       * Calls `listener` for every change published by any process, or with `wakeUpsOnly` for the
       * wake-ups at least (see `isWakeUp`; it may get other changes too).
       */
      async onChange(listener, wakeUpsOnly = false) {
        const set = wakeUpsOnly ? this.wakeListeners : this.changeListeners;
        this.connection();
        set.add(listener);
        try {
          await this.syncFeed();
        } catch (err) {
          set.delete(listener);
          throw err;
        }
        return async () => {
          if (!set.delete(listener) || this.closed) return;
          await this.syncFeed().catch(() => {
          });
        };
      }
      /** The change channel the listeners need now. */
      wantedFeed() {
        if (this.changeListeners.size > 0) return "all";
        return this.wakeListeners.size > 0 ? "wake" : "none";
      }
      /**
       * Moves the subscription to the channel the listeners need, subscribing to the new one before
       * leaving the old; messages are read from the current one only, so none comes twice.
       */
      syncFeed() {
        const next = this.feedSync.then(async () => {
          const conn = this.conn;
          const wanted = this.wantedFeed();
          if (!conn || wanted === this.feed) return;
          const channelOf = (feed) => feed === "all" ? this.changesChannel : this.wakeChannel;
          if (wanted !== "none") await conn.subscribe(channelOf(wanted));
          const previous = this.feed;
          this.feed = wanted;
          if (previous !== "none") await conn.unsubscribe(channelOf(previous)).catch(() => {
          });
        });
        this.feedSync = next.catch(() => {
        });
        return next;
      }
      /**
       * Calls `handler` with every message on an adapter-internal `channel` (full name, key prefix
       * included) until the subscriber closes; resolves once subscribed.
       */
      async onMessage(channel, handler) {
        const conn = this.connection();
        this.handlers.set(channel, handler);
        try {
          await conn.subscribe(channel);
        } catch (err) {
          this.handlers.delete(channel);
          throw err;
        }
      }
      /** Calls `listener` with the id of each job of `workerId` whose cancellation is requested. */
      async onCancel(workerId, listener) {
        const conn = this.connection();
        const set = this.cancelListeners.get(workerId) ?? /* @__PURE__ */ new Set();
        this.cancelListeners.set(workerId, set);
        set.add(listener);
        try {
          await conn.subscribe(this.cancelChannel);
        } catch (err) {
          set.delete(listener);
          if (set.size === 0) this.cancelListeners.delete(workerId);
          throw err;
        }
        return async () => {
          const listeners = this.cancelListeners.get(workerId);
          if (!listeners?.delete(listener)) return;
          if (listeners.size === 0) {
            this.cancelListeners.delete(workerId);
            this.delivered.delete(workerId);
          }
          if (this.cancelListenerCount() > 0 || this.closed) return;
          await conn.unsubscribe(this.cancelChannel).catch(() => {
          });
        };
      }
      /** Drops every listener and closes the pub/sub connection. */
      async close() {
        this.closed = true;
        this.changeListeners.clear();
        this.wakeListeners.clear();
        this.cancelListeners.clear();
        this.handlers.clear();
        const conn = this.conn;
        this.conn = void 0;
        if (conn) await closeConnection(conn);
      }
      connection() {
        if (this.closed) throw new Error("The Redis queue is closed");
        if (this.conn) return this.conn;
        const conn = this.deps.main.duplicate({
          connectionName: `${this.deps.connectionName}:subscriber`,
          lazyConnect: false
        });
        conn.on("error", (err) => this.deps.logger.warn({ err }, "Redis pub/sub connection error"));
        conn.on("ready", () => {
          if (this.readyOnce) void this.afterReconnect(conn);
          this.readyOnce = true;
        });
        conn.on("message", (channel, message) => this.dispatch(channel, message));
        this.conn = conn;
        return conn;
      }
      dispatch(channel, message) {
        const handler = this.handlers.get(channel);
        if (handler) {
          this.call(() => handler(message));
          return;
        }
        try {
          const all = channel === this.changesChannel;
          if (all || channel === this.wakeChannel) {
            if ((all ? "all" : "wake") !== this.feed) return;
            for (const raw of JSON.parse(message)) {
              if (Array.isArray(raw)) {
                const [kind, state, queue] = raw;
                for (let i = 3; i < raw.length; i++) {
                  const change = { kind, jobId: raw[i] };
                  if (queue !== null) change.queue = queue;
                  if (state !== null) change.state = state;
                  this.deliverChange(change);
                }
              } else {
                this.deliverChange(
                  raw.kind === "log" && raw.entry !== void 0 ? { ...raw, entry: decodeLogEntry(JSON.stringify(raw.entry)) } : raw
                );
              }
            }
          } else if (channel === this.cancelChannel) {
            const { workerId, jobId } = JSON.parse(message);
            this.deliverCancel(workerId, jobId);
          }
        } catch (err) {
          this.deps.logger.error({ err, channel }, "Unreadable message on a Hangar channel");
        }
      }
      deliverChange(change) {
        for (const listener of this.changeListeners) this.call(() => listener(change));
        if (this.wakeListeners.size > 0 && (0, import_core71.isWakeUp)(change))
          for (const listener of this.wakeListeners) this.call(() => listener(change));
      }
      deliverCancel(workerId, jobId) {
        const listeners = this.cancelListeners.get(workerId);
        if (!listeners || listeners.size === 0) return;
        const seen = this.delivered.get(workerId) ?? /* @__PURE__ */ new Set();
        this.delivered.set(workerId, seen);
        seen.add(jobId);
        if (seen.size > MAX_DELIVERED) {
          const oldest = seen.values().next().value;
          if (oldest !== void 0) seen.delete(oldest);
        }
        for (const listener of listeners) this.call(() => listener(jobId));
      }
      /** Confirms the subscriptions, then catches up on cancellations published while disconnected. */
      async afterReconnect(conn) {
        try {
          const channels = [
            ...this.feed === "all" ? [this.changesChannel] : this.feed === "wake" ? [this.wakeChannel] : [],
            ...this.cancelListenerCount() > 0 ? [this.cancelChannel] : [],
            ...this.handlers.keys()
          ];
          if (channels.length > 0) await conn.subscribe(...channels);
          for (const workerId of [...this.cancelListeners.keys()]) {
            const pending = await this.deps.main.smembers(this.deps.keys.cancels(workerId));
            const seen = this.delivered.get(workerId);
            for (const jobId of pending) if (!seen?.has(jobId)) this.deliverCancel(workerId, jobId);
            const still = new Set(pending);
            for (const jobId of seen ?? []) if (!still.has(jobId)) seen?.delete(jobId);
          }
        } catch (err) {
          this.deps.logger.warn({ err }, "Could not catch up on cancellations after reconnecting to Redis");
        }
      }
      cancelListenerCount() {
        let n = 0;
        for (const set of this.cancelListeners.values()) n += set.size;
        return n;
      }
      call(fn) {
        try {
          fn();
        } catch (err) {
          this.deps.logger.error({ err }, "A Hangar change listener threw");
        }
      }
    };
  }
});

// src/redis/trigger-codec.ts
function encodeTrigger(trigger2) {
  const fields = {
    name: trigger2.name,
    on: JSON.stringify(trigger2.on),
    job: JSON.stringify(trigger2.job),
    paused: trigger2.paused ? "1" : "0",
    since: String(trigger2.since.getTime()),
    cursorAt: String(trigger2.cursor.at.getTime())
  };
  if (trigger2.cursor.jobId !== void 0) fields.cursorId = trigger2.cursor.jobId;
  if (trigger2.lastFiredAt) fields.lastFiredAt = String(trigger2.lastFiredAt.getTime());
  return fields;
}
function decodeTrigger(hash2) {
  if (hash2.name === void 0 || hash2.on === void 0 || hash2.job === void 0) return void 0;
  return {
    name: hash2.name,
    on: JSON.parse(hash2.on),
    job: JSON.parse(hash2.job),
    paused: hash2.paused === "1",
    since: new Date(Number(hash2.since ?? 0)),
    cursor: {
      at: new Date(Number(hash2.cursorAt ?? hash2.since ?? 0)),
      ...hash2.cursorId === void 0 ? {} : { jobId: hash2.cursorId }
    },
    lastFiredAt: hash2.lastFiredAt === void 0 ? null : new Date(Number(hash2.lastFiredAt))
  };
}
var init_trigger_codec = __esm({
  "src/redis/trigger-codec.ts"() {
    "use strict";
    init_cjs_shims();
  }
});

// src/redis/redis-triggers.ts
var import_adapter20, RedisTriggers;
var init_redis_triggers = __esm({
  "src/redis/redis-triggers.ts"() {
    "use strict";
    init_cjs_shims();
    import_adapter20 = require("@hangar/core/adapter");
    init_job_codec();
    init_trigger_codec();
    RedisTriggers = class {
      constructor(redis, keys, scripts) {
        this.redis = redis;
        this.keys = keys;
        this.scripts = scripts;
      }
      redis;
      keys;
      scripts;
      key(name) {
        return `${this.keys.base}trigger:${name}`;
      }
      async saveTrigger(trigger2) {
        const key = this.key(trigger2.name);
        await this.redis.multi().del(key).hset(key, encodeTrigger(trigger2)).sadd(`${this.keys.base}triggers`, trigger2.name).exec();
      }
      async getTrigger(name) {
        return decodeTrigger(await this.redis.hgetall(this.key(name)));
      }
      async listTriggers() {
        const names = await this.redis.smembers(`${this.keys.base}triggers`);
        if (names.length === 0) return [];
        const pipeline = this.redis.pipeline();
        for (const name of names) pipeline.hgetall(this.key(name));
        const out = [];
        for (const [err, hash2] of await pipeline.exec() ?? []) {
          if (err) throw err;
          const trigger2 = decodeTrigger(hash2);
          if (trigger2) out.push(trigger2);
        }
        return out.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      }
      async deleteTrigger(name) {
        const replies = await this.redis.multi().del(this.key(name)).srem(`${this.keys.base}triggers`, name).exec();
        return replies?.[0]?.[1] === 1;
      }
      async advanceTrigger(name, expected, next, firedAt) {
        const reply = await this.scripts.advanceTrigger(
          name,
          String(expected.at.getTime()),
          expected.jobId ?? "",
          String(next.at.getTime()),
          next.jobId ?? "",
          firedAt ? String(firedAt.getTime()) : ""
        );
        return reply === 1;
      }
      async listFinishedJobs(query) {
        const limit = (0, import_adapter20.checkFinishedJobsQuery)(query);
        const reply = await this.scripts.finishedJobs(
          String(query.after.at.getTime()),
          query.after.jobId ?? "",
          query.settledMs,
          limit,
          query.customerId === void 0 ? "0" : "1",
          query.customerId ?? "",
          query.types.length,
          [...query.types],
          [...query.states]
        );
        const [reachedAt, reachedId, more, ...items] = reply;
        const jobs = [];
        for (let i = 0; i + 1 < items.length; i += 2) {
          const job = decodeJob(items[i + 1], items[i]);
          if (job) jobs.push(job);
        }
        return {
          jobs,
          reached: reachedAt === "" ? void 0 : { at: new Date(Number(reachedAt)), jobId: reachedId },
          more: more === 1
        };
      }
    };
  }
});

// src/redis/schedule-codec.ts
function encodeSchedule(schedule) {
  const fields = {
    name: schedule.name,
    cron: schedule.cron,
    timezone: schedule.timezone,
    type: schedule.type,
    options: JSON.stringify(schedule.options),
    paused: schedule.paused ? "1" : "0"
  };
  const params = JSON.stringify(schedule.params);
  if (params !== void 0) fields.params = params;
  if (schedule.nextRunAt) fields.nextRunAt = String(schedule.nextRunAt.getTime());
  if (schedule.lastRunAt) fields.lastRunAt = String(schedule.lastRunAt.getTime());
  return fields;
}
function decodeSchedule(hash2) {
  if (hash2.name === void 0) return void 0;
  return {
    name: hash2.name,
    cron: hash2.cron ?? "",
    timezone: hash2.timezone ?? "UTC",
    type: hash2.type ?? "",
    params: hash2.params === void 0 ? void 0 : JSON.parse(hash2.params),
    options: JSON.parse(hash2.options ?? "{}"),
    paused: hash2.paused === "1",
    nextRunAt: hash2.nextRunAt === void 0 ? null : new Date(Number(hash2.nextRunAt)),
    lastRunAt: hash2.lastRunAt === void 0 ? null : new Date(Number(hash2.lastRunAt))
  };
}
var init_schedule_codec = __esm({
  "src/redis/schedule-codec.ts"() {
    "use strict";
    init_cjs_shims();
  }
});

// src/redis/settle-batcher.ts
var import_adapter21, MAX_SETTLE_BATCH, MAX_SETTLES_IN_FLIGHT, SettleBatcher;
var init_settle_batcher = __esm({
  "src/redis/settle-batcher.ts"() {
    "use strict";
    init_cjs_shims();
    import_adapter21 = require("@hangar/core/adapter");
    MAX_SETTLE_BATCH = 256;
    MAX_SETTLES_IN_FLIGHT = 1;
    SettleBatcher = class {
      batcher;
      constructor(settle) {
        this.batcher = new import_adapter21.CallBatcher({
          maxBatch: MAX_SETTLE_BATCH,
          maxInFlight: MAX_SETTLES_IN_FLIGHT,
          defer: process.nextTick,
          send: async (batch) => {
            const args = [];
            for (const entry of batch) for (const arg of entry) args.push(arg);
            const outcomes = await settle(args);
            return batch.map((_, i) => outcomes[i] === 1);
          }
        });
      }
      /** Queues one attempt end; resolves to whether the worker still held the job. */
      add(action, jobId, workerId, payload, retryAt = "") {
        return this.batcher.add([action, jobId, workerId, payload, retryAt]);
      }
      /** Sends every queued attempt end and waits for the calls on their way. */
      drain() {
        return this.batcher.drain();
      }
    };
  }
});

// src/redis/redis-queue.ts
function refuseMissingParent(error) {
  const message = error instanceof Error ? error.message : "";
  if (message.startsWith(`${PARENT_NOT_FOUND} `)) {
    throw new import_core72.JobNotFoundError(message.slice(PARENT_NOT_FOUND.length + 1));
  }
  throw error;
}
var import_node_crypto10, import_core72, import_adapter22, RedisQueue;
var init_redis_queue = __esm({
  "src/redis/redis-queue.ts"() {
    "use strict";
    init_cjs_shims();
    import_node_crypto10 = require("crypto");
    import_core72 = require("@hangar/core");
    import_adapter22 = require("@hangar/core/adapter");
    init_operator_calls();
    init_claim_reply();
    init_claim_waits();
    init_connection();
    init_job_codec();
    init_list_query();
    init_log_codec();
    init_lua_enqueue();
    init_operator_calls3();
    init_options2();
    init_redis_job_counts();
    init_redis_keys();
    init_redis_scripts();
    init_redis_subscriber();
    init_redis_triggers();
    init_schedule_codec();
    init_settle_batcher();
    RedisQueue = class extends OperatorCallsBase {
      name = "redis";
      /** The options in effect, defaults applied. */
      options;
      /** The command connection (yours when you passed a client). */
      redis;
      keys;
      operatorCalls;
      scripts;
      subscriber;
      ownsConnection;
      closing;
      settles;
      /** This instance's hand-over channel: enqueues publish there the jobs they claimed for its waits. */
      pushChannel = (0, import_node_crypto10.randomUUID)();
      waitsReady;
      waits;
      triggerStore;
      constructor(options = {}) {
        super();
        this.options = resolveRedisQueueOptions(options);
        const { connection, connectionName, prefix, logger } = this.options;
        this.ownsConnection = typeof connection === "string";
        this.redis = typeof connection === "string" ? openConnection(connection, connectionName) : connection;
        if (this.ownsConnection) {
          this.redis.on("error", (err) => logger.warn({ err }, "Redis connection error"));
        }
        this.keys = new RedisKeys(prefix);
        this.scripts = registerScripts(this.redis, this.keys.base, this.options.functions);
        this.operatorCalls = redisOperatorCalls(this.redis, this.scripts, this.keys.base);
        this.settles = new SettleBatcher(this.scripts.settle);
        this.triggerStore = new RedisTriggers(this.redis, this.keys, this.scripts);
        this.subscriber = new RedisSubscriber({ main: this.redis, keys: this.keys, connectionName, logger });
      }
      async enqueue(request, options) {
        const [result] = await this.enqueueMany([request], options);
        if (!result) throw new Error("The enqueue script returned no result");
        return result;
      }
      async enqueueMany(requests, options) {
        options?.signal?.throwIfAborted();
        (0, import_adapter22.refuseTransaction)(options, "the Redis queue");
        if (requests.length === 0) return [];
        (0, import_adapter22.checkEnqueueRequests)(requests);
        const ids = [];
        const encoded = [];
        const args = [requests.length];
        for (const request of requests) {
          const id = (0, import_node_crypto10.randomUUID)();
          const job = encodeNewJob(request);
          ids.push(id);
          encoded.push(job);
          args.push(id, job.fields.length / 2);
          for (const field of job.fields) args.push(field);
        }
        const replies = await this.scripts.enqueue(args).catch(refuseMissingParent);
        return replies.map((reply, i) => {
          const id = ids[i];
          if (reply[0] === 0) {
            const job2 = decodeJob(reply[2], reply[1], reply[3]);
            if (!job2) throw new Error(`Job ${reply[1]} vanished while enqueueing`);
            return { id: job2.id, created: false, job: job2 };
          }
          const [, state, createdAt, , runAt, parentId, parentState, condition] = reply;
          const unmet = parentId === void 0 || parentState === void 0 || condition === void 0 ? void 0 : { parentId, state: parentState, condition };
          const paramsJson = encoded[i].paramsJson;
          const request = requests[i];
          const job = (0, import_adapter22.newJobRecord)(request, {
            id,
            state,
            unmet,
            runAt: new Date(Number(runAt)),
            createdAt: new Date(Number(createdAt)),
            params: paramsJson === void 0 ? void 0 : JSON.parse(paramsJson),
            metadata: request.metadata === void 0 ? void 0 : JSON.parse(JSON.stringify(request.metadata))
          });
          return { id, created: true, job };
        });
      }
      async claim(request) {
        (0, import_adapter22.checkClaimRequest)(request);
        if (request.queues.length === 0 || request.types.length === 0) return [];
        if (this.options.claimWaitMs === 0 || this.closing) return (await this.runClaim(request, "")).jobs;
        if (this.waits) return this.waits.claim(request);
        this.waitsReady ??= this.openWaits().then(
          (waits) => {
            this.waits = waits;
            return waits;
          },
          (error) => {
            this.waitsReady = void 0;
            throw error;
          }
        );
        return (await this.waitsReady).claim(request);
      }
      /** Runs the claim script; see `RunClaim`. */
      async runClaim(request, unwait, next) {
        const { worker, limit, leaseMs, maxPerCustomer } = request;
        const groups = /* @__PURE__ */ new Map();
        for (const queue of request.queues)
          for (const type of request.types) groups.set(readyGroup(queue, type), queue);
        const { claimScanLimit, promoteBatchSize } = this.options;
        const reply = await this.scripts.claim(
          worker.id,
          JSON.stringify(worker),
          Math.floor(limit),
          Math.ceil(leaseMs),
          maxPerCustomer === void 0 ? "" : Math.floor(maxPerCustomer),
          claimScanLimit,
          promoteBatchSize,
          unwait,
          next === void 0 ? "" : next === "end" ? "-" : next.ms,
          next === void 0 || next === "end" ? "" : next.token,
          next === void 0 || next === "end" ? "" : this.waiterSpec(request, groups),
          [...groups].flat()
        );
        return decodeClaimReply(reply, worker);
      }
      /** A waiting claimer as the enqueue script reads it (see `CLAIM_WAIT`). */
      waiterSpec(request, groups) {
        const { worker, limit, leaseMs, maxPerCustomer } = request;
        return JSON.stringify({
          w: worker.id,
          j: JSON.stringify(worker),
          l: Math.floor(limit),
          ms: Math.ceil(leaseMs),
          mp: maxPerCustomer === void 0 ? void 0 : Math.floor(maxPerCustomer),
          s: this.options.claimScanLimit,
          c: this.pushChannel,
          g: [...groups.keys()],
          q: [...groups.values()]
        });
      }
      /** Subscribes to this queue's hand-over channel and to changes, for claims that wait. */
      async openWaits() {
        const waits = new ClaimWaits({
          waitMs: this.options.claimWaitMs,
          channel: this.pushChannel,
          run: (request, unwait, next) => this.runClaim(request, unwait, next),
          decode: (reply, request) => decodeClaimReply(reply, request.worker).jobs,
          release: async (request, jobs) => {
            await Promise.all(jobs.map((job) => this.release(job.id, request.worker.id)));
          }
        });
        const keyPrefix = this.redis.options.keyPrefix ?? "";
        await this.subscriber.onMessage(
          this.keys.pushChannel(keyPrefix, this.pushChannel),
          (message) => waits.onPush(message)
        );
        await this.subscriber.onChange((change) => waits.onChange(change), true);
        return waits;
      }
      async heartbeat(workerId, jobIds, leaseMs) {
        (0, import_adapter22.checkPositiveInteger)("leaseMs", leaseMs);
        if (jobIds.length === 0) return [];
        return await this.scripts.heartbeat(workerId, leaseMs, jobIds);
      }
      async complete(jobId, workerId, result) {
        return this.settles.add("complete", jobId, workerId, JSON.stringify(result));
      }
      async fail(jobId, workerId, request) {
        const retryAt = request.retryAt === void 0 ? "" : String(request.retryAt.getTime());
        return this.settles.add("fail", jobId, workerId, JSON.stringify(request.errorInfo), retryAt);
      }
      async markCancelled(jobId, workerId, result) {
        return this.settles.add("cancelled", jobId, workerId, JSON.stringify(result));
      }
      async release(jobId, workerId) {
        return this.settles.add("release", jobId, workerId, "");
      }
      async recoverExpiredLeases() {
        return await this.scripts.recover(this.options.recoverBatchSize);
      }
      async requestCancel(jobId, options = {}) {
        const { customerId: customerId2 } = options;
        const checkCustomer = customerId2 === void 0 ? "0" : "1";
        return await this.scripts.requestCancel(jobId, checkCustomer, customerId2 ?? "");
      }
      async onCancelRequest(workerId, listener) {
        return this.subscriber.onCancel(workerId, listener);
      }
      async get(jobId, options = {}) {
        const replies = await this.redis.multi().hgetall(this.keys.job(jobId)).zscore(this.keys.leases(), jobId).exec();
        const [hashReply, leaseReply] = replies ?? [];
        if (hashReply?.[0]) throw hashReply[0];
        if (leaseReply?.[0]) throw leaseReply[0];
        const job = decodeJob(
          hashReply?.[1] ?? {},
          jobId,
          leaseReply?.[1]
        );
        if (!job || options.customerId !== void 0 && job.customerId !== options.customerId) return void 0;
        return job;
      }
      async list(filter = {}) {
        const limit = (0, import_adapter22.listPageSize)(filter.limit);
        const before = filter.cursor === void 0 ? void 0 : decodeCursor3(filter.cursor);
        const reply = await this.scripts.list(listArgs(filter, limit, before, this.options.listScanLimit));
        const [cursor, items] = reply;
        const jobs = [];
        for (let i = 0; i + 1 < items.length; i += 2) {
          const job = decodeJob(items[i + 1], items[i]);
          if (job && (0, import_adapter22.jobHasLabels)(job, filter.metadata)) jobs.push(job);
        }
        return { items: jobs, nextCursor: cursor === "" ? void 0 : encodeCursor2(cursor) };
      }
      /** Per queue and state, exactly, from the counts the scripts keep on every move (nothing scanned). */
      countJobs(filter) {
        return countRedisJobs(this.redis, this.scripts, this.keys.base, filter);
      }
      async appendLog(jobId, entries) {
        if (entries.length === 0) return;
        const last = await this.scripts.appendLog(jobId, progressOf(entries), entries.map(encodeLogEntry));
        if (last === 0) throw new import_core72.JobNotFoundError(jobId);
      }
      async getLog(jobId, options = {}) {
        const after = Math.max(0, Math.floor(options.afterSeq ?? 0));
        const raw = await this.redis.lrange(this.keys.log(jobId), after, -1);
        return raw.map(decodeLogEntry);
      }
      async acquireLock(name, owner, ttlMs) {
        return await this.scripts.acquireLock(name, owner, (0, import_adapter22.lockTtlMs)(ttlMs)) === 1;
      }
      async extendLock(name, owner, ttlMs) {
        return await this.scripts.extendLock(name, owner, (0, import_adapter22.lockTtlMs)(ttlMs)) === 1;
      }
      async releaseLock(name, owner) {
        return await this.scripts.releaseLock(name, owner) === 1;
      }
      async saveSchedule(schedule) {
        const key = this.keys.schedule(schedule.name);
        await this.redis.multi().del(key).hset(key, encodeSchedule(schedule)).sadd(this.keys.schedules(), schedule.name).exec();
      }
      async getSchedule(name) {
        return decodeSchedule(await this.redis.hgetall(this.keys.schedule(name)));
      }
      async listSchedules() {
        const names = (await this.redis.smembers(this.keys.schedules())).sort();
        if (names.length === 0) return [];
        const pipeline = this.redis.pipeline();
        for (const name of names) pipeline.hgetall(this.keys.schedule(name));
        const replies = await pipeline.exec() ?? [];
        const out = [];
        for (const [err, hash2] of replies) {
          if (err) throw err;
          const schedule = decodeSchedule(hash2);
          if (schedule) out.push(schedule);
        }
        return out.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      }
      async deleteSchedule(name) {
        const replies = await this.redis.multi().del(this.keys.schedule(name)).srem(this.keys.schedules(), name).exec();
        return replies?.[0]?.[1] === 1;
      }
      async advanceSchedule(name, expected, next, firedAt) {
        const nextArg = next === null ? "" : String(next.getTime());
        const reply = await this.scripts.advanceSchedule(
          name,
          String(expected.getTime()),
          nextArg,
          String(firedAt.getTime())
        );
        return reply === 1;
      }
      async cleanup(policy) {
        const batch = (0, import_adapter22.checkRetentionPolicy)(policy);
        const ages = [policy.succeededMs, policy.cancelledMs, policy.failedMs];
        return await this.scripts.cleanup(batch, ...ages.map((ms2) => Math.floor(ms2)));
      }
      async subscribe(listener, options) {
        return this.subscriber.onChange(listener, options?.wakeUpsOnly === true);
      }
      /** Closes the pub/sub connection, and the command connection when the queue opened it. */
      async close() {
        this.closing ??= (async () => {
          await this.settles.drain().catch(() => void 0);
          const waits = await this.waitsReady?.catch(() => void 0);
          await waits?.close();
          await this.subscriber.close();
          if (this.ownsConnection) await closeConnection(this.redis);
        })();
        return this.closing;
      }
    };
  }
});

// src/redis/index.ts
var redis_exports = {};
__export(redis_exports, {
  REDIS_QUEUE_DEFAULTS: () => REDIS_QUEUE_DEFAULTS,
  RedisQueue: () => RedisQueue
});
var init_redis = __esm({
  "src/redis/index.ts"() {
    "use strict";
    init_cjs_shims();
    init_options2();
    init_redis_queue();
  }
});

// src/cli/index.ts
var cli_exports = {};
__export(cli_exports, {
  BUILTIN_COMMANDS: () => BUILTIN_COMMANDS,
  CliError: () => CliError,
  DEFAULT_CONFIG_FILE: () => DEFAULT_CONFIG_FILE,
  EXIT: () => EXIT,
  ProgressBar: () => ProgressBar,
  SseParser: () => SseParser,
  cliMessages: () => cliMessages,
  configPath: () => configPath,
  configSchema: () => configSchema,
  discoverInstalledPlugins: () => discoverInstalledPlugins,
  exitCodeForApiError: () => exitCodeForApiError,
  explicitPluginSources: () => explicitPluginSources,
  isPlugin: () => isPlugin,
  languageFromEnv: () => languageFromEnv,
  loadConfig: () => loadConfig,
  loadPlugin: () => loadPlugin,
  loadPlugins: () => loadPlugins,
  runCli: () => runCli
});
module.exports = __toCommonJS(cli_exports);
init_cjs_shims();

// src/cli/cli-context.ts
init_cjs_shims();
var import_core2 = require("@hangar/core");

// src/cli/cli-error.ts
init_cjs_shims();
var import_core = require("@hangar/core");

// src/cli/cli-messages.ts
init_cjs_shims();
var cliMessages = {
  en: {
    "hangar.cli.unknownCommand": 'Unknown command "{command}".',
    "hangar.cli.usageError": "{problem}",
    "hangar.cli.missingArgument": "Missing {name}: {hint}",
    "hangar.cli.badJson": `The value of {flag} is not valid JSON ({reason}); quote it, e.g. {flag} '{"a": 1}'`,
    "hangar.cli.badNumber": 'The value of {flag} must be a whole number, got "{value}"',
    "hangar.cli.numberTooSmall": "The value of {flag} must be at least {min}, got {value}",
    "hangar.cli.numberTooLarge": "The value of {flag} must be at most {max}, got {value}",
    "hangar.cli.version": "hangar {version}",
    "hangar.cli.badUrl": 'The server URL "{url}" is not an http(s) URL; pass e.g. --server http://127.0.0.1:8080',
    "hangar.cli.noToken": "No API token: pass --token or set HANGAR_TOKEN",
    "hangar.cli.unreachable": "Cannot reach the Hangar server at {url} ({reason}); check --server or HANGAR_URL",
    "hangar.cli.badResponse": "The server at {url} answered {status} without a Hangar error body",
    "hangar.cli.streamLost": "Lost the event stream of job {jobId} ({reason})",
    "hangar.cli.enqueued": "Job {jobId} enqueued ({type})",
    "hangar.cli.succeeded": "Job {jobId} succeeded",
    "hangar.cli.failed": "Job {jobId} failed",
    "hangar.cli.cancelledJob": "Job {jobId} was cancelled",
    "hangar.cli.stoppedWaiting": "Stopped waiting; job {jobId} goes on (see: hangar status {jobId})",
    "hangar.cli.cancelOutcome.cancelled": "Job {jobId} cancelled; it will not run",
    "hangar.cli.cancelOutcome.requested": "Cancellation of job {jobId} requested; its worker is stopping it",
    "hangar.cli.cancelOutcome.finished": "Job {jobId} had already finished ({state})",
    "hangar.cli.jobRetried": "Job {jobId} is {state} again, with up to {maxAttempts} attempts in all",
    "hangar.cli.jobDeleted": "Job {jobId} deleted, with its log",
    "hangar.cli.workflow": "Workflow {name} ({id}): {state}, {done} of {total} steps done",
    "hangar.cli.workflowCancelled": "Workflow {id}: {outcome}; {steps} steps cancelled or stopping",
    "hangar.cli.scheduleCreated": "Schedule {name} created; next run {next}",
    "hangar.cli.scheduleReplaced": "Schedule {name} replaced; next run {next}",
    "hangar.cli.schedulePaused": "Schedule {name} paused",
    "hangar.cli.scheduleResumed": "Schedule {name} resumed; next run {next}",
    "hangar.cli.scheduleDeleted": "Schedule {name} deleted",
    "hangar.cli.noJobs": "No jobs",
    "hangar.cli.noSchedules": "No schedules",
    "hangar.cli.triggerCreated": "Trigger {name} created",
    "hangar.cli.triggerReplaced": "Trigger {name} replaced",
    "hangar.cli.triggerPaused": "Trigger {name} paused",
    "hangar.cli.triggerResumed": "Trigger {name} resumed; it fires on jobs that end from now on",
    "hangar.cli.triggerDeleted": "Trigger {name} deleted",
    "hangar.cli.noTriggers": "No triggers",
    "hangar.cli.morePages": "More jobs: hangar list --cursor {cursor}",
    "hangar.cli.configNotFound": "Config file {path} not found; create it or pass --config <file>",
    "hangar.cli.configInvalid": "Invalid config {path}: {problem}",
    "hangar.cli.envMissing": "Config {path}: {field} refers to the environment variable {name}, which is not set",
    "hangar.cli.pluginFailed": "Could not load plugin {specifier} ({origin}): {reason}",
    "hangar.cli.pluginConflict": 'Plugin command "{command}" of {plugin} is hidden by an earlier command with the same name',
    "hangar.cli.adapterMissing": "The {kind} queue adapter could not be loaded ({reason}); install its driver: npm install {driver}",
    "hangar.cli.badLogLevel": 'HANGAR_LOG_LEVEL is "{value}"; use one of {levels}',
    "hangar.cli.pluginServicesFailed": "Could not start the services of plugin {plugin}: {reason}",
    "hangar.cli.pluginNeedsSettings": 'Plugin {plugin} takes settings (such as its database) that the config does not give, so its jobs may miss a service; give them in a "plugins" entry with "package" and "settings"',
    "hangar.cli.listening": "Hangar listening on {url} with {count} job types; stop with Ctrl-C or SIGTERM",
    "hangar.cli.listenFailed": "Could not listen on {host}:{port} ({reason})",
    "hangar.cli.stopping": "Stopping: finishing running jobs",
    "hangar.cli.stopped": "Stopped",
    "hangar.cli.commandFailed": 'Command "{command}" failed: {reason}',
    "hangar.cli.unexpected": "Unexpected error: {reason}"
  },
  fr: {
    "hangar.cli.unknownCommand": "Commande inconnue \xAB {command} \xBB.",
    "hangar.cli.usageError": "{problem}",
    "hangar.cli.missingArgument": "Il manque {name} : {hint}",
    "hangar.cli.badJson": `La valeur de {flag} n'est pas du JSON valide ({reason}) ; mettez-la entre guillemets, par ex. {flag} '{"a": 1}'`,
    "hangar.cli.badNumber": "La valeur de {flag} doit \xEAtre un nombre entier, re\xE7u \xAB {value} \xBB",
    "hangar.cli.numberTooSmall": "La valeur de {flag} doit \xEAtre au moins {min}, re\xE7u {value}",
    "hangar.cli.numberTooLarge": "La valeur de {flag} doit \xEAtre au plus {max}, re\xE7u {value}",
    "hangar.cli.version": "hangar {version}",
    "hangar.cli.badUrl": "L'URL du serveur \xAB {url} \xBB n'est pas une URL http(s) ; passez par ex. --server http://127.0.0.1:8080",
    "hangar.cli.noToken": "Aucun jeton d'API : passez --token ou d\xE9finissez HANGAR_TOKEN",
    "hangar.cli.unreachable": "Impossible de joindre le serveur Hangar \xE0 {url} ({reason}) ; v\xE9rifiez --server ou HANGAR_URL",
    "hangar.cli.badResponse": "Le serveur {url} a r\xE9pondu {status} sans corps d'erreur Hangar",
    "hangar.cli.streamLost": "Flux d'\xE9v\xE9nements de la t\xE2che {jobId} perdu ({reason})",
    "hangar.cli.enqueued": "T\xE2che {jobId} mise en file ({type})",
    "hangar.cli.succeeded": "T\xE2che {jobId} r\xE9ussie",
    "hangar.cli.failed": "T\xE2che {jobId} en \xE9chec",
    "hangar.cli.cancelledJob": "T\xE2che {jobId} annul\xE9e",
    "hangar.cli.stoppedWaiting": "Attente interrompue ; la t\xE2che {jobId} continue (voir : hangar status {jobId})",
    "hangar.cli.cancelOutcome.cancelled": "T\xE2che {jobId} annul\xE9e ; elle ne sera pas ex\xE9cut\xE9e",
    "hangar.cli.cancelOutcome.requested": "Annulation de la t\xE2che {jobId} demand\xE9e ; son worker l'arr\xEAte",
    "hangar.cli.cancelOutcome.finished": "La t\xE2che {jobId} \xE9tait d\xE9j\xE0 termin\xE9e ({state})",
    "hangar.cli.jobRetried": "La t\xE2che {jobId} est de nouveau {state}, avec au plus {maxAttempts} tentatives en tout",
    "hangar.cli.jobDeleted": "T\xE2che {jobId} supprim\xE9e, avec son journal",
    "hangar.cli.workflow": "Workflow {name} ({id}) : {state}, {done} \xE9tapes sur {total} termin\xE9es",
    "hangar.cli.workflowCancelled": "Workflow {id} : {outcome} ; {steps} \xE9tapes annul\xE9es ou en arr\xEAt",
    "hangar.cli.scheduleCreated": "Planification {name} cr\xE9\xE9e ; prochaine ex\xE9cution {next}",
    "hangar.cli.scheduleReplaced": "Planification {name} remplac\xE9e ; prochaine ex\xE9cution {next}",
    "hangar.cli.schedulePaused": "Planification {name} suspendue",
    "hangar.cli.scheduleResumed": "Planification {name} reprise ; prochaine ex\xE9cution {next}",
    "hangar.cli.scheduleDeleted": "Planification {name} supprim\xE9e",
    "hangar.cli.noJobs": "Aucune t\xE2che",
    "hangar.cli.noSchedules": "Aucune planification",
    "hangar.cli.triggerCreated": "D\xE9clencheur {name} cr\xE9\xE9",
    "hangar.cli.triggerReplaced": "D\xE9clencheur {name} remplac\xE9",
    "hangar.cli.triggerPaused": "D\xE9clencheur {name} suspendu",
    "hangar.cli.triggerResumed": "D\xE9clencheur {name} repris ; il se d\xE9clenche sur les t\xE2ches qui se terminent \xE0 partir de maintenant",
    "hangar.cli.triggerDeleted": "D\xE9clencheur {name} supprim\xE9",
    "hangar.cli.noTriggers": "Aucun d\xE9clencheur",
    "hangar.cli.morePages": "Autres t\xE2ches : hangar list --cursor {cursor}",
    "hangar.cli.configNotFound": "Fichier de configuration {path} introuvable ; cr\xE9ez-le ou passez --config <fichier>",
    "hangar.cli.configInvalid": "Configuration {path} invalide : {problem}",
    "hangar.cli.envMissing": "Configuration {path} : {field} renvoie \xE0 la variable d'environnement {name}, qui n'est pas d\xE9finie",
    "hangar.cli.pluginFailed": "Impossible de charger le plugin {specifier} ({origin}) : {reason}",
    "hangar.cli.pluginConflict": "La commande \xAB {command} \xBB du plugin {plugin} est masqu\xE9e par une commande ant\xE9rieure de m\xEAme nom",
    "hangar.cli.adapterMissing": "L'adaptateur de file {kind} n'a pas pu \xEAtre charg\xE9 ({reason}) ; installez son pilote : npm install {driver}",
    "hangar.cli.badLogLevel": "HANGAR_LOG_LEVEL vaut \xAB {value} \xBB ; utilisez l'un de {levels}",
    "hangar.cli.pluginServicesFailed": "Impossible de d\xE9marrer les services du plugin {plugin} : {reason}",
    "hangar.cli.pluginNeedsSettings": `Le plugin {plugin} prend des r\xE9glages (comme sa base de donn\xE9es) que la configuration ne donne pas, ses t\xE2ches risquent donc de manquer d'un service ; donnez-les dans une entr\xE9e de "plugins" avec "package" et "settings"`,
    "hangar.cli.listening": "Hangar \xE9coute sur {url} avec {count} types de t\xE2ches ; arr\xEAt par Ctrl-C ou SIGTERM",
    "hangar.cli.listenFailed": "Impossible d'\xE9couter sur {host}:{port} ({reason})",
    "hangar.cli.stopping": "Arr\xEAt : fin des t\xE2ches en cours",
    "hangar.cli.stopped": "Arr\xEAt\xE9",
    "hangar.cli.commandFailed": "La commande \xAB {command} \xBB a \xE9chou\xE9 : {reason}",
    "hangar.cli.unexpected": "Erreur inattendue : {reason}"
  }
};

// src/cli/exit-codes.ts
init_cjs_shims();
var EXIT = {
  /** Done; with `--wait`, the job Succeeded. */
  OK: 0,
  /** The job Failed, or the job was not found. */
  FAILED: 1,
  /** The job was Cancelled. */
  CANCELLED: 2,
  /** Bad command line: unknown command or flag, missing argument, bad JSON in a flag. */
  USAGE: 64,
  /** The server refused the input: invalid parameters or options, unknown job type. */
  DATA: 65,
  /** The server could not be reached or is unavailable. */
  UNAVAILABLE: 69,
  /** An internal error, in the CLI or the server. */
  SOFTWARE: 70,
  /** The token is missing, wrong, or lacks the role. */
  NOPERM: 77,
  /** The config file, a plugin or a queue adapter could not be loaded. */
  CONFIG: 78,
  /** Interrupted by Ctrl-C while waiting. */
  INTERRUPTED: 130
};
function exitCodeForApiError(code, status) {
  switch (code) {
    case "UNAUTHORIZED":
    case "FORBIDDEN":
      return EXIT.NOPERM;
    case "PARAMS_INVALID":
    case "JOB_TYPE_UNKNOWN":
    case "REQUEST_INVALID":
    case "CONFIG_INVALID":
      return EXIT.DATA;
    case "JOB_NOT_FOUND":
    case "FILE_NOT_FOUND":
      return EXIT.FAILED;
    case "SERVICE_UNAVAILABLE":
      return EXIT.UNAVAILABLE;
    default:
      return status >= 500 ? EXIT.SOFTWARE : EXIT.FAILED;
  }
}

// src/cli/cli-error.ts
var english = new import_core.Translator().register(cliMessages);
var CliError = class extends import_core.HangarError {
  /** Process exit code. */
  exitCode;
  /** Field problems reported by the server, printed one per line. */
  issues;
  /** A message already rendered by the server, printed instead of the key. */
  rendered;
  constructor(exitCode, key, params = {}, extra = {}) {
    super(extra.code ?? "CLI_ERROR", key, extra.rendered ?? english.render({ key, params }), {
      params,
      cause: extra.cause,
      retryable: false
    });
    this.exitCode = exitCode;
    this.issues = extra.issues ?? [];
    this.rendered = extra.rendered;
  }
};
function usageError(key, params = {}) {
  return new CliError(EXIT.USAGE, key, params, { code: "USAGE" });
}
function configError(key, params = {}, cause) {
  return new CliError(EXIT.CONFIG, key, params, { code: "CONFIG", cause });
}

// src/cli/cli-context.ts
function languageFromEnv(env) {
  for (const name of ["HANGAR_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[name];
    if (!value || value === "C" || value === "POSIX") continue;
    const tag = value.split(".")[0]?.replace("_", "-");
    if (tag) return tag;
  }
  return "en";
}
var CliContext = class {
  /** Standard output. */
  stdout;
  /** Standard error. */
  stderr;
  /** Environment variables. */
  env;
  /** Working directory. */
  cwd;
  /** Abort signal of the run, if any. */
  signal;
  /** Renders the CLI's, the framework's and the loaded plugins' messages. */
  translator = new import_core2.Translator().register(import_core2.coreMessages).register(cliMessages);
  /** Language of the messages; `--lang` of a command replaces it. */
  lang;
  constructor(io) {
    this.stdout = io.stdout;
    this.stderr = io.stderr;
    this.env = io.env ?? process.env;
    this.cwd = io.cwd ?? process.cwd();
    this.signal = io.signal;
    this.lang = languageFromEnv(this.env);
  }
  /** A message in the user's language. */
  t(key, params) {
    return this.translator.render(params ? { key, params } : { key }, this.lang);
  }
  /** Writes a line to stdout. */
  out(line = "") {
    this.stdout.write(`${line}
`);
  }
  /** Writes a line to stderr. */
  err(line = "") {
    this.stderr.write(`${line}
`);
  }
  /** Prints an error the way every command does, and returns its exit code. */
  fail(error) {
    if (error instanceof CliError) {
      this.err(`hangar: ${error.rendered ?? this.t(error.key, error.params)}`);
      for (const issue of error.issues) this.err(`  - ${issue.path || "(root)"}: ${issue.message}`);
      return error.exitCode;
    }
    const reason = error instanceof Error ? error.message : String(error);
    this.err(`hangar: ${this.t("hangar.cli.unexpected", { reason })}`);
    return EXIT.SOFTWARE;
  }
};

// src/cli/config.ts
init_cjs_shims();
var import_promises = require("fs/promises");
var import_node_path = require("path");
var import_zod = require("zod");

// src/cli/env-references.ts
init_cjs_shims();
var REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;
function substituteEnvReferences(value, env, file, keepMissing = false, path = []) {
  if (typeof value === "string") {
    return value.replace(REFERENCE, (match, name, fallback) => {
      const found = env[name];
      if (found === void 0 || found === "") {
        if (fallback !== void 0) return fallback;
        if (keepMissing) return match;
        throw configError("hangar.cli.envMissing", { path: file, field: path.join(".") || "(root)", name });
      }
      return found;
    });
  }
  if (Array.isArray(value))
    return value.map((item, i) => substituteEnvReferences(item, env, file, keepMissing, [...path, i]));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        substituteEnvReferences(item, env, file, keepMissing, [...path, key])
      ])
    );
  }
  return value;
}

// src/cli/serve-logger.ts
init_cjs_shims();
var import_pino = require("pino");
var LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
function logLevelOf(env, configured) {
  const fromEnv = env.HANGAR_LOG_LEVEL;
  if (fromEnv === void 0 || fromEnv === "") return configured ?? "info";
  if (!LOG_LEVELS.includes(fromEnv))
    throw configError("hangar.cli.badLogLevel", { value: fromEnv, levels: LOG_LEVELS.join(", ") });
  return fromEnv;
}
async function loadPretty() {
  const name = "pino-pretty";
  try {
    const mod = await import(name);
    return typeof mod.default === "function" ? mod.default : void 0;
  } catch {
    return void 0;
  }
}
async function createServeLogger(stream, level, format = "auto") {
  const wantsPretty = format === "pretty" || format === "auto" && stream.isTTY === true;
  const pretty = wantsPretty ? await loadPretty() : void 0;
  const destination = pretty ? pretty({ destination: stream, colorize: stream.isTTY === true, sync: true }) : stream;
  const logger = (0, import_pino.pino)({ level, base: { pid: process.pid } }, destination);
  return {
    logger,
    format: pretty ? "pretty" : "json",
    flush: () => new Promise((resolve5) => logger.flush(() => resolve5()))
  };
}

// src/cli/config.ts
var DEFAULT_CONFIG_FILE = "hangar.config.json";
var ms = import_zod.z.number().int().min(0);
var queueSchema = import_zod.z.discriminatedUnion(
  "kind",
  [
    import_zod.z.strictObject({ kind: import_zod.z.literal("memory") }),
    import_zod.z.strictObject({
      kind: import_zod.z.literal("postgres"),
      url: import_zod.z.string().min(1),
      schema: import_zod.z.string().min(1).optional()
    }),
    import_zod.z.strictObject({
      kind: import_zod.z.literal("redis"),
      url: import_zod.z.string().min(1),
      prefix: import_zod.z.string().min(1).optional()
    })
  ],
  { error: 'set "kind" to "memory", "postgres" (with "url") or "redis" (with "url")' }
);
var tokenSchema = import_zod.z.strictObject({
  token: import_zod.z.string().min(1),
  customerId: import_zod.z.string().min(1),
  userId: import_zod.z.string().min(1),
  roles: import_zod.z.array(import_zod.z.enum(["admin", "operator", "viewer"])).min(1, { error: "give at least one of admin, operator, viewer" })
});
var httpSchema = import_zod.z.strictObject({
  port: import_zod.z.number().int().min(0).max(65535).default(8080),
  host: import_zod.z.string().min(1).default("127.0.0.1"),
  tokens: import_zod.z.array(tokenSchema).min(1, { error: "configure at least one token" }),
  filesRoot: import_zod.z.string().min(1).optional(),
  dashboard: import_zod.z.boolean().default(false),
  /** Prometheus metrics at GET /metrics (needs prom-client); `{ customerLabel: true }` adds the customer. */
  metrics: import_zod.z.union([import_zod.z.boolean(), import_zod.z.strictObject({ customerLabel: import_zod.z.boolean().optional() })]).default(false)
});
var scheduleSchema = import_zod.z.strictObject({
  name: import_zod.z.string().min(1),
  cron: import_zod.z.string().min(1),
  timezone: import_zod.z.string().min(1).optional(),
  type: import_zod.z.string().min(1),
  params: import_zod.z.unknown().default({}),
  options: import_zod.z.strictObject({
    queue: import_zod.z.string().min(1).optional(),
    priority: import_zod.z.number().int().optional(),
    customerId: import_zod.z.string().min(1).optional(),
    userId: import_zod.z.string().min(1).optional()
  }).default({}),
  paused: import_zod.z.boolean().default(false)
});
var triggerSchema = import_zod.z.strictObject({
  name: import_zod.z.string().min(1),
  on: import_zod.z.strictObject({
    type: import_zod.z.string().min(1),
    customerId: import_zod.z.string().min(1).optional(),
    states: import_zod.z.array(import_zod.z.enum(["Succeeded", "Failed", "Cancelled"])).min(1, {
      error: "give at least one of Succeeded, Failed, Cancelled"
    }),
    metadata: import_zod.z.record(import_zod.z.string(), import_zod.z.string()).optional()
  }),
  job: import_zod.z.strictObject({
    type: import_zod.z.string().min(1),
    params: import_zod.z.unknown().default({}),
    queue: import_zod.z.string().min(1).optional(),
    priority: import_zod.z.number().int().optional()
  }),
  paused: import_zod.z.boolean().default(false)
});
var runnerSchema = import_zod.z.strictObject({
  concurrency: import_zod.z.number().int().min(1).optional(),
  queues: import_zod.z.record(import_zod.z.string(), import_zod.z.number().int().min(1)).optional(),
  jobTypes: import_zod.z.array(import_zod.z.string().min(1)).optional(),
  leaseMs: ms.optional(),
  heartbeatMs: ms.optional(),
  pollIntervalMs: ms.optional(),
  recoveryIntervalMs: ms.optional(),
  schedulerIntervalMs: ms.optional(),
  triggerSettleMs: ms.optional(),
  shutdownGraceMs: ms.optional(),
  abortGraceMs: ms.optional(),
  maxPerCustomer: import_zod.z.number().int().min(1).optional(),
  cleanupIntervalMs: ms.optional(),
  retention: import_zod.z.union([
    import_zod.z.literal(false),
    import_zod.z.strictObject({
      succeededMs: ms,
      cancelledMs: ms,
      failedMs: ms,
      batchSize: import_zod.z.number().int().min(1).optional()
    })
  ]).optional(),
  workerId: import_zod.z.string().min(1).optional()
});
var pluginEntrySchema = import_zod.z.union(
  [
    import_zod.z.string().min(1).transform((name) => ({ package: name, settings: void 0 })),
    import_zod.z.strictObject({ package: import_zod.z.string().min(1), settings: import_zod.z.unknown().optional() })
  ],
  { error: 'give a package name or path, or { "package": "...", "settings": { ... } }' }
);
var logSchema = import_zod.z.strictObject({
  level: import_zod.z.enum(LOG_LEVELS).optional(),
  format: import_zod.z.enum(["auto", "json", "pretty"]).default("auto")
});
var configSchema = import_zod.z.strictObject({
  $schema: import_zod.z.string().optional(),
  queue: queueSchema.default({ kind: "memory" }),
  plugins: import_zod.z.array(pluginEntrySchema).default([]),
  discover: import_zod.z.boolean().default(true),
  http: httpSchema.optional(),
  runner: runnerSchema.default({}),
  log: logSchema.default({ format: "auto" }),
  schedules: import_zod.z.array(scheduleSchema).default([]),
  triggers: import_zod.z.array(triggerSchema).default([])
});
function configPath(cwd, env, flag) {
  const file = flag ?? env.HANGAR_CONFIG ?? DEFAULT_CONFIG_FILE;
  return (0, import_node_path.isAbsolute)(file) ? file : (0, import_node_path.resolve)(cwd, file);
}
async function loadConfig(path, env, required) {
  let text4;
  try {
    text4 = await (0, import_promises.readFile)(path, "utf8");
  } catch (error) {
    if (error.code === "ENOENT" && !required) return void 0;
    if (error.code === "ENOENT")
      throw configError("hangar.cli.configNotFound", { path });
    throw configError("hangar.cli.configInvalid", { path, problem: error.message }, error);
  }
  let raw;
  try {
    raw = JSON.parse(text4);
  } catch (error) {
    throw configError("hangar.cli.configInvalid", {
      path,
      problem: `not valid JSON (${error.message})`
    });
  }
  const parsed = configSchema.safeParse(substituteEnvReferences(raw, env, path, !required));
  if (!parsed.success) {
    const problem = parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`).join("; ");
    throw configError("hangar.cli.configInvalid", { path, problem });
  }
  const config = { ...parsed.data, path, dir: (0, import_node_path.dirname)(path) };
  const fromEnv = (field, value) => {
    if (!value.startsWith("env:")) return value;
    const name = value.slice(4);
    const found = env[name];
    if (found === void 0 || found === "")
      throw configError("hangar.cli.envMissing", { path, field, name });
    return found;
  };
  if (config.queue.kind !== "memory") config.queue.url = fromEnv("queue.url", config.queue.url);
  if (config.http) {
    config.http.tokens = config.http.tokens.map((t, i) => ({
      ...t,
      token: fromEnv(`http.tokens.${i}.token`, t.token)
    }));
    if (config.http.filesRoot) config.http.filesRoot = (0, import_node_path.resolve)(config.dir, config.http.filesRoot);
  }
  return config;
}

// src/cli/plugin-loader.ts
init_cjs_shims();
var import_promises2 = require("fs/promises");
var import_node_path2 = require("path");
var import_node_url = require("url");
function explicitPluginSources(configPlugins, configDir, env, cwd) {
  const fromEnv = (env.HANGAR_PLUGINS ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "");
  return dedupe([
    ...configPlugins.map((specifier) => ({ specifier, origin: "config", baseDir: configDir })),
    ...fromEnv.map((specifier) => ({ specifier, origin: "HANGAR_PLUGINS", baseDir: cwd }))
  ]);
}
async function discoverInstalledPlugins(cwd) {
  const found = [];
  for (let dir = (0, import_node_path2.resolve)(cwd); ; dir = (0, import_node_path2.dirname)(dir)) {
    let names = [];
    try {
      names = await (0, import_promises2.readdir)((0, import_node_path2.join)(dir, "node_modules", "@hangar"));
    } catch {
      names = [];
    }
    for (const name of names.sort()) {
      if (name.startsWith("jobs-"))
        found.push({ specifier: `@hangar/${name}`, origin: "node_modules", baseDir: dir });
    }
    if ((0, import_node_path2.dirname)(dir) === dir) break;
  }
  return dedupe(found);
}
function dedupe(sources) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const source of sources) {
    if (seen.has(source.specifier)) continue;
    seen.add(source.specifier);
    out.push(source);
  }
  return out;
}
function isPlugin(value) {
  const v = value;
  return typeof v === "object" && v !== null && typeof v.name === "string" && Array.isArray(v.jobs);
}
async function packageEntry(pkgDir) {
  const pkg = JSON.parse(await (0, import_promises2.readFile)((0, import_node_path2.join)(pkgDir, "package.json"), "utf8"));
  const pick = (value) => {
    if (typeof value === "string") return value;
    if (typeof value !== "object" || value === null) return void 0;
    const record = value;
    if ("." in record) return pick(record["."]);
    for (const condition of ["import", "node", "default", "require"]) {
      const chosen = pick(record[condition]);
      if (chosen) return chosen;
    }
    return void 0;
  };
  const entry = pick(pkg.exports) ?? (typeof pkg.module === "string" ? pkg.module : void 0) ?? (typeof pkg.main === "string" ? pkg.main : "index.js");
  return (0, import_node_path2.join)(pkgDir, entry);
}
async function resolveSpecifier(source) {
  const { specifier, baseDir } = source;
  if (specifier.startsWith("file:")) return specifier;
  if (specifier.startsWith(".") || (0, import_node_path2.isAbsolute)(specifier)) {
    return (0, import_node_url.pathToFileURL)((0, import_node_path2.isAbsolute)(specifier) ? specifier : (0, import_node_path2.resolve)(baseDir, specifier)).href;
  }
  for (let dir = (0, import_node_path2.resolve)(baseDir); ; dir = (0, import_node_path2.dirname)(dir)) {
    const pkgDir = (0, import_node_path2.join)(dir, "node_modules", specifier);
    try {
      return (0, import_node_url.pathToFileURL)(await packageEntry(pkgDir)).href;
    } catch {
    }
    if ((0, import_node_path2.dirname)(dir) === dir) return specifier;
  }
}
async function loadPlugin(source) {
  const mod = await import(await resolveSpecifier(source));
  const defaultExport = mod.default;
  const candidates = [
    mod.default,
    mod.plugin,
    defaultExport?.default,
    defaultExport?.plugin,
    ...Object.values(mod)
  ];
  const plugin = candidates.find(isPlugin);
  if (!plugin) throw new Error("the module exports no plugin (an object with `name` and `jobs`)");
  return plugin;
}
async function loadPlugins(sources) {
  const results = await Promise.allSettled(sources.map((source) => loadPlugin(source)));
  const loaded2 = [];
  const failures = [];
  const names = /* @__PURE__ */ new Set();
  results.forEach((result, i) => {
    const source = sources[i];
    if (result.status === "rejected") {
      failures.push({
        source,
        error: result.reason instanceof Error ? result.reason : new Error(String(result.reason))
      });
    } else if (!names.has(result.value.name)) {
      names.add(result.value.name);
      loaded2.push({ source, plugin: result.value });
    }
  });
  return { loaded: loaded2, failures };
}

// src/cli/progress-bar.ts
init_cjs_shims();
var ProgressBar = class _ProgressBar {
  constructor(stream, width = 30) {
    this.stream = stream;
    this.width = width;
    this.tty = stream.isTTY === true;
  }
  stream;
  width;
  tty;
  shown = "";
  /** The bar text for a count, e.g. `[#########.....................]  30% 3/10`. */
  static render(current, total, width = 30) {
    const ratio = total > 0 ? Math.max(0, Math.min(1, current / total)) : 0;
    const filled = Math.round(ratio * width);
    const pct = `${Math.round(ratio * 100)}%`.padStart(4);
    return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${pct} ${current}/${total}`;
  }
  /** Shows the bar at `current` of `total`. */
  update(current, total) {
    const line = _ProgressBar.render(current, total, this.width);
    if (line === this.shown) return;
    this.shown = line;
    this.stream.write(this.tty ? `\r\x1B[2K${line}` : `${line}
`);
  }
  /** Runs `print` with the bar out of the way, so a message never lands in the middle of it. */
  around(print) {
    if (!this.tty || this.shown === "") {
      print();
      return;
    }
    this.stream.write("\r\x1B[2K");
    print();
    this.stream.write(this.shown);
  }
  /** Removes the bar from a terminal (a log keeps its lines). */
  done() {
    if (this.tty && this.shown !== "") this.stream.write("\r\x1B[2K");
    this.shown = "";
  }
};

// src/cli/run-cli.ts
init_cjs_shims();
var import_core74 = require("@hangar/core");

// src/cli/cli-plugins.ts
init_cjs_shims();
async function collectPlugins(ctx, config) {
  const explicit = explicitPluginSources(
    (config?.plugins ?? []).map((entry) => entry.package),
    config?.dir ?? ctx.cwd,
    ctx.env,
    ctx.cwd
  );
  const discovered = config?.discover === false ? [] : await discoverInstalledPlugins(ctx.cwd);
  const result = await loadPlugins(dedupe([...explicit, ...discovered]));
  for (const { plugin } of result.loaded) if (plugin.messages) ctx.translator.register(plugin.messages);
  return result;
}
function reportFailures(ctx, failures) {
  for (const { source, error } of failures) {
    ctx.err(
      `hangar: ${ctx.t("hangar.cli.pluginFailed", { specifier: source.specifier, origin: source.origin, reason: error.message })}`
    );
  }
}
function mountCommands(plugins2, builtins) {
  const mounted = [];
  const hidden = [];
  const taken = /* @__PURE__ */ new Set();
  for (const { plugin } of plugins2) {
    for (const command of plugin.commands ?? []) {
      const key = command.path.join(" ");
      const first = command.path[0] ?? "";
      if (command.path.length === 0 || builtins.includes(first) || taken.has(key)) {
        hidden.push({ command, plugin: plugin.name });
        continue;
      }
      taken.add(key);
      mounted.push({ command, plugin: plugin.name });
    }
  }
  return { mounted, hidden };
}
function matchCommand(mounted, argv) {
  let best;
  for (const entry of mounted) {
    const path = entry.command.path;
    if (path.length > argv.length || !path.every((word, i) => argv[i] === word)) continue;
    if (!best || path.length > best.command.path.length) best = entry;
  }
  return best ? { match: best, args: argv.slice(best.command.path.length) } : void 0;
}

// src/cli/commands/cancel.ts
init_cjs_shims();

// src/cli/parse-command.ts
init_cjs_shims();
var import_node_util = require("util");
var NEGATIVE_NUMBER = /^-\d/;
function joinNegativeValues(args, options) {
  const takesValue = /* @__PURE__ */ new Set();
  for (const [name, option] of Object.entries(options)) {
    if (option.type !== "string") continue;
    takesValue.add(`--${name}`);
    if (option.short) takesValue.add(`-${option.short}`);
  }
  const out = [];
  for (let i = 0; i < args.length; i += 1) {
    const word = args[i];
    const next = args[i + 1];
    if (word === "--") {
      out.push(...args.slice(i));
      break;
    }
    if (takesValue.has(word) && next !== void 0 && NEGATIVE_NUMBER.test(next)) {
      out.push(word.startsWith("--") ? `${word}=${next}` : `${word}${next}`);
      i += 1;
    } else out.push(word);
  }
  return out;
}
function parseCommand(args, options) {
  try {
    return (0, import_node_util.parseArgs)({
      args: joinNegativeValues(args, options),
      options,
      allowPositionals: true,
      strict: true
    });
  } catch (error) {
    throw usageError("hangar.cli.usageError", { problem: error.message });
  }
}
function intFlag(flag, value, min = 0, max = Number.MAX_SAFE_INTEGER) {
  if (value === void 0) return void 0;
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) {
    throw usageError("hangar.cli.badNumber", { flag, value });
  }
  if (n < min) throw usageError("hangar.cli.numberTooSmall", { flag, value, min });
  if (n > max) throw usageError("hangar.cli.numberTooLarge", { flag, value, max });
  return n;
}
function jsonFlag(flag, value) {
  if (value === void 0) return void 0;
  try {
    return JSON.parse(value);
  } catch (error) {
    throw usageError("hangar.cli.badJson", { flag, reason: error.message });
  }
}

// src/cli/remote-options.ts
init_cjs_shims();

// src/cli/api-client.ts
init_cjs_shims();

// src/cli/sse-parser.ts
init_cjs_shims();
var SseParser = class {
  buffer = "";
  event = "";
  data = [];
  id;
  /** Feeds a decoded chunk; returns the events it completed. */
  push(chunk) {
    this.buffer += chunk;
    const out = [];
    for (; ; ) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      if (!match || match[0] === "\r" && match.index === this.buffer.length - 1) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const message = this.line(line);
      if (message) out.push(message);
    }
    return out;
  }
  line(line) {
    if (line === "") {
      if (this.data.length === 0 && this.event === "") return void 0;
      const message = { event: this.event || "message", data: this.data.join("\n"), id: this.id };
      this.event = "";
      this.data = [];
      this.id = void 0;
      return message;
    }
    if (line.startsWith(":")) return void 0;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.event = value;
    else if (field === "data") this.data.push(value);
    else if (field === "id") this.id = value;
    return void 0;
  }
};

// src/cli/api-client.ts
var ApiClient = class {
  constructor(options) {
    this.options = options;
    this.base = options.baseUrl.replace(/\/+$/, "");
  }
  options;
  base;
  /** Sends a request and returns the parsed JSON body of a 2xx answer. */
  async request(method, path, init = {}) {
    const headers = { accept: "application/json" };
    if (init.body !== void 0) headers["content-type"] = "application/json";
    const res = await this.fetch(path, init.query, {
      method,
      headers,
      body: init.body === void 0 ? void 0 : JSON.stringify(init.body)
    });
    if (!res.ok) throw await this.errorOf(res);
    return await res.json();
  }
  /**
   * Reads a job's event stream, calling `onEvent` for each event, until the server closes it;
   * returns the last event id seen (to resume from).
   */
  async stream(path, lastEventId, onEvent, signal) {
    const headers = { accept: "text/event-stream" };
    if (lastEventId !== void 0) headers["last-event-id"] = lastEventId;
    const res = await this.fetch(path, void 0, { method: "GET", headers, signal });
    if (!res.ok || !res.body) throw await this.errorOf(res);
    const parser = new SseParser();
    const decoder = new TextDecoder();
    let last = lastEventId;
    for await (const chunk of res.body) {
      for (const message of parser.push(decoder.decode(chunk, { stream: true }))) {
        if (message.id !== void 0) last = message.id;
        onEvent(message);
      }
    }
    return last;
  }
  async fetch(path, query, init) {
    const url = new URL(this.base + path);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === void 0) continue;
      for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(v));
    }
    url.searchParams.set("lang", this.options.lang);
    if (this.options.customerId) url.searchParams.set("customerId", this.options.customerId);
    const headers = new Headers(init.headers);
    headers.set("authorization", `Bearer ${this.options.token}`);
    headers.set("accept-language", this.options.lang);
    try {
      return await fetch(url, { ...init, headers });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      const cause = error.cause;
      const reason = String(cause?.code ?? cause?.message ?? error.message);
      throw new CliError(
        EXIT.UNAVAILABLE,
        "hangar.cli.unreachable",
        { url: this.base, reason },
        { code: "UNREACHABLE", cause: error }
      );
    }
  }
  async errorOf(res) {
    let body;
    try {
      body = await res.json();
    } catch {
      body = void 0;
    }
    const error = body?.error;
    if (!error || typeof error.code !== "string") {
      const exit = res.status === 502 || res.status === 503 || res.status === 504 ? EXIT.UNAVAILABLE : EXIT.SOFTWARE;
      return new CliError(
        exit,
        "hangar.cli.badResponse",
        { url: this.base, status: res.status },
        { code: "BAD_RESPONSE" }
      );
    }
    return new CliError(
      exitCodeForApiError(error.code, res.status),
      error.key ?? "hangar.cli.unexpected",
      error.params ?? {},
      {
        code: error.code,
        rendered: typeof error.message === "string" ? error.message : void 0,
        issues: Array.isArray(error.issues) ? error.issues : []
      }
    );
  }
};

// src/cli/remote-options.ts
var DEFAULT_SERVER_URL = "http://127.0.0.1:8080";
var REMOTE_OPTIONS = {
  server: { type: "string", short: "s" },
  token: { type: "string", short: "t" },
  lang: { type: "string" },
  customer: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" }
};
var REMOTE_HELP = [
  "  -s, --server URL    API base URL (env HANGAR_URL; default " + DEFAULT_SERVER_URL + ")",
  "  -t, --token TOKEN   Bearer token (env HANGAR_TOKEN)",
  "      --lang LANG     Language of the messages, e.g. fr (env HANGAR_LANG, LANG)",
  "      --customer ID   Admin tokens only: act for this customer",
  "      --json          Print JSON instead of text"
];
function remoteClient(ctx, values) {
  if (values.lang) ctx.lang = values.lang;
  const baseUrl = values.server ?? ctx.env.HANGAR_URL ?? DEFAULT_SERVER_URL;
  let url;
  try {
    url = new URL(baseUrl);
  } catch {
    throw usageError("hangar.cli.badUrl", { url: baseUrl });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw usageError("hangar.cli.badUrl", { url: baseUrl });
  const token = values.token ?? ctx.env.HANGAR_TOKEN;
  if (!token) throw usageError("hangar.cli.noToken");
  return new ApiClient({
    baseUrl,
    token,
    lang: ctx.lang,
    ...values.customer ? { customerId: values.customer } : {}
  });
}

// src/cli/commands/command.ts
init_cjs_shims();
function printHelp(command, ctx) {
  for (const line of command.help) ctx.out(line);
  return 0;
}

// src/cli/commands/cancel.ts
var cancelCommand = {
  name: "cancel",
  summary: "Cancel a job: a waiting one never runs, a running one is stopped",
  help: ["Usage: hangar cancel <id> [options]", "", ...REMOTE_HELP],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, REMOTE_OPTIONS);
    if (values.help) return printHelp(cancelCommand, ctx);
    const [id] = positionals;
    if (!id) throw usageError("hangar.cli.missingArgument", { name: "<id>", hint: "hangar cancel <job id>" });
    const api = remoteClient(ctx, values);
    const res = await api.request("POST", `/jobs/${encodeURIComponent(id)}/cancel`);
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else ctx.out(ctx.t(`hangar.cli.cancelOutcome.${res.outcome}`, { jobId: res.id, state: res.job.state }));
    return EXIT.OK;
  }
};

// src/cli/commands/enqueue.ts
init_cjs_shims();

// src/cli/follow-job.ts
init_cjs_shims();
var import_core3 = require("@hangar/core");
var MAX_RECONNECTS = 5;
async function followJob(api, jobId, handlers, signal) {
  let lastId;
  let final;
  let failures = 0;
  const path = `/jobs/${encodeURIComponent(jobId)}/events`;
  for (; ; ) {
    let progressed = false;
    try {
      lastId = await api.stream(
        path,
        lastId,
        (message) => {
          progressed = true;
          const data = JSON.parse(message.data);
          if (message.event === "progress" || message.event === "message")
            handlers.onEntry(data);
          else if (message.event === "state") {
            const { state, job } = data;
            handlers.onState?.(state, job);
            if ((0, import_core3.isTerminalState)(state)) final = job;
          } else if (message.event === "error") {
            const { error } = data;
            throw new CliError(EXIT.FAILED, error.key, error.params, {
              code: error.code,
              rendered: error.message
            });
          }
        },
        signal
      );
      if (final) return final;
      failures = progressed ? 0 : failures + 1;
      if (failures > MAX_RECONNECTS) throw streamLost(jobId, "closed before the job ended");
    } catch (error) {
      if (signal?.aborted) throw error;
      if (error instanceof CliError && error.code !== "UNREACHABLE") throw error;
      if (final) return final;
      failures = progressed ? 1 : failures + 1;
      if (failures > MAX_RECONNECTS)
        throw error instanceof CliError ? error : streamLost(jobId, error.message);
    }
    await new Promise((resolve5) => setTimeout(resolve5, Math.min(4e3, 250 * 2 ** failures)));
    signal?.throwIfAborted();
  }
}
function streamLost(jobId, reason) {
  return new CliError(EXIT.UNAVAILABLE, "hangar.cli.streamLost", { jobId, reason }, { code: "STREAM_LOST" });
}

// src/cli/format.ts
init_cjs_shims();
var import_core4 = require("@hangar/core");
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells) => cells.map((c, i) => i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(header), ...rows.map(line)];
}
function formatLogEntry(entry) {
  const counts = entry.current !== void 0 && entry.total !== void 0 ? ` (${entry.current}/${entry.total})` : "";
  const tag = entry.level === "progress" ? "" : `${entry.level}: `;
  return `${tag}${entry.text}${counts}`;
}
function progressCell(job) {
  if (!job.progress) return "";
  return job.progress.percent !== void 0 ? `${job.progress.percent}%` : job.progress.text;
}
function formatJobTable(items) {
  return table(
    ["ID", "TYPE", "STATE", "PROGRESS", "CREATED"],
    items.map((j) => [j.id, j.type, j.state, progressCell(j), j.createdAt])
  );
}
function relativeTime(iso2, now = Date.now()) {
  const ms2 = Date.parse(iso2) - now;
  const abs = Math.abs(ms2);
  const units = [
    [864e5, "d"],
    [36e5, "h"],
    [6e4, "m"],
    [1e3, "s"]
  ];
  const [size, unit] = units.find(([u]) => abs >= u) ?? [1e3, "s"];
  const n = Math.round(abs / size);
  return ms2 >= 0 ? `in ${n}${unit}` : `${n}${unit} ago`;
}
function formatScheduleTable(items, now = Date.now()) {
  return table(
    ["NAME", "CRON", "TIMEZONE", "TYPE", "NEXT RUN", "LAST RUN"],
    items.map((s) => [
      s.name,
      s.cron,
      s.timezone,
      s.type,
      s.paused ? "paused" : s.nextRunAt ? `${s.nextRunAt} (${relativeTime(s.nextRunAt, now)})` : "-",
      s.lastRunAt ?? "-"
    ])
  );
}
function formatTriggerTable(items) {
  return table(
    ["NAME", "ON", "STATES", "CUSTOMER", "ENQUEUES", "STATUS", "LAST FIRED"],
    items.map((t) => {
      const metadata = Object.entries(t.on.metadata).map(([k, v]) => `${k}=${v}`);
      return [
        t.name,
        metadata.length > 0 ? `${t.on.type} (${metadata.join(", ")})` : t.on.type,
        t.on.states.join(","),
        t.on.customerId ?? "(all)",
        t.job.type,
        t.paused ? "paused" : "active",
        t.lastFiredAt ?? "-"
      ];
    })
  );
}
function formatJob(job) {
  const lines = [
    `${job.id}  ${job.type}  ${job.state}${job.cancelRequested && job.state === "Processing" ? " (cancelling)" : ""}`,
    `  queue: ${job.queue}  priority: ${job.priority}  attempts: ${job.attempts}/${job.maxAttempts}`,
    `  customer: ${job.customerId ?? "-"}  user: ${job.userId ?? "-"}`,
    `  created: ${job.createdAt}  run at: ${job.runAt}`
  ];
  if (job.startedAt)
    lines.push(`  started: ${job.startedAt}${job.finishedAt ? `  finished: ${job.finishedAt}` : ""}`);
  if (job.worker) lines.push(`  worker: ${job.worker.id}`);
  if (job.progress) {
    const counts = job.progress.total !== void 0 ? ` (${job.progress.current ?? 0}/${job.progress.total})` : "";
    lines.push(`  progress: ${job.progress.text}${counts}`);
  }
  if (job.messages?.length) lines.push("Messages:", ...job.messages.map((m) => `  ${formatLogEntry(m)}`));
  if (job.warnings.length) lines.push("Warnings:", ...job.warnings.map((w) => `  ${w.text}`));
  if (job.errors.length)
    lines.push(
      "Errors:",
      ...job.errors.map(
        (e) => `  ${e.severity === "error" ? "" : `${e.severity} `}${e.code}: ${e.text}${e.source ? ` [${e.source}]` : ""}`
      )
    );
  const outcomes = (0, import_core4.itemOutcomesOf)(job.result);
  if (outcomes !== void 0) {
    const rows = outcomes.map((o) => [o.item, o.outcome, o.detail ?? ""]);
    lines.push("Outcomes:", ...table(["ITEM", "OUTCOME", "DETAIL"], rows).map((l) => `  ${l}`));
  }
  if (job.result !== null && job.result !== void 0) {
    lines.push(
      "Result:",
      ...JSON.stringify(job.result, null, 2).split("\n").map((l) => `  ${l}`)
    );
  }
  if (job.outputFiles.length) {
    lines.push(
      "Files:",
      ...job.outputFiles.map((f) => `  ${f.name}  ${f.size} bytes  ${f.mediaType}  ${f.url}`)
    );
  }
  return lines;
}

// src/cli/commands/enqueue.ts
var OPTIONS = {
  ...REMOTE_OPTIONS,
  params: { type: "string", short: "p" },
  wait: { type: "boolean", short: "w" },
  delay: { type: "string" },
  priority: { type: "string" },
  queue: { type: "string", short: "q" },
  "idempotency-key": { type: "string" }
};
function exitCodeOfState(state) {
  return state === "Succeeded" ? EXIT.OK : state === "Cancelled" ? EXIT.CANCELLED : EXIT.FAILED;
}
var enqueueCommand = {
  name: "enqueue",
  summary: "Enqueue a job on a running server; --wait follows it to the end",
  help: [
    "Usage: hangar enqueue <type> [--params '<json>'] [--wait] [options]",
    "",
    "Prints the job id. With --wait, shows a progress bar on stderr, prints the progress",
    "messages as they come, and exits 0 when the job Succeeded, 1 Failed, 2 Cancelled.",
    "",
    "  -p, --params JSON          Parameters of the job type (default {})",
    "  -w, --wait                 Follow the job until it ends",
    "      --delay MS             Run no earlier than MS milliseconds from now",
    "      --priority N           Lower runs first (default 0)",
    "  -q, --queue NAME           Queue (default: the job type\u2019s)",
    "      --idempotency-key KEY  Enqueuing twice with the same key gives one job",
    ...REMOTE_HELP
  ],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, OPTIONS);
    if (values.help) return printHelp(enqueueCommand, ctx);
    const [type, ...extra] = positionals;
    if (!type)
      throw usageError("hangar.cli.missingArgument", {
        name: "<type>",
        hint: `hangar enqueue math.add --params '{"a":1}'`
      });
    if (extra.length > 0)
      throw usageError("hangar.cli.usageError", {
        problem: `Unexpected argument "${extra[0]}"; put the parameters in --params`
      });
    const params = jsonFlag("--params", values.params) ?? {};
    const options = {
      delayMs: intFlag("--delay", values.delay, 0),
      priority: intFlag("--priority", values.priority, Number.MIN_SAFE_INTEGER),
      queue: values.queue,
      idempotencyKey: values["idempotency-key"]
    };
    const api = remoteClient(ctx, values);
    const created = await api.request("POST", "/jobs", { body: { type, params, options } });
    if (!values.wait) {
      if (values.json) ctx.out(JSON.stringify(created, null, 2));
      else ctx.out(created.id);
      return EXIT.OK;
    }
    if (!values.json) ctx.out(ctx.t("hangar.cli.enqueued", { jobId: created.id, type }));
    return waitForJob(ctx, api, created.id, values.json === true);
  }
};
async function waitForJob(ctx, api, jobId, json3) {
  const bar = new ProgressBar(ctx.stderr);
  let job;
  try {
    job = await followJob(
      api,
      jobId,
      {
        onEntry(entry) {
          if (entry.level === "progress" && entry.current !== void 0 && entry.total !== void 0) {
            bar.update(entry.current, entry.total);
          }
          if (!json3) bar.around(() => ctx.out(formatLogEntry(entry)));
        }
      },
      ctx.signal
    );
  } catch (error) {
    bar.done();
    if (ctx.signal?.aborted) {
      ctx.err(ctx.t("hangar.cli.stoppedWaiting", { jobId }));
      return EXIT.INTERRUPTED;
    }
    throw error;
  }
  bar.done();
  if (json3) {
    ctx.out(JSON.stringify(job, null, 2));
    return exitCodeOfState(job.state);
  }
  if (job.state === "Succeeded") {
    ctx.out(ctx.t("hangar.cli.succeeded", { jobId }));
    if (job.result !== null && job.result !== void 0) ctx.out(JSON.stringify(job.result, null, 2));
    for (const file of job.outputFiles) ctx.out(`${file.name}  ${file.url}`);
  } else if (job.state === "Cancelled") {
    ctx.err(ctx.t("hangar.cli.cancelledJob", { jobId }));
  } else {
    ctx.err(ctx.t("hangar.cli.failed", { jobId }));
    for (const e of job.errors) ctx.err(`  ${e.code}: ${e.text}`);
  }
  return exitCodeOfState(job.state);
}

// src/cli/commands/jobs.ts
init_cjs_shims();

// src/cli/commands/subcommand-group.ts
init_cjs_shims();
function subcommandGroup(name, summary, subcommands, fallback) {
  const usage = (sub) => `hangar ${name} ${sub.name} ${sub.args.join(" ")}`.trimEnd();
  const help = [
    ...fallback ? [`${fallback.help[0] ?? ""}    ${fallback.summary}`] : [],
    ...subcommands.map((sub) => `Usage: ${usage(sub)} [options]    ${sub.summary}`),
    "",
    `Run "hangar ${name} <subcommand> --help" for its flags. Shared flags:`,
    ...REMOTE_HELP
  ];
  const group = {
    name,
    summary,
    help,
    async run(argv, ctx) {
      const [word, ...rest] = argv;
      const sub = subcommands.find((s) => s.name === word);
      if (!sub) {
        if (word === "--help" || word === "-h" || word === "help") {
          for (const line of help) ctx.out(line);
          return 0;
        }
        if (fallback) return fallback.run(argv, ctx);
        if (word === void 0) {
          for (const line of help) ctx.err(line);
          return 64;
        }
        throw usageError("hangar.cli.usageError", {
          problem: `Unknown subcommand "${word}"; use one of: ${subcommands.map((s) => s.name).join(", ")}`
        });
      }
      const { values, positionals } = parseCommand(rest, { ...REMOTE_OPTIONS, ...sub.options ?? {} });
      if (values.help) {
        ctx.out(`Usage: ${usage(sub)} [options]`);
        ctx.out("");
        ctx.out(sub.summary);
        for (const line of [...sub.optionHelp ?? [], ...REMOTE_HELP]) ctx.out(line);
        return 0;
      }
      const missing = sub.args[positionals.length];
      if (missing !== void 0)
        throw usageError("hangar.cli.missingArgument", { name: missing, hint: usage(sub) });
      if (positionals.length > sub.args.length) {
        throw usageError("hangar.cli.usageError", {
          problem: `Unexpected argument "${positionals[sub.args.length]}"`
        });
      }
      const api = remoteClient(ctx, values);
      return sub.run(positionals, values, api, ctx);
    }
  };
  return group;
}

// src/cli/commands/jobs.ts
var jobPath = (id) => `/jobs/${encodeURIComponent(id)}`;
var retry = {
  name: "retry",
  summary: "Run a Failed or Cancelled job again (same id, fresh attempts, its log kept)",
  args: ["<id>"],
  async run([id = ""], values, api, ctx) {
    const res = await api.request("POST", `${jobPath(id)}/retry`);
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else
      ctx.out(
        ctx.t("hangar.cli.jobRetried", {
          jobId: res.id,
          state: res.job.state,
          maxAttempts: res.job.maxAttempts
        })
      );
    return EXIT.OK;
  }
};
var remove = {
  name: "delete",
  summary: "Delete a finished job with its log",
  args: ["<id>"],
  async run([id = ""], values, api, ctx) {
    const res = await api.request("DELETE", jobPath(id));
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else ctx.out(ctx.t("hangar.cli.jobDeleted", { jobId: res.id }));
    return EXIT.OK;
  }
};
var jobsCommand = subcommandGroup("jobs", "Retry or delete a job by hand", [retry, remove]);

// src/cli/commands/list.ts
init_cjs_shims();
var OPTIONS2 = {
  ...REMOTE_OPTIONS,
  state: { type: "string", multiple: true },
  type: { type: "string", multiple: true },
  queue: { type: "string", short: "q" },
  limit: { type: "string", short: "n" },
  cursor: { type: "string" }
};
var listCommand = {
  name: "list",
  summary: "List your jobs, newest first, filtered by state, type or queue",
  help: [
    "Usage: hangar list [--state STATE]... [--type TYPE]... [--queue NAME] [--limit N] [--cursor C] [options]",
    "",
    "      --state STATE   Scheduled, Awaiting, Enqueued, Processing, Succeeded, Failed or Cancelled",
    "                      (repeat it or separate with commas)",
    "      --type TYPE     Only this job type (repeatable)",
    "  -q, --queue NAME    Only this queue",
    "  -n, --limit N       Page size (server default 50)",
    "      --cursor C      The page after the one that printed this cursor",
    ...REMOTE_HELP
  ],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, OPTIONS2);
    if (values.help) return printHelp(listCommand, ctx);
    if (positionals.length > 0) {
      throw usageError("hangar.cli.usageError", {
        problem: `Unexpected argument "${positionals[0]}"; filter with --state or --type`
      });
    }
    const api = remoteClient(ctx, values);
    const page = await api.request("GET", "/jobs", {
      query: {
        state: values.state,
        type: values.type,
        queue: values.queue,
        limit: intFlag("--limit", values.limit, 1),
        cursor: values.cursor
      }
    });
    if (values.json) {
      ctx.out(JSON.stringify(page, null, 2));
      return EXIT.OK;
    }
    if (page.items.length === 0) ctx.out(ctx.t("hangar.cli.noJobs"));
    else for (const line of formatJobTable(page.items)) ctx.out(line);
    if (page.nextCursor) ctx.err(ctx.t("hangar.cli.morePages", { cursor: page.nextCursor }));
    return EXIT.OK;
  }
};

// src/cli/commands/schedule-changes.ts
init_cjs_shims();

// src/cli/commands/schedules.ts
init_cjs_shims();
var schedulesCommand = {
  name: "schedules",
  summary: "List the recurring schedules with their next run",
  help: ["Usage: hangar schedules [options]", "", ...REMOTE_HELP],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, REMOTE_OPTIONS);
    if (values.help) return printHelp(schedulesCommand, ctx);
    if (positionals.length > 0)
      throw usageError("hangar.cli.usageError", { problem: `Unexpected argument "${positionals[0]}"` });
    const api = remoteClient(ctx, values);
    const { items } = await api.request("GET", "/schedules");
    if (values.json) ctx.out(JSON.stringify(items, null, 2));
    else if (items.length === 0) ctx.out(ctx.t("hangar.cli.noSchedules"));
    else for (const line of formatScheduleTable(items)) ctx.out(line);
    return EXIT.OK;
  }
};

// src/cli/commands/schedule-changes.ts
var schedulePath = (name) => `/schedules/${encodeURIComponent(name)}`;
var text = (values, flag) => {
  const value = values[flag];
  return typeof value === "string" ? value : void 0;
};
var create = {
  name: "create",
  summary: "Create or replace a recurring schedule of your customer",
  args: ["<name>"],
  options: {
    cron: { type: "string" },
    type: { type: "string" },
    params: { type: "string", short: "p" },
    timezone: { type: "string" },
    queue: { type: "string" },
    priority: { type: "string" },
    paused: { type: "boolean" },
    system: { type: "boolean" }
  },
  optionHelp: [
    '      --cron EXPR     Cron expression, 5 fields or 6 with seconds (required), e.g. "0 2 * * *"',
    "      --type TYPE     Job type of each run (required)",
    "  -p, --params JSON   Its parameters; default {}",
    "      --timezone TZ   IANA time zone of the cron; default UTC",
    "      --queue Q       Queue of each job",
    "      --priority N    Priority of each job (lower runs first)",
    "      --paused        Create it paused",
    "      --system        Admins only: a schedule of no customer"
  ],
  async run([name = ""], values, api, ctx) {
    const cron = text(values, "cron");
    const type = text(values, "type");
    if (!cron)
      throw usageError("hangar.cli.missingArgument", { name: "--cron", hint: 'e.g. --cron "0 2 * * *"' });
    if (!type)
      throw usageError("hangar.cli.missingArgument", {
        name: "--type",
        hint: "a job type, e.g. --type conso.integration"
      });
    const priority2 = intFlag("--priority", text(values, "priority"), -1e6);
    const queue = text(values, "queue");
    const body = {
      cron,
      type,
      params: jsonFlag("--params", text(values, "params")),
      timezone: text(values, "timezone"),
      options: queue !== void 0 || priority2 !== void 0 ? { queue, priority: priority2 } : void 0,
      paused: values.paused === true ? true : void 0,
      system: values.system === true ? true : void 0
    };
    const res = await api.request("PUT", schedulePath(name), { body });
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else
      ctx.out(
        ctx.t(
          res.created ? "hangar.cli.scheduleCreated" : "hangar.cli.scheduleReplaced",
          nextRun(res.schedule)
        )
      );
    return EXIT.OK;
  }
};
function nextRun(schedule) {
  return { name: schedule.name, next: schedule.nextRunAt ?? "-" };
}
function toggle(action) {
  return {
    name: action,
    summary: action === "pause" ? "Stop a schedule from firing" : "Fire a paused schedule again from its next cron time",
    args: ["<name>"],
    async run([name = ""], values, api, ctx) {
      const res = await api.request("POST", `${schedulePath(name)}/${action}`);
      if (values.json) ctx.out(JSON.stringify(res, null, 2));
      else
        ctx.out(
          ctx.t(
            action === "pause" ? "hangar.cli.schedulePaused" : "hangar.cli.scheduleResumed",
            nextRun(res)
          )
        );
      return EXIT.OK;
    }
  };
}
var trigger = {
  name: "trigger",
  summary: "Enqueue one job of a schedule now; prints the job id",
  args: ["<name>"],
  async run([name = ""], values, api, ctx) {
    const res = await api.request("POST", `${schedulePath(name)}/trigger`);
    ctx.out(values.json ? JSON.stringify(res, null, 2) : res.jobId);
    return EXIT.OK;
  }
};
var remove2 = {
  name: "delete",
  summary: "Delete a schedule (the jobs it enqueued stay)",
  args: ["<name>"],
  async run([name = ""], values, api, ctx) {
    const res = await api.request("DELETE", schedulePath(name));
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else ctx.out(ctx.t("hangar.cli.scheduleDeleted", { name: res.name }));
    return EXIT.OK;
  }
};
var scheduleCommands = subcommandGroup(
  "schedules",
  "List recurring schedules, or create, pause, resume, trigger or delete one",
  [create, toggle("pause"), toggle("resume"), trigger, remove2],
  schedulesCommand
);

// src/cli/commands/serve.ts
init_cjs_shims();
var import_core73 = require("@hangar/core");

// src/http/http-server.ts
init_cjs_shims();
var import_node_crypto4 = require("crypto");

// src/dashboard/dashboard-routes.ts
init_cjs_shims();
var import_core9 = require("@hangar/core");

// src/http/request-schemas.ts
init_cjs_shims();
var import_core6 = require("@hangar/core");
var import_zod2 = require("zod");

// src/http/http-errors.ts
init_cjs_shims();
var import_node_http = require("http");
var import_core5 = require("@hangar/core");
var UnauthorizedError = class extends import_core5.HangarError {
  constructor() {
    super("UNAUTHORIZED", "hangar.error.unauthorized", "Authentication required: send a valid bearer token", {
      retryable: false
    });
  }
};
var ForbiddenError = class extends import_core5.HangarError {
  constructor(key, params) {
    super("FORBIDDEN", key, `Forbidden: ${Object.values(params).join(", ")}`, { params, retryable: false });
  }
};
var RequestInvalidError = class extends import_core5.HangarError {
  /** Every field-level problem found. */
  issues;
  /** HTTP status to answer with (400, or 408/413/414/415/431 for fastify's and Node's own refusals). */
  statusCode;
  constructor(issues, statusCode = 400) {
    const summary = issues.map((i) => `${i.path || "(body)"}: ${i.message}`).join("; ");
    super("REQUEST_INVALID", "hangar.http.requestInvalid", `The request is invalid: ${summary}`, {
      params: { issues: summary },
      retryable: false
    });
    this.issues = issues;
    this.statusCode = statusCode;
  }
};
var FileNotFoundError = class extends import_core5.HangarError {
  constructor(jobId, name) {
    super("FILE_NOT_FOUND", "hangar.http.fileNotFound", `Job ${jobId} has no output file named "${name}"`, {
      params: { jobId, name },
      retryable: false
    });
  }
};
var FilesNotServedError = class extends import_core5.HangarError {
  constructor() {
    super("FILE_NOT_FOUND", "hangar.http.filesNotServed", "This server does not serve output files", {
      retryable: false
    });
  }
};
var RouteNotFoundError = class extends import_core5.HangarError {
  constructor(method, url) {
    super("ROUTE_NOT_FOUND", "hangar.http.routeNotFound", `No route ${method} ${url}`, {
      params: { method, url },
      retryable: false
    });
  }
};
var HTTP_STATUS_BY_CODE = {
  UNAUTHORIZED: 401,
  JOB_STATE_CONFLICT: 409,
  SCHEDULE_NOT_FOUND: 404,
  SCHEDULE_NAME_TAKEN: 409,
  TRIGGER_NOT_FOUND: 404,
  TRIGGER_NAME_TAKEN: 409,
  TRIGGERS_UNSUPPORTED: 501,
  FORBIDDEN: 403,
  PARAMS_INVALID: 400,
  JOB_TYPE_UNKNOWN: 400,
  REQUEST_INVALID: 400,
  CONFIG_INVALID: 400,
  JOB_NOT_FOUND: 404,
  FILE_NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500
};
var FRAMEWORK_ISSUES = {
  FST_ERR_CTP_BODY_TOO_LARGE: { path: "", message: "the body is larger than this server accepts" },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { path: "", message: "send the body as application/json" },
  FST_ERR_CTP_INVALID_JSON_BODY: { path: "", message: "the body is not valid JSON" },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    path: "",
    message: "the body is empty; send a JSON object or no Content-Type"
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { path: "", message: "the Content-Length does not match the body" },
  FST_ERR_BAD_URL: { path: "path", message: "the path is not a valid URL (bad percent-encoding)" },
  FST_ERR_MAX_PARAM_LENGTH: { path: "path", message: "a path segment is longer than this server accepts" },
  HPE_HEADER_OVERFLOW: {
    path: "headers",
    message: "the headers and URL are larger than this server accepts"
  },
  ERR_HTTP_REQUEST_TIMEOUT: { path: "", message: "the request was not received in time" }
};
var MAX_ECHOED_PATH = 200;
function echoedPath(url) {
  const path = url.split("?")[0] ?? url;
  return path.length > MAX_ECHOED_PATH ? `${path.slice(0, MAX_ECHOED_PATH)}\u2026` : path;
}
function toErrorResponse(error, translator, lang2, requestId) {
  if (import_core5.HangarError.isInstance(error)) {
    if (error.code === "CONFIG_INVALID") {
      const option = String(error.params.option ?? "");
      const problem = String(error.params.problem ?? error.message);
      const invalid = new RequestInvalidError([{ path: option, message: problem, code: "invalid_value" }]);
      return toErrorResponse(invalid, translator, lang2, requestId);
    }
    const status = error instanceof RequestInvalidError ? error.statusCode : HTTP_STATUS_BY_CODE[error.code] ?? 500;
    if (status >= 500) return internal(translator, lang2, requestId);
    const body = {
      error: {
        code: error.code,
        message: translator.render(error.toTranslatable(), lang2),
        key: error.key,
        params: { ...error.params },
        requestId
      }
    };
    const issues = error.issues;
    if (Array.isArray(issues)) body.error.issues = issues.map((i) => ({ ...i }));
    return { status, body };
  }
  const fe = typeof error === "object" && error !== null ? error : {};
  const statusCode = typeof fe.statusCode === "number" ? fe.statusCode : 500;
  if (statusCode === 503) {
    const key = "hangar.http.unavailable";
    return {
      status: 503,
      body: {
        error: {
          code: "SERVICE_UNAVAILABLE",
          message: translator.render({ key }, lang2),
          key,
          params: {},
          requestId
        }
      }
    };
  }
  if (statusCode >= 400 && statusCode < 500) {
    const code = typeof fe.code === "string" ? fe.code : "bad_request";
    const known = FRAMEWORK_ISSUES[code];
    const issue = known ?? { path: "", message: (import_node_http.STATUS_CODES[statusCode] ?? "Bad request").toLowerCase() };
    const invalid = new RequestInvalidError([{ ...issue, code }], statusCode);
    return toErrorResponse(invalid, translator, lang2, requestId);
  }
  return internal(translator, lang2, requestId);
}
function internal(translator, lang2, requestId) {
  const key = "hangar.http.internal";
  const params = { requestId };
  return {
    status: 500,
    body: {
      error: {
        code: "INTERNAL_ERROR",
        message: translator.render({ key, params }, lang2),
        key,
        params,
        requestId
      }
    }
  };
}

// src/http/request-schemas.ts
var MAX_DELAY_MS = 365 * 864e5;
var FROM_TOKEN = "comes from your bearer token and cannot be sent in the body (admins act for another customer with ?customerId=)";
var lang = import_zod2.z.string().max(35, { error: 'use a language tag such as "en" or "fr-CA"' }).optional();
var customerId = import_zod2.z.string().min(1, { error: "name the customer to act for" }).max(200).optional();
var queueName = import_zod2.z.string({ error: "give a queue name" }).regex(/^[A-Za-z0-9._:-]{1,100}$/, { error: 'use 1-100 letters, digits, ".", "_", ":" or "-"' });
var priority = import_zod2.z.number({ error: "give an integer; lower runs first" }).int({ error: "give an integer; lower runs first" }).min(-1e6).max(1e6);
var commonQuerySchema = import_zod2.z.strictObject({ lang, customerId });
var enqueueBodySchema = import_zod2.z.strictObject({
  type: import_zod2.z.string({ error: 'give the job type name as a string, e.g. "math.add" (GET /job-types lists them)' }).min(1, { error: 'give the job type name, e.g. "math.add" (GET /job-types lists them)' }),
  params: import_zod2.z.unknown().optional().describe("Parameters of the job type, checked against its schema; defaults to {}"),
  options: import_zod2.z.strictObject({
    delayMs: import_zod2.z.number({ error: "give a number of milliseconds" }).int({ error: "give a whole number of milliseconds" }).min(0, { error: "must be 0 or more" }).max(MAX_DELAY_MS, { error: `must be at most ${MAX_DELAY_MS} (one year)` }).optional().describe("Run no earlier than this many ms from now"),
    priority: priority.optional().describe("Lower runs first; default 0"),
    queue: queueName.optional().describe("Queue; defaults to the job type's default queue"),
    idempotencyKey: import_zod2.z.string({ error: "give a string" }).min(1, { error: "must not be empty" }).max(200, { error: "must be at most 200 characters" }).optional().describe("Enqueuing twice with the same key (per customer) returns the first job"),
    parents: import_zod2.z.array(
      import_zod2.z.strictObject({
        id: import_zod2.z.string({ error: "give the parent job id as a string" }).min(1, { error: "must not be empty" }),
        on: import_zod2.z.enum(["success", "failure", "end"], { error: "give success, failure or end" }).optional().describe("How the parent has to end: success (default), failure (Failed or Cancelled) or end")
      }),
      { error: "give an array of { id, on } objects" }
    ).max(1e3, { error: "must name at most 1000 parents" }).optional().describe(
      "Jobs of the caller's customer this one waits on: it runs once each has ended as its `on` asks, and is cancelled, naming the parent, as soon as one cannot"
    ),
    system: import_zod2.z.boolean({ error: "give true or false" }).optional().describe(
      "Admin only: enqueue a system job, without a customer; only such a job may name a customer in its params"
    )
  }).optional()
});
var jobIdParamsSchema = import_zod2.z.object({ id: import_zod2.z.string().min(1).max(200) });
var scheduleNameParamsSchema = import_zod2.z.object({
  name: import_zod2.z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/, { error: 'use 1-200 letters, digits, ".", "_", ":" or "-"' })
});
var trueOrFalse = import_zod2.z.boolean({ error: "give true or false" }).optional();
var keepPaused = trueOrFalse.describe("Create or keep it paused; default false");
var storedJobType = import_zod2.z.string({ error: "give the job type name as a string (GET /job-types lists them)" }).min(1, { error: "give the job type name (GET /job-types lists them)" });
var storedJobParams = import_zod2.z.unknown().optional().describe("Parameters of each job, checked against the type\u2019s schema; default {}");
var scheduleBodySchema = import_zod2.z.strictObject({
  cron: import_zod2.z.string({ error: 'give a cron expression such as "0 2 * * *"' }).min(1, { error: 'give a cron expression such as "0 2 * * *"' }).max(200).describe("Cron expression, 5 fields (minutes) or 6 (seconds)"),
  timezone: import_zod2.z.string().min(1).max(100).optional().describe("IANA time zone the cron is read in; default UTC"),
  type: storedJobType,
  params: storedJobParams,
  options: import_zod2.z.strictObject({
    queue: queueName.optional().describe("Queue; defaults to the job type's default queue"),
    priority: priority.optional().describe("Lower runs first; default 0")
  }).optional(),
  paused: keepPaused,
  system: trueOrFalse.describe("Admins only: a schedule of no customer (its jobs have no customer)")
});
var fileParamsSchema = import_zod2.z.object({
  id: import_zod2.z.string().min(1).max(200),
  name: import_zod2.z.string().min(1).max(500)
});
function listParam(item) {
  return import_zod2.z.union([import_zod2.z.string(), import_zod2.z.array(import_zod2.z.string())]).transform(
    (v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter((s) => s !== "")
  ).pipe(import_zod2.z.array(item));
}
function listQuerySchema(defaultLimit, maxLimit) {
  return commonQuerySchema.extend({
    state: listParam(
      import_zod2.z.enum(import_core6.JOB_STATES, {
        error: `use one of ${import_core6.JOB_STATES.join(", ")}`
      })
    ).optional().describe("Only these states (comma-separated or repeated)"),
    type: listParam(import_zod2.z.string().min(1)).optional().describe("Only these job types (comma-separated or repeated)"),
    queue: import_zod2.z.string().min(1).max(100).optional().describe("Only this queue"),
    userId: import_zod2.z.string().min(1).max(200).optional().describe("Only jobs enqueued by this user"),
    parentId: import_zod2.z.string().min(1).max(100).optional().describe("Only the children of this job"),
    limit: import_zod2.z.coerce.number({ error: `give a whole number from 1 to ${maxLimit}` }).int({ error: `give a whole number from 1 to ${maxLimit}` }).min(1, { error: `give a whole number from 1 to ${maxLimit}` }).max(maxLimit, { error: `at most ${maxLimit} per page; follow nextCursor for more` }).default(defaultLimit).describe(`Page size, 1 to ${maxLimit}; default ${defaultLimit}`),
    cursor: import_zod2.z.string().min(1).max(500).optional().describe("The nextCursor of the previous page")
  });
}
var eventsQuerySchema = commonQuerySchema.extend({
  after: import_zod2.z.coerce.number({ error: "give the seq of the last message you saw" }).int().min(0).optional().describe("Skip log entries up to this seq (like the Last-Event-ID header)")
});
function parseRequest(schema, value, where) {
  const parsed = schema.safeParse(value ?? (where === "body" ? void 0 : {}));
  if (parsed.success) return parsed.data;
  const prefix = where === "body" ? "" : `${where}.`;
  const issues = [];
  for (const issue of parsed.error.issues) {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = base ? `${base}.${key}` : key;
        const message2 = key === "customerId" || key === "userId" ? `${key} ${FROM_TOKEN}` : `unknown field; remove it or check its spelling`;
        issues.push({ path: `${prefix}${path}`, message: message2, code: issue.code });
      }
      continue;
    }
    const message = where === "body" && base === "" && issue.code === "invalid_type" ? 'send a JSON object such as {"type": "math.add", "params": {}} with Content-Type: application/json' : issue.message;
    issues.push({
      path: base ? `${prefix}${base}` : where === "body" ? "" : where,
      message,
      code: issue.code
    });
  }
  throw new RequestInvalidError(issues);
}

// src/dashboard/dashboard-assets.ts
init_cjs_shims();
var import_node_fs = require("fs");
var import_node_path3 = require("path");
var import_node_url2 = require("url");
var import_core7 = require("@hangar/core");
var PACKAGE_NAME = "@hangar/runner";
function dashboardAssetsDir() {
  for (let dir = (0, import_node_path3.dirname)((0, import_node_url2.fileURLToPath)(importMetaUrl)); ; dir = (0, import_node_path3.dirname)(dir)) {
    try {
      const pkg = JSON.parse((0, import_node_fs.readFileSync)((0, import_node_path3.join)(dir, "package.json"), "utf8"));
      if (pkg.name === PACKAGE_NAME) return (0, import_node_path3.join)(dir, "dist", "dashboard");
    } catch {
    }
    if ((0, import_node_path3.dirname)(dir) === dir) {
      throw new import_core7.ConfigurationError("dashboard", `the ${PACKAGE_NAME} package directory was not found`);
    }
  }
}
function loadDashboardAssets(dir = dashboardAssetsDir()) {
  const read = (name) => {
    try {
      return (0, import_node_fs.readFileSync)((0, import_node_path3.join)(dir, name));
    } catch {
      throw new import_core7.ConfigurationError(
        "dashboard",
        `the dashboard file ${name} is missing from ${dir}; build the package (npm run build)`
      );
    }
  };
  return { script: read("app.js"), style: read("app.css") };
}

// src/dashboard/dashboard-messages.ts
init_cjs_shims();
var dashboardMessages = {
  en: {
    "hangar.dashboard.title": "Hangar dashboard",
    "hangar.dashboard.language": "Language",
    "hangar.dashboard.nav.overview": "Overview",
    "hangar.dashboard.nav.jobs": "Jobs",
    "hangar.dashboard.nav.schedules": "Schedules",
    "hangar.dashboard.nav.main": "Main navigation",
    "hangar.dashboard.login.heading": "Sign in with an API token",
    "hangar.dashboard.login.token": "Bearer token",
    "hangar.dashboard.login.submit": "Sign in",
    "hangar.dashboard.login.hint": "The token stays in this browser tab only (session storage).",
    "hangar.dashboard.logout": "Sign out",
    "hangar.dashboard.signedInAs": "Signed in as {userId} ({customerId}, {roles})",
    "hangar.dashboard.loading": "Loading\u2026",
    "hangar.dashboard.refresh": "Refresh",
    "hangar.dashboard.none": "Nothing to show",
    "hangar.dashboard.filter.state": "State",
    "hangar.dashboard.filter.type": "Job type",
    "hangar.dashboard.filter.queue": "Queue",
    "hangar.dashboard.filter.user": "User",
    "hangar.dashboard.filter.customer": "Customer (admins)",
    "hangar.dashboard.filter.any": "Any",
    "hangar.dashboard.filter.apply": "Filter",
    "hangar.dashboard.search.id": "Job id",
    "hangar.dashboard.search.open": "Open",
    "hangar.dashboard.jobs.heading": "Jobs",
    "hangar.dashboard.jobs.next": "Next page",
    "hangar.dashboard.jobs.first": "First page",
    "hangar.dashboard.jobs.select": "Select job {id}",
    "hangar.dashboard.jobs.selectAll": "Select every job of this page",
    "hangar.dashboard.jobs.selected": "{count} selected",
    "hangar.dashboard.jobs.bulkDone": "{action}: {ok} done, {failed} refused",
    "hangar.dashboard.column.id": "Id",
    "hangar.dashboard.column.type": "Type",
    "hangar.dashboard.column.queue": "Queue",
    "hangar.dashboard.column.state": "State",
    "hangar.dashboard.column.user": "User",
    "hangar.dashboard.column.customer": "Customer",
    "hangar.dashboard.column.progress": "Progress",
    "hangar.dashboard.column.created": "Created",
    "hangar.dashboard.column.count": "Jobs",
    "hangar.dashboard.column.oldest": "Oldest waiting since",
    "hangar.dashboard.action.cancel": "Cancel",
    "hangar.dashboard.action.retry": "Retry",
    "hangar.dashboard.action.delete": "Delete",
    "hangar.dashboard.action.pause": "Pause",
    "hangar.dashboard.action.resume": "Resume",
    "hangar.dashboard.action.trigger": "Run now",
    "hangar.dashboard.action.confirmDelete": "Delete {count} finished job(s) with their logs?",
    "hangar.dashboard.job.heading": "Job {id}",
    "hangar.dashboard.job.params": "Parameters",
    "hangar.dashboard.job.times": "Times",
    "hangar.dashboard.job.createdAt": "Created",
    "hangar.dashboard.job.runAt": "Run at",
    "hangar.dashboard.job.startedAt": "Started",
    "hangar.dashboard.job.finishedAt": "Finished",
    "hangar.dashboard.job.attempts": "Attempts",
    "hangar.dashboard.job.attemptsValue": "{attempts} of {maxAttempts}",
    "hangar.dashboard.job.worker": "Worker",
    "hangar.dashboard.job.progress": "Progress",
    "hangar.dashboard.job.messages": "Messages",
    "hangar.dashboard.job.errors": "Errors",
    "hangar.dashboard.job.warnings": "Warnings",
    "hangar.dashboard.job.result": "Result",
    "hangar.dashboard.job.files": "Output files",
    "hangar.dashboard.job.parent": "Parent job",
    "hangar.dashboard.job.children": "Child jobs",
    "hangar.dashboard.job.moreChildren": "More child jobs",
    "hangar.dashboard.job.live": "Live",
    "hangar.dashboard.job.ended": "Stream ended",
    "hangar.dashboard.job.cancelRequested": "Cancellation requested",
    "hangar.dashboard.job.back": "Back to the jobs",
    "hangar.dashboard.overview.byState": "Jobs per state",
    "hangar.dashboard.overview.byQueue": "Waiting and running per queue",
    "hangar.dashboard.overview.capped": 'Counted up to {limit} jobs per state; "{limit}+" means more.',
    "hangar.dashboard.overview.estimated": '"\u2248" marks an estimate from the database statistics (many finished jobs); waiting and running jobs are counted exactly.',
    "hangar.dashboard.schedules.heading": "Schedules",
    "hangar.dashboard.schedules.name": "Name",
    "hangar.dashboard.schedules.cron": "Cron",
    "hangar.dashboard.schedules.nextRun": "Next run",
    "hangar.dashboard.schedules.lastRun": "Last run",
    "hangar.dashboard.schedules.status": "Status",
    "hangar.dashboard.schedules.paused": "Paused",
    "hangar.dashboard.schedules.active": "Active",
    "hangar.dashboard.schedules.triggered": "Job {jobId} enqueued",
    "hangar.dashboard.triggers.heading": "Event triggers",
    "hangar.dashboard.triggers.on": "Fires when",
    "hangar.dashboard.triggers.lastFired": "Last fired",
    "hangar.dashboard.state.Scheduled": "Scheduled",
    "hangar.dashboard.state.Awaiting": "Awaiting parent",
    "hangar.dashboard.state.Enqueued": "Enqueued",
    "hangar.dashboard.state.Processing": "Processing",
    "hangar.dashboard.state.Succeeded": "Succeeded",
    "hangar.dashboard.state.Failed": "Failed",
    "hangar.dashboard.state.Cancelled": "Cancelled",
    "hangar.dashboard.nav.workflows": "Workflows",
    "hangar.dashboard.workflows.heading": "Workflows",
    "hangar.dashboard.workflows.hint": "Jobs of type {type}; open one to see the graph of its steps.",
    "hangar.dashboard.workflow.heading": "Workflow {id}",
    "hangar.dashboard.workflow.name": "Name",
    "hangar.dashboard.workflow.job": "Workflow job",
    "hangar.dashboard.workflow.open": "Graph of the steps",
    "hangar.dashboard.workflow.done": "{done} of {total} steps ended",
    "hangar.dashboard.workflow.graph": "Steps and what each runs after",
    "hangar.dashboard.workflow.level": "Level {level}",
    "hangar.dashboard.workflow.step": "Step {step}",
    "hangar.dashboard.workflow.stepJob": "Job {id}",
    "hangar.dashboard.workflow.notSubmitted": "No job yet",
    "hangar.dashboard.workflow.start": "Starts with the workflow",
    "hangar.dashboard.workflow.after": "Runs after {steps}",
    "hangar.dashboard.workflow.on.success": "if they succeed",
    "hangar.dashboard.workflow.on.failure": "if they fail",
    "hangar.dashboard.workflow.on.end": "whatever their end",
    "hangar.dashboard.workflow.on.success.one": "if it succeeds",
    "hangar.dashboard.workflow.on.failure.one": "if it fails",
    "hangar.dashboard.workflow.on.end.one": "whatever its end",
    "hangar.dashboard.workflow.edge.success": "on success",
    "hangar.dashboard.workflow.edge.failure": "on failure",
    "hangar.dashboard.workflow.edge.end": "on end",
    "hangar.dashboard.workflow.when": "Only when {condition}",
    "hangar.dashboard.workflow.op.exists": "is set",
    "hangar.dashboard.workflow.op.missing": "is missing",
    "hangar.dashboard.workflow.cancel": "Cancel workflow",
    "hangar.dashboard.workflow.cancelled": "Workflow cancelled; {steps} step(s) stopped",
    "hangar.dashboard.workflow.retryStep": "Retry step {step}",
    "hangar.dashboard.workflow.retried": "Step {step} runs again",
    "hangar.dashboard.state.Waiting": "Waiting",
    "hangar.dashboard.state.Skipped": "Skipped",
    "hangar.dashboard.error.network": "The server cannot be reached: {message}"
  },
  fr: {
    "hangar.dashboard.title": "Tableau de bord Hangar",
    "hangar.dashboard.language": "Langue",
    "hangar.dashboard.nav.overview": "Vue d'ensemble",
    "hangar.dashboard.nav.jobs": "T\xE2ches",
    "hangar.dashboard.nav.schedules": "Planifications",
    "hangar.dashboard.nav.main": "Navigation principale",
    "hangar.dashboard.login.heading": "Connexion avec un jeton d'API",
    "hangar.dashboard.login.token": "Jeton (bearer)",
    "hangar.dashboard.login.submit": "Se connecter",
    "hangar.dashboard.login.hint": "Le jeton reste dans cet onglet uniquement (stockage de session).",
    "hangar.dashboard.logout": "Se d\xE9connecter",
    "hangar.dashboard.signedInAs": "Connect\xE9 en tant que {userId} ({customerId}, {roles})",
    "hangar.dashboard.loading": "Chargement\u2026",
    "hangar.dashboard.refresh": "Actualiser",
    "hangar.dashboard.none": "Rien \xE0 afficher",
    "hangar.dashboard.filter.state": "\xC9tat",
    "hangar.dashboard.filter.type": "Type de t\xE2che",
    "hangar.dashboard.filter.queue": "File",
    "hangar.dashboard.filter.user": "Utilisateur",
    "hangar.dashboard.filter.customer": "Client (admins)",
    "hangar.dashboard.filter.any": "Tous",
    "hangar.dashboard.filter.apply": "Filtrer",
    "hangar.dashboard.search.id": "Identifiant de t\xE2che",
    "hangar.dashboard.search.open": "Ouvrir",
    "hangar.dashboard.jobs.heading": "T\xE2ches",
    "hangar.dashboard.jobs.next": "Page suivante",
    "hangar.dashboard.jobs.first": "Premi\xE8re page",
    "hangar.dashboard.jobs.select": "S\xE9lectionner la t\xE2che {id}",
    "hangar.dashboard.jobs.selectAll": "S\xE9lectionner toutes les t\xE2ches de cette page",
    "hangar.dashboard.jobs.selected": "{count} s\xE9lectionn\xE9e(s)",
    "hangar.dashboard.jobs.bulkDone": "{action} : {ok} faite(s), {failed} refus\xE9e(s)",
    "hangar.dashboard.column.id": "Identifiant",
    "hangar.dashboard.column.type": "Type",
    "hangar.dashboard.column.queue": "File",
    "hangar.dashboard.column.state": "\xC9tat",
    "hangar.dashboard.column.user": "Utilisateur",
    "hangar.dashboard.column.customer": "Client",
    "hangar.dashboard.column.progress": "Avancement",
    "hangar.dashboard.column.created": "Cr\xE9\xE9e",
    "hangar.dashboard.column.count": "T\xE2ches",
    "hangar.dashboard.column.oldest": "Plus ancienne en attente depuis",
    "hangar.dashboard.action.cancel": "Annuler",
    "hangar.dashboard.action.retry": "Relancer",
    "hangar.dashboard.action.delete": "Supprimer",
    "hangar.dashboard.action.pause": "Suspendre",
    "hangar.dashboard.action.resume": "Reprendre",
    "hangar.dashboard.action.trigger": "Lancer maintenant",
    "hangar.dashboard.action.confirmDelete": "Supprimer {count} t\xE2che(s) termin\xE9e(s) avec leur journal ?",
    "hangar.dashboard.job.heading": "T\xE2che {id}",
    "hangar.dashboard.job.params": "Param\xE8tres",
    "hangar.dashboard.job.times": "Horaires",
    "hangar.dashboard.job.createdAt": "Cr\xE9\xE9e",
    "hangar.dashboard.job.runAt": "Ex\xE9cution pr\xE9vue",
    "hangar.dashboard.job.startedAt": "D\xE9marr\xE9e",
    "hangar.dashboard.job.finishedAt": "Termin\xE9e",
    "hangar.dashboard.job.attempts": "Tentatives",
    "hangar.dashboard.job.attemptsValue": "{attempts} sur {maxAttempts}",
    "hangar.dashboard.job.worker": "Ex\xE9cutant",
    "hangar.dashboard.job.progress": "Avancement",
    "hangar.dashboard.job.messages": "Messages",
    "hangar.dashboard.job.errors": "Erreurs",
    "hangar.dashboard.job.warnings": "Avertissements",
    "hangar.dashboard.job.result": "R\xE9sultat",
    "hangar.dashboard.job.files": "Fichiers produits",
    "hangar.dashboard.job.parent": "T\xE2che parente",
    "hangar.dashboard.job.children": "T\xE2ches enfants",
    "hangar.dashboard.job.moreChildren": "Plus de t\xE2ches enfants",
    "hangar.dashboard.job.live": "En direct",
    "hangar.dashboard.job.ended": "Flux termin\xE9",
    "hangar.dashboard.job.cancelRequested": "Annulation demand\xE9e",
    "hangar.dashboard.job.back": "Retour aux t\xE2ches",
    "hangar.dashboard.overview.byState": "T\xE2ches par \xE9tat",
    "hangar.dashboard.overview.byQueue": "En attente et en cours par file",
    "hangar.dashboard.overview.capped": "Compt\xE9es jusqu'\xE0 {limit} t\xE2ches par \xE9tat ; \xAB {limit}+ \xBB signifie davantage.",
    "hangar.dashboard.overview.estimated": "\xAB \u2248 \xBB marque une estimation tir\xE9e des statistiques de la base (beaucoup de t\xE2ches termin\xE9es) ; les t\xE2ches en attente et en cours sont compt\xE9es exactement.",
    "hangar.dashboard.schedules.heading": "Planifications",
    "hangar.dashboard.schedules.name": "Nom",
    "hangar.dashboard.schedules.cron": "Cron",
    "hangar.dashboard.schedules.nextRun": "Prochaine ex\xE9cution",
    "hangar.dashboard.schedules.lastRun": "Derni\xE8re ex\xE9cution",
    "hangar.dashboard.schedules.status": "Statut",
    "hangar.dashboard.schedules.paused": "Suspendue",
    "hangar.dashboard.schedules.active": "Active",
    "hangar.dashboard.schedules.triggered": "T\xE2che {jobId} mise en file",
    "hangar.dashboard.triggers.heading": "D\xE9clencheurs",
    "hangar.dashboard.triggers.on": "Se d\xE9clenche quand",
    "hangar.dashboard.triggers.lastFired": "Dernier d\xE9clenchement",
    "hangar.dashboard.state.Scheduled": "Planifi\xE9e",
    "hangar.dashboard.state.Awaiting": "Attend sa parente",
    "hangar.dashboard.state.Enqueued": "En file",
    "hangar.dashboard.state.Processing": "En cours",
    "hangar.dashboard.state.Succeeded": "R\xE9ussie",
    "hangar.dashboard.state.Failed": "\xC9chou\xE9e",
    "hangar.dashboard.state.Cancelled": "Annul\xE9e",
    "hangar.dashboard.nav.workflows": "Encha\xEEnements",
    "hangar.dashboard.workflows.heading": "Encha\xEEnements",
    "hangar.dashboard.workflows.hint": "T\xE2ches de type {type} ; ouvrez-en une pour voir le graphe de ses \xE9tapes.",
    "hangar.dashboard.workflow.heading": "Encha\xEEnement {id}",
    "hangar.dashboard.workflow.name": "Nom",
    "hangar.dashboard.workflow.job": "T\xE2che de l'encha\xEEnement",
    "hangar.dashboard.workflow.open": "Graphe des \xE9tapes",
    "hangar.dashboard.workflow.done": "{done} \xE9tape(s) termin\xE9e(s) sur {total}",
    "hangar.dashboard.workflow.graph": "Les \xE9tapes et ce apr\xE8s quoi chacune s'ex\xE9cute",
    "hangar.dashboard.workflow.level": "Niveau {level}",
    "hangar.dashboard.workflow.step": "\xC9tape {step}",
    "hangar.dashboard.workflow.stepJob": "T\xE2che {id}",
    "hangar.dashboard.workflow.notSubmitted": "Pas encore de t\xE2che",
    "hangar.dashboard.workflow.start": "D\xE9marre avec l'encha\xEEnement",
    "hangar.dashboard.workflow.after": "S'ex\xE9cute apr\xE8s {steps}",
    "hangar.dashboard.workflow.on.success": "si elles r\xE9ussissent",
    "hangar.dashboard.workflow.on.failure": "si elles \xE9chouent",
    "hangar.dashboard.workflow.on.end": "quelle que soit leur fin",
    "hangar.dashboard.workflow.on.success.one": "si elle r\xE9ussit",
    "hangar.dashboard.workflow.on.failure.one": "si elle \xE9choue",
    "hangar.dashboard.workflow.on.end.one": "quelle que soit sa fin",
    "hangar.dashboard.workflow.edge.success": "si r\xE9ussite",
    "hangar.dashboard.workflow.edge.failure": "si \xE9chec",
    "hangar.dashboard.workflow.edge.end": "\xE0 la fin",
    "hangar.dashboard.workflow.when": "Seulement si {condition}",
    "hangar.dashboard.workflow.op.exists": "est renseign\xE9",
    "hangar.dashboard.workflow.op.missing": "est absent",
    "hangar.dashboard.workflow.cancel": "Annuler l'encha\xEEnement",
    "hangar.dashboard.workflow.cancelled": "Encha\xEEnement annul\xE9 ; {steps} \xE9tape(s) arr\xEAt\xE9e(s)",
    "hangar.dashboard.workflow.retryStep": "Relancer l'\xE9tape {step}",
    "hangar.dashboard.workflow.retried": "L'\xE9tape {step} s'ex\xE9cute \xE0 nouveau",
    "hangar.dashboard.state.Waiting": "En attente",
    "hangar.dashboard.state.Skipped": "Saut\xE9e",
    "hangar.dashboard.error.network": "Le serveur est injoignable : {message}"
  }
};

// src/dashboard/dashboard-page.ts
init_cjs_shims();
var DASHBOARD_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Hangar</title><link rel="stylesheet" href="app.css"></head>
<body><div id="app" aria-live="polite"></div><noscript>The dashboard needs JavaScript.</noscript>
<script src="app.js"></script></body></html>
`;
var DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join("; ");

// src/dashboard/overview.ts
init_cjs_shims();
var import_core8 = require("@hangar/core");
var OVERVIEW_COUNT_LIMIT = 1e4;
var PAGE = 1e3;
async function buildOverview(client, customerId2, limit = OVERVIEW_COUNT_LIMIT) {
  const queue = client.queue;
  if (!queue.countJobs) return scanOverview(client, customerId2, limit);
  const counted = await queue.countJobs({ customerId: customerId2 });
  const states = Object.fromEntries(import_core8.JOB_STATES.map((s) => [s, 0]));
  const estimated = /* @__PURE__ */ new Set();
  const queues = /* @__PURE__ */ new Map();
  const queueOf = (name) => {
    let entry = queues.get(name);
    if (!entry) {
      entry = { queue: name, states: {}, oldestWaitingAt: null, oldestWaitingId: null, estimated: [] };
      queues.set(name, entry);
    }
    return entry;
  };
  for (const c of counted.counts) {
    states[c.state] += c.count;
    const entry = queueOf(c.queue);
    entry.states[c.state] = (entry.states[c.state] ?? 0) + c.count;
    if (c.estimated) {
      estimated.add(c.state);
      if (!entry.estimated.includes(c.state)) entry.estimated.push(c.state);
    }
  }
  for (const oldest of counted.oldestWaiting) {
    const entry = queueOf(oldest.queue);
    entry.oldestWaitingAt = oldest.createdAt.toISOString();
    entry.oldestWaitingId = oldest.jobId;
  }
  const sorted = [...queues.values()].sort((a, b) => a.queue.localeCompare(b.queue));
  const estimatedStates = import_core8.JOB_STATES.filter((s) => estimated.has(s));
  return { states, estimated: estimatedStates, capped: [], limit, method: "counts", queues: sorted };
}
async function scanOverview(client, customerId2, limit = OVERVIEW_COUNT_LIMIT) {
  const states = Object.fromEntries(import_core8.JOB_STATES.map((s) => [s, 0]));
  const capped = [];
  const queues = /* @__PURE__ */ new Map();
  for (const state of import_core8.JOB_STATES) {
    let cursor;
    scan: do {
      const page = await client.list({ customerId: customerId2, states: [state], limit: PAGE, cursor });
      cursor = page.nextCursor;
      for (const job of page.items) {
        if (states[state] >= limit) {
          capped.push(state);
          break scan;
        }
        states[state] += 1;
        let queue = queues.get(job.queue);
        if (!queue) {
          queue = {
            queue: job.queue,
            states: {},
            oldestWaitingAt: null,
            oldestWaitingId: null,
            estimated: []
          };
          queues.set(job.queue, queue);
        }
        queue.states[state] = (queue.states[state] ?? 0) + 1;
        const created = job.createdAt.toISOString();
        if (state === "Enqueued" && (queue.oldestWaitingAt === null || created <= queue.oldestWaitingAt)) {
          queue.oldestWaitingAt = created;
          queue.oldestWaitingId = job.id;
        }
      }
    } while (cursor !== void 0);
  }
  const sorted = [...queues.values()].sort((a, b) => a.queue.localeCompare(b.queue));
  return { states, estimated: [], capped, limit, method: "scan", queues: sorted };
}

// src/dashboard/dashboard-routes.ts
function sendFile(reply, type, body) {
  return reply.header("content-type", type).header("content-security-policy", DASHBOARD_CSP).header("x-content-type-options", "nosniff").header("cache-control", "no-cache").send(body);
}
function registerDashboard(app, api, assets = loadDashboardAssets()) {
  api.translator.register(dashboardMessages);
  app.get(
    "/dashboard",
    { exposeHeadRoute: false },
    async (_request, reply) => reply.redirect(`${api.prefix}/dashboard/`, 302)
  );
  app.get(
    "/dashboard/",
    { exposeHeadRoute: false },
    async (_request, reply) => sendFile(reply, "text/html; charset=utf-8", DASHBOARD_PAGE)
  );
  app.get(
    "/dashboard/app.js",
    { exposeHeadRoute: false },
    async (_request, reply) => sendFile(reply, "text/javascript; charset=utf-8", assets.script)
  );
  app.get(
    "/dashboard/app.css",
    { exposeHeadRoute: false },
    async (_request, reply) => sendFile(reply, "text/css; charset=utf-8", assets.style)
  );
  app.get("/dashboard/api/me", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "read", commonQuerySchema);
    const identity = {
      userId: scope.caller.userId,
      customerId: scope.customerId,
      roles: scope.caller.roles
    };
    return identity;
  });
  app.get("/dashboard/api/overview", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "read", commonQuerySchema);
    return buildOverview(api.options.client, scope.customerId);
  });
  app.get("/dashboard/api/jobs/:id/params", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "read", commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, "path");
    const job = await api.options.client.get(id, { customerId: scope.customerId });
    if (!job) throw new import_core9.JobNotFoundError(id);
    return { id, params: job.params };
  });
}
function dashboardEnabled(value) {
  if (value === void 0 || typeof value === "boolean") return value === true;
  throw new import_core9.ConfigurationError("dashboard", "pass true to serve the dashboard under /dashboard, or false");
}

// src/http/http-server.ts
init_optional_driver();

// src/http/api-context.ts
init_cjs_shims();

// src/http/auth.ts
init_cjs_shims();
var import_node_crypto = require("crypto");
var import_core11 = require("@hangar/core");
var API_ROLES = ["admin", "operator", "viewer"];
var MIN_TOKEN_LENGTH = 16;
var ROLE_FOR = {
  read: ["viewer", "operator", "admin"],
  write: ["operator", "admin"],
  admin: ["admin"]
};
var digest = (value) => (0, import_node_crypto.createHash)("sha256").update(value, "utf8").digest();
function validateAuthOptions(auth) {
  if (!auth || typeof auth !== "object") {
    throw new import_core11.ConfigurationError(
      "auth",
      "pass `{ tokens: [{ token, customerId, userId, roles }] }` or `{ verify }`"
    );
  }
  const tokens = auth.tokens ?? [];
  if (!Array.isArray(tokens)) throw new import_core11.ConfigurationError("auth.tokens", "must be an array of tokens");
  if (tokens.length === 0 && typeof auth.verify !== "function") {
    throw new import_core11.ConfigurationError("auth", "configure at least one token in `tokens`, or a `verify` function");
  }
  const seen = /* @__PURE__ */ new Set();
  tokens.forEach((entry, i) => {
    const at = `auth.tokens[${i}]`;
    if (typeof entry?.token !== "string" || entry.token.length < MIN_TOKEN_LENGTH) {
      throw new import_core11.ConfigurationError(
        `${at}.token`,
        `must be a secret of at least ${MIN_TOKEN_LENGTH} characters`
      );
    }
    if (seen.has(entry.token))
      throw new import_core11.ConfigurationError(`${at}.token`, "the same token is configured twice");
    seen.add(entry.token);
    for (const field of ["customerId", "userId"]) {
      if (typeof entry[field] !== "string" || entry[field].trim() === "") {
        throw new import_core11.ConfigurationError(`${at}.${field}`, "must be a non-empty string");
      }
    }
    if (!Array.isArray(entry.roles) || entry.roles.length === 0) {
      throw new import_core11.ConfigurationError(`${at}.roles`, `give at least one of ${API_ROLES.join(", ")}`);
    }
    for (const role of entry.roles) {
      if (!API_ROLES.includes(role)) {
        throw new import_core11.ConfigurationError(
          `${at}.roles`,
          `"${String(role)}" is not a role; use ${API_ROLES.join(", ")}`
        );
      }
    }
  });
}
var Authenticator = class {
  entries;
  verify;
  constructor(auth) {
    validateAuthOptions(auth);
    this.entries = (auth.tokens ?? []).map((t) => ({
      hash: digest(t.token),
      caller: { customerId: t.customerId, userId: t.userId, roles: [...t.roles] }
    }));
    this.verify = auth.verify;
  }
  /** The caller of a request; throws `UnauthorizedError` without a valid bearer token. */
  async authenticate(header) {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? "");
    const token = match?.[1];
    if (!token) throw new UnauthorizedError();
    const presented = digest(token);
    let found;
    for (const entry of this.entries) {
      if ((0, import_node_crypto.timingSafeEqual)(entry.hash, presented) && !found) found = entry.caller;
    }
    if (!found && this.verify) found = await this.verify(token);
    if (!found) throw new UnauthorizedError();
    return found;
  }
};
function requirePermission(caller, permission) {
  if (caller.roles.some((role2) => ROLE_FOR[permission].includes(role2))) return;
  const role = permission === "write" ? "operator" : permission === "admin" ? "admin" : "viewer";
  throw new ForbiddenError("hangar.http.roleRequired", { role, roles: caller.roles.join(", ") || "(none)" });
}
function requireAdmin(caller, key) {
  if (!caller.roles.includes("admin"))
    throw new ForbiddenError(key, { roles: caller.roles.join(", ") || "(none)" });
}
function actingCustomer(caller, requested) {
  if (requested === void 0 || requested === caller.customerId) return caller.customerId;
  if (!caller.roles.includes("admin")) {
    throw new ForbiddenError("hangar.http.customerForbidden", { customerId: requested });
  }
  return requested;
}

// src/http/error-replies.ts
init_cjs_shims();
var import_node_crypto2 = require("crypto");
var import_node_http2 = require("http");

// src/http/language.ts
init_cjs_shims();
var import_core12 = require("@hangar/core");
function negotiateLanguage(available, queryLang, acceptLanguage) {
  const known = new Set(available.map((l) => l.toLowerCase()));
  const pick = (tag) => {
    const lower = tag.trim().toLowerCase().replace("_", "-");
    if (!lower || lower === "*") return void 0;
    if (known.has(lower)) return lower;
    const base = lower.split("-")[0] ?? lower;
    return known.has(base) ? base : void 0;
  };
  if (queryLang) {
    const chosen = pick(queryLang);
    if (chosen) return chosen;
  }
  for (const tag of parseAcceptLanguage(acceptLanguage ?? "")) {
    const chosen = pick(tag);
    if (chosen) return chosen;
  }
  return import_core12.FALLBACK_LANGUAGE;
}
function parseAcceptLanguage(header) {
  return header.split(",").map((part, index) => {
    const [tag = "", ...attrs] = part.trim().split(";");
    const q = attrs.map((a) => /^\s*q=([0-9.]+)\s*$/i.exec(a)?.[1]).find((v) => v !== void 0);
    const weight = q === void 0 ? 1 : Number(q);
    return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
  }).filter((e) => e.tag !== "" && e.weight > 0).sort((a, b) => b.weight - a.weight || a.index - b.index).map((e) => e.tag);
}

// src/http/error-replies.ts
var REQUEST_ID_HEADER = "x-request-id";
function requestLanguage(translator, request) {
  const query = request.query;
  const lang2 = typeof query?.lang === "string" ? query.lang : void 0;
  return negotiateLanguage(translator.languages(), lang2, request.headers["accept-language"]);
}
function requestLogger(logger, request) {
  return logger ?? request.log;
}
function sendError(error, request, reply, translator, logger) {
  const lang2 = requestLanguage(translator, request);
  const { status, body } = toErrorResponse(error, translator, lang2, request.id);
  if (status >= 500) {
    requestLogger(logger, request).error(
      { err: error, requestId: request.id, method: request.method, url: echoedPath(request.url) },
      "Hangar API request failed"
    );
  }
  if (status === 401) reply.header("www-authenticate", "Bearer");
  return reply.code(status).header(REQUEST_ID_HEADER, request.id).header("content-language", lang2).send(body);
}
function installErrorReplies(app, translator, logger) {
  app.addHook("onRequest", async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.setErrorHandler(
    (error, request, reply) => sendError(error, request, reply, translator, logger)
  );
}
function routeNotFoundReply(translator, logger) {
  return (request, reply) => sendError(
    new RouteNotFoundError(request.method, echoedPath(request.url)),
    request,
    reply,
    translator,
    logger
  );
}
function frameworkErrorReply(translator, logger) {
  return (error, request, reply) => {
    void sendError(error, request, reply, translator, logger);
  };
}
function clientErrorReply(translator) {
  return (error, socket) => {
    if (error.code === "ECONNRESET" || socket.destroyed) return;
    const statusCode = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
    const requestId = (0, import_node_crypto2.randomUUID)();
    const { status, body } = toErrorResponse(
      { code: error.code ?? "bad_request", statusCode },
      translator,
      "en",
      requestId
    );
    const text4 = JSON.stringify(body);
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status} ${import_node_http2.STATUS_CODES[status] ?? "Bad Request"}\r
Content-Type: application/json; charset=utf-8\r
Content-Length: ${Buffer.byteLength(text4)}\r
${REQUEST_ID_HEADER}: ${requestId}\r
Connection: close\r
\r
${text4}`
      );
    }
    socket.destroy(error);
  };
}

// src/http/queue-coverage.ts
init_cjs_shims();
var RUNNERS_FRESH_MS = 1e3;
var QueueCoverage = class {
  constructor(queue) {
    this.queue = queue;
  }
  queue;
  cached;
  /** Whether some live runner serves `queue` and runs `type`. */
  async serves(queue, type) {
    const runners = await this.runners();
    return runners.some((r) => Object.hasOwn(r.queues, queue) && r.types.includes(type));
  }
  /** Queues holding Enqueued jobs that no live runner serves. */
  async unserved() {
    const [runners, depths] = await Promise.all([this.runners(), this.queue.queueDepths()]);
    return depths.filter((d) => !runners.some((r) => Object.hasOwn(r.queues, d.queue)));
  }
  runners() {
    const now = Date.now();
    if (!this.cached || now - this.cached.at >= RUNNERS_FRESH_MS) {
      const runners = this.queue.listRunners();
      runners.catch(() => {
        if (this.cached?.runners === runners) this.cached = void 0;
      });
      this.cached = { at: now, runners };
    }
    return this.cached.runners;
  }
};

// src/http/api-context.ts
var ApiContext = class {
  constructor(options, translator, authenticator, prefix) {
    this.options = options;
    this.translator = translator;
    this.authenticator = authenticator;
    this.prefix = prefix;
    this.coverage = new QueueCoverage(options.client.queue);
  }
  options;
  translator;
  authenticator;
  prefix;
  /** Which queues the live runners serve. */
  coverage;
  /** The caller's language. */
  languageOf(request) {
    return requestLanguage(this.translator, request);
  }
  /** Where this request's failures are logged: the `logger` option, else fastify's request logger. */
  logOf(request) {
    return requestLogger(this.options.logger, request);
  }
  /**
   * Authenticates the request, then parses its query, then checks the permission and the
   * `?customerId=` the caller may use. Every handler starts here, so none can skip the tenant
   * check, and an anonymous caller learns nothing about the query rules.
   */
  async scope(request, permission, querySchema) {
    const caller = await this.authenticator.authenticate(request.headers.authorization);
    const query = parseRequest(querySchema, request.query, "query");
    requirePermission(caller, permission);
    const customerId2 = actingCustomer(caller, query.customerId);
    const render = { translator: this.translator, lang: this.languageOf(request), prefix: this.prefix };
    return { scope: { caller, customerId: customerId2, render }, query };
  }
};

// src/http/catalog-routes.ts
init_cjs_shims();

// src/http/render-job.ts
init_cjs_shims();
function renderMessage(message, ctx) {
  return {
    text: ctx.translator.render(message, ctx.lang),
    key: message.key,
    params: { ...message.params ?? {} }
  };
}
function percent(current, total) {
  if (current === void 0 || total === void 0 || total <= 0) return void 0;
  return Math.max(0, Math.min(100, Math.round(current / total * 1e3) / 10));
}
function renderLogEntry(entry, ctx) {
  const view = {
    ...renderMessage(entry.message, ctx),
    seq: entry.seq,
    at: iso(entry.at),
    level: entry.level
  };
  if (entry.current !== void 0) view.current = entry.current;
  if (entry.total !== void 0) view.total = entry.total;
  const pct = percent(entry.current, entry.total);
  if (pct !== void 0) view.percent = pct;
  return view;
}
function renderErrors(info, ctx) {
  return info.map((entry) => {
    const view = {
      ...renderMessage({ key: entry.key, params: entry.params }, ctx),
      code: entry.code,
      severity: entry.severity
    };
    if (entry.source !== void 0) view.source = entry.source;
    return view;
  });
}
function uniqueMessages(messages, ctx) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const m of messages) {
    const id = JSON.stringify([m.key, m.params ?? {}]);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(renderMessage(m, ctx));
  }
  return out;
}
function renderJob(job, ctx, log) {
  const result = job.result;
  const warnings = [
    ...(log ?? []).filter((e) => e.level === "warning").map((e) => e.message),
    ...result?.warnings ?? []
  ];
  const errors = [...job.errorInfo ?? [], ...result?.errorInfo ?? []];
  const seenErrors = /* @__PURE__ */ new Set();
  const uniqueErrors = errors.filter((e) => {
    const id = JSON.stringify([e.code, e.key, e.params, e.source]);
    if (seenErrors.has(id)) return false;
    seenErrors.add(id);
    return true;
  });
  const filesBase = `${ctx.prefix}/jobs/${encodeURIComponent(job.id)}/files/`;
  const outputFiles = (result?.outputFiles ?? []).map((f) => ({
    name: f.name,
    size: f.size,
    mediaType: f.mediaType,
    url: filesBase + encodeURIComponent(f.name)
  }));
  let progress = null;
  if (job.progress) {
    progress = renderMessage(job.progress.message, ctx);
    if (job.progress.current !== void 0) progress.current = job.progress.current;
    if (job.progress.total !== void 0) progress.total = job.progress.total;
    const pct = percent(job.progress.current, job.progress.total);
    if (pct !== void 0) progress.percent = pct;
  }
  const view = {
    id: job.id,
    type: job.type,
    queue: job.queue,
    state: job.state,
    priority: job.priority,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    customerId: job.customerId ?? null,
    userId: job.userId ?? null,
    parentId: job.parentId ?? null,
    parents: job.parents.map((p) => ({ id: p.id, on: p.on })),
    cancelRequested: job.cancelRequested,
    progress,
    warnings: uniqueMessages(warnings, ctx),
    errors: renderErrors(uniqueErrors, ctx),
    success: result ? result.success : null,
    result: result?.result ?? null,
    outputFiles,
    worker: job.worker ? { id: job.worker.id, host: job.worker.host, pid: job.worker.pid } : null,
    createdAt: iso(job.createdAt),
    updatedAt: iso(job.updatedAt),
    runAt: iso(job.runAt),
    startedAt: job.startedAt ? iso(job.startedAt) : null,
    finishedAt: job.finishedAt ? iso(job.finishedAt) : null
  };
  if (log) view.messages = log.map((e) => renderLogEntry(e, ctx));
  return view;
}
function renderJobType(info, descriptionKey, ctx) {
  return {
    type: info.type,
    description: descriptionKey ? renderMessage(descriptionKey, ctx) : null,
    defaultQueue: info.defaultQueue,
    timeoutMs: info.timeoutMs ?? null,
    maxAttempts: info.retry.maxAttempts,
    paramsSchema: isObject(info.paramsSchema) ? info.paramsSchema : {}
  };
}
function renderSchedule(s) {
  return {
    name: s.name,
    cron: s.cron,
    timezone: s.timezone,
    type: s.type,
    queue: s.options.queue ?? null,
    paused: s.paused,
    nextRunAt: s.nextRunAt ? iso(s.nextRunAt) : null,
    lastRunAt: s.lastRunAt ? iso(s.lastRunAt) : null
  };
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function iso(value) {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

// src/http/catalog-routes.ts
function registerCatalogRoutes(app, api) {
  const { client } = api.options;
  app.get("/job-types", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "read", commonQuerySchema);
    const items = client.registry.describe().map((info) => renderJobType(info, client.registry.get(info.type).description, scope.render));
    return { items };
  });
}

// src/http/docs-page.ts
init_cjs_shims();
var import_node_crypto3 = require("crypto");
var STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; color: #1d232a; }
h1 { margin-bottom: 0.2rem; } .muted { color: #5b6670; }
details { border: 1px solid #d5dbe1; border-radius: 6px; margin: 0.5rem 0; padding: 0.4rem 0.8rem; }
summary { cursor: pointer; } .method { display: inline-block; min-width: 4.2rem; font-weight: 700; font-family: monospace; }
.get { color: #0b6bcb; } .post { color: #1a7f37; } .put { color: #9a6700; } .delete { color: #cf222e; }
code, pre { font-family: ui-monospace, monospace; font-size: 13px; } pre { background: #f4f6f8; padding: 0.6rem; overflow: auto; }
table { border-collapse: collapse; } td, th { text-align: left; padding: 0.15rem 0.8rem 0.15rem 0; vertical-align: top; }
`;
var SCRIPT = `
(async () => {
  const root = document.getElementById('api');
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
  const pre = (value) => el('pre', JSON.stringify(value, null, 2));
  let doc;
  try {
    const res = await fetch('openapi.json');
    if (!res.ok) throw new Error('HTTP ' + res.status);
    doc = await res.json();
  } catch (error) {
    root.append(el('p', 'Could not read openapi.json: ' + error.message));
    return;
  }
  document.title = doc.info.title;
  root.append(el('h1', doc.info.title), el('p', 'Version ' + doc.info.version + ' \xB7 ' + doc.info.description, 'muted'));
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const box = el('details');
      const summary = el('summary');
      summary.append(el('span', method.toUpperCase(), 'method ' + method), el('code', path), document.createTextNode(' \u2014 ' + (op.summary || '')));
      box.append(summary, el('p', op.description || '', 'muted'));
      if (op.parameters && op.parameters.length) {
        const table = el('table');
        const head = el('tr'); head.append(el('th', 'Parameter'), el('th', 'In'), el('th', 'Type'), el('th', 'Description')); table.append(head);
        for (const p of op.parameters) {
          const row = el('tr');
          row.append(el('td', p.name + (p.required ? ' *' : '')), el('td', p.in), el('td', (p.schema && (p.schema.type || (p.schema.enum && 'enum'))) || ''), el('td', p.description || ''));
          table.append(row);
        }
        box.append(table);
      }
      const body = op.requestBody && op.requestBody.content && op.requestBody.content['application/json'];
      if (body) box.append(el('h4', 'Body'), pre(body.schema));
      box.append(el('h4', 'Responses'));
      const list = el('ul');
      for (const [status, r] of Object.entries(op.responses || {})) list.append(el('li', status + ': ' + (r.description || '')));
      box.append(list);
      root.append(box);
    }
  }
  root.append(el('h2', 'Schemas'));
  for (const [name, schema] of Object.entries((doc.components && doc.components.schemas) || {})) {
    const box = el('details');
    box.append(el('summary', name), pre(schema));
    root.append(box);
  }
})();
`;
var hash = (text4) => `'sha256-${(0, import_node_crypto3.createHash)("sha256").update(text4).digest("base64")}'`;
var PAGE2 = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference</title><style>${STYLE}</style></head>
<body><main id="api"></main><script>${SCRIPT}</script></body></html>
`;
var CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${hash(SCRIPT)}`,
  `style-src ${hash(STYLE)}`,
  "connect-src 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'"
].join("; ");
function registerDocsPage(app) {
  app.get(
    "/docs",
    { exposeHeadRoute: false },
    async (_request, reply) => reply.header("content-type", "text/html; charset=utf-8").header("content-security-policy", CONTENT_SECURITY_POLICY).header("x-content-type-options", "nosniff").send(PAGE2)
  );
}

// src/http/file-route.ts
init_cjs_shims();
var import_node_fs2 = require("fs");
var import_promises3 = require("fs/promises");
var import_node_path4 = require("path");
var import_node_url3 = require("url");
var import_core13 = require("@hangar/core");
var SAFE_MEDIA_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(\s*;\s*[A-Za-z0-9_-]+=[A-Za-z0-9_.-]+)*$/;
async function resolveInsideRoot(root, location) {
  let path;
  try {
    path = location.startsWith("file:") ? (0, import_node_url3.fileURLToPath)(location) : (0, import_node_path4.resolve)(root, location);
  } catch {
    return void 0;
  }
  try {
    const [realRoot, realFile] = await Promise.all([(0, import_promises3.realpath)(root), (0, import_promises3.realpath)(path)]);
    const rel = (0, import_node_path4.relative)(realRoot, realFile);
    if (rel === "" || rel === ".." || rel.startsWith(`..${import_node_path4.sep}`) || (0, import_node_path4.isAbsolute)(rel)) return void 0;
    return realFile;
  } catch {
    return void 0;
  }
}
function contentDisposition(name) {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
function registerFileRoute(app, api) {
  const { client, filesRoot } = api.options;
  app.get("/jobs/:id/files/:name", { exposeHeadRoute: false }, async (request, reply) => {
    const { scope } = await api.scope(request, "read", commonQuerySchema);
    const { id, name } = parseRequest(fileParamsSchema, request.params, "path");
    const job = await client.get(id, { customerId: scope.customerId });
    if (!job) throw new import_core13.JobNotFoundError(id);
    const file = job.result?.outputFiles?.find((f) => f.name === name);
    if (!file) throw new FileNotFoundError(id, name);
    if (!filesRoot) throw new FilesNotServedError();
    const area = (0, import_core13.tenantFileArea)(job.customerId);
    const path = await resolveInsideRoot(filesRoot, file.location);
    const inArea = path && area ? await resolveInsideRoot((0, import_node_path4.join)(filesRoot, area), path) : void 0;
    if (!inArea) {
      api.logOf(request).warn(
        { jobId: id, name, location: file.location, area },
        "Refused an output file outside the job's tenant area of filesRoot"
      );
      throw new FileNotFoundError(id, name);
    }
    const stats = await (0, import_promises3.stat)(inArea);
    if (!stats.isFile()) throw new FileNotFoundError(id, name);
    return reply.header(
      "content-type",
      SAFE_MEDIA_TYPE.test(file.mediaType) ? file.mediaType : "application/octet-stream"
    ).header("content-length", String(stats.size)).header("content-disposition", contentDisposition(file.name)).header("x-content-type-options", "nosniff").header("connection", "close").send((0, import_node_fs2.createReadStream)(inArea));
  });
}

// src/http/health-routes.ts
init_cjs_shims();
async function runCheck(check, timeoutMs) {
  const controller = new AbortController();
  let timer;
  const timeout = new Promise((resolve5) => {
    timer = setTimeout(() => resolve5("timeout"), timeoutMs);
  });
  try {
    const result = await Promise.race([check(controller.signal).then((value) => ({ value })), timeout]);
    if (result === "timeout") {
      controller.abort();
      return { outcome: "timeout" };
    }
    return { outcome: "ok", value: result.value };
  } catch (error) {
    return { outcome: "failed", error };
  } finally {
    clearTimeout(timer);
  }
}
function registerHealthRoutes(app, api) {
  const { client, readinessChecks, readinessTimeoutMs } = api.options;
  const checks = [
    ["queue", () => client.queue.list({ limit: 1 })],
    ...Object.entries(readinessChecks)
  ];
  async function unserved(request) {
    const outcome = await runCheck(() => api.coverage.unserved(), readinessTimeoutMs);
    if (outcome.outcome !== "ok") {
      api.logOf(request).warn({ outcome: outcome.outcome, err: outcome.error }, "Could not tell unserved queues");
    }
    return (outcome.value ?? []).map((d) => ({ ...d, oldestRunAt: d.oldestRunAt.toISOString() }));
  }
  app.get("/health", { exposeHeadRoute: false }, async () => ({ status: "ok" }));
  app.get("/ready", { exposeHeadRoute: false }, async (request, reply) => {
    const results = await Promise.all(
      checks.map(async ([name, check]) => ({ name, ...await runCheck(check, readinessTimeoutMs) }))
    );
    for (const r of results) {
      if (r.outcome !== "ok") {
        api.logOf(request).warn({ check: r.name, outcome: r.outcome, err: r.error }, "Readiness check failed");
      }
    }
    const ready = results.every((r) => r.outcome === "ok");
    const unservedQueues = ready ? await unserved(request) : [];
    const view = {
      status: ready ? "ready" : "unavailable",
      unservedQueues,
      checks: results.map((r) => ({ name: r.name, ok: r.outcome === "ok", outcome: r.outcome }))
    };
    return reply.code(ready ? 200 : 503).send(view);
  });
}

// src/http/http-messages.ts
init_cjs_shims();
var httpMessages = {
  en: {
    "hangar.http.requestInvalid": "The request is invalid: {issues}",
    "hangar.http.routeNotFound": "No route {method} {url}; see /openapi.json for the routes",
    "hangar.http.fileNotFound": 'Job {jobId} has no output file named "{name}"',
    "hangar.http.filesNotServed": "This server does not serve output files (no filesRoot is configured)",
    "hangar.http.customerForbidden": "Only an admin token may act on another customer (customerId={customerId})",
    "hangar.http.roleRequired": "This action needs the {role} role; your token has: {roles}",
    "hangar.http.systemJobForbidden": "Only an admin token may enqueue a system job (one without a customer); your token has: {roles}",
    "hangar.http.internal": "Internal server error (request {requestId}); the server log has the details under this request id",
    "hangar.http.unavailable": "The server is shutting down; retry shortly",
    "hangar.http.scheduleNameTaken": 'The schedule name "{name}" is already taken; choose another name',
    "hangar.http.triggerNameTaken": 'The trigger name "{name}" is already taken; choose another name',
    "hangar.http.queueNotServed": 'No running runner serves queue "{queue}" for job type "{type}"; the job is stored and waits until one starts'
  },
  fr: {
    "hangar.http.requestInvalid": "La requ\xEAte est invalide : {issues}",
    "hangar.http.routeNotFound": "Aucune route {method} {url} ; voir /openapi.json pour la liste des routes",
    "hangar.http.fileNotFound": "La t\xE2che {jobId} n'a pas de fichier de sortie nomm\xE9 \xAB {name} \xBB",
    "hangar.http.filesNotServed": "Ce serveur ne sert pas de fichiers de sortie (aucun filesRoot n'est configur\xE9)",
    "hangar.http.customerForbidden": "Seul un jeton admin peut agir pour un autre client (customerId={customerId})",
    "hangar.http.roleRequired": "Cette action n\xE9cessite le r\xF4le {role} ; votre jeton a : {roles}",
    "hangar.http.systemJobForbidden": "Seul un jeton admin peut mettre en file une t\xE2che syst\xE8me (sans client) ; votre jeton a : {roles}",
    "hangar.http.internal": "Erreur interne du serveur (requ\xEAte {requestId}) ; le journal du serveur en donne le d\xE9tail sous ce num\xE9ro de requ\xEAte",
    "hangar.http.unavailable": "Le serveur est en cours d'arr\xEAt ; r\xE9essayez dans un instant",
    "hangar.http.scheduleNameTaken": "Le nom de planification \xAB {name} \xBB est d\xE9j\xE0 pris ; choisissez-en un autre",
    "hangar.http.triggerNameTaken": "Le nom de d\xE9clencheur \xAB {name} \xBB est d\xE9j\xE0 pris ; choisissez-en un autre",
    "hangar.http.queueNotServed": "Aucun runner actif ne sert la file \xAB {queue} \xBB pour le type de t\xE2che \xAB {type} \xBB ; la t\xE2che est enregistr\xE9e et attend qu'il en d\xE9marre un"
  }
};

// src/http/http-options.ts
init_cjs_shims();
var import_node_path5 = require("path");
var import_core15 = require("@hangar/core");

// src/metrics/metrics-options.ts
init_cjs_shims();
var import_core14 = require("@hangar/core");
var METRICS_DEFAULTS = {
  customerLabel: false,
  prefix: "hangar_",
  durationBuckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1800]
};
function resolveMetricsOptions(options) {
  if (options === void 0 || options === false) return void 0;
  const given = options === true ? {} : options;
  if (typeof given !== "object" || given === null) {
    throw new import_core14.ConfigurationError("metrics", "pass true, or { customerLabel, prefix, durationBuckets }");
  }
  const resolved = {
    customerLabel: given.customerLabel ?? METRICS_DEFAULTS.customerLabel,
    prefix: given.prefix ?? METRICS_DEFAULTS.prefix,
    durationBuckets: given.durationBuckets ?? METRICS_DEFAULTS.durationBuckets
  };
  if (typeof resolved.customerLabel !== "boolean") {
    throw new import_core14.ConfigurationError("metrics.customerLabel", "must be true or false");
  }
  if (typeof resolved.prefix !== "string" || !/^[a-zA-Z_:][a-zA-Z0-9_:]*$|^$/.test(resolved.prefix)) {
    throw new import_core14.ConfigurationError(
      "metrics.prefix",
      'use letters, digits, "_" and ":", not starting with a digit'
    );
  }
  const buckets = resolved.durationBuckets;
  if (!Array.isArray(buckets) || buckets.length === 0 || buckets.some((b, i) => !(b > 0) || i > 0 && b <= (buckets[i - 1] ?? 0))) {
    throw new import_core14.ConfigurationError("metrics.durationBuckets", "give increasing positive numbers of seconds");
  }
  return resolved;
}

// src/http/http-options.ts
var HTTP_DEFAULTS = {
  defaultPageSize: 50,
  maxPageSize: 200,
  sseHeartbeatMs: 15e3,
  ssePollMs: 2e3,
  title: "Hangar API",
  version: "0.1.0",
  readinessChecks: {},
  readinessTimeoutMs: 2e3
};
function intAtLeast(name, value, min, max = Number.MAX_SAFE_INTEGER) {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new import_core15.ConfigurationError(name, `must be a whole number from ${min} to ${max}, got ${String(value)}`);
  }
}
function resolveHttpOptions(options) {
  if (!options || typeof options !== "object") {
    throw new import_core15.ConfigurationError(
      "options",
      "pass `{ client, auth }`, e.g. `{ client: runner.client, auth: { tokens } }`"
    );
  }
  const client = options.client;
  if (!client || typeof client.enqueue !== "function" || typeof client.get !== "function") {
    throw new import_core15.ConfigurationError(
      "client",
      "pass a HangarClient, e.g. `runner.client` or `createClient({ queue })`"
    );
  }
  validateAuthOptions(options.auth);
  const resolved = {
    client,
    auth: options.auth,
    filesRoot: void 0,
    logger: options.logger,
    metrics: resolveMetricsOptions(options.metrics),
    defaultPageSize: options.defaultPageSize ?? HTTP_DEFAULTS.defaultPageSize,
    maxPageSize: options.maxPageSize ?? HTTP_DEFAULTS.maxPageSize,
    sseHeartbeatMs: options.sseHeartbeatMs ?? HTTP_DEFAULTS.sseHeartbeatMs,
    ssePollMs: options.ssePollMs ?? HTTP_DEFAULTS.ssePollMs,
    title: options.title ?? HTTP_DEFAULTS.title,
    version: options.version ?? HTTP_DEFAULTS.version,
    readinessChecks: options.readinessChecks ?? HTTP_DEFAULTS.readinessChecks,
    readinessTimeoutMs: options.readinessTimeoutMs ?? HTTP_DEFAULTS.readinessTimeoutMs
  };
  intAtLeast("readinessTimeoutMs", resolved.readinessTimeoutMs, 1);
  if (typeof resolved.readinessChecks !== "object" || resolved.readinessChecks === null) {
    throw new import_core15.ConfigurationError("readinessChecks", "pass an object of named check functions");
  }
  for (const [name, check] of Object.entries(resolved.readinessChecks)) {
    if (typeof check !== "function") {
      throw new import_core15.ConfigurationError(`readinessChecks.${name}`, "must be a function returning a promise");
    }
    if (name === "queue") {
      throw new import_core15.ConfigurationError(
        "readinessChecks.queue",
        "the queue is always checked; give this check another name"
      );
    }
  }
  if (options.logger !== void 0 && (typeof options.logger !== "object" || typeof options.logger?.error !== "function")) {
    throw new import_core15.ConfigurationError(
      "logger",
      "pass a logger with error/warn/info/debug/child, e.g. a pino logger"
    );
  }
  intAtLeast("maxPageSize", resolved.maxPageSize, 1, 1e4);
  intAtLeast("defaultPageSize", resolved.defaultPageSize, 1, resolved.maxPageSize);
  intAtLeast("sseHeartbeatMs", resolved.sseHeartbeatMs, 1e3);
  intAtLeast("ssePollMs", resolved.ssePollMs, 50);
  if (options.filesRoot !== void 0) {
    if (typeof options.filesRoot !== "string" || options.filesRoot.trim() === "") {
      throw new import_core15.ConfigurationError(
        "filesRoot",
        'give the directory output files are stored under, e.g. "/var/lib/hangar/files"'
      );
    }
    resolved.filesRoot = (0, import_node_path5.isAbsolute)(options.filesRoot) ? options.filesRoot : (0, import_node_path5.resolve)(options.filesRoot);
  }
  return resolved;
}

// src/http/job-routes.ts
init_cjs_shims();
var import_core16 = require("@hangar/core");
function registerJobRoutes(app, api) {
  const { client } = api.options;
  const listQuery = listQuerySchema(api.options.defaultPageSize, api.options.maxPageSize);
  app.post("/jobs", { exposeHeadRoute: false }, async (request, reply) => {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const body = parseRequest(enqueueBodySchema, request.body, "body");
    const options = body.options ?? {};
    if (options.system === true) requireAdmin(scope.caller, "hangar.http.systemJobForbidden");
    for (const parent of options.parents ?? []) {
      if (!await client.get(parent.id, { customerId: scope.customerId }))
        throw new import_core16.JobNotFoundError(parent.id);
    }
    const result = await client.enqueue(body.type, body.params ?? {}, {
      customerId: options.system === true ? void 0 : scope.customerId,
      userId: scope.caller.userId,
      delayMs: options.delayMs,
      priority: options.priority,
      queue: options.queue,
      idempotencyKey: options.idempotencyKey,
      parents: options.parents
    });
    const response = {
      id: result.id,
      created: result.created,
      job: renderJob(result.job, scope.render)
    };
    if (!await api.coverage.serves(result.job.queue, result.job.type)) {
      const params = { queue: result.job.queue, type: result.job.type };
      response.warnings = [
        {
          code: "QUEUE_NOT_SERVED",
          ...renderMessage({ key: "hangar.http.queueNotServed", params }, scope.render)
        }
      ];
    }
    return reply.code(result.created ? 201 : 200).header("location", `${api.prefix}/jobs/${encodeURIComponent(result.id)}`).send(response);
  });
  app.get("/jobs", { exposeHeadRoute: false }, async (request) => {
    const { scope, query } = await api.scope(request, "read", listQuery);
    const page = await client.list({
      customerId: scope.customerId,
      states: query.state,
      types: query.type,
      queue: query.queue,
      userId: query.userId,
      parentId: query.parentId,
      limit: query.limit,
      cursor: query.cursor
    }).catch((error) => {
      if ((0, import_core16.hasErrorCode)(error, "CONFIG_INVALID") && error.params.option === "cursor") {
        throw new RequestInvalidError([
          {
            path: "query.cursor",
            message: "pass the nextCursor of the previous page unchanged",
            code: "invalid_cursor"
          }
        ]);
      }
      throw error;
    });
    const view = {
      items: page.items.map((job) => renderJob(job, scope.render)),
      nextCursor: page.nextCursor ?? null
    };
    return view;
  });
  app.get("/jobs/:id", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "read", commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, "path");
    const job = await client.get(id, { customerId: scope.customerId }) ?? await systemJobFor(scope.caller, id);
    if (!job) throw new import_core16.JobNotFoundError(id);
    const log = await client.getLog(id);
    const view = renderJob(job, scope.render, log);
    return view;
  });
  async function systemJobFor(caller, id) {
    if (!caller.roles.includes("admin")) return void 0;
    const job = await client.get(id);
    return job?.customerId === void 0 ? job : void 0;
  }
  app.post("/jobs/:id/cancel", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, "path");
    const outcome = await client.cancel(id, { customerId: scope.customerId });
    const job = outcome === "not-found" ? void 0 : await client.get(id, { customerId: scope.customerId });
    if (!job || outcome === "not-found") throw new import_core16.JobNotFoundError(id);
    const response = { id, outcome, job: renderJob(job, scope.render) };
    return response;
  });
  app.post("/jobs/:id/retry", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, "path");
    const job = await client.retry(id, { customerId: scope.customerId });
    const response = { id, job: renderJob(job, scope.render) };
    return response;
  });
  app.delete("/jobs/:id", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, "path");
    await client.delete(id, { customerId: scope.customerId });
    const response = { id, deleted: true };
    return response;
  });
}

// src/http/metrics-route.ts
init_cjs_shims();

// src/metrics/job-metrics.ts
init_cjs_shims();
var JobMetrics = class {
  constructor(prom, options, events, queue) {
    this.queue = queue;
    this.registry = new prom.Registry();
    const labels = options.customerLabel ? ["type", "queue", "customer"] : ["type", "queue"];
    const p = options.prefix;
    const counter = (name, help, extra = []) => new prom.Counter({
      name: `${p}${name}`,
      help,
      labelNames: [...labels, ...extra],
      registers: [this.registry]
    });
    this.counters = {
      enqueued: counter("jobs_enqueued_total", "Jobs enqueued by this process"),
      started: counter("jobs_started_total", "Attempts started by this process"),
      succeeded: counter("jobs_succeeded_total", "Jobs that succeeded in this process"),
      failed: counter("jobs_failed_total", "Jobs that failed for good in this process"),
      cancelled: counter("jobs_cancelled_total", "Running jobs that ended cancelled in this process"),
      retrying: counter("jobs_retrying_total", "Failed attempts this process scheduled another attempt for"),
      retried: counter("jobs_retried_total", "Failed or Cancelled jobs this process put back by hand")
    };
    this.duration = new prom.Histogram({
      name: `${p}job_attempt_duration_seconds`,
      help: "Duration of the attempts this process ran, by how they ended",
      labelNames: [...labels, "outcome"],
      buckets: [...options.durationBuckets],
      registers: [this.registry]
    });
    let depths;
    const queueDepth = new prom.Gauge({
      name: `${p}queue_depth`,
      help: "Enqueued jobs waiting for a worker, per queue (read from the queue on each scrape)",
      labelNames: ["queue"],
      registers: [this.registry],
      collect: async () => {
        depths = this.queue.queueDepths();
        queueDepth.reset();
        for (const d of await depths) queueDepth.set({ queue: d.queue }, d.waiting);
      }
    });
    const oldestWaiting = new prom.Gauge({
      name: `${p}queue_oldest_waiting_seconds`,
      help: "How long the longest-waiting Enqueued job of each queue could have run already",
      labelNames: ["queue"],
      registers: [this.registry],
      collect: async () => {
        const read = depths ?? this.queue.queueDepths();
        depths = void 0;
        oldestWaiting.reset();
        const now = Date.now();
        for (const d of await read) {
          oldestWaiting.set({ queue: d.queue }, Math.max(0, (now - d.oldestRunAt.getTime()) / 1e3));
        }
      }
    });
    const runners = new prom.Gauge({
      name: `${p}runners_alive`,
      help: "Runners whose advertisement has not lapsed (read from the queue on each scrape)",
      registers: [this.registry],
      collect: async () => {
        runners.set((await this.queue.listRunners()).length);
      }
    });
    const of = (job) => {
      const base = { type: job.type, queue: job.queue };
      return options.customerLabel ? { ...base, customer: job.customerId ?? "" } : base;
    };
    const ended = (job, outcome) => {
      this.counters[outcome].inc(of(job));
      if (job.startedAt) {
        const seconds = Math.max(0, (Date.now() - job.startedAt.getTime()) / 1e3);
        this.duration.observe({ ...of(job), outcome }, seconds);
      }
    };
    const handlers = {
      "job:enqueued": ({ job }) => this.counters.enqueued.inc(of(job)),
      "job:started": ({ job }) => this.counters.started.inc(of(job)),
      "job:succeeded": ({ job }) => ended(job, "succeeded"),
      "job:failed": ({ job }) => ended(job, "failed"),
      "job:cancelled": ({ job }) => ended(job, "cancelled"),
      "job:retrying": ({ job }) => ended(job, "retrying"),
      "job:retried": ({ job }) => this.counters.retried.inc(of(job))
    };
    for (const [name, handler] of Object.entries(handlers)) {
      events.on(name, handler);
    }
    this.detach = () => {
      for (const [name, handler] of Object.entries(handlers)) {
        events.off(name, handler);
      }
    };
  }
  queue;
  /** The registry holding these metrics, for `registry.metrics()`. */
  registry;
  counters;
  duration;
  detach;
  /** The metrics in the Prometheus text format. */
  async scrape() {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
  /** Stops counting events. */
  stop() {
    this.detach();
  }
};

// src/metrics/prom-client-loader.ts
init_cjs_shims();

// src/optional-peer/load-optional-peer.ts
init_cjs_shims();
var import_core17 = require("@hangar/core");
async function loadOptionalPeer(load, option, pkg) {
  try {
    return await load();
  } catch (error) {
    const code = error.code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      throw new import_core17.ConfigurationError(
        option,
        `needs the ${pkg} package: install it with \`npm install ${pkg}\`, or turn ${option} off`
      );
    }
    throw error;
  }
}

// src/metrics/prom-client-loader.ts
function loadPromClient() {
  return loadOptionalPeer(() => import("prom-client"), "metrics", "prom-client@15");
}

// src/http/metrics-route.ts
async function registerMetricsRoute(app, api, options) {
  const prom = await loadPromClient();
  const { client } = api.options;
  const metrics = new JobMetrics(prom, options, client.events, client.queue);
  app.addHook("onClose", async () => metrics.stop());
  app.get("/metrics", { exposeHeadRoute: false }, async (_request, reply) => {
    const { contentType, body } = await metrics.scrape();
    return reply.header("content-type", contentType).send(body);
  });
}

// src/http/openapi.ts
init_cjs_shims();

// src/http/openapi-operations.ts
init_cjs_shims();
var import_zod3 = require("zod");
function toSchema(schema, io) {
  const json3 = import_zod3.z.toJSONSchema(schema, { io, unrepresentable: "any" });
  delete json3.$schema;
  return json3;
}
var ref = (name) => ({ $ref: `#/components/schemas/${name}` });
var json = (schema) => ({ "application/json": { schema } });
var ERROR_DESCRIPTIONS = {
  400: "PARAMS_INVALID, JOB_TYPE_UNKNOWN or REQUEST_INVALID, with field issues",
  401: "UNAUTHORIZED: missing or unknown bearer token",
  403: "FORBIDDEN: the token's roles do not allow this, or ?customerId= without the admin role",
  404: "JOB_NOT_FOUND, SCHEDULE_NOT_FOUND or TRIGGER_NOT_FOUND (also for another customer's job, schedule or trigger), or FILE_NOT_FOUND",
  409: "JOB_STATE_CONFLICT: the job\u2019s state does not allow this (retry: not Failed or Cancelled, or its parent has not succeeded; delete: not finished); SCHEDULE_NAME_TAKEN or TRIGGER_NAME_TAKEN: the name belongs to another owner"
};
function queryParameters(query) {
  return Object.entries(query.shape).map(([name, field]) => {
    const schema = toSchema(field, "input");
    const description = typeof schema.description === "string" ? schema.description : name === "lang" ? "Language of the messages (wins over Accept-Language), e.g. fr" : name === "customerId" ? "Admin tokens only: act for this customer" : void 0;
    delete schema.description;
    return { name, in: "query", required: false, schema, ...description ? { description } : {} };
  });
}
function operations(settings) {
  const common = commonQuerySchema;
  return [
    {
      method: "post",
      path: "/jobs",
      summary: "Enqueue a job for the caller\u2019s customer",
      role: "operator",
      query: common,
      body: enqueueBodySchema,
      errors: [400, 401, 403],
      ok: {
        status: 201,
        description: "Enqueued (200 when the idempotency key matched an earlier job)",
        content: json(ref("EnqueueResponse"))
      }
    },
    {
      method: "get",
      path: "/jobs",
      summary: "List the caller\u2019s jobs, newest first",
      role: "viewer",
      query: listQuerySchema(settings.defaultPageSize, settings.maxPageSize),
      errors: [400, 401, 403],
      ok: { status: 200, description: "One page of jobs", content: json(ref("JobPage")) }
    },
    {
      method: "get",
      path: "/jobs/{id}",
      summary: "A job with its messages, warnings, errors, result and files",
      role: "viewer",
      query: common,
      pathParams: ["id"],
      errors: [400, 401, 403, 404],
      ok: {
        status: 200,
        description: "The job, rendered in the caller\u2019s language",
        content: json(ref("Job"))
      }
    },
    {
      method: "post",
      path: "/jobs/{id}/cancel",
      summary: "Cancel a job",
      role: "operator",
      query: common,
      pathParams: ["id"],
      errors: [400, 401, 403, 404],
      ok: { status: 200, description: "What the cancellation did", content: json(ref("CancelResponse")) }
    },
    {
      method: "post",
      path: "/jobs/{id}/retry",
      summary: "Run a Failed or Cancelled job again (same id, fresh attempts, log kept)",
      role: "operator",
      query: common,
      pathParams: ["id"],
      errors: [400, 401, 403, 404, 409],
      ok: { status: 200, description: "The job, Enqueued again", content: json(ref("RetryResponse")) }
    },
    {
      method: "get",
      path: "/workflows/{id}",
      summary: "A workflow as one unit: its state, its steps with their states and progress, its outputs",
      role: "viewer",
      query: common,
      pathParams: ["id"],
      errors: [400, 401, 403, 404],
      ok: {
        status: 200,
        description: "The workflow, rendered in the caller\u2019s language",
        content: json(ref("Workflow"))
      }
    },
    {
      method: "post",
      path: "/workflows/{id}/cancel",
      summary: "Cancel a workflow: its job and every step still waiting or running",
      role: "operator",
      query: common,
      pathParams: ["id"],
      errors: [400, 401, 403, 404],
      ok: {
        status: 200,
        description: "What the cancellation did",
        content: json(ref("WorkflowCancelResponse"))
      }
    },
    {
      method: "post",
      path: "/workflows/{id}/steps/{step}/retry",
      summary: "Run a Failed or Cancelled step of an ended workflow again, without rerunning the steps that succeeded",
      role: "operator",
      query: common,
      pathParams: ["id", "step"],
      errors: [400, 401, 403, 404, 409],
      ok: { status: 200, description: "The workflow, running again", content: json(ref("Workflow")) }
    },
    {
      method: "delete",
      path: "/jobs/{id}",
      summary: "Delete a finished job with its log",
      role: "operator",
      query: common,
      pathParams: ["id"],
      errors: [400, 401, 403, 404, 409],
      ok: { status: 200, description: "Deleted", content: json(ref("DeleteResponse")) }
    },
    {
      method: "get",
      path: "/jobs/{id}/events",
      summary: "Live progress and state as server-sent events",
      role: "viewer",
      query: eventsQuerySchema,
      pathParams: ["id"],
      errors: [400, 401, 403, 404],
      ok: {
        status: 200,
        description: "Events: `progress` and `message` (a log entry, `id` = its seq, resumable with Last-Event-ID), `state` ({ id, state, job }) on each change, `end` once terminal, then the stream closes.",
        content: { "text/event-stream": { schema: { type: "string" } } }
      }
    },
    {
      method: "get",
      path: "/jobs/{id}/files/{name}",
      summary: "Download an output file of a job",
      role: "viewer",
      query: common,
      pathParams: ["id", "name"],
      errors: [400, 401, 403, 404],
      ok: {
        status: 200,
        description: "The file, with its media type",
        content: {
          "application/octet-stream": {
            schema: { type: "string", contentMediaType: "application/octet-stream" }
          }
        }
      }
    },
    {
      method: "get",
      path: "/job-types",
      summary: "Job types with the JSON schema of their parameters",
      role: "viewer",
      query: common,
      errors: [400, 401, 403],
      ok: {
        status: 200,
        description: "Every registered job type",
        content: json({
          type: "object",
          properties: { items: { type: "array", items: ref("JobType") } },
          required: ["items"]
        })
      }
    },
    {
      method: "get",
      path: "/schedules",
      summary: "Recurring schedules of the caller\u2019s customer, with their next run",
      role: "viewer",
      query: common,
      errors: [400, 401, 403],
      ok: {
        status: 200,
        description: "The schedules",
        content: json({
          type: "object",
          properties: { items: { type: "array", items: ref("Schedule") } },
          required: ["items"]
        })
      }
    },
    {
      method: "put",
      path: "/schedules/{name}",
      summary: "Create or replace a recurring schedule of the caller\u2019s customer",
      role: "operator",
      query: common,
      pathParams: ["name"],
      body: scheduleBodySchema,
      errors: [400, 401, 403, 409],
      ok: {
        status: 201,
        description: "Created (200 when the caller\u2019s schedule of that name was replaced); `system: true` needs the admin role",
        content: json(ref("ScheduleSaveResponse"))
      }
    },
    ...["pause", "resume"].map(
      (action) => ({
        method: "post",
        path: `/schedules/{name}/${action}`,
        summary: action === "pause" ? "Stop a schedule from firing" : "Fire a paused schedule again from its next cron time",
        role: "operator",
        query: common,
        pathParams: ["name"],
        errors: [400, 401, 403, 404],
        ok: { status: 200, description: "The schedule", content: json(ref("Schedule")) }
      })
    ),
    {
      method: "post",
      path: "/schedules/{name}/trigger",
      summary: "Enqueue one job of the schedule now (its cron times are unchanged)",
      role: "operator",
      query: common,
      pathParams: ["name"],
      errors: [400, 401, 403, 404],
      ok: { status: 201, description: "The job enqueued", content: json(ref("ScheduleTriggerResponse")) }
    },
    {
      method: "delete",
      path: "/schedules/{name}",
      summary: "Delete a schedule (jobs it enqueued stay)",
      role: "operator",
      query: common,
      pathParams: ["name"],
      errors: [400, 401, 403, 404],
      ok: { status: 200, description: "Deleted", content: json(ref("ScheduleDeleteResponse")) }
    },
    {
      method: "get",
      path: "/openapi.json",
      summary: "This document",
      role: "public",
      query: import_zod3.z.object({}),
      errors: [],
      ok: { status: 200, description: "OpenAPI 3.1 document of the API", content: json({ type: "object" }) }
    },
    {
      method: "get",
      path: "/docs",
      summary: "Reference page of the API, built from this document",
      role: "public",
      query: import_zod3.z.object({}),
      errors: [],
      ok: {
        status: 200,
        description: "An HTML page",
        content: { "text/html": { schema: { type: "string" } } }
      }
    },
    {
      method: "get",
      path: "/health",
      summary: "Liveness: the process answers",
      role: "public",
      query: import_zod3.z.object({}),
      errors: [],
      ok: { status: 200, description: 'Always `{ "status": "ok" }`', content: json(ref("Health")) }
    },
    ...settings.metrics ? [
      {
        method: "get",
        path: "/metrics",
        summary: "Prometheus metrics: job counters, attempt durations, queue depths, live runners",
        role: "public",
        query: import_zod3.z.object({}),
        errors: [],
        ok: {
          status: 200,
          description: "The Prometheus text format",
          content: { "text/plain": { schema: { type: "string" } } }
        }
      }
    ] : [],
    {
      method: "get",
      path: "/ready",
      summary: "Readiness: the queue and every registered check answer",
      role: "public",
      query: import_zod3.z.object({}),
      errors: [],
      ok: {
        status: 200,
        description: "Ready; 503 with the same body names the checks that failed or timed out",
        content: json(ref("Readiness"))
      }
    }
  ];
}

// src/http/trigger-operations.ts
init_cjs_shims();

// src/http/trigger-schemas.ts
init_cjs_shims();
var import_core18 = require("@hangar/core");
var import_zod4 = require("zod");
var triggerBodySchema = import_zod4.z.strictObject({
  on: import_zod4.z.strictObject(
    {
      type: import_zod4.z.string({ error: "give the job type whose ends fire it" }).min(1, { error: "give the job type whose ends fire it" }).max(200).describe("Job type of the ended job (`conso.workflow` for a workflow)"),
      states: import_zod4.z.array(import_zod4.z.enum(import_core18.TRIGGER_END_STATES), {
        error: `give a list of ${import_core18.TRIGGER_END_STATES.join(", ")}`
      }).min(1, { error: `give at least one of ${import_core18.TRIGGER_END_STATES.join(", ")}` }).describe("End states that fire it"),
      metadata: import_zod4.z.record(import_zod4.z.string(), import_zod4.z.string({ error: "give a string value" })).optional().describe('Only jobs whose metadata holds these values, e.g. { "workflow": "month-end" }')
    },
    { error: 'say which job ends fire it: { "type": ..., "states": [...] }' }
  ),
  job: import_zod4.z.strictObject(
    {
      type: storedJobType,
      params: storedJobParams,
      queue: queueName.optional().describe("Queue; defaults to the job type's default queue"),
      priority: priority.optional().describe("Lower runs first; default 0")
    },
    { error: 'say which job to enqueue: { "type": ..., "params": {...} }' }
  ),
  paused: keepPaused,
  system: trueOrFalse.describe(
    "Admins only: a trigger on every customer\u2019s jobs (each job it enqueues runs as the ended job\u2019s customer)"
  )
});
var triggerViewSchema = import_zod4.z.object({
  name: import_zod4.z.string(),
  on: import_zod4.z.object({
    type: import_zod4.z.string(),
    customerId: import_zod4.z.string().nullable().describe("null: every customer\u2019s jobs (a system trigger)"),
    states: import_zod4.z.array(import_zod4.z.string()),
    metadata: import_zod4.z.record(import_zod4.z.string(), import_zod4.z.string())
  }),
  job: import_zod4.z.object({ type: import_zod4.z.string(), queue: import_zod4.z.string().nullable(), priority: import_zod4.z.number().nullable() }),
  paused: import_zod4.z.boolean(),
  since: import_zod4.z.iso.datetime().describe("Jobs that ended at or before this time never fire it"),
  lastFiredAt: import_zod4.z.iso.datetime().nullable()
});
var triggerSaveResponseSchema = import_zod4.z.object({
  created: import_zod4.z.boolean().describe("False when an existing trigger of the caller was replaced"),
  trigger: triggerViewSchema
});
var triggerDeleteResponseSchema = import_zod4.z.object({ name: import_zod4.z.string(), deleted: import_zod4.z.literal(true) });

// src/http/trigger-operations.ts
function triggerOperations(common) {
  const named = { query: common, pathParams: ["name"] };
  return [
    {
      method: "get",
      path: "/triggers",
      summary: "Event triggers bound to the caller\u2019s customer (and, for admins, the system ones)",
      role: "viewer",
      query: common,
      errors: [400, 401, 403],
      ok: {
        status: 200,
        description: "The triggers",
        content: json({
          type: "object",
          properties: { items: { type: "array", items: ref("Trigger") } },
          required: ["items"]
        })
      }
    },
    {
      method: "put",
      path: "/triggers/{name}",
      summary: "Create or replace an event trigger on the caller\u2019s customer\u2019s jobs",
      role: "operator",
      ...named,
      body: triggerBodySchema,
      errors: [400, 401, 403, 409],
      ok: {
        status: 201,
        description: "Created (200 when the caller\u2019s trigger of that name was replaced); `system: true` needs the admin role",
        content: json(ref("TriggerSaveResponse"))
      }
    },
    ...["pause", "resume"].map(
      (action) => ({
        method: "post",
        path: `/triggers/{name}/${action}`,
        summary: action === "pause" ? "Stop a trigger from firing" : "Fire a paused trigger again, on jobs that end from now on (ends while paused are not replayed)",
        role: "operator",
        ...named,
        errors: [400, 401, 403, 404],
        ok: { status: 200, description: "The trigger", content: json(ref("Trigger")) }
      })
    ),
    {
      method: "delete",
      path: "/triggers/{name}",
      summary: "Delete a trigger (jobs it enqueued stay)",
      role: "operator",
      ...named,
      errors: [400, 401, 403, 404],
      ok: { status: 200, description: "Deleted", content: json(ref("TriggerDeleteResponse")) }
    }
  ];
}

// src/http/view-schemas.ts
init_cjs_shims();
var import_core19 = require("@hangar/core");
var import_zod5 = require("zod");
var param = import_zod5.z.union([import_zod5.z.string(), import_zod5.z.number(), import_zod5.z.boolean(), import_zod5.z.null()]);
var timestamp = import_zod5.z.iso.datetime();
var messageViewSchema = import_zod5.z.object({
  text: import_zod5.z.string().describe("The message in the caller's language"),
  key: import_zod5.z.string(),
  params: import_zod5.z.record(import_zod5.z.string(), param)
});
var logEntryViewSchema = messageViewSchema.extend({
  seq: import_zod5.z.number().int().describe("Position in the job log, from 1"),
  at: timestamp,
  level: import_zod5.z.enum(["progress", "info", "warning", "error"]),
  current: import_zod5.z.number().optional(),
  total: import_zod5.z.number().optional(),
  percent: import_zod5.z.number().optional().describe("current / total, 0 to 100, when both are known")
});
var errorViewSchema = messageViewSchema.extend({
  code: import_zod5.z.string(),
  severity: import_zod5.z.enum(["error", "warning", "info"]),
  source: import_zod5.z.string().optional()
});
var outputFileViewSchema = import_zod5.z.object({
  name: import_zod5.z.string(),
  size: import_zod5.z.number().int(),
  mediaType: import_zod5.z.string(),
  url: import_zod5.z.string().describe("Path of the download route, relative to the server")
});
var progressViewSchema = messageViewSchema.extend({
  current: import_zod5.z.number().optional(),
  total: import_zod5.z.number().optional(),
  percent: import_zod5.z.number().optional()
});
var jobViewSchema = import_zod5.z.object({
  id: import_zod5.z.string(),
  type: import_zod5.z.string(),
  queue: import_zod5.z.string(),
  state: import_zod5.z.enum(import_core19.JOB_STATES),
  priority: import_zod5.z.number().int(),
  attempts: import_zod5.z.number().int(),
  maxAttempts: import_zod5.z.number().int(),
  customerId: import_zod5.z.string().nullable(),
  userId: import_zod5.z.string().nullable(),
  parentId: import_zod5.z.string().nullable().describe("Its first parent"),
  parents: import_zod5.z.array(import_zod5.z.object({ id: import_zod5.z.string(), on: import_zod5.z.enum(["success", "failure", "end"]) })).describe("The jobs it waits on and how each has to end"),
  cancelRequested: import_zod5.z.boolean(),
  progress: progressViewSchema.nullable(),
  messages: import_zod5.z.array(logEntryViewSchema).optional().describe("Every progress and user message, in order (detail only)"),
  warnings: import_zod5.z.array(messageViewSchema),
  errors: import_zod5.z.array(errorViewSchema),
  success: import_zod5.z.boolean().nullable().describe("Whether the job reached its goal, once finished"),
  result: import_zod5.z.unknown().describe("The job's own result value, once succeeded"),
  outputFiles: import_zod5.z.array(outputFileViewSchema),
  worker: import_zod5.z.object({ id: import_zod5.z.string(), host: import_zod5.z.string(), pid: import_zod5.z.number().int() }).nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  runAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable()
});
var enqueueResponseSchema = import_zod5.z.object({
  id: import_zod5.z.string(),
  created: import_zod5.z.boolean().describe("False when an earlier job with the same idempotency key was returned"),
  job: jobViewSchema,
  warnings: import_zod5.z.array(messageViewSchema.extend({ code: import_zod5.z.literal("QUEUE_NOT_SERVED") })).optional().describe("QUEUE_NOT_SERVED: the job is stored, but no live runner serves its queue and type yet")
});
var cancelResponseSchema = import_zod5.z.object({
  id: import_zod5.z.string(),
  outcome: import_zod5.z.enum(["cancelled", "requested", "finished"]).describe(
    "cancelled: it will never run; requested: its worker is stopping it; finished: it had already ended"
  ),
  job: jobViewSchema
});
var jobPageViewSchema = import_zod5.z.object({
  items: import_zod5.z.array(jobViewSchema),
  nextCursor: import_zod5.z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page")
});
var jobTypeViewSchema = import_zod5.z.object({
  type: import_zod5.z.string(),
  description: messageViewSchema.nullable(),
  defaultQueue: import_zod5.z.string(),
  timeoutMs: import_zod5.z.number().nullable(),
  maxAttempts: import_zod5.z.number().int(),
  paramsSchema: import_zod5.z.record(import_zod5.z.string(), import_zod5.z.unknown()).describe("JSON schema of the parameters")
});
var retryResponseSchema = import_zod5.z.object({ id: import_zod5.z.string(), job: jobViewSchema });
var deleteResponseSchema = import_zod5.z.object({ id: import_zod5.z.string(), deleted: import_zod5.z.literal(true) });
var healthViewSchema = import_zod5.z.object({ status: import_zod5.z.literal("ok") });
var readinessViewSchema = import_zod5.z.object({
  status: import_zod5.z.enum(["ready", "unavailable"]),
  unservedQueues: import_zod5.z.array(
    import_zod5.z.object({
      queue: import_zod5.z.string(),
      waiting: import_zod5.z.number().int(),
      oldestRunAt: timestamp.describe("Since when the longest-waiting job could have run")
    })
  ).describe(
    "Queues with Enqueued jobs that no live runner serves (they wait until one starts); not a failure of this server"
  ),
  checks: import_zod5.z.array(
    import_zod5.z.object({
      name: import_zod5.z.string().describe("`queue`, or the name of a check the host registered"),
      ok: import_zod5.z.boolean(),
      outcome: import_zod5.z.enum(["ok", "failed", "timeout"])
    })
  )
});
var scheduleViewSchema = import_zod5.z.object({
  name: import_zod5.z.string(),
  cron: import_zod5.z.string(),
  timezone: import_zod5.z.string(),
  type: import_zod5.z.string(),
  queue: import_zod5.z.string().nullable(),
  paused: import_zod5.z.boolean(),
  nextRunAt: timestamp.nullable(),
  lastRunAt: timestamp.nullable()
});
var scheduleSaveResponseSchema = import_zod5.z.object({
  created: import_zod5.z.boolean().describe("False when an existing schedule of the caller was replaced"),
  schedule: scheduleViewSchema
});
var scheduleTriggerResponseSchema = import_zod5.z.object({
  name: import_zod5.z.string(),
  jobId: import_zod5.z.string(),
  job: jobViewSchema
});
var scheduleDeleteResponseSchema = import_zod5.z.object({ name: import_zod5.z.string(), deleted: import_zod5.z.literal(true) });
var errorBodySchema = import_zod5.z.object({
  error: import_zod5.z.object({
    code: import_zod5.z.string().describe("Stable code: UNAUTHORIZED, FORBIDDEN, PARAMS_INVALID, JOB_TYPE_UNKNOWN, JOB_NOT_FOUND, ..."),
    message: import_zod5.z.string().describe("Rendered in the caller's language"),
    key: import_zod5.z.string(),
    params: import_zod5.z.record(import_zod5.z.string(), param),
    issues: import_zod5.z.array(import_zod5.z.object({ path: import_zod5.z.string(), message: import_zod5.z.string(), code: import_zod5.z.string() })).optional().describe("Field-level problems of PARAMS_INVALID and REQUEST_INVALID"),
    requestId: import_zod5.z.string().describe("Id of the request, also in the x-request-id header and the server log")
  })
});

// src/http/workflow-view-schema.ts
init_cjs_shims();
var import_zod6 = require("zod");
var stepState = import_zod6.z.enum([
  "Waiting",
  "Skipped",
  "Scheduled",
  "Enqueued",
  "Awaiting",
  "Processing",
  "Succeeded",
  "Failed",
  "Cancelled"
]);
var workflowStepViewSchema = import_zod6.z.object({
  id: import_zod6.z.string(),
  type: import_zod6.z.string(),
  after: import_zod6.z.array(import_zod6.z.string()).describe("Steps it runs after: the edges into it"),
  on: import_zod6.z.enum(["success", "failure", "end"]).describe("How each of those has to end for it to run"),
  when: import_zod6.z.object({
    step: import_zod6.z.string(),
    path: import_zod6.z.string(),
    op: import_zod6.z.string(),
    value: import_zod6.z.union([import_zod6.z.string(), import_zod6.z.number(), import_zod6.z.boolean(), import_zod6.z.null()]).optional()
  }).nullable().describe("A test of one of those steps' result; the step is skipped when it does not hold"),
  state: stepState,
  jobId: import_zod6.z.string().nullable(),
  progress: progressViewSchema.nullable(),
  result: import_zod6.z.unknown(),
  errors: import_zod6.z.array(errorViewSchema)
});
var workflowApiViewSchema = import_zod6.z.object({
  id: import_zod6.z.string(),
  name: import_zod6.z.string(),
  state: import_zod6.z.string(),
  done: import_zod6.z.number().int(),
  total: import_zod6.z.number().int(),
  steps: import_zod6.z.array(workflowStepViewSchema),
  current: import_zod6.z.array(import_zod6.z.string()).describe("Ids of the steps running now"),
  job: jobViewSchema
});
var workflowCancelResponseSchema = import_zod6.z.object({
  id: import_zod6.z.string(),
  outcome: import_zod6.z.enum(["cancelled", "requested", "finished", "not-found"]),
  steps: import_zod6.z.number().int().describe("Steps cancelled or asked to stop")
});
function renderWorkflow(view, ctx) {
  return {
    id: view.id,
    name: view.name,
    state: view.state,
    done: view.done,
    total: view.total,
    steps: view.steps.map((step) => ({
      id: step.id,
      type: step.type,
      after: [...step.after],
      on: step.on,
      when: step.when ?? null,
      state: step.state,
      jobId: step.jobId ?? null,
      progress: step.progress ? {
        ...renderMessage(step.progress.message, ctx),
        current: step.progress.current,
        total: step.progress.total
      } : null,
      result: step.result ?? null,
      errors: renderErrors(step.errorInfo ?? [], ctx)
    })),
    current: view.current.map((step) => step.id),
    job: renderJob(view.job, ctx)
  };
}

// src/http/openapi.ts
function paramsSchemaName(type) {
  return `Params.${type.replace(/[^A-Za-z0-9._-]/g, "_")}`;
}
function objectSchema(schema) {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return {};
  const copy = { ...schema };
  delete copy.$schema;
  return copy;
}
function enqueueBodyByType(settings) {
  const generic = toSchema(enqueueBodySchema, "input");
  if (settings.jobTypes.length === 0) return generic;
  const properties = generic.properties ?? {};
  return {
    oneOf: settings.jobTypes.map((t) => ({
      ...generic,
      title: t.type,
      properties: { ...properties, type: { const: t.type }, params: ref(paramsSchemaName(t.type)) }
    }))
  };
}
function buildOpenApiDocument(settings) {
  const paths = {};
  for (const op of [...operations(settings), ...triggerOperations(commonQuerySchema)]) {
    const parameters = [
      ...(op.pathParams ?? []).map((name) => ({
        name,
        in: "path",
        required: true,
        schema: { type: "string" }
      })),
      ...queryParameters(op.query)
    ];
    const responses = {
      [String(op.ok.status)]: { description: op.ok.description, content: op.ok.content }
    };
    if (op.method === "post" && op.path === "/jobs") {
      responses["200"] = {
        description: "An earlier job with the same idempotency key",
        content: op.ok.content
      };
    }
    for (const status of op.errors) {
      responses[String(status)] = {
        description: ERROR_DESCRIPTIONS[status] ?? "Error",
        content: json(ref("Error"))
      };
    }
    const operation = {
      operationId: `${op.method}${op.path.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c) => (c ?? "").toUpperCase())}`,
      summary: op.summary,
      description: op.role === "public" ? "Needs no token." : `Needs the ${op.role} role (or a higher one).`,
      parameters,
      responses
    };
    if (op.role === "public") operation.security = [];
    if (op.body === enqueueBodySchema) {
      operation.requestBody = { required: true, content: json(enqueueBodyByType(settings)) };
    } else if (op.body) {
      operation.requestBody = { required: true, content: json(toSchema(op.body, "input")) };
    }
    paths[op.path] ??= {};
    paths[op.path][op.method] = operation;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: settings.title,
      version: settings.version,
      description: "Enqueue, follow, cancel and list background jobs. Every call but /health, /ready, /openapi.json and /docs needs `Authorization: Bearer <token>`; a token only ever sees its own customer\u2019s jobs."
    },
    servers: [{ url: settings.prefix || "/" }],
    paths,
    components: {
      schemas: {
        Job: toSchema(jobViewSchema, "output"),
        JobPage: toSchema(jobPageViewSchema, "output"),
        EnqueueResponse: toSchema(enqueueResponseSchema, "output"),
        CancelResponse: toSchema(cancelResponseSchema, "output"),
        RetryResponse: toSchema(retryResponseSchema, "output"),
        Workflow: toSchema(workflowApiViewSchema, "output"),
        WorkflowCancelResponse: toSchema(workflowCancelResponseSchema, "output"),
        ScheduleSaveResponse: toSchema(scheduleSaveResponseSchema, "output"),
        ScheduleTriggerResponse: toSchema(scheduleTriggerResponseSchema, "output"),
        ScheduleDeleteResponse: toSchema(scheduleDeleteResponseSchema, "output"),
        DeleteResponse: toSchema(deleteResponseSchema, "output"),
        JobType: toSchema(jobTypeViewSchema, "output"),
        Schedule: toSchema(scheduleViewSchema, "output"),
        Trigger: toSchema(triggerViewSchema, "output"),
        TriggerSaveResponse: toSchema(triggerSaveResponseSchema, "output"),
        TriggerDeleteResponse: toSchema(triggerDeleteResponseSchema, "output"),
        Error: toSchema(errorBodySchema, "output"),
        Health: toSchema(healthViewSchema, "output"),
        Readiness: toSchema(readinessViewSchema, "output"),
        ...Object.fromEntries(
          settings.jobTypes.map((t) => [paramsSchemaName(t.type), objectSchema(t.paramsSchema)])
        )
      },
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } }
    },
    security: [{ bearerAuth: [] }]
  };
}
function registerOpenApiRoute(app, api) {
  const document2 = buildOpenApiDocument({
    title: api.options.title,
    version: api.options.version,
    prefix: api.prefix,
    defaultPageSize: api.options.defaultPageSize,
    maxPageSize: api.options.maxPageSize,
    jobTypes: api.options.client.registry.describe(),
    metrics: api.options.metrics !== void 0
  });
  app.get("/openapi.json", { exposeHeadRoute: false }, async () => document2);
}

// src/http/schedule-routes.ts
init_cjs_shims();
var import_core21 = require("@hangar/core");

// src/http/schedule-name-taken-error.ts
init_cjs_shims();
var import_core20 = require("@hangar/core");
var ScheduleNameTakenError = class extends import_core20.HangarError {
  constructor(name) {
    super("SCHEDULE_NAME_TAKEN", "hangar.http.scheduleNameTaken", `The schedule name "${name}" is taken`, {
      params: { name },
      retryable: false
    });
  }
};

// src/http/schedule-routes.ts
function owns(scope, schedule) {
  return schedule.options.customerId === void 0 ? scope.caller.roles.includes("admin") : schedule.options.customerId === scope.customerId;
}
function registerScheduleRoutes(app, api) {
  const { schedules } = api.options.client;
  async function ownedSchedule(request) {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const { name } = parseRequest(scheduleNameParamsSchema, request.params, "path");
    const schedule = await schedules.get(name);
    if (!schedule || !owns(scope, schedule)) throw new import_core21.ScheduleNotFoundError(name);
    return { scope, name };
  }
  app.get("/schedules", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "read", commonQuerySchema);
    const visible2 = (await schedules.list()).filter((s) => owns(scope, s));
    return { items: visible2.map(renderSchedule) };
  });
  app.put("/schedules/:name", { exposeHeadRoute: false }, async (request, reply) => {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const { name } = parseRequest(scheduleNameParamsSchema, request.params, "path");
    const body = parseRequest(scheduleBodySchema, request.body, "body");
    if (body.system) requirePermission(scope.caller, "admin");
    const existing = await schedules.get(name);
    if (existing && !owns(scope, existing)) throw new ScheduleNameTakenError(name);
    if (existing && existing.options.customerId === void 0 !== (body.system === true)) {
      throw new ScheduleNameTakenError(name);
    }
    const owner = body.system ? {} : { customerId: scope.customerId, userId: scope.caller.userId };
    const saved = await schedules.upsert({
      name,
      cron: body.cron,
      timezone: body.timezone,
      type: body.type,
      params: body.params ?? {},
      options: { ...body.options, ...owner },
      // A replaced schedule keeps its pause unless the body says otherwise.
      paused: body.paused ?? existing?.paused
    });
    const response = { created: !existing, schedule: renderSchedule(saved) };
    return reply.code(existing ? 200 : 201).send(response);
  });
  app.post("/schedules/:name/pause", { exposeHeadRoute: false }, async (request) => {
    const { name } = await ownedSchedule(request);
    return renderSchedule(await schedules.pause(name));
  });
  app.post("/schedules/:name/resume", { exposeHeadRoute: false }, async (request) => {
    const { name } = await ownedSchedule(request);
    return renderSchedule(await schedules.resume(name));
  });
  app.post("/schedules/:name/trigger", { exposeHeadRoute: false }, async (request, reply) => {
    const { scope, name } = await ownedSchedule(request);
    const result = await schedules.trigger(name);
    const response = {
      name,
      jobId: result.id,
      job: renderJob(result.job, scope.render)
    };
    return reply.code(201).header("location", `${api.prefix}/jobs/${encodeURIComponent(result.id)}`).send(response);
  });
  app.delete("/schedules/:name", { exposeHeadRoute: false }, async (request) => {
    const { name } = await ownedSchedule(request);
    if (!await schedules.delete(name)) throw new import_core21.ScheduleNotFoundError(name);
    const response = { name, deleted: true };
    return response;
  });
}

// src/http/sse-route.ts
init_cjs_shims();
var import_core23 = require("@hangar/core");

// src/http/change-hub.ts
init_cjs_shims();
var JobChangeHub = class {
  constructor(queue) {
    this.queue = queue;
  }
  queue;
  listeners = /* @__PURE__ */ new Map();
  subscription;
  closed = false;
  /** Calls `listener` on every change of `jobId` until the returned function is called. */
  async watch(jobId, listener) {
    if (this.closed) return () => {
    };
    let set = this.listeners.get(jobId);
    if (!set) {
      set = /* @__PURE__ */ new Set();
      this.listeners.set(jobId, set);
    }
    set.add(listener);
    this.subscription ??= this.queue.subscribe((change) => this.dispatch(change));
    const subscription = this.subscription;
    try {
      await subscription;
    } catch (error) {
      set.delete(listener);
      if (this.subscription === subscription) this.subscription = void 0;
      throw error;
    }
    return () => {
      const current = this.listeners.get(jobId);
      current?.delete(listener);
      if (current?.size === 0) this.listeners.delete(jobId);
    };
  }
  dispatch(change) {
    const set = this.listeners.get(change.jobId);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(change);
      } catch {
      }
    }
  }
  /** Drops every listener and the queue subscription. */
  async close() {
    this.closed = true;
    this.listeners.clear();
    const subscription = this.subscription;
    this.subscription = void 0;
    if (subscription) await (await subscription.catch(() => () => {
    }))();
  }
};

// src/http/sse-stream.ts
init_cjs_shims();
var import_core22 = require("@hangar/core");
var JobEventStream = class {
  constructor(deps, lastSeq) {
    this.deps = deps;
    this.lastSeq = lastSeq;
  }
  deps;
  lastSeq;
  lastState;
  syncing = false;
  again = false;
  closed = false;
  unwatch;
  timers = [];
  /** Writes the headers and the backlog, then follows the job until it ends or the client leaves. */
  async start() {
    const { raw } = this.deps;
    raw.on("close", () => this.close());
    raw.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "content-language": this.deps.render.lang,
      // Stops nginx-style proxies from buffering the stream into one late chunk.
      "x-accel-buffering": "no"
    });
    this.write("retry: 2000\n\n");
    const unwatch = await this.deps.hub.watch(this.deps.jobId, () => void this.sync());
    if (this.closed) {
      unwatch();
      return;
    }
    this.unwatch = unwatch;
    this.timers.push(setInterval(() => this.write(": keep-alive\n\n"), this.deps.heartbeatMs));
    this.timers.push(setInterval(() => void this.sync(), this.deps.pollMs));
    await this.sync();
  }
  /** Ends the stream and stops following the job; safe to call more than once. */
  close() {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    this.unwatch?.();
    if (!this.deps.raw.writableEnded) this.deps.raw.end();
    this.deps.onClose();
  }
  // Changes arrive in bursts; one read at a time, repeated while more came in, keeps events in order.
  async sync() {
    if (this.closed) return;
    if (this.syncing) {
      this.again = true;
      return;
    }
    this.syncing = true;
    try {
      do {
        this.again = false;
        await this.step();
      } while (this.again && !this.closed);
    } catch (error) {
      this.deps.log.warn(
        { err: error, jobId: this.deps.jobId },
        "Could not read the streamed job; retrying on the next change"
      );
    } finally {
      this.syncing = false;
    }
  }
  async step() {
    const { client, jobId, customerId: customerId2, render } = this.deps;
    const job = await client.get(jobId, { customerId: customerId2 });
    if (!job) {
      const { body } = toErrorResponse(new import_core22.JobNotFoundError(jobId), render.translator, render.lang, "");
      this.event("error", body);
      this.close();
      return;
    }
    const entries = await client.getLog(jobId, { afterSeq: this.lastSeq });
    for (const entry of entries) {
      if (entry.seq <= this.lastSeq) continue;
      this.lastSeq = entry.seq;
      this.event(
        entry.level === "progress" ? "progress" : "message",
        renderLogEntry(entry, render),
        entry.seq
      );
    }
    if (job.state !== this.lastState) {
      this.lastState = job.state;
      this.event("state", { id: job.id, state: job.state, job: renderJob(job, render) });
    }
    if ((0, import_core22.isTerminalState)(job.state)) {
      this.event("end", { id: job.id, state: job.state });
      this.close();
    }
  }
  event(name, data, id) {
    this.write(`${id === void 0 ? "" : `id: ${id}
`}event: ${name}
data: ${JSON.stringify(data)}

`);
  }
  write(chunk) {
    if (!this.deps.raw.writableEnded && !this.deps.raw.destroyed) this.deps.raw.write(chunk);
  }
};

// src/http/sse-route.ts
function registerSseRoute(app, api) {
  const { client } = api.options;
  const hub = new JobChangeHub(client.queue);
  const open = /* @__PURE__ */ new Set();
  app.addHook("preClose", async () => {
    for (const stream of [...open]) stream.close();
  });
  app.addHook("onClose", async () => {
    await hub.close();
  });
  app.get("/jobs/:id/events", { exposeHeadRoute: false }, async (request, reply) => {
    const { scope, query } = await api.scope(request, "read", eventsQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, "path");
    const job = await client.get(id, { customerId: scope.customerId });
    if (!job) throw new import_core23.JobNotFoundError(id);
    const header = request.headers["last-event-id"];
    const resumeFrom = typeof header === "string" && /^\d+$/.test(header) ? Number(header) : void 0;
    reply.hijack();
    const stream = new JobEventStream(
      {
        client,
        hub,
        jobId: id,
        customerId: scope.customerId,
        render: scope.render,
        raw: reply.raw,
        heartbeatMs: api.options.sseHeartbeatMs,
        pollMs: api.options.ssePollMs,
        log: request.log,
        onClose: () => open.delete(stream)
      },
      query.after ?? resumeFrom ?? 0
    );
    open.add(stream);
    try {
      await stream.start();
    } catch (error) {
      request.log.error({ err: error, jobId: id }, "Event stream failed");
      stream.close();
    }
  });
}

// src/http/trigger-routes.ts
init_cjs_shims();
var import_core25 = require("@hangar/core");

// src/http/trigger-name-taken-error.ts
init_cjs_shims();
var import_core24 = require("@hangar/core");
var TriggerNameTakenError = class extends import_core24.HangarError {
  constructor(name) {
    super("TRIGGER_NAME_TAKEN", "hangar.http.triggerNameTaken", `The trigger name "${name}" is taken`, {
      params: { name },
      retryable: false
    });
  }
};

// src/http/trigger-routes.ts
function owns2(scope, trigger2) {
  return trigger2.on.customerId === void 0 ? scope.caller.roles.includes("admin") : trigger2.on.customerId === scope.customerId;
}
function renderTrigger(t) {
  return {
    name: t.name,
    on: {
      type: t.on.type,
      customerId: t.on.customerId ?? null,
      states: [...t.on.states],
      metadata: { ...t.on.metadata }
    },
    job: { type: t.job.type, queue: t.job.queue ?? null, priority: t.job.priority ?? null },
    paused: t.paused,
    since: new Date(t.since).toISOString(),
    lastFiredAt: t.lastFiredAt ? new Date(t.lastFiredAt).toISOString() : null
  };
}
function registerTriggerRoutes(app, api) {
  const { triggers } = api.options.client;
  async function ownedTrigger(request) {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const { name } = parseRequest(scheduleNameParamsSchema, request.params, "path");
    const trigger2 = await triggers.get(name);
    if (!trigger2 || !owns2(scope, trigger2)) throw new import_core25.TriggerNotFoundError(name);
    return { scope, name };
  }
  app.get("/triggers", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "read", commonQuerySchema);
    const visible2 = (await triggers.list()).filter((t) => owns2(scope, t));
    return { items: visible2.map(renderTrigger) };
  });
  app.put("/triggers/:name", { exposeHeadRoute: false }, async (request, reply) => {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const { name } = parseRequest(scheduleNameParamsSchema, request.params, "path");
    const body = parseRequest(triggerBodySchema, request.body, "body");
    if (body.system) requirePermission(scope.caller, "admin");
    const existing = await triggers.get(name);
    if (existing && !owns2(scope, existing)) throw new TriggerNameTakenError(name);
    if (existing && existing.on.customerId === void 0 !== (body.system === true)) {
      throw new TriggerNameTakenError(name);
    }
    const input = {
      name,
      on: {
        type: body.on.type,
        states: body.on.states,
        ...body.on.metadata ? { metadata: body.on.metadata } : {},
        ...body.system ? {} : { customerId: scope.customerId }
      },
      job: { ...body.job, params: body.job.params ?? {} },
      paused: body.paused
    };
    const saved = await triggers.upsert(input);
    const response = { created: !existing, trigger: renderTrigger(saved) };
    return reply.code(existing ? 200 : 201).send(response);
  });
  app.post("/triggers/:name/pause", { exposeHeadRoute: false }, async (request) => {
    const { name } = await ownedTrigger(request);
    return renderTrigger(await triggers.pause(name));
  });
  app.post("/triggers/:name/resume", { exposeHeadRoute: false }, async (request) => {
    const { name } = await ownedTrigger(request);
    return renderTrigger(await triggers.resume(name));
  });
  app.delete("/triggers/:name", { exposeHeadRoute: false }, async (request) => {
    const { name } = await ownedTrigger(request);
    if (!await triggers.delete(name)) throw new import_core25.TriggerNotFoundError(name);
    return { name, deleted: true };
  });
}

// src/http/workflow-routes.ts
init_cjs_shims();
var import_core26 = require("@hangar/core");
var import_zod7 = require("zod");
var workflowStepParamsSchema = import_zod7.z.object({
  id: import_zod7.z.string().min(1).max(200),
  step: import_zod7.z.string().min(1).max(100)
});
function registerWorkflowRoutes(app, api) {
  const { client } = api.options;
  app.get("/workflows/:id", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "read", commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, "path");
    const view = await client.getWorkflow(id, { customerId: scope.customerId });
    if (!view) throw new import_core26.JobNotFoundError(id);
    return renderWorkflow(view, scope.render);
  });
  app.post("/workflows/:id/cancel", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const { id } = parseRequest(jobIdParamsSchema, request.params, "path");
    const { workflow, steps } = await client.cancelWorkflow(id, { customerId: scope.customerId });
    return { id, outcome: workflow, steps };
  });
  app.post("/workflows/:id/steps/:step/retry", { exposeHeadRoute: false }, async (request) => {
    const { scope } = await api.scope(request, "write", commonQuerySchema);
    const { id, step } = parseRequest(workflowStepParamsSchema, request.params, "path");
    const view = await client.retryWorkflowStep(id, step, { customerId: scope.customerId });
    return renderWorkflow(view, scope.render);
  });
}

// src/http/http-server.ts
var hangarHttpPlugin = async (app, options) => {
  const resolved = resolveHttpOptions(options);
  const translator = resolved.client.registry.translator.register(httpMessages);
  const api = new ApiContext(resolved, translator, new Authenticator(resolved.auth), app.prefix);
  await resolved.client.tracing();
  installErrorReplies(app, translator, resolved.logger);
  if (app.prefix !== "") app.setNotFoundHandler(routeNotFoundReply(translator, resolved.logger));
  registerJobRoutes(app, api);
  registerSseRoute(app, api);
  registerFileRoute(app, api);
  registerCatalogRoutes(app, api);
  registerScheduleRoutes(app, api);
  registerWorkflowRoutes(app, api);
  registerTriggerRoutes(app, api);
  registerOpenApiRoute(app, api);
  registerDocsPage(app);
  registerHealthRoutes(app, api);
  if (resolved.metrics) await registerMetricsRoute(app, api, resolved.metrics);
  if (dashboardEnabled(options.dashboard)) registerDashboard(app, api);
};
function createHttpServer(options) {
  const { fastify: fastifyOptions = {}, ...apiOptions } = options ?? {};
  const resolved = resolveHttpOptions(apiOptions);
  const fastify = requireDriver("fastify", "The HTTP API (@hangar/runner/http)");
  const translator = resolved.client.registry.translator.register(httpMessages);
  const hasLogger = fastifyOptions.logger !== void 0 || fastifyOptions.loggerInstance !== void 0;
  const app = fastify({
    genReqId: () => (0, import_node_crypto4.randomUUID)(),
    ...hasLogger ? {} : { logger: { level: "warn" } },
    frameworkErrors: frameworkErrorReply(translator, resolved.logger),
    clientErrorHandler: clientErrorReply(translator),
    ...fastifyOptions
  });
  installErrorReplies(app, translator, resolved.logger);
  app.setNotFoundHandler(routeNotFoundReply(translator, resolved.logger));
  void app.register(hangarHttpPlugin, apiOptions);
  return app;
}

// src/runner/hangar-runner.ts
init_cjs_shims();
var import_node_crypto6 = require("crypto");
var import_node_os = require("os");
var import_core46 = require("@hangar/core");

// src/client/hangar-client.ts
init_cjs_shims();
var import_core34 = require("@hangar/core");
var import_eventemitter3 = require("eventemitter3");

// src/registry/job-registry.ts
init_cjs_shims();
var import_core27 = require("@hangar/core");
var import_adapter = require("@hangar/core/adapter");
var import_zod8 = require("zod");

// src/registry/validated-params.ts
init_cjs_shims();
var MAX_REMEMBERED = 1e5;
var ValidatedParams = class {
  entries = /* @__PURE__ */ new Map();
  readers = 0;
  /**
   * A runner on this registry starts (`true`) or stops (`false`) reading the entries; with no
   * runner, as in a process that only enqueues, nothing is remembered.
   */
  setReading(reading) {
    this.readers = Math.max(0, this.readers + (reading ? 1 : -1));
    if (this.readers === 0) this.entries.clear();
  }
  /** Remembers the parameters validated for a job just enqueued. */
  remember(jobId, params) {
    if (this.readers === 0) return;
    if (this.entries.size >= MAX_REMEMBERED) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(jobId, params);
  }
  /**
   * Whether `params`, claimed for `jobId`, are what this process validated for it; forgets the
   * job either way, so only its first attempt here can skip validation.
   */
  take(jobId, params) {
    if (this.entries.size === 0) return false;
    const validated = this.entries.get(jobId);
    if (validated === void 0) return false;
    this.entries.delete(jobId);
    return sameValue(validated, params);
  }
};
function sameValue(a, b) {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Date) return b instanceof Date && a.getTime() === b.getTime();
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  let keys = 0;
  for (const key in a) {
    if (!Object.hasOwn(b, key) || !sameValue(a[key], b[key])) return false;
    keys += 1;
  }
  for (const _ in b) keys -= 1;
  return keys === 0;
}
function isPlainObject(value) {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// src/registry/job-registry.ts
var JobRegistry = class {
  definitions = /* @__PURE__ */ new Map();
  /** Renders every message key of the framework and the plugins. */
  translator = new import_core27.Translator().register(import_core27.coreMessages);
  /**
   * Parameters the clients on this registry validated, so that a runner on it validates a job's
   * parameters once (see `ValidatedParams` for the trust rule).
   */
  validated = new ValidatedParams();
  constructor(plugins2 = [], jobs = []) {
    for (const plugin of plugins2) {
      if (plugin.messages) this.translator.register(plugin.messages);
      for (const def of plugin.jobs) this.add(def, plugin.name);
    }
    for (const def of jobs) this.add(def, "jobs");
  }
  add(def, origin) {
    if (!def.type) throw new import_core27.ConfigurationError(`${origin}.jobs`, "every job definition needs a `type`");
    if (this.definitions.has(def.type)) {
      throw new import_core27.ConfigurationError(`${origin}.jobs`, `job type "${def.type}" is registered twice`);
    }
    checkJobLimits(def, origin);
    this.definitions.set(def.type, def);
  }
  /** The definition of `type`; throws `UnknownJobTypeError` when missing. */
  get(type) {
    const def = this.definitions.get(type);
    if (!def) throw new import_core27.UnknownJobTypeError(type, this.types());
    return def;
  }
  /** Whether `type` is registered. */
  has(type) {
    return this.definitions.has(type);
  }
  /** Every registered type name, sorted. */
  types() {
    return [...this.definitions.keys()].sort();
  }
  /** Validates parameters of `type`, throwing `ParamsValidationError` with field-level issues. */
  validate(type, params) {
    return (0, import_core27.validateParams)(type, this.get(type).params, params);
  }
  /** The full retry policy of `type`. */
  retryPolicy(type) {
    return { ...import_core27.DEFAULT_RETRY_POLICY, ...this.get(type).retry };
  }
  /** Descriptions of every type, for the API. */
  describe() {
    return this.types().map((type) => {
      const def = this.get(type);
      return {
        type,
        defaultQueue: def.defaultQueue ?? "default",
        retry: this.retryPolicy(type),
        timeoutMs: def.timeoutMs,
        paramsSchema: safeJsonSchema(def),
        description: def.description?.key
      };
    });
  }
};
function safeJsonSchema(def) {
  try {
    return (0, import_zod8.toJSONSchema)(def.params, { io: "input", unrepresentable: "any" });
  } catch {
    return {};
  }
}
function checkJobLimits(def, origin) {
  const where = `${origin}.jobs[${def.type}]`;
  const retry2 = def.retry ?? {};
  const { maxAttempts, backoffMs, maxBackoffMs, jitter } = retry2;
  if (maxAttempts !== void 0 && !(0, import_adapter.isStorableAttempts)(maxAttempts)) {
    throw new import_core27.ConfigurationError(
      `${where}.retry.maxAttempts`,
      `must be an integer from 1 to ${import_adapter.MAX_INT32}, got ${maxAttempts}`
    );
  }
  for (const [name, value] of [
    ["backoffMs", backoffMs],
    ["maxBackoffMs", maxBackoffMs]
  ]) {
    if (value !== void 0 && !(Number.isFinite(value) && value >= 0)) {
      throw new import_core27.ConfigurationError(
        `${where}.retry.${name}`,
        `must be a number of milliseconds of at least 0, got ${value}`
      );
    }
  }
  if (jitter !== void 0 && !(Number.isFinite(jitter) && jitter >= 0 && jitter <= 1)) {
    throw new import_core27.ConfigurationError(`${where}.retry.jitter`, `must be a fraction from 0 to 1, got ${jitter}`);
  }
  if (def.isolation !== void 0 && def.isolation !== "inline" && def.isolation !== "worker") {
    throw new import_core27.ConfigurationError(
      `${where}.isolation`,
      `must be 'inline' or 'worker', got ${String(def.isolation)}`
    );
  }
  if (def.isolation === "worker" && !(typeof def.module === "string" || def.module instanceof URL)) {
    throw new import_core27.ConfigurationError(
      `${where}.module`,
      "an isolated job needs the URL of the module that exports it: `module: import.meta.url`"
    );
  }
  const { timeoutMs } = def;
  if (timeoutMs !== void 0 && !(0, import_adapter.isStorableTimeout)(timeoutMs)) {
    throw new import_core27.ConfigurationError(
      `${where}.timeoutMs`,
      `must be a positive whole number of ms (or Infinity), got ${timeoutMs}`
    );
  }
}

// src/scheduler/schedule-manager.ts
init_cjs_shims();
var import_core29 = require("@hangar/core");

// src/scheduler/cron-expression.ts
init_cjs_shims();
var import_core28 = require("@hangar/core");
var import_croner = require("croner");
function nextCronRun(cron, timezone, after) {
  return parseCron(cron, timezone).nextRun(after);
}
function parseCron(cron, timezone) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
  } catch {
    throw new import_core28.ConfigurationError("timezone", `"${timezone}" is not an IANA time zone (e.g. "Europe/Paris")`);
  }
  try {
    return new import_croner.Cron(cron, { timezone, paused: true });
  } catch (error) {
    throw new import_core28.ConfigurationError(
      "cron",
      `"${cron}" is not a valid cron expression: ${error.message}`
    );
  }
}

// src/scheduler/schedule-manager.ts
var ScheduleManager = class {
  constructor(queue, registry, enqueue) {
    this.queue = queue;
    this.registry = registry;
    this.enqueue = enqueue;
  }
  queue;
  registry;
  enqueue;
  /** One schedule, or undefined. */
  async get(name) {
    return this.queue.getSchedule(name);
  }
  /**
   * Enqueues one job of the schedule now, with its parameters and options, whether paused or
   * not; its cron times are left as they are. `ScheduleNotFoundError` when there is none.
   */
  async trigger(name) {
    const schedule = await this.require(name);
    return this.enqueue(schedule.type, schedule.params, { ...schedule.options });
  }
  /** Creates or replaces a schedule; its parameters and cron are checked first. */
  async upsert(input, now = /* @__PURE__ */ new Date()) {
    if (!input.name?.trim()) throw new import_core29.ConfigurationError("name", "a schedule needs a non-empty name");
    const params = this.registry.validate(input.type, input.params);
    const timezone = input.timezone ?? "UTC";
    const paused = input.paused ?? false;
    const nextRunAt = nextCronRun(input.cron, timezone, now);
    const existing = await this.queue.getSchedule(input.name);
    const record = {
      name: input.name,
      cron: input.cron,
      timezone,
      type: input.type,
      params,
      options: input.options ?? {},
      paused,
      nextRunAt: paused ? null : nextRunAt,
      lastRunAt: existing?.lastRunAt ?? null
    };
    await this.queue.saveSchedule(record);
    return record;
  }
  /** Stops a schedule from firing until resumed; `ScheduleNotFoundError` when there is none. */
  async pause(name) {
    const schedule = await this.require(name);
    schedule.paused = true;
    schedule.nextRunAt = null;
    await this.queue.saveSchedule(schedule);
    return schedule;
  }
  /**
   * Resumes a paused schedule from its next cron time after now (missed runs are not replayed);
   * `ScheduleNotFoundError` when there is none.
   */
  async resume(name, now = /* @__PURE__ */ new Date()) {
    const schedule = await this.require(name);
    schedule.paused = false;
    schedule.nextRunAt = nextCronRun(schedule.cron, schedule.timezone, now);
    await this.queue.saveSchedule(schedule);
    return schedule;
  }
  /** Every schedule with its next run time. */
  async list() {
    return this.queue.listSchedules();
  }
  /** Deletes a schedule; false if there was none. */
  async delete(name) {
    return this.queue.deleteSchedule(name);
  }
  async require(name) {
    const schedule = await this.queue.getSchedule(name);
    if (!schedule) throw new import_core29.ScheduleNotFoundError(name);
    return schedule;
  }
};

// src/tracing/job-tracing.ts
init_cjs_shims();

// src/tracing/otel-api-loader.ts
init_cjs_shims();
function loadOtelApi() {
  return loadOptionalPeer(() => import("@opentelemetry/api"), "tracing", "@opentelemetry/api@1");
}

// src/tracing/traceparent.ts
init_cjs_shims();
var TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
function formatTraceParent(parent) {
  return `00-${parent.traceId}-${parent.spanId}-${(parent.traceFlags & 255).toString(16).padStart(2, "0")}`;
}
function parseTraceParent(value) {
  if (typeof value !== "string") return void 0;
  const match = TRACEPARENT.exec(value);
  if (!match) return void 0;
  const [, traceId = "", spanId = "", flags = "00"] = match;
  if (/^0+$/.test(traceId) || /^0+$/.test(spanId)) return void 0;
  return { traceId, spanId, traceFlags: Number.parseInt(flags, 16) };
}

// src/tracing/job-tracing.ts
var TRACEPARENT_KEY = "traceparent";
function jobAttributes(job) {
  const attributes = {
    "messaging.system": "hangar",
    "messaging.destination.name": job.queue,
    "hangar.job.type": job.type,
    "hangar.job.queue": job.queue
  };
  if (job.customerId !== void 0) attributes["hangar.customer"] = job.customerId;
  return attributes;
}
var JobTracing = class _JobTracing {
  constructor(api, tracer) {
    this.api = api;
    this.tracer = tracer;
  }
  api;
  tracer;
  /** Loads `@opentelemetry/api` and takes the tracer. */
  static async create(options) {
    const api = await loadOtelApi();
    const provider = options.tracerProvider ?? api.trace.getTracerProvider();
    return new _JobTracing(api, provider.getTracer(options.tracerName));
  }
  /**
   * Runs an enqueue inside one span per job (children of the caller's active span), each job
   * carrying its span's context in `metadata.traceparent`.
   */
  async enqueue(requests, store) {
    const { api } = this;
    const parent = api.context.active();
    const spans = requests.map(
      (r) => this.tracer.startSpan(
        `enqueue ${r.type}`,
        { kind: api.SpanKind.PRODUCER, attributes: jobAttributes(r) },
        parent
      )
    );
    const traced = requests.map((r, i) => {
      const span = spans[i];
      return { ...r, metadata: { ...r.metadata, [TRACEPARENT_KEY]: formatTraceParent(span.spanContext()) } };
    });
    try {
      const results = await store(traced);
      results.forEach((result, i) => {
        spans[i]?.setAttributes({ "hangar.job.id": result.id, "hangar.job.created": result.created });
      });
      return results;
    } catch (error) {
      for (const span of spans) {
        span.recordException(error);
        span.setStatus({ code: api.SpanStatusCode.ERROR, message: error.message });
      }
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
  }
  /**
   * Starts a span per attempt when a runner's `job:started` fires, as a child of the job's enqueue
   * span, and ends it on the attempt's outcome. Returns the function that stops following (and
   * ends the spans of attempts still open, handed back at shutdown).
   */
  followAttempts(events) {
    const { api } = this;
    const open = /* @__PURE__ */ new Map();
    const start = ({ job }) => {
      const context = this.parentOf(job);
      const span = this.tracer.startSpan(
        `run ${job.type}`,
        {
          kind: api.SpanKind.CONSUMER,
          attributes: { ...jobAttributes(job), "hangar.job.id": job.id, "hangar.job.attempt": job.attempts }
        },
        context
      );
      open.get(job.id)?.end();
      open.set(job.id, span);
    };
    const end = (job, outcome, error) => {
      const span = open.get(job.id);
      if (!span) return;
      open.delete(job.id);
      span.setAttribute("hangar.attempt.outcome", outcome);
      if (error !== void 0) span.setStatus({ code: api.SpanStatusCode.ERROR, message: error });
      span.end();
    };
    const firstCode = (info) => info[0]?.code ?? "error";
    const handlers = {
      "job:started": start,
      "job:succeeded": ({ job }) => end(job, "succeeded"),
      "job:failed": ({ job, errorInfo }) => end(job, "failed", firstCode(errorInfo)),
      "job:retrying": ({ job, errorInfo }) => end(job, "retrying", firstCode(errorInfo)),
      "job:cancelled": ({ job }) => end(job, "cancelled")
    };
    for (const [name, handler] of Object.entries(handlers))
      events.on(name, handler);
    return () => {
      for (const [name, handler] of Object.entries(handlers))
        events.off(name, handler);
      for (const span of open.values()) {
        span.setAttribute("hangar.attempt.outcome", "released");
        span.end();
      }
      open.clear();
    };
  }
  /** The context of the job's enqueue span, read back from its metadata; the root context without one. */
  parentOf(job) {
    const parent = parseTraceParent(job.metadata?.[TRACEPARENT_KEY]);
    if (!parent) return this.api.ROOT_CONTEXT;
    return this.api.trace.setSpanContext(this.api.ROOT_CONTEXT, { ...parent, isRemote: true });
  }
};

// src/tracing/tracing-options.ts
init_cjs_shims();
var import_core30 = require("@hangar/core");
var TRACING_DEFAULTS = { tracerName: "@hangar/runner" };
function resolveTracingOptions(options) {
  if (options === void 0 || options === false) return void 0;
  const given = options === true ? {} : options;
  if (typeof given !== "object" || given === null) {
    throw new import_core30.ConfigurationError("tracing", "pass true, or { tracerProvider, tracerName }");
  }
  if (given.tracerProvider !== void 0 && typeof given.tracerProvider?.getTracer !== "function") {
    throw new import_core30.ConfigurationError(
      "tracing.tracerProvider",
      "pass an OpenTelemetry TracerProvider (with getTracer)"
    );
  }
  const tracerName = given.tracerName ?? TRACING_DEFAULTS.tracerName;
  if (typeof tracerName !== "string" || tracerName === "") {
    throw new import_core30.ConfigurationError("tracing.tracerName", "give a non-empty name");
  }
  return { tracerProvider: given.tracerProvider, tracerName };
}

// src/triggers/trigger-manager.ts
init_cjs_shims();
var import_core32 = require("@hangar/core");

// src/triggers/trigger-input.ts
init_cjs_shims();
var import_core31 = require("@hangar/core");
function text2(field, value) {
  if (typeof value !== "string" || value.trim() === "") {
    throw new import_core31.ConfigurationError(
      field,
      `must be a non-empty string, got ${JSON.stringify(value) ?? "nothing"}`
    );
  }
  return value;
}
function checkTriggerInput(input) {
  text2("name", input?.name);
  const on = input.on;
  if (!on || typeof on !== "object") throw new import_core31.ConfigurationError("on", "must say which job ends fire it");
  const type = text2("on.type", on.type);
  const states = on.states;
  if (!Array.isArray(states) || states.length === 0) {
    throw new import_core31.ConfigurationError("on.states", `give at least one of ${import_core31.TRIGGER_END_STATES.join(", ")}`);
  }
  for (const [i, state] of states.entries()) {
    if (!import_core31.TRIGGER_END_STATES.includes(state)) {
      throw new import_core31.ConfigurationError(
        `on.states[${i}]`,
        `"${String(state)}" is not one of ${import_core31.TRIGGER_END_STATES.join(", ")}`
      );
    }
  }
  const event = { type, states: [...new Set(states)] };
  if (on.customerId !== void 0) event.customerId = text2("on.customerId", on.customerId);
  if (on.metadata !== void 0) {
    if (on.metadata === null || typeof on.metadata !== "object" || Array.isArray(on.metadata)) {
      throw new import_core31.ConfigurationError("on.metadata", "must be an object of string values");
    }
    for (const [key, value] of Object.entries(on.metadata)) {
      if (typeof value !== "string") {
        throw new import_core31.ConfigurationError(`on.metadata.${key}`, `must be a string, got ${JSON.stringify(value)}`);
      }
    }
    event.metadata = { ...on.metadata };
  }
  const job = input.job;
  if (!job || typeof job !== "object") throw new import_core31.ConfigurationError("job", "must say which job to enqueue");
  const stored = { type: text2("job.type", job.type) };
  if (job.queue !== void 0) stored.queue = text2("job.queue", job.queue);
  if (job.priority !== void 0) {
    if (!Number.isSafeInteger(job.priority)) {
      throw new import_core31.ConfigurationError("job.priority", `must be an integer, got ${String(job.priority)}`);
    }
    stored.priority = job.priority;
  }
  return { on: event, job: stored };
}

// src/triggers/trigger-manager.ts
var TriggerManager = class {
  constructor(queue, registry) {
    this.queue = queue;
    this.registry = registry;
  }
  queue;
  registry;
  /** The adapter's trigger storage; `TriggersUnsupportedError` when it has none. */
  get store() {
    if (!(0, import_core32.supportsTriggers)(this.queue)) throw new import_core32.TriggersUnsupportedError(this.queue.name);
    return this.queue;
  }
  /** One trigger, or undefined. */
  async get(name) {
    return this.store.getTrigger(name);
  }
  /** Every trigger, by name. */
  async list() {
    return this.store.listTriggers();
  }
  /**
   * Creates or replaces a trigger; its shape (`ConfigurationError` naming the field) and its
   * job's parameters (`ParamsValidationError`) are checked first and nothing is stored when
   * either is wrong. A replaced trigger keeps where it stands, so ends that happened while no
   * runner was alive still fire it; one that was paused and is saved unpaused starts from now.
   */
  async upsert(input, now = /* @__PURE__ */ new Date()) {
    const { on, job } = checkTriggerInput(input);
    const params = this.registry.validate(job.type, input.job.params);
    const existing = await this.store.getTrigger(input.name);
    const paused = input.paused ?? existing?.paused ?? false;
    const fresh = !existing || existing.paused && !paused;
    const record = {
      name: input.name,
      on,
      job: { ...job, params },
      paused,
      since: fresh ? new Date(now) : existing.since,
      cursor: fresh ? { at: new Date(now) } : existing.cursor,
      lastFiredAt: existing?.lastFiredAt ?? null
    };
    await this.store.saveTrigger(record);
    return record;
  }
  /** Stops a trigger from firing until resumed; `TriggerNotFoundError` when there is none. */
  async pause(name) {
    const trigger2 = await this.require(name);
    trigger2.paused = true;
    await this.store.saveTrigger(trigger2);
    return trigger2;
  }
  /**
   * Resumes a paused trigger from now: jobs that ended while it was paused do not fire it.
   * `TriggerNotFoundError` when there is none.
   */
  async resume(name, now = /* @__PURE__ */ new Date()) {
    const trigger2 = await this.require(name);
    if (!trigger2.paused) return trigger2;
    trigger2.paused = false;
    trigger2.since = new Date(now);
    trigger2.cursor = { at: new Date(now) };
    await this.store.saveTrigger(trigger2);
    return trigger2;
  }
  /** Deletes a trigger; false if there was none. */
  async delete(name) {
    return this.store.deleteTrigger(name);
  }
  async require(name) {
    const trigger2 = await this.store.getTrigger(name);
    if (!trigger2) throw new import_core32.TriggerNotFoundError(name);
    return trigger2;
  }
};

// src/workflows/workflow-operations.ts
init_cjs_shims();
var import_core33 = require("@hangar/core");

// src/workflows/workflow-view.ts
init_cjs_shims();
var ENDED = ["Succeeded", "Failed", "Cancelled", "Skipped"];
var CONDITIONS = ["success", "failure", "end"];
function declaredSteps(job) {
  const steps = job.params?.steps;
  if (!Array.isArray(steps)) return [];
  return steps.flatMap((s) => {
    const { id, type, after, on, when } = s ?? {};
    if (typeof id !== "string" || typeof type !== "string") return [];
    return [
      {
        id,
        type,
        after: Array.isArray(after) ? after.filter((a) => typeof a === "string") : [],
        on: CONDITIONS.find((c) => c === on) ?? "success",
        when: readWhen(when)
      }
    ];
  });
}
function readWhen(when) {
  if (when === null || typeof when !== "object") return void 0;
  const { step, path, op, value } = when;
  if (typeof step !== "string" || typeof op !== "string") return void 0;
  const scalar = value === null || ["string", "number", "boolean"].includes(typeof value) ? value : void 0;
  return { step, path: typeof path === "string" ? path : "", op, value: scalar };
}
function workflowView(job, stepJobs) {
  const byStep = /* @__PURE__ */ new Map();
  for (const s of stepJobs) {
    const step = s.metadata?.step;
    if (typeof step === "string") byStep.set(step, s);
  }
  const finished = job.state === "Succeeded" || job.state === "Failed" || job.state === "Cancelled";
  const steps = declaredSteps(job).map((declared) => {
    const stepJob = byStep.get(declared.id);
    return {
      ...declared,
      state: stepJob?.state ?? (finished ? "Skipped" : "Waiting"),
      jobId: stepJob?.id,
      progress: stepJob?.progress,
      result: stepJob?.result?.result,
      errorInfo: stepJob?.errorInfo
    };
  });
  const name = job.params?.name;
  return {
    id: job.id,
    name: typeof name === "string" ? name : job.type,
    state: job.state,
    customerId: job.customerId,
    done: steps.filter((s) => ENDED.includes(s.state)).length,
    total: steps.length,
    steps,
    current: steps.filter((s) => s.state === "Processing"),
    result: job.result?.result,
    errorInfo: job.errorInfo,
    job
  };
}

// src/workflows/workflow-operations.ts
var WorkflowOperations = class {
  constructor(host) {
    this.host = host;
  }
  host;
  /** The workflow, its steps, progress and outputs; undefined when missing or another tenant's. */
  async get(id, options = {}) {
    const job = await this.host.queue.get(id, options);
    if (!job) return void 0;
    return workflowView(job, await this.stepJobs(job));
  }
  /** Cancels the workflow job and every step of it still waiting or running. */
  async cancel(id, options = {}) {
    const job = await this.host.queue.get(id, options);
    if (!job) throw new import_core33.JobNotFoundError(id);
    const workflow = await this.host.queue.requestCancel(id, options);
    let steps = 0;
    for (const step of await this.stepJobs(job)) {
      if ((0, import_core33.isTerminalState)(step.state)) continue;
      const outcome = await this.host.queue.requestCancel(step.id, { customerId: job.customerId });
      if (outcome === "cancelled" || outcome === "requested") steps++;
    }
    return { workflow, steps };
  }
  /**
   * Runs a Failed or Cancelled step again, then the ended workflow job, which finds the steps that
   * succeeded where they are (never run again), waits for this one and goes on with the steps
   * after it. `JobStateConflictError` while the workflow is still running (wait for it to end) or
   * for a step that is not Failed or Cancelled; `JobNotFoundError` for a step never submitted.
   */
  async retryStep(id, stepId, options = {}) {
    const job = await this.host.queue.get(id, options);
    if (!job) throw new import_core33.JobNotFoundError(id);
    if (!(0, import_core33.isTerminalState)(job.state)) throw new import_core33.JobStateConflictError(id, job.state, "retry-step");
    const [step] = await this.jobsLabelled(job, { workflowId: id, step: stepId });
    if (!step) throw new import_core33.JobNotFoundError(`${id}/${stepId}`);
    await this.host.retry(step.id, options);
    if (job.state !== "Succeeded") await this.host.retry(id, options);
    return await this.get(id, options);
  }
  /** Every job of the workflow, all pages. */
  stepJobs(job) {
    return this.jobsLabelled(job, { workflowId: job.id });
  }
  /**
   * The tenant's jobs with these labels, all pages: an adapter may filter labels after its scan
   * (Redis), so a page can come back short, or empty, with more to come.
   */
  async jobsLabelled(job, metadata) {
    const out = [];
    let cursor;
    do {
      const page = await this.host.queue.list({ customerId: job.customerId, metadata, limit: 1e3, cursor });
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== void 0);
    return out;
  }
};

// src/client/hangar-client.ts
var HangarClient = class {
  constructor(queue, registry, logger = import_core34.silentLogger, tracing) {
    this.queue = queue;
    this.registry = registry;
    this.logger = logger;
    this.tracingOptions = resolveTracingOptions(tracing);
    this.workflows = new WorkflowOperations(this);
    this.schedules = new ScheduleManager(
      queue,
      registry,
      (type, params, options) => this.enqueue(type, params, options)
    );
    this.triggers = new TriggerManager(queue, registry);
  }
  queue;
  registry;
  /** Typed events of this client (`job:enqueued`). */
  events = new import_eventemitter3.EventEmitter();
  /** Recurring schedules. */
  schedules;
  /** Workflows: a job plus the jobs carrying its id as `metadata.workflowId`. */
  workflows;
  /** Event triggers: jobs enqueued when other jobs end. */
  triggers;
  logger;
  tracingOptions;
  tracingLoad;
  async enqueue(typeOrDefinition, params, options = {}) {
    const type = typeof typeOrDefinition === "string" ? typeOrDefinition : typeOrDefinition.type;
    const [result] = await this.enqueueMany([{ type, params, options }], {
      transaction: options.transaction,
      signal: options.signal
    });
    return result;
  }
  /** Validates every job first, then enqueues them all in one call, or none. */
  async enqueueMany(jobs, common = {}) {
    const requests = jobs.map(({ type, params, options = {} }) => {
      const def = this.registry.get(type);
      const valid = this.registry.validate(type, params);
      if (options.priority !== void 0 && !Number.isInteger(options.priority)) {
        throw new import_core34.ConfigurationError("priority", `must be an integer, got ${options.priority}`);
      }
      const runAt = options.runAt ?? (options.delayMs ? new Date(Date.now() + options.delayMs) : void 0);
      return {
        type,
        params: valid,
        queue: options.queue ?? def.defaultQueue ?? "default",
        priority: options.priority,
        runAt,
        maxAttempts: options.maxAttempts ?? this.registry.retryPolicy(type).maxAttempts,
        customerId: options.customerId,
        userId: options.userId,
        idempotencyKey: options.idempotencyKey,
        concurrencyKey: def.concurrencyKey?.(valid),
        parentId: options.parentId,
        parents: options.parents,
        timeoutMs: def.timeoutMs,
        metadata: options.metadata
      };
    });
    const tracing = await this.tracing();
    const results = tracing ? await tracing.enqueue(requests, (traced) => this.queue.enqueueMany(traced, common)) : await this.queue.enqueueMany(requests, common);
    const announce = this.events.listenerCount("job:enqueued") > 0;
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      if (!r?.created) continue;
      this.registry.validated.remember(r.id, requests[i]?.params);
      if (announce) (0, import_core34.safeEmit)(this.events, this.logger, "job:enqueued", { job: r.job });
    }
    return results;
  }
  /**
   * The OpenTelemetry spans of this client and its runner, or undefined when tracing is off;
   * `@opentelemetry/api` is loaded on first use (a `ConfigurationError` naming `tracing` says to
   * install it when missing).
   */
  tracing() {
    if (!this.tracingOptions) return Promise.resolve(void 0);
    this.tracingLoad ??= JobTracing.create(this.tracingOptions);
    return this.tracingLoad;
  }
  /** One job; with `customerId`, another customer's job is not found. */
  async get(id, options = {}) {
    return this.queue.get(id, options);
  }
  /** The job's progress and messages in order. */
  async getLog(id, options = {}) {
    return this.queue.getLog(id, options);
  }
  /** Cancels a job: a queued job never runs; a running one is stopped and ends Cancelled. */
  async cancel(id, options = {}) {
    return this.queue.requestCancel(id, options);
  }
  /**
   * Runs a Failed or Cancelled job again: the same job (same id, log and attempt count, its last
   * errors kept until the next attempt) goes back on its queue, runnable now, with as many
   * attempts again as its type's retry policy allows. A job with a parent that has not ended as
   * its condition asks (one still running, or retried and running again, or ended the other way)
   * is refused: that parent has to end so first. Retrying a parent does not revive children
   * cancelled on its first ending; retry them once it has ended as they need. `JobNotFoundError` for a missing (or another customer's)
   * job, `JobStateConflictError` for a job that is not Failed or Cancelled.
   */
  async retry(id, options = {}) {
    const job = await this.queue.get(id, options);
    if (!job) throw new import_core34.JobNotFoundError(id);
    for (const { id: parentId, on } of job.parents) {
      const parent = await this.queue.get(parentId);
      if (parent && !((0, import_core34.isTerminalState)(parent.state) && (0, import_core34.parentConditionHolds)(on, parent.state))) {
        throw new import_core34.JobStateConflictError(id, parent.state, "retry-parent", parent.id, on);
      }
    }
    const attempts = this.registry.has(job.type) ? this.registry.retryPolicy(job.type).maxAttempts : 1;
    const result = await this.queue.retryJob(id, { attempts, customerId: options.customerId });
    if (result.outcome === "not-found") throw new import_core34.JobNotFoundError(id);
    if (result.outcome === "not-retryable") throw new import_core34.JobStateConflictError(id, result.state, "retry");
    (0, import_core34.safeEmit)(this.events, this.logger, "job:retried", { job: result.job });
    return result.job;
  }
  /**
   * Deletes a finished job with its log. `JobNotFoundError` for a missing (or another
   * customer's) job, `JobStateConflictError` for one that is waiting or running (cancel it first).
   */
  async delete(id, options = {}) {
    const outcome = await this.queue.deleteJob(id, options);
    if (outcome === "not-found") throw new import_core34.JobNotFoundError(id);
    if (outcome === "not-finished") {
      const job = await this.queue.get(id, options);
      throw new import_core34.JobStateConflictError(id, job?.state ?? "Processing", "delete");
    }
    (0, import_core34.safeEmit)(this.events, this.logger, "job:deleted", { jobId: id });
  }
  /** A workflow read as one unit (state, steps, done/total, current steps' progress, outputs). */
  getWorkflow(id, options = {}) {
    return this.workflows.get(id, options);
  }
  /** Cancels a workflow: its job and every step still waiting or running. */
  cancelWorkflow(id, options = {}) {
    return this.workflows.cancel(id, options);
  }
  /** Retries a Failed or Cancelled step of an ended workflow without rerunning the steps that succeeded. */
  retryWorkflowStep(id, stepId, options = {}) {
    return this.workflows.retryStep(id, stepId, options);
  }
  /** Jobs matching the filter, newest first. */
  async list(filter = {}) {
    return this.queue.list(filter);
  }
  async waitFor(idOrDefinition, idOrOptions, maybeOptions = {}) {
    if (typeof idOrDefinition === "string") {
      return this.waitForId(idOrDefinition, typeof idOrOptions === "object" ? idOrOptions : {});
    }
    const id = String(idOrOptions);
    const job = await this.waitForId(id, maybeOptions);
    if (job.type !== idOrDefinition.type) throw new import_core34.JobTypeMismatchError(id, idOrDefinition.type, job.type);
    return job;
  }
  async waitForId(id, options) {
    const { signal, customerId: customerId2, pollMs = 1e3 } = options;
    signal?.throwIfAborted();
    return new Promise((resolve5, reject) => {
      let done = false;
      let timer;
      let unsubscribe;
      const finish = (error, job) => {
        if (done) return;
        done = true;
        if (timer) clearInterval(timer);
        signal?.removeEventListener("abort", onAbort);
        void unsubscribe?.();
        if (job) resolve5(job);
        else reject(error);
      };
      const check = async () => {
        try {
          const job = await this.queue.get(id, { customerId: customerId2 });
          if (!job) finish(new import_core34.JobNotFoundError(id));
          else if ((0, import_core34.isTerminalState)(job.state)) finish(void 0, job);
        } catch (error) {
          finish(error);
        }
      };
      const onAbort = () => finish(signal?.reason);
      signal?.addEventListener("abort", onAbort, { once: true });
      this.queue.subscribe((change) => {
        if (change.jobId === id && change.kind === "state" && change.state && (0, import_core34.isTerminalState)(change.state))
          void check();
      }).then(
        (off) => {
          unsubscribe = off;
          if (done) void off();
          timer = setInterval(() => void check(), pollMs);
          void check();
        },
        (error) => finish(error)
      );
    });
  }
};

// src/container/plugin-container.ts
init_cjs_shims();
var import_node_crypto5 = require("crypto");
var import_typedi = require("typedi");
var PluginContainer = class {
  id = `hangar-${(0, import_node_crypto5.randomUUID)()}`;
  container = import_typedi.Container.of(this.id);
  constructor(plugins2, extra) {
    for (const plugin of plugins2) for (const reg of plugin.services ?? []) this.register(reg);
    for (const reg of extra) this.register(reg);
  }
  /** Registers one service; a later registration of the same token replaces the earlier one. */
  register(reg) {
    if ("value" in reg) {
      this.container.set({ id: reg.token.name, value: reg.value });
    } else {
      const factory = reg.factory;
      this.container.set({ id: reg.token.name, factory: () => factory(this) });
    }
  }
  get(token) {
    if (!this.container.has(token.name)) {
      throw new Error(
        `Service "${token.name}" is not registered: add the plugin that provides it or pass it in \`services\``
      );
    }
    return this.container.get(token.name);
  }
  has(token) {
    return this.container.has(token.name);
  }
  /** Drops the container and its service instances. */
  async dispose() {
    import_typedi.Container.reset(this.id);
  }
};

// src/logging/log-runner-events.ts
init_cjs_shims();
function logRunnerEvents(events, logger) {
  const onFailed = ({ job, errorInfo }) => logger.warn(
    { jobId: job.id, type: job.type, attempts: job.attempts, code: errorInfo[0]?.code },
    "Job failed"
  );
  const onRetrying = ({ job, attempt, delayMs, errorInfo }) => logger.info(
    { jobId: job.id, type: job.type, attempt, delayMs, code: errorInfo[0]?.code },
    "Job attempt failed; retrying"
  );
  const onRecovered = ({ jobIds }) => logger.info({ jobIds }, "Jobs of a stopped worker handed back to the queue");
  const onWorkerError = ({ error, context }) => logger.warn({ err: error, context }, "Worker error");
  events.on("job:failed", onFailed);
  events.on("job:retrying", onRetrying);
  events.on("job:recovered", onRecovered);
  events.on("worker:error", onWorkerError);
  return () => {
    events.off("job:failed", onFailed);
    events.off("job:retrying", onRetrying);
    events.off("job:recovered", onRecovered);
    events.off("worker:error", onWorkerError);
  };
}

// src/options/runner-options.ts
init_cjs_shims();
var import_core35 = require("@hangar/core");

// src/logging/stderr-logger.ts
init_cjs_shims();
var LEVELS = { debug: 20, info: 30, warn: 40, error: 50 };
function errorFields(value) {
  if (!(value instanceof Error)) return value;
  const code = value.code;
  return {
    type: value.name,
    message: value.message,
    ...code === void 0 ? {} : { code },
    stack: value.stack
  };
}
function stderrLogger(level = "warn", bindings = {}, stream = process.stderr) {
  const threshold = LEVELS[level];
  const at = (name) => (fieldsOrMsg, msg) => {
    if (LEVELS[name] < threshold) return;
    const fields = typeof fieldsOrMsg === "string" ? {} : fieldsOrMsg;
    const text4 = typeof fieldsOrMsg === "string" ? fieldsOrMsg : msg;
    const entry = { level: name, time: (/* @__PURE__ */ new Date()).toISOString(), ...bindings, ...fields };
    if ("err" in entry) entry.err = errorFields(entry.err);
    if ("error" in entry) entry.error = errorFields(entry.error);
    if (text4 !== void 0) entry.msg = text4;
    stream.write(`${JSON.stringify(entry)}
`);
  };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: (more) => stderrLogger(level, { ...bindings, ...more }, stream)
  };
}

// src/options/runner-options.ts
var RUNNER_DEFAULTS = {
  plugins: [],
  jobs: [],
  concurrency: 4,
  leaseMs: 3e4,
  pollIntervalMs: 1e3,
  recoveryIntervalMs: 5e3,
  schedulerIntervalMs: 1e3,
  triggerSettleMs: 1e3,
  shutdownGraceMs: 1e4,
  abortGraceMs: 5e3,
  retention: {
    succeededMs: 7 * 864e5,
    cancelledMs: 7 * 864e5,
    failedMs: 30 * 864e5,
    batchSize: 1e3
  },
  cleanupIntervalMs: 6e4,
  services: [],
  logger: stderrLogger("warn"),
  handleSignals: false
};
function positive(name, value, min = 1) {
  if (!Number.isFinite(value) || value < min) {
    throw new import_core35.ConfigurationError(name, `must be a number \u2265 ${min}, got ${String(value)}`);
  }
}
function wholeNumber(name, value, min = 1) {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new import_core35.ConfigurationError(name, `must be a whole number \u2265 ${min}, got ${String(value)}`);
  }
}
function resolveRunnerOptions(options) {
  if (!options || typeof options.queue?.claim !== "function") {
    throw new import_core35.ConfigurationError("queue", "pass a queue adapter, e.g. `new MemoryQueue()`");
  }
  const concurrency = options.concurrency ?? RUNNER_DEFAULTS.concurrency;
  wholeNumber("concurrency", concurrency);
  const leaseMs = options.leaseMs ?? RUNNER_DEFAULTS.leaseMs;
  wholeNumber("leaseMs", leaseMs, 100);
  const heartbeatMs = options.heartbeatMs ?? Math.floor(leaseMs / 3);
  positive("heartbeatMs", heartbeatMs, 10);
  if (heartbeatMs >= leaseMs) {
    throw new import_core35.ConfigurationError(
      "heartbeatMs",
      `must be shorter than leaseMs (${leaseMs}); a third of it is usual`
    );
  }
  const queues = options.queues ?? { default: concurrency };
  if (Object.keys(queues).length === 0)
    throw new import_core35.ConfigurationError("queues", "name at least one queue to serve");
  for (const [name, n] of Object.entries(queues)) wholeNumber(`queues.${name}`, n);
  const resolved = {
    ...RUNNER_DEFAULTS,
    ...stripUndefined(options),
    queue: options.queue,
    concurrency,
    leaseMs,
    heartbeatMs,
    queues,
    jobTypes: options.jobTypes,
    maxPerCustomer: options.maxPerCustomer,
    workerId: options.workerId,
    tracing: resolveTracingOptions(options.tracing)
  };
  for (const key of [
    "pollIntervalMs",
    "recoveryIntervalMs",
    "schedulerIntervalMs",
    "cleanupIntervalMs"
  ]) {
    positive(key, resolved[key], 10);
  }
  wholeNumber("triggerSettleMs", resolved.triggerSettleMs, 0);
  positive("shutdownGraceMs", resolved.shutdownGraceMs, 0);
  positive("abortGraceMs", resolved.abortGraceMs, 0);
  if (resolved.maxPerCustomer !== void 0) wholeNumber("maxPerCustomer", resolved.maxPerCustomer);
  return resolved;
}
function stripUndefined(value) {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== void 0));
}

// src/scheduler/recurring-scheduler.ts
init_cjs_shims();
var import_core36 = require("@hangar/core");
var RecurringScheduler = class {
  constructor(client, events, logger, now = () => /* @__PURE__ */ new Date()) {
    this.client = client;
    this.events = events;
    this.logger = logger;
    this.now = now;
  }
  client;
  events;
  logger;
  now;
  running = false;
  /** Enqueues every due occurrence once; returns the ids of the jobs it enqueued. */
  async tick() {
    if (this.running) return [];
    this.running = true;
    const fired = [];
    try {
      const now = this.now();
      for (const schedule of await this.client.queue.listSchedules()) {
        if (schedule.paused || !schedule.nextRunAt || schedule.nextRunAt > now) continue;
        const due = schedule.nextRunAt;
        const next = nextCronRun(schedule.cron, schedule.timezone, now);
        if (!await this.client.queue.advanceSchedule(schedule.name, due, next, now)) continue;
        if (!this.client.registry.has(schedule.type)) {
          this.logger.warn(
            { schedule: schedule.name, type: schedule.type },
            "Schedule names an unknown job type"
          );
          continue;
        }
        const { id } = await this.client.enqueue(schedule.type, schedule.params, {
          ...schedule.options,
          idempotencyKey: `schedule:${schedule.name}:${due.toISOString()}`
        });
        fired.push(id);
        (0, import_core36.safeEmit)(this.events, this.logger, "schedule:fired", { name: schedule.name, jobId: id, at: due });
      }
    } catch (error) {
      (0, import_core36.safeEmit)(this.events, this.logger, "worker:error", { error, context: "recurring schedules" });
    } finally {
      this.running = false;
    }
    return fired;
  }
};

// src/submitter/runner-job-submitter.ts
init_cjs_shims();
var import_core38 = require("@hangar/core");

// src/submitter/runner-job-watch.ts
init_cjs_shims();
var import_core37 = require("@hangar/core");
var EARLY_ENDS_KEPT = 1e5;
var RunnerJobWatch = class _RunnerJobWatch {
  constructor(queue, customerId2, checkEveryMs) {
    this.queue = queue;
    this.customerId = customerId2;
    this.checkEveryMs = checkEveryMs;
  }
  queue;
  customerId;
  checkEveryMs;
  watched = /* @__PURE__ */ new Set();
  ended = /* @__PURE__ */ new Map();
  earlyEnds = /* @__PURE__ */ new Map();
  wake;
  unsubscribe;
  checkCursor = 0;
  /** Subscribes first, so that every end after this resolves is heard. */
  static async open(queue, customerId2, checkEveryMs) {
    const watch = new _RunnerJobWatch(queue, customerId2, checkEveryMs);
    watch.unsubscribe = await queue.subscribe((change) => {
      if (change.kind === "state" && change.state !== void 0 && (0, import_core37.isTerminalState)(change.state))
        watch.heard(change.jobId, change.state);
    });
    return watch;
  }
  add(ids) {
    for (const id of ids) {
      const early = this.earlyEnds.get(id);
      if (early === void 0) this.watched.add(id);
      else {
        this.earlyEnds.delete(id);
        this.ended.set(id, early);
      }
    }
    if (this.ended.size > 0) this.wake?.();
  }
  async next(options = {}) {
    const { signal } = options;
    while (this.ended.size === 0) {
      signal?.throwIfAborted();
      await new Promise((resolve5) => {
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", done);
          this.wake = void 0;
          resolve5();
        };
        const timer = setTimeout(() => void this.check().then(done, done), this.checkEveryMs);
        signal?.addEventListener("abort", done, { once: true });
        this.wake = done;
      });
    }
    const out = [...this.ended].map(([id, state]) => ({ id, state }));
    this.ended.clear();
    return out;
  }
  async close() {
    this.wake?.();
    await this.unsubscribe?.();
  }
  heard(id, state) {
    if (this.watched.delete(id)) {
      this.ended.set(id, state);
      this.wake?.();
      return;
    }
    this.earlyEnds.set(id, state);
    if (this.earlyEnds.size > EARLY_ENDS_KEPT) {
      const oldest = this.earlyEnds.keys().next().value;
      if (oldest !== void 0) this.earlyEnds.delete(oldest);
    }
  }
  /** Reads a few watched jobs, in turn, for an end whose change was lost. */
  async check() {
    const ids = [...this.watched];
    if (ids.length === 0) return;
    const start = this.checkCursor % ids.length;
    const batch = ids.slice(start, start + 50);
    this.checkCursor = start + batch.length;
    for (const id of batch) {
      const job = await this.queue.get(id, { customerId: this.customerId });
      const state = job === void 0 ? "Cancelled" : job.state;
      if ((0, import_core37.isTerminalState)(state) && this.watched.delete(id)) this.ended.set(id, state);
    }
  }
};

// src/submitter/runner-job-submitter.ts
var RunnerJobSubmitter = class {
  constructor(client, checkEveryMs = 2e3) {
    this.client = client;
    this.checkEveryMs = checkEveryMs;
  }
  client;
  checkEveryMs;
  async submit(ctx, type, params, options = {}) {
    const { signal, parents, ...rest } = options;
    const [job] = await this.submitAll(ctx, [{ ...rest, type, params, parents }], { signal });
    return job;
  }
  /**
   * Validates every request first (nothing is stored when one is bad). Requests without a parent
   * among the same call are enqueued in one atomic adapter call; a request naming an earlier one
   * by `index` is enqueued after it, in a later call, so a crash between the calls can leave the
   * first ones alone: give idempotency keys, and submitting again completes the set without
   * duplicating any job.
   */
  async submitAll(ctx, jobs, options = {}) {
    const { signal } = options;
    for (const [i, job] of jobs.entries()) {
      this.client.registry.validate(job.type, job.params);
      for (const [p, parent] of (job.parents ?? []).entries()) {
        if ("index" in parent && !(Number.isInteger(parent.index) && parent.index >= 0 && parent.index < i)) {
          throw new import_core38.ConfigurationError(
            `jobs.${i}.parents.${p}.index`,
            `must name an earlier job of the same call (0 to ${i - 1}), got ${String(parent.index)}`
          );
        }
      }
    }
    await this.checkParentsVisible(ctx, jobs);
    const levels = levelsOf(jobs);
    const records = new Array(jobs.length);
    for (const level of levels) {
      signal?.throwIfAborted();
      const results = await this.client.enqueueMany(
        level.map((i) => {
          const job = jobs[i];
          return { type: job.type, params: job.params, options: this.enqueueOptions(ctx, job, records) };
        }),
        { signal }
      );
      for (const [k, i] of level.entries()) records[i] = results[k].job;
    }
    return records;
  }
  async get(ctx, id) {
    const job = await this.client.get(id, { customerId: ctx.customerId });
    if (job && job.customerId !== ctx.customerId) return void 0;
    return job;
  }
  validate(type, params) {
    return this.client.registry.validate(type, params);
  }
  watch(ctx) {
    return RunnerJobWatch.open(this.client.queue, ctx.customerId, this.checkEveryMs);
  }
  async cancel(ctx, id) {
    if (!await this.get(ctx, id)) return "not-found";
    return this.client.cancel(id, { customerId: ctx.customerId });
  }
  async checkParentsVisible(ctx, jobs) {
    const ids = /* @__PURE__ */ new Set();
    for (const job of jobs) for (const parent of job.parents ?? []) if ("id" in parent) ids.add(parent.id);
    for (const id of ids) if (!await this.get(ctx, id)) throw new import_core38.JobNotFoundError(id);
  }
  enqueueOptions(ctx, job, records) {
    const parents = (job.parents ?? []).map(
      (parent) => "index" in parent ? { id: records[parent.index].id, on: parent.on ?? "success" } : { id: parent.id, on: parent.on ?? "success" }
    );
    return {
      queue: job.queue,
      priority: job.priority,
      runAt: job.runAt,
      idempotencyKey: job.idempotencyKey,
      metadata: job.metadata,
      customerId: ctx.customerId,
      userId: ctx.userId,
      // Every adapter takes `parents` (with conditions); `parentId` is only its shorthand.
      parents: parents.length > 0 ? parents : void 0
    };
  }
};
function levelsOf(jobs) {
  const depth = [];
  const levels = [];
  for (const [i, job] of jobs.entries()) {
    let d = 0;
    for (const parent of job.parents ?? [])
      if ("index" in parent) d = Math.max(d, (depth[parent.index] ?? 0) + 1);
    depth[i] = d;
    const level = levels[d] ?? [];
    level.push(i);
    levels[d] = level;
  }
  return levels;
}

// src/triggers/trigger-firing.ts
init_cjs_shims();
var import_core39 = require("@hangar/core");
var DEFAULTS = { pageSize: 500, maxPages: 20, lockTtlMs: 6e4 };
function triggeredJobKey(triggerName, eventJobId) {
  return `trigger:${triggerName}:${eventJobId}`;
}
var TriggerFiring = class {
  constructor(client, events, logger, settings) {
    this.client = client;
    this.events = events;
    this.logger = logger;
    this.settings = { ...DEFAULTS, ...settings };
  }
  client;
  events;
  logger;
  settings;
  /** The triggers as of the last sweep: the fast path reads a trigger again only when one matches. */
  known = [];
  sweeping = false;
  /**
   * Whether the last sweep found any trigger: with none, a job's end has nothing to fire and
   * the runner skips `onJobEnded` (a copy of the record, a date and a promise per job).
   */
  get watching() {
    return this.known.length > 0;
  }
  get store() {
    const { queue } = this.client;
    return (0, import_core39.supportsTriggers)(queue) ? queue : void 0;
  }
  /**
   * Fires the triggers matching a job this runner just ended; returns the ids of the jobs it
   * enqueued. A matching trigger is read again first, so a pause takes effect at once.
   */
  async onJobEnded(job, state, endedAt = /* @__PURE__ */ new Date()) {
    const ended = { ...job, state };
    const candidates = this.known.filter((t) => !t.paused && (0, import_core39.triggerMatches)(t, ended));
    const store = this.store;
    if (candidates.length === 0 || !store) return [];
    const fired = [];
    try {
      for (const candidate of candidates) {
        const trigger2 = await store.getTrigger(candidate.name);
        if (!trigger2 || trigger2.paused || !(0, import_core39.triggerMatches)(trigger2, ended)) continue;
        if (endedAt <= trigger2.since) continue;
        fired.push(...await this.fire(trigger2, [ended]));
      }
    } catch (error) {
      (0, import_core39.safeEmit)(this.events, this.logger, "worker:error", { error, context: "event triggers" });
    }
    return fired;
  }
  /** Reads the triggers and sweeps each one; returns the ids of the jobs it enqueued. */
  async sweep() {
    const store = this.store;
    if (this.sweeping || !store) return [];
    this.sweeping = true;
    const fired = [];
    try {
      this.known = await store.listTriggers();
      for (const trigger2 of this.known) {
        if (trigger2.paused || !this.client.registry.has(trigger2.job.type)) continue;
        try {
          fired.push(...await this.sweepOne(store, trigger2));
        } catch (error) {
          (0, import_core39.safeEmit)(this.events, this.logger, "worker:error", {
            error,
            context: `event trigger "${trigger2.name}"`
          });
        }
      }
    } catch (error) {
      (0, import_core39.safeEmit)(this.events, this.logger, "worker:error", { error, context: "event triggers" });
    } finally {
      this.sweeping = false;
    }
    return fired;
  }
  async sweepOne(store, trigger2) {
    const { owner, lockTtlMs: lockTtlMs4, maxPages, pageSize, settleMs } = this.settings;
    const lock = `hangar:trigger:${trigger2.name}`;
    if (!await store.acquireLock(lock, owner, lockTtlMs4)) return [];
    const fired = [];
    try {
      let cursor = trigger2.cursor;
      for (let page = 0; page < maxPages; page++) {
        const found = await store.listFinishedJobs({
          after: cursor,
          settledMs: settleMs,
          types: [trigger2.on.type],
          states: trigger2.on.states,
          customerId: trigger2.on.customerId,
          limit: pageSize
        });
        if (!found.reached) break;
        const matching = found.jobs.filter((job) => (0, import_core39.triggerMatches)(trigger2, job));
        fired.push(...await this.fire(trigger2, matching));
        const moved = await store.advanceTrigger(
          trigger2.name,
          cursor,
          found.reached,
          matching.length > 0 ? /* @__PURE__ */ new Date() : null
        );
        if (!moved || !found.more) break;
        cursor = found.reached;
      }
    } finally {
      await store.releaseLock(lock, owner).catch(() => false);
    }
    return fired;
  }
  /** Enqueues the trigger's job once per ended job; returns the ids of the jobs created now. */
  async fire(trigger2, ended) {
    if (ended.length === 0) return [];
    if (!this.client.registry.has(trigger2.job.type)) return [];
    const results = await this.client.enqueueMany(
      ended.map((event) => ({
        type: trigger2.job.type,
        params: trigger2.job.params,
        options: {
          queue: trigger2.job.queue,
          priority: trigger2.job.priority,
          // The ended job's tenant is the authority: the triggered job is that customer's.
          customerId: event.customerId,
          idempotencyKey: triggeredJobKey(trigger2.name, event.id),
          metadata: { trigger: trigger2.name, triggerEvent: event.id }
        }
      }))
    );
    const created = [];
    results.forEach((result, i) => {
      if (!result.created) return;
      created.push(result.id);
      const eventJobId = ended[i]?.id ?? "";
      (0, import_core39.safeEmit)(this.events, this.logger, "trigger:fired", {
        name: trigger2.name,
        jobId: result.id,
        eventJobId
      });
    });
    return created;
  }
};

// src/worker/worker-pool.ts
init_cjs_shims();
var import_core45 = require("@hangar/core");

// src/worker/attempt-recorder.ts
init_cjs_shims();
var import_core40 = require("@hangar/core");
var AttemptRecorder = class {
  constructor(queue, workerId, registry, events, logger) {
    this.queue = queue;
    this.workerId = workerId;
    this.registry = registry;
    this.events = events;
    this.logger = logger;
  }
  queue;
  workerId;
  registry;
  events;
  logger;
  /** Records one attempt's outcome: complete, cancel, hand back, retry or fail the job. */
  async record(job, outcome) {
    const { queue: q, workerId } = this;
    switch (outcome.kind) {
      case "succeeded":
        if (await q.complete(job.id, workerId, outcome.result)) this.succeeded(job, outcome.result);
        return;
      case "cancelled":
        if (await q.markCancelled(job.id, workerId, outcome.result)) {
          (0, import_core40.safeEmit)(this.events, this.logger, "job:cancelled", { job });
        }
        return;
      case "released":
        await q.release(job.id, workerId);
        return;
      case "lease-lost":
        this.logger.warn({ jobId: job.id }, "Lease lost; another worker has the job now");
        return;
      case "failed":
        return this.recordFailure(job, outcome);
    }
  }
  /** Tells the listeners, if any, of a success the queue confirmed (`complete` returned true). */
  succeeded(job, result) {
    if (this.events.listenerCount("job:succeeded") > 0) {
      (0, import_core40.safeEmit)(this.events, this.logger, "job:succeeded", { job, result });
    }
  }
  async recordFailure(job, outcome) {
    const { queue: q, workerId } = this;
    const maxAttempts = Math.min(job.maxAttempts, Number.MAX_SAFE_INTEGER);
    if (outcome.retryable && job.attempts < maxAttempts) {
      const delayMs = (0, import_core40.retryDelayMs)(this.registry.retryPolicy(job.type), job.attempts);
      const retryAt = new Date(Date.now() + delayMs);
      if (await q.fail(job.id, workerId, { errorInfo: outcome.errorInfo, retryAt })) {
        (0, import_core40.safeEmit)(this.events, this.logger, "job:retrying", {
          job,
          attempt: job.attempts,
          delayMs,
          errorInfo: outcome.errorInfo
        });
      }
      return;
    }
    if (await q.fail(job.id, workerId, { errorInfo: outcome.errorInfo })) {
      (0, import_core40.safeEmit)(this.events, this.logger, "job:failed", { job, errorInfo: outcome.errorInfo });
    }
  }
};

// src/worker/isolation/thread-pool.ts
init_cjs_shims();
var import_node_worker_threads = require("worker_threads");

// src/worker/isolation/thread-entry.ts
init_cjs_shims();
var import_node_fs3 = require("fs");
var import_node_module2 = require("module");
var import_node_url4 = require("url");
var cached;
function threadEntry() {
  if (cached) return cached;
  const here = importMetaUrl;
  if (/\.[cm]?ts$/.test(here)) {
    const tsx = (0, import_node_url4.pathToFileURL)(
      (0, import_node_module2.createRequire)(here).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")
    ).href;
    const script = new URL("./job-thread.ts", here).href;
    cached = {
      script: `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); })`,
      eval: true
    };
    return cached;
  }
  for (const relative2 of ["./worker/job-thread.js", "../worker/job-thread.js"]) {
    const url = new URL(relative2, here);
    if ((0, import_node_fs3.existsSync)(url)) {
      cached = { script: url, eval: false };
      return cached;
    }
  }
  throw new Error(`The job-thread script is missing next to ${here}; reinstall @hangar/runner`);
}

// src/worker/isolation/thread-pool.ts
var IDLE_MS = 3e4;
var ThreadPool = class {
  idle = /* @__PURE__ */ new Map();
  closed = false;
  /** An idle thread of `module`, or a new one. */
  acquire(module2) {
    const entry = this.idle.get(module2)?.pop();
    if (entry) {
      this.forget(entry);
      entry.worker.ref();
      return entry.worker;
    }
    const { script, eval: isEval } = threadEntry();
    return new import_node_worker_threads.Worker(script, { eval: isEval });
  }
  /** Keeps a thread whose attempt ended by itself for the next attempt of its module. */
  release(module2, worker) {
    if (this.closed) {
      void worker.terminate();
      return;
    }
    const list = this.idle.get(module2) ?? [];
    this.idle.set(module2, list);
    const entry = {
      worker,
      timer: setTimeout(() => entry.gone(), IDLE_MS).unref(),
      gone: () => {
        const at = list.indexOf(entry);
        if (at >= 0) list.splice(at, 1);
        this.forget(entry);
        void worker.terminate();
      }
    };
    worker.on("error", entry.gone);
    worker.on("exit", entry.gone);
    worker.unref();
    list.push(entry);
  }
  /** Terminates every idle thread; later releases terminate their thread. */
  async close() {
    this.closed = true;
    const all = [...this.idle.values()].flat();
    this.idle.clear();
    for (const entry of all) this.forget(entry);
    await Promise.all(all.map(({ worker }) => worker.terminate()));
  }
  forget(entry) {
    clearTimeout(entry.timer);
    entry.worker.off("error", entry.gone);
    entry.worker.off("exit", entry.gone);
  }
};

// src/worker/job-execution.ts
init_cjs_shims();
var import_core44 = require("@hangar/core");

// src/worker/attempt-context.ts
init_cjs_shims();
var AttemptContext = class {
  constructor(host, jobId, type, attempt, customerId2, userId, services) {
    this.host = host;
    this.jobId = jobId;
    this.type = type;
    this.attempt = attempt;
    this.customerId = customerId2;
    this.userId = userId;
    this.services = services;
  }
  host;
  jobId;
  type;
  attempt;
  customerId;
  userId;
  services;
  childLog;
  bound;
  get signal() {
    return this.host.signal;
  }
  get log() {
    this.childLog ??= this.host.logger.child({ jobId: this.jobId, type: this.type, attempt: this.attempt });
    return this.childLog;
  }
  get progress() {
    return this.once("progress", () => (message, counts) => this.host.write("progress", message, counts));
  }
  get info() {
    return this.once("info", () => this.writer("info"));
  }
  get warn() {
    return this.once("warn", () => (message) => {
      this.host.warned(message);
      this.host.write("warning", message);
    });
  }
  get error() {
    return this.once("error", () => this.writer("error"));
  }
  get addOutputFile() {
    return this.once("addOutputFile", () => (file) => this.host.addOutputFile(file));
  }
  get checkpoint() {
    return this.once("checkpoint", () => () => {
      const stop = this.host.stopError;
      if (stop) throw stop;
    });
  }
  get lock() {
    return this.once("lock", () => (name, options) => this.host.lock(name, options));
  }
  writer(level) {
    return (message) => this.host.write(level, message);
  }
  once(name, make) {
    this.bound ??= {};
    let fn = this.bound[name];
    if (fn === void 0) {
      fn = make();
      this.bound[name] = fn;
    }
    return fn;
  }
};

// src/worker/isolation/worker-thread-job.ts
init_cjs_shims();
var import_node_url5 = require("url");
var import_core42 = require("@hangar/core");

// src/worker/isolation/thread-messages.ts
init_cjs_shims();
var import_core41 = require("@hangar/core");
function serializeError(error, type) {
  const detailed = error?.errorInfo;
  const errorInfo = Array.isArray(detailed) && detailed.length > 0 ? detailed : [(0, import_core41.errorInfoFromError)(error, type)];
  const base = error instanceof Error ? error : new Error(String(error));
  return {
    name: base.name,
    message: base.message,
    stack: base.stack,
    hangar: import_core41.HangarError.isInstance(error) ? { code: error.code, key: error.key, params: error.params, retryable: error.retryable } : void 0,
    errorInfo
  };
}
function deserializeError(serialized) {
  const { hangar } = serialized;
  const error = hangar ? new import_core41.HangarError(hangar.code, hangar.key, serialized.message, {
    params: hangar.params,
    retryable: hangar.retryable
  }) : new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.stack) error.stack = serialized.stack;
  return Object.assign(error, { errorInfo: serialized.errorInfo });
}

// src/worker/isolation/worker-thread-job.ts
var WorkerThreadJob = class {
  constructor(record, definition, services, logger, threads) {
    this.record = record;
    this.definition = definition;
    this.services = services;
    this.logger = logger;
    this.threads = threads;
    const module2 = definition.module;
    if (module2 === void 0) {
      throw new import_core42.ConfigurationError(
        `jobs[${record.type}].module`,
        "set `module: import.meta.url` to isolate it"
      );
    }
    this.module = module2 instanceof URL || /^[a-z][a-z\d+.-]+:/i.test(module2) ? String(module2) : (0, import_node_url5.pathToFileURL)(module2).href;
  }
  record;
  definition;
  services;
  logger;
  threads;
  worker;
  /** The thread reported the attempt's end itself: it is idle and clean. */
  clean = false;
  detach;
  locks = /* @__PURE__ */ new Map();
  module;
  execute(params, ctx) {
    return new Promise((resolve5, reject) => {
      const worker = this.threads.acquire(this.module);
      this.worker = worker;
      const send = (message) => worker.postMessage(message);
      const onStop = () => send({ kind: "stop", error: serializeError(ctx.signal.reason, this.record.type) });
      const onMessage = (message) => {
        if (message.kind === "done" || message.kind === "failed") {
          this.clean = true;
          if (message.kind === "done") resolve5(message.value);
          else reject(deserializeError(message.error));
        } else this.relay(message, ctx, send);
      };
      const onExit = (code) => reject(new import_core42.JobThreadExitedError(this.record.id, code));
      worker.on("message", onMessage);
      worker.on("error", reject);
      worker.on("exit", onExit);
      this.detach = () => {
        ctx.signal.removeEventListener("abort", onStop);
        worker.off("message", onMessage);
        worker.off("error", reject);
        worker.off("exit", onExit);
      };
      try {
        send({ kind: "run", start: this.threadStart(params, ctx) });
      } catch (cause) {
        this.clean = true;
        reject(this.cloneError(cause));
        return;
      }
      if (ctx.signal.aborted) onStop();
      else ctx.signal.addEventListener("abort", onStop, { once: true });
    });
  }
  /** Always called by the execution: a clean thread goes back to the pool, any other is terminated. */
  async dispose() {
    this.detach?.();
    const worker = this.worker;
    this.worker = void 0;
    if (worker && this.clean) this.threads.release(this.module, worker);
    else await worker?.terminate();
    await Promise.all([...this.locks.values()].map((lock) => lock.release()));
    this.locks.clear();
  }
  threadStart(params, ctx) {
    const { record, definition } = this;
    return {
      module: this.module,
      type: record.type,
      params,
      job: { jobId: ctx.jobId, attempt: ctx.attempt, customerId: ctx.customerId, userId: ctx.userId },
      shared: (definition.shareWithWorker ?? []).map((token) => [token.name, this.services.get(token)])
    };
  }
  cloneError(cause) {
    if (cause?.name !== "DataCloneError") return cause;
    return new import_core42.ConfigurationError(
      `jobs[${this.record.type}].shareWithWorker`,
      "lists a service that cannot be copied to a worker thread (a live object such as a pool): share its settings and build it in `workerServices`"
    );
  }
  relay(message, ctx, send) {
    switch (message.kind) {
      case "log": {
        const { level, message: text4, counts } = message;
        if (level === "progress") ctx.progress(text4, counts);
        else if (level === "warning") ctx.warn(text4);
        else ctx[level](text4);
        return;
      }
      case "logger":
        this.logger[message.level]({ jobId: this.record.id, ...message.fields }, message.msg);
        return;
      case "output-file":
        ctx.addOutputFile(message.file);
        return;
      case "lock":
        ctx.lock(message.name, message.options).then(
          (handle) => {
            this.locks.set(message.id, handle);
            send({ kind: "lock-result", id: message.id, error: void 0 });
          },
          (error) => send({ kind: "lock-result", id: message.id, error: serializeError(error, this.record.type) })
        );
        return;
      case "unlock": {
        const handle = this.locks.get(message.id);
        this.locks.delete(message.id);
        void handle?.release();
        return;
      }
    }
  }
};

// src/worker/job-locks.ts
init_cjs_shims();
var import_core43 = require("@hangar/core");
var DEFAULT_TTL_MS = 3e4;
var JobLocks = class {
  constructor(queue, owner, signal) {
    this.queue = queue;
    this.owner = owner;
    this.signal = signal;
  }
  queue;
  owner;
  signal;
  held = /* @__PURE__ */ new Map();
  /** Takes `name`, waiting up to `waitMs` with short polls. */
  async acquire(name, options = {}) {
    const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    const waitMs = options.waitMs ?? 0;
    const deadline = Date.now() + waitMs;
    let delay = 25;
    while (!await this.queue.acquireLock(name, this.owner, ttlMs)) {
      this.signal.throwIfAborted();
      if (Date.now() >= deadline) throw new import_core43.LockUnavailableError(name, waitMs);
      await new Promise(
        (resolve5) => setTimeout(resolve5, Math.min(delay, Math.max(1, deadline - Date.now())))
      );
      delay = Math.min(delay * 2, 500);
    }
    const renew = setInterval(
      () => {
        void this.queue.extendLock(name, this.owner, ttlMs).catch(() => {
        });
      },
      Math.max(10, Math.floor(ttlMs / 3))
    );
    renew.unref();
    this.held.set(name, renew);
    return { name, release: () => this.release(name) };
  }
  /** Releases one lock if held. */
  async release(name) {
    const renew = this.held.get(name);
    if (!renew) return;
    clearInterval(renew);
    this.held.delete(name);
    await this.queue.releaseLock(name, this.owner);
  }
  /** Releases every lock still held. */
  async releaseAll() {
    await Promise.all([...this.held.keys()].map((name) => this.release(name).catch(() => {
    })));
  }
};

// src/worker/job-log-writer.ts
init_cjs_shims();
var JobLogWriter = class {
  constructor(queue, jobId, logger) {
    this.queue = queue;
    this.jobId = jobId;
    this.logger = logger;
  }
  queue;
  jobId;
  logger;
  buffer = [];
  flushing = Promise.resolve();
  scheduled = false;
  /** Queues an entry for the next flush. */
  write(entry) {
    this.buffer.push(entry);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }
  /** Writes everything buffered so far; resolves when it is stored. */
  flush() {
    const batch = this.buffer;
    if (batch.length === 0) return this.flushing;
    this.buffer = [];
    this.flushing = this.flushing.then(
      () => this.queue.appendLog(this.jobId, batch).catch((error) => {
        this.logger.warn({ err: error, jobId: this.jobId }, "Could not store job messages");
      })
    );
    return this.flushing;
  }
};

// src/worker/job-execution.ts
var JobExecution = class {
  constructor(record, definition, deps) {
    this.record = record;
    this.definition = definition;
    this.deps = deps;
  }
  record;
  definition;
  deps;
  controller;
  stopReason;
  /** Why the job was stopped; `ctx.checkpoint()` throws it. */
  stopError;
  /** `start` called the job and its promise has not settled yet (`outcome` not called). */
  waiting = false;
  grace;
  /** The attempt's timeout, when it has one. */
  timer;
  /** The stopped job outlived the grace period (an isolated job's thread is then terminated). */
  gaveUp = false;
  job;
  /** When the attempt was launched (`performance.now()`) if the pool times it, else NaN. */
  startedAt = Number.NaN;
  outputFiles;
  warnings;
  log;
  locks;
  /** The attempt's signal, already aborted when the job was stopped before asking for it. */
  get signal() {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.stopError) this.controller.abort(this.stopError);
    }
    return this.controller.signal;
  }
  get logWriter() {
    this.log ??= new JobLogWriter(this.deps.queue, this.record.id, this.deps.logger);
    return this.log;
  }
  get logger() {
    return this.deps.logger;
  }
  /** Takes a named lock for this attempt (`ctx.lock`). */
  lock(name, options) {
    this.locks ??= new JobLocks(
      this.deps.queue,
      `${this.record.worker?.id ?? "worker"}:${this.record.id}`,
      this.signal
    );
    return this.locks.acquire(name, options);
  }
  /** Stores one of the job's messages and reports it to listeners. */
  write(level, message, counts = {}) {
    const entry = { at: /* @__PURE__ */ new Date(), level, message, ...counts };
    this.logWriter.write(entry);
    this.deps.onLog(this.record.id, entry);
  }
  /** Keeps a warning for the job's result. */
  warned(message) {
    this.warnings ??= [];
    this.warnings.push(message);
  }
  /** Keeps an output file for the job's result. */
  addOutputFile(file) {
    this.outputFiles ??= [];
    this.outputFiles.push(file);
  }
  /** Asks the job to stop: fires its signal and calls `abort()`. The first reason wins. */
  stop(reason) {
    if (this.stopReason) return;
    this.stopReason = reason;
    const error = reason === "timeout" ? new import_core44.JobTimeoutError(this.record.id, this.record.timeoutMs ?? this.definition.timeoutMs ?? 0) : new import_core44.JobCancelledError(this.record.id);
    this.stopError = error;
    this.controller?.abort(error);
    if (this.waiting) this.startGrace();
    try {
      const aborted = this.job?.abort?.();
      if (aborted instanceof Promise)
        aborted.catch((err) => this.deps.logger.warn({ err }, "abort() threw"));
    } catch (err) {
      this.deps.logger.warn({ err, jobId: this.record.id }, "abort() threw");
    }
  }
  /**
   * Starts the attempt: validates the parameters, creates the job and calls `execute`, and
   * returns the job's own promise. Then `outcome` says how it ended and, when `holdsResources`,
   * `release` gives back what the job took. A stopped job that outlives the grace is
   * `abandoned` instead (see `ExecutionDeps.abandoned`).
   *
   * Three calls and not one async `run` wrapping the job's promise in one of its own: the pool
   * awaits the job's promise itself, so an attempt is one async function from launch to recorded
   * outcome (the second function and the wrapper were a third of the memory queue's
   * allocations per no-op job).
   */
  start() {
    const { record, definition, deps } = this;
    const timeoutMs = record.timeoutMs ?? definition.timeoutMs;
    if (timeoutMs) this.timer = setTimeout(() => this.stop("timeout"), timeoutMs);
    const params = deps.validated.take(record.id, record.params) ? record.params : (0, import_core44.validateParams)(record.type, definition.params, record.params);
    this.job = definition.isolation === "worker" ? new WorkerThreadJob(record, definition, deps.services, deps.logger, deps.threads) : definition.create(deps.services);
    const work = this.job.execute(params, this.context());
    this.waiting = true;
    if (this.stopError && !this.grace) this.startGrace();
    return work;
  }
  /**
   * How the attempt ended, given what `start` threw or settled with (`threw`, `value`): a success,
   * a failure, or what its stop makes of it. Ends its timers.
   */
  outcome(threw, value) {
    if (this.timer) clearTimeout(this.timer);
    if (this.grace) clearTimeout(this.grace);
    this.waiting = false;
    if (this.stopReason) return this.stoppedOutcome(threw ? value : void 0);
    return threw ? this.failure(value) : this.success(value);
  }
  /** Whether the job holds something `release` must give back: a `dispose`, locks, messages. */
  get holdsResources() {
    return this.job?.dispose !== void 0 || this.locks !== void 0 || this.log !== void 0;
  }
  /** Disposes the job, releases its locks and stores its last messages; never throws. */
  async release() {
    if (this.job?.dispose) await this.dispose();
    if (this.locks) await this.locks.releaseAll();
    if (this.log) await this.log.flush();
  }
  /**
   * Once a stopped job outlived the grace, the attempt ends without it (`abandoned`): the pool
   * records its end then, and ignores the job's promise should it ever settle.
   */
  startGrace() {
    this.grace = setTimeout(() => {
      if (!this.waiting) return;
      this.waiting = false;
      this.gaveUp = true;
      this.deps.abandoned(this);
    }, this.deps.abortGraceMs);
  }
  /** The job outlived the grace after a stop: its end was recorded without waiting for it. */
  get abandoned() {
    return this.gaveUp;
  }
  /**
   * Why a stopped attempt ended: the stop itself, and for an isolated job that ignored it past the
   * grace, that its thread was terminated (both entries in its ErrorInfo).
   */
  stopFailure() {
    const stop = this.stopError;
    if (!stop || !this.gaveUp || this.definition.isolation !== "worker") return stop;
    const reason = this.stopReason === "timeout" ? "timeout" : "cancel";
    const terminated = new import_core44.JobTerminatedError(this.record.id, reason, this.deps.abortGraceMs);
    const errorInfo = [
      (0, import_core44.errorInfoFromError)(stop, this.record.type),
      (0, import_core44.errorInfoFromError)(terminated, this.record.type)
    ];
    return Object.assign(terminated, { errorInfo });
  }
  success(value) {
    const result = { success: true, result: value };
    if (this.outputFiles?.length) result.outputFiles = this.outputFiles;
    if (this.warnings?.length) result.warnings = this.warnings;
    return { kind: "succeeded", result };
  }
  failure(error) {
    const retryable = !(import_core44.HangarError.isInstance(error) && !error.retryable);
    const errorInfo = [(0, import_core44.errorInfoFromError)(error, this.record.type)];
    const detailed = error.errorInfo;
    if (Array.isArray(detailed) && detailed.length > 0) errorInfo.splice(0, 1, ...detailed);
    return { kind: "failed", error, errorInfo, retryable, warnings: this.warnings ?? [] };
  }
  stoppedOutcome(error) {
    switch (this.stopReason) {
      case "cancel": {
        const reason = this.stopFailure();
        const detailed = reason?.errorInfo;
        return {
          kind: "cancelled",
          result: {
            success: false,
            errorInfo: detailed ?? [(0, import_core44.errorInfoFromError)(reason, this.record.type)],
            warnings: this.warnings ?? []
          }
        };
      }
      case "timeout":
        return this.failure(this.stopFailure());
      case "shutdown":
        return { kind: "released" };
      case "lease-lost":
        return { kind: "lease-lost" };
      default:
        return this.failure(error);
    }
  }
  async dispose() {
    try {
      await this.job?.dispose?.();
    } catch (err) {
      this.deps.logger.warn({ err, jobId: this.record.id }, "dispose() threw");
    }
  }
  context() {
    const { record } = this;
    return new AttemptContext(
      this,
      record.id,
      record.type,
      record.attempts,
      record.customerId,
      record.userId,
      this.deps.services
    );
  }
};

// src/worker/worker-pool.ts
var PREFETCH_WAIT_MS = 20;
var CLAIMS_IN_FLIGHT = 1;
var PREFETCH_MAX_JOBS = 512;
var AVERAGE_WEIGHT = 0.1;
var TIMED_EVERY = 8;
var WorkerPool = class {
  constructor(options, registry, services, worker, types, events, logger) {
    this.options = options;
    this.registry = registry;
    this.worker = worker;
    this.types = types;
    this.events = events;
    this.logger = logger;
    this.recorder = new AttemptRecorder(options.queue, worker.id, registry, events, logger);
    this.deps = {
      queue: options.queue,
      services,
      logger,
      abortGraceMs: options.abortGraceMs,
      threads: this.threads,
      onLog: (jobId, entry) => {
        if (events.listenerCount("job:progress") === 0) return;
        (0, import_core45.safeEmit)(events, logger, "job:progress", { jobId, entry: { ...entry, seq: 0 } });
      },
      validated: registry.validated,
      abandoned: (execution) => {
        const slot = this.slots.get(execution.record.queue);
        if (slot) void this.runAndRecord(slot, execution.record, execution, true);
      }
    };
    for (const [name, concurrency] of Object.entries(options.queues)) {
      this.slots.set(name, {
        name,
        concurrency,
        running: 0,
        recording: 0,
        buffer: [],
        averageMs: void 0,
        launches: 0,
        drained: false,
        fetching: 0,
        requested: 0,
        again: false
      });
    }
  }
  options;
  registry;
  worker;
  types;
  events;
  logger;
  slots = /* @__PURE__ */ new Map();
  active = /* @__PURE__ */ new Map();
  /** Calls that must end before the pool has drained, besides the active jobs. */
  settled = /* @__PURE__ */ new Set();
  /** Resolved once no job is active any more (`drain`). */
  idleWaiters = [];
  /** Idle threads of isolated jobs, terminated once the pool has drained. */
  threads = new ThreadPool();
  subscriptions = [];
  timers = [];
  accepting = false;
  recorder;
  /** What every execution of this pool needs: one object for all of them. */
  deps;
  get queue() {
    return this.options.queue;
  }
  /** Number of jobs running now. */
  get runningCount() {
    return this.active.size;
  }
  /** Starts claiming. */
  async start() {
    this.accepting = true;
    this.subscriptions.push(
      await this.queue.onCancelRequest(this.worker.id, (jobId) => {
        const execution = this.active.get(jobId);
        if (execution) execution.stop("cancel");
        else this.cancelBuffered(jobId);
      }),
      await this.queue.subscribe(
        (change) => {
          if (!(0, import_core45.isWakeUp)(change)) return;
          const slot = change.queue ? this.slots.get(change.queue) : void 0;
          if (slot) this.wake(slot);
          else if (!change.queue) for (const s of this.slots.values()) this.wake(s);
        },
        { wakeUpsOnly: true }
      )
    );
    this.timers.push(
      setInterval(() => {
        for (const slot of this.slots.values()) this.wake(slot);
      }, this.options.pollIntervalMs),
      setInterval(() => void this.heartbeat(), this.options.heartbeatMs)
    );
    for (const slot of this.slots.values()) this.wake(slot);
  }
  /**
   * Something may have become runnable in the slot's queue: claim. A claim in flight may have
   * read the queue before it did, so one more claim follows it.
   */
  wake(slot) {
    slot.drained = false;
    if (slot.fetching > 0) slot.again = true;
    this.fill(slot);
  }
  /** Stops claiming; running jobs go on. */
  stopClaiming() {
    this.accepting = false;
  }
  /** Waits for running jobs up to `graceMs`, then stops the rest and hands them back. */
  async drain(graceMs) {
    this.accepting = false;
    for (const slot of this.slots.values()) this.releaseBuffered(slot);
    const all = () => Promise.all([...this.settled, this.idle()]);
    const timedOut = await Promise.race([
      all().then(() => false),
      new Promise((resolve5) => setTimeout(() => resolve5(true), graceMs).unref())
    ]);
    if (timedOut) {
      for (const execution of this.active.values()) execution.stop("shutdown");
      await all();
    }
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    for (const off of this.subscriptions.splice(0)) await off();
    await this.threads.close();
  }
  /**
   * Starts buffered jobs in the free slots, then claims for the free slots plus a short
   * prefetch buffer; coalesces concurrent wake-ups.
   */
  fill(slot) {
    if (!this.accepting) return;
    this.launchBuffered(slot);
    if (slot.drained && slot.fetching === 0) return;
    const backlog = Math.max(0, slot.recording - PREFETCH_MAX_JOBS);
    const room = slot.concurrency + this.prefetch(slot) - slot.running - slot.buffer.length - backlog - slot.requested;
    if (slot.fetching >= CLAIMS_IN_FLIGHT || slot.fetching > 0 && (slot.drained || room < slot.concurrency)) {
      return;
    }
    if (room <= 0) return;
    const idleSlot = slot.running + slot.buffer.length + slot.requested < slot.concurrency;
    if (!idleSlot && room < this.prefetch(slot) / 2) return;
    slot.fetching += 1;
    slot.requested += room;
    slot.again = false;
    this.queue.claim({
      worker: this.worker,
      queues: [slot.name],
      types: this.types,
      limit: room,
      leaseMs: this.options.leaseMs,
      maxPerCustomer: this.options.maxPerCustomer
    }).then((jobs) => {
      slot.fetching -= 1;
      slot.requested -= room;
      slot.drained = !slot.again && jobs.length < room;
      slot.buffer.push(...jobs);
      if (!this.accepting) {
        this.releaseBuffered(slot);
        return;
      }
      this.launchBuffered(slot);
      if (slot.again || jobs.length === room && jobs.length > 0) this.fill(slot);
    }).catch((error) => {
      slot.fetching -= 1;
      slot.requested -= room;
      slot.drained = false;
      (0, import_core45.safeEmit)(this.events, this.logger, "worker:error", {
        error,
        context: `claim from queue ${slot.name}`
      });
    });
  }
  /** How many jobs the slot may hold claimed beyond its free slots. */
  prefetch(slot) {
    if (slot.averageMs === void 0) return 0;
    const perWait = Math.floor(slot.concurrency * PREFETCH_WAIT_MS / Math.max(slot.averageMs, 0.01));
    return Math.min(PREFETCH_MAX_JOBS, perWait);
  }
  launchBuffered(slot) {
    while (slot.running < slot.concurrency && slot.buffer.length > 0) {
      const job = slot.buffer.shift();
      if (job) this.launch(slot, job);
    }
  }
  bufferedSlot(jobId) {
    for (const slot of this.slots.values()) {
      const index = slot.buffer.findIndex((job) => job.id === jobId);
      if (index >= 0) return { slot, index };
    }
    return void 0;
  }
  /** Hands prefetched jobs back to the queue without using up their attempt. */
  releaseBuffered(slot) {
    for (const job of slot.buffer.splice(0)) {
      this.track(
        this.queue.release(job.id, this.worker.id).then(
          () => void 0,
          (error) => (0, import_core45.safeEmit)(this.events, this.logger, "worker:error", { error, context: `releasing job ${job.id}` })
        )
      );
    }
  }
  /** A prefetched job whose cancellation was requested ends Cancelled without running. */
  cancelBuffered(jobId) {
    const found = this.bufferedSlot(jobId);
    if (!found) return;
    const [job] = found.slot.buffer.splice(found.index, 1);
    if (!job) return;
    const result = {
      success: false,
      errorInfo: [(0, import_core45.errorInfoFromError)(new import_core45.JobCancelledError(job.id), job.type)]
    };
    this.track(
      this.recorder.record(job, { kind: "cancelled", result }).catch((error) => {
        (0, import_core45.safeEmit)(this.events, this.logger, "worker:error", {
          error,
          context: `recording the end of job ${job.id}`
        });
      })
    );
    this.fill(found.slot);
  }
  track(promise) {
    const tracked = promise.finally(() => this.settled.delete(tracked));
    this.settled.add(tracked);
  }
  /** Resolves once no job is active. */
  idle() {
    if (this.active.size === 0) return Promise.resolve();
    return new Promise((resolve5) => this.idleWaiters.push(resolve5));
  }
  launch(slot, job) {
    slot.running += 1;
    const execution = new JobExecution(job, this.registry.get(job.type), this.deps);
    if (slot.launches++ % TIMED_EVERY === 0 || slot.averageMs === void 0)
      execution.startedAt = performance.now();
    this.active.set(job.id, execution);
    if (this.events.listenerCount("job:started") > 0)
      (0, import_core45.safeEmit)(this.events, this.logger, "job:started", { job });
    void this.runAndRecord(slot, job, execution);
  }
  /**
   * Runs one attempt and records its outcome. The slot is free once the execution ended;
   * recording its outcome goes on beside the next job, and the job stays active (heartbeated,
   * leased) until it is recorded. One async function per job, awaiting the job's own promise
   * and the adapter's: a chain of then/catch/finally cost three promises and three closures more,
   * an async `run` of the execution wrapping the job's promise a third of the allocations.
   *
   * A stopped job that outlived the grace is `abandoned`: this is called again for it, and its
   * first call, should the job's promise ever settle, returns without a word.
   */
  async runAndRecord(slot, job, execution, abandoned = false) {
    const { startedAt } = execution;
    let executing = true;
    try {
      let outcome;
      if (abandoned) outcome = execution.outcome(true, execution.stopError);
      else {
        try {
          const value = await execution.start();
          if (execution.abandoned) return;
          outcome = execution.outcome(false, value);
        } catch (error) {
          if (execution.abandoned) return;
          outcome = execution.outcome(true, error);
        }
      }
      if (execution.holdsResources) await execution.release();
      executing = false;
      this.executionEnded(slot, startedAt);
      if (outcome.kind !== "succeeded") await this.recorder.record(job, outcome);
      else if (await this.queue.complete(job.id, this.worker.id, outcome.result))
        this.recorder.succeeded(job, outcome.result);
    } catch (error) {
      (0, import_core45.safeEmit)(this.events, this.logger, "worker:error", {
        error,
        context: `recording the end of job ${job.id}`
      });
    } finally {
      if (abandoned || !execution.abandoned) this.recorded(slot, job, executing, startedAt);
    }
  }
  /** The attempt's end is recorded (or could not be): the job leaves the slot and the pool. */
  recorded(slot, job, executing, startedAt) {
    if (executing) this.executionEnded(slot, startedAt);
    this.active.delete(job.id);
    const backlogged = slot.recording > PREFETCH_MAX_JOBS;
    slot.recording -= 1;
    if (this.active.size === 0) for (const resolve5 of this.idleWaiters.splice(0)) resolve5();
    if (job.concurrencyKey !== void 0 || job.customerId !== void 0 && this.options.maxPerCustomer)
      this.wake(slot);
    else if (backlogged) this.fill(slot);
  }
  executionEnded(slot, startedAt) {
    if (!Number.isNaN(startedAt)) {
      const ms2 = performance.now() - startedAt;
      slot.averageMs = slot.averageMs === void 0 ? ms2 : slot.averageMs + AVERAGE_WEIGHT * (ms2 - slot.averageMs);
    }
    slot.running -= 1;
    slot.recording += 1;
    this.fill(slot);
  }
  async heartbeat() {
    const ids = [...this.active.keys()];
    for (const slot of this.slots.values()) for (const job of slot.buffer) ids.push(job.id);
    if (ids.length === 0) return;
    try {
      const held = new Set(await this.queue.heartbeat(this.worker.id, ids, this.options.leaseMs));
      for (const id of ids) {
        if (held.has(id)) continue;
        const execution = this.active.get(id);
        if (execution) execution.stop("lease-lost");
        else {
          const found = this.bufferedSlot(id);
          if (found) found.slot.buffer.splice(found.index, 1);
        }
      }
    } catch (error) {
      (0, import_core45.safeEmit)(this.events, this.logger, "worker:error", { error, context: "heartbeat" });
    }
  }
};

// src/runner/hangar-runner.ts
var HangarRunner = class {
  /** Typed events of the runner and its client. */
  events;
  /** Registered job types and messages. */
  registry;
  /** Client on the same queue and registry. */
  client;
  /** The typedi-backed service container of the plugins. */
  services;
  /** Identity recorded on every job this runner runs. */
  worker;
  /** Job types this runner executes. */
  jobTypes;
  options;
  logger;
  pool;
  scheduler;
  triggers;
  timers = [];
  startedAt = /* @__PURE__ */ new Date();
  stopTracing;
  unfollow;
  state = "idle";
  stopping;
  onSignal = (signal) => {
    this.logger.info({ signal }, "Stopping on signal");
    void this.stop();
  };
  constructor(options) {
    this.options = resolveRunnerOptions(options);
    this.logger = this.options.logger;
    this.registry = new JobRegistry(this.options.plugins, this.options.jobs);
    this.services = new PluginContainer(this.options.plugins, this.options.services);
    this.client = new HangarClient(this.options.queue, this.registry, this.logger, options.tracing);
    this.events = this.client.events;
    if (!this.services.has(import_core46.jobSubmitterToken)) {
      this.services.register({ token: import_core46.jobSubmitterToken, value: new RunnerJobSubmitter(this.client) });
    }
    logRunnerEvents(this.events, this.logger);
    const all = this.registry.types();
    const chosen = this.options.jobTypes ?? all;
    for (const type of chosen) {
      if (!this.registry.has(type)) {
        throw new import_core46.ConfigurationError(
          "jobTypes",
          `"${type}" is not a registered job type; registered: ${all.join(", ") || "(none)"}`
        );
      }
    }
    this.jobTypes = [...chosen];
    this.worker = {
      id: this.options.workerId ?? `${(0, import_node_os.hostname)()}:${process.pid}:${(0, import_node_crypto6.randomUUID)().slice(0, 8)}`,
      host: (0, import_node_os.hostname)(),
      pid: process.pid
    };
    this.pool = new WorkerPool(
      this.options,
      this.registry,
      this.services,
      this.worker,
      this.jobTypes,
      this.events,
      this.logger
    );
    this.scheduler = new RecurringScheduler(this.client, this.events, this.logger);
    this.registry.validated.setReading(true);
    this.triggers = new TriggerFiring(this.client, this.events, this.logger, {
      owner: this.worker.id,
      settleMs: this.options.triggerSettleMs
    });
  }
  /** Whether the runner is claiming jobs. */
  get isRunning() {
    return this.state === "running";
  }
  /** Starts the workers, lease recovery, schedules and retention. */
  async start() {
    if (this.state !== "idle")
      throw new import_core46.ConfigurationError("start", `the runner is ${this.state}; create a new one`);
    const tracing = await this.client.tracing();
    this.state = "running";
    this.startedAt = /* @__PURE__ */ new Date();
    this.stopTracing = tracing?.followAttempts(this.events);
    await this.pool.start();
    await this.advertise();
    const every = (ms2, fn) => {
      const timer = setInterval(() => void fn(), ms2);
      this.timers.push(timer);
    };
    every(this.options.heartbeatMs, () => this.advertise());
    every(this.options.recoveryIntervalMs, () => this.recover());
    every(this.options.schedulerIntervalMs, () => this.scheduler.tick());
    every(this.options.schedulerIntervalMs, () => this.triggers.sweep());
    this.followJobEnds();
    const retention = this.options.retention;
    if (retention) {
      every(
        this.options.cleanupIntervalMs,
        () => this.options.queue.cleanup(retention).catch((error) => {
          (0, import_core46.safeEmit)(this.events, this.logger, "worker:error", { error, context: "retention cleanup" });
        })
      );
    }
    if (this.options.handleSignals) {
      process.once("SIGTERM", this.onSignal);
      process.once("SIGINT", this.onSignal);
    }
    void this.recover();
    void this.scheduler.tick();
    void this.triggers.sweep();
    this.logger.info(
      { worker: this.worker.id, jobTypes: this.jobTypes, queues: this.options.queues },
      "Runner started"
    );
    return this;
  }
  /** Fires event triggers on the ends this runner records, without waiting for the sweep. */
  followJobEnds() {
    const fire = (job, state) => {
      if (this.triggers.watching) void this.triggers.onJobEnded(job, state);
    };
    const onSucceeded = ({ job }) => fire(job, "Succeeded");
    const onFailed = ({ job }) => fire(job, "Failed");
    const onCancelled = ({ job }) => fire(job, "Cancelled");
    this.events.on("job:succeeded", onSucceeded);
    this.events.on("job:failed", onFailed);
    this.events.on("job:cancelled", onCancelled);
    this.unfollow = () => {
      this.events.off("job:succeeded", onSucceeded);
      this.events.off("job:failed", onFailed);
      this.events.off("job:cancelled", onCancelled);
    };
  }
  /** Sweeps the event triggers now (also runs periodically); returns the ids of the jobs enqueued. */
  fireTriggers() {
    return this.triggers.sweep();
  }
  /** Tells every process sharing the queue that this runner is alive, and which queues it serves. */
  async advertise() {
    const { id, host, pid } = this.worker;
    const info = {
      id,
      host,
      pid,
      queues: this.options.queues,
      types: this.jobTypes,
      startedAt: this.startedAt
    };
    try {
      await this.options.queue.advertiseRunner(info, this.options.leaseMs);
    } catch (error) {
      (0, import_core46.safeEmit)(this.events, this.logger, "worker:error", { error, context: "runner advertisement" });
    }
  }
  /** Hands jobs of dead workers back to the queue now (also runs periodically). */
  async recover() {
    try {
      const ids = await this.options.queue.recoverExpiredLeases();
      if (ids.length > 0) (0, import_core46.safeEmit)(this.events, this.logger, "job:recovered", { jobIds: ids });
      return ids;
    } catch (error) {
      (0, import_core46.safeEmit)(this.events, this.logger, "worker:error", { error, context: "lease recovery" });
      return [];
    }
  }
  /** Fires due schedules now (also runs periodically); returns the ids of the jobs enqueued. */
  fireDueSchedules() {
    return this.scheduler.tick();
  }
  /**
   * Graceful shutdown: stops claiming, lets running jobs finish for up to `graceMs`, then aborts
   * the rest and hands them back to the queue. Does not close the queue adapter (you own it).
   */
  stop(graceMs = this.options.shutdownGraceMs) {
    if (this.stopping) return this.stopping;
    this.stopping = (async () => {
      const wasRunning = this.state === "running";
      this.state = "stopping";
      process.off("SIGTERM", this.onSignal);
      process.off("SIGINT", this.onSignal);
      (0, import_core46.safeEmit)(this.events, this.logger, "runner:stopping");
      for (const timer of this.timers) clearInterval(timer);
      this.timers = [];
      if (wasRunning) await this.pool.drain(graceMs);
      this.stopTracing?.();
      this.unfollow?.();
      if (wasRunning) {
        await this.options.queue.withdrawRunner(this.worker.id).catch((error) => {
          (0, import_core46.safeEmit)(this.events, this.logger, "worker:error", { error, context: "runner advertisement" });
        });
      }
      await this.services.dispose();
      this.registry.validated.setReading(false);
      this.state = "stopped";
      (0, import_core46.safeEmit)(this.events, this.logger, "runner:stopped");
      this.logger.info({ worker: this.worker.id }, "Runner stopped");
    })();
    return this.stopping;
  }
};
function createRunner(options) {
  return new HangarRunner(options);
}

// src/cli/plugin-settings-host.ts
init_cjs_shims();
var import_core47 = require("@hangar/core");
function checkPluginSettings(entries, loaded2) {
  const settled = [];
  entries.forEach((entry, index) => {
    if (entry.settings === void 0) return;
    const found = loaded2.find((l) => l.source.origin === "config" && l.source.specifier === entry.package);
    if (!found) return;
    const { plugin } = found;
    const at = `plugins.${index}.settings`;
    if (!plugin.settings) throw new import_core47.ConfigurationError(at, `${plugin.name} takes no settings; remove them`);
    const parsed = plugin.settings.schema.safeParse(entry.settings);
    if (!parsed.success) {
      const [first, ...more] = parsed.error.issues;
      const where = (path) => [at, ...path.map(String)].join(".");
      const problem = [first, ...more].map((issue, i) => i === 0 ? issue?.message : `${where(issue?.path ?? [])}: ${issue?.message}`).join("; ");
      throw new import_core47.ConfigurationError(where(first?.path ?? []), problem);
    }
    settled.push({ plugin, settings: parsed.data });
  });
  return settled;
}
function pluginsWithoutSettings(loaded2, settled) {
  return loaded2.map((l) => l.plugin).filter((p) => p.settings && !settled.some((s) => s.plugin === p));
}
async function buildPluginServices(settled, baseDir) {
  const sharedValues = /* @__PURE__ */ new Map();
  const disposers = [];
  const context = {
    baseDir,
    shared(key, create3) {
      let value = sharedValues.get(key);
      if (value === void 0) {
        value = create3().then((resource) => {
          if (resource.dispose) disposers.push(() => resource.dispose());
          return resource.value;
        });
        sharedValues.set(key, value);
      }
      return value;
    }
  };
  const dispose = async () => {
    for (const release of disposers.splice(0).reverse()) await release().catch(() => {
    });
  };
  const services = [];
  for (const { plugin, settings } of settled) {
    try {
      const built = await plugin.settings.build(settings, context);
      services.push(...built.services);
      if (built.dispose) disposers.push(() => built.dispose());
    } catch (error) {
      await dispose();
      throw configError(
        "hangar.cli.pluginServicesFailed",
        { plugin: plugin.name, reason: error instanceof Error ? error.message : String(error) },
        error
      );
    }
  }
  return { services, dispose };
}

// src/cli/queue-factory.ts
init_cjs_shims();

// src/memory/memory-queue.ts
init_cjs_shims();
var import_core54 = require("@hangar/core");
var import_adapter9 = require("@hangar/core/adapter");
init_trigger_calls_base();

// src/memory/memory-coordination.ts
init_cjs_shims();
var import_adapter2 = require("@hangar/core/adapter");

// src/memory/value-copy.ts
init_cjs_shims();
function copyValue(value) {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(copyValue);
  if (value instanceof Date) return new Date(value.getTime());
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const copy = { ...value };
  for (const key in copy) {
    const nested = copy[key];
    if (nested !== null && typeof nested === "object") copy[key] = copyValue(nested);
  }
  return copy;
}

// src/memory/memory-coordination.ts
var clone = copyValue;
var MemoryCoordination = class {
  constructor(store) {
    this.store = store;
  }
  store;
  /** See `QueueAdapter`. */
  async acquireLock(name, owner, ttlMs) {
    const ttl = (0, import_adapter2.lockTtlMs)(ttlMs);
    const now = Date.now();
    const lock = this.store.locks.get(name);
    if (lock && lock.expiresAt > now && lock.owner !== owner) return false;
    this.store.locks.set(name, { owner, expiresAt: now + ttl });
    return true;
  }
  /** See `QueueAdapter`. */
  async extendLock(name, owner, ttlMs) {
    const ttl = (0, import_adapter2.lockTtlMs)(ttlMs);
    const now = Date.now();
    const lock = this.store.locks.get(name);
    if (!lock || lock.owner !== owner || lock.expiresAt <= now) return false;
    lock.expiresAt = now + ttl;
    return true;
  }
  /** See `QueueAdapter`. */
  async releaseLock(name, owner) {
    const lock = this.store.locks.get(name);
    if (!lock || lock.owner !== owner || lock.expiresAt <= Date.now()) return false;
    this.store.locks.delete(name);
    return true;
  }
  /** See `QueueAdapter`. */
  async saveSchedule(schedule) {
    this.store.schedules.set(schedule.name, clone(schedule));
  }
  /** See `QueueAdapter`. */
  async getSchedule(name) {
    const schedule = this.store.schedules.get(name);
    return schedule ? clone(schedule) : void 0;
  }
  /** See `QueueAdapter`. */
  async listSchedules() {
    return [...this.store.schedules.values()].sort((a, b) => a.name.localeCompare(b.name)).map(clone);
  }
  /** See `QueueAdapter`. */
  async deleteSchedule(name) {
    return this.store.schedules.delete(name);
  }
  /** See `QueueAdapter`. */
  async advanceSchedule(name, expected, next, firedAt) {
    const schedule = this.store.schedules.get(name);
    if (!schedule || schedule.nextRunAt?.getTime() !== expected.getTime()) return false;
    schedule.nextRunAt = next;
    schedule.lastRunAt = firedAt;
    return true;
  }
};

// src/memory/memory-enqueue.ts
init_cjs_shims();
var import_node_crypto7 = require("crypto");
var import_core50 = require("@hangar/core");
var import_adapter4 = require("@hangar/core/adapter");

// src/memory/memory-parents.ts
init_cjs_shims();
var import_core48 = require("@hangar/core");
var import_adapter3 = require("@hangar/core/adapter");
function awaitParents(store, child, parents, pending) {
  store.pendingParents.set(child.id, pending);
  for (const parent of parents) {
    if ((0, import_core48.isTerminalState)(store.jobs.get(parent.id)?.state ?? "Succeeded")) continue;
    const set = store.children.get(parent.id) ?? /* @__PURE__ */ new Set();
    set.add(child.id);
    store.children.set(parent.id, set);
  }
}
function settleChildren(store, parent) {
  const settled = { released: [], cancelled: [] };
  const children = store.children.get(parent.id);
  if (!children) return settled;
  store.children.delete(parent.id);
  for (const childId of children) {
    const child = store.jobs.get(childId);
    const dependency = child?.parents.find((p) => p.id === parent.id);
    if (child?.state !== "Awaiting" || !dependency) continue;
    if (!(0, import_core48.parentConditionHolds)(dependency.on, parent.state)) {
      const unmet = { parentId: parent.id, state: parent.state, condition: dependency.on };
      settled.cancelled.push({ child, errorInfo: (0, import_adapter3.parentConditionUnmetErrorInfo)(unmet) });
      continue;
    }
    const pending = (store.pendingParents.get(child.id) ?? 1) - 1;
    if (pending > 0) {
      store.pendingParents.set(child.id, pending);
      continue;
    }
    store.pendingParents.delete(child.id);
    settled.released.push(child);
  }
  return settled;
}
function forgetWaiting(store, job) {
  store.pendingParents.delete(job.id);
  for (const parent of job.parents) store.children.get(parent.id)?.delete(job.id);
}

// src/memory/memory-store.ts
init_cjs_shims();
var import_core49 = require("@hangar/core");
var import_eventemitter32 = require("eventemitter3");

// src/memory/binary-heap.ts
init_cjs_shims();
var BinaryHeap = class {
  constructor(less) {
    this.less = less;
  }
  less;
  items = [];
  /** Sorted items from `head` on; the slots before it were taken. */
  lane = [];
  head = 0;
  /** Number of items. */
  get size() {
    return this.items.length + this.lane.length - this.head;
  }
  /** The smallest item without removing it. */
  peek() {
    const first = this.lane[this.head];
    const top = this.items[0];
    if (first === void 0) return top;
    if (top === void 0 || !this.less(top, first)) return first;
    return top;
  }
  /** Adds an item. */
  push(item) {
    const lane = this.lane;
    const last = lane[lane.length - 1];
    if (lane.length === this.head || last !== void 0 && !this.less(item, last)) {
      lane.push(item);
      return;
    }
    const items = this.items;
    let i = items.length;
    items.push(item);
    while (i > 0) {
      const parent = i - 1 >> 1;
      const above = items[parent];
      if (!this.less(item, above)) break;
      items[i] = above;
      i = parent;
    }
    items[i] = item;
  }
  /** Removes and returns the smallest item. */
  pop() {
    const first = this.lane[this.head];
    const top = this.items[0];
    if (first !== void 0 && (top === void 0 || !this.less(top, first))) return this.shiftLane();
    return this.popHeap();
  }
  shiftLane() {
    const lane = this.lane;
    const first = lane[this.head];
    lane[this.head] = void 0;
    this.head += 1;
    if (this.head === lane.length) {
      this.lane = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= lane.length) {
      this.lane = lane.slice(this.head);
      this.head = 0;
    }
    return first;
  }
  popHeap() {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    const n = items.length;
    if (n === 0 || last === void 0) return top;
    let i = 0;
    for (; ; ) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let m = l;
      let child = items[l];
      if (r < n && this.less(items[r], child)) {
        m = r;
        child = items[r];
      }
      if (!this.less(child, last)) break;
      items[i] = child;
      i = m;
    }
    items[i] = last;
    return top;
  }
};

// src/memory/memory-store.ts
var MemoryStore = class {
  jobs = /* @__PURE__ */ new Map();
  seqOf = /* @__PURE__ */ new Map();
  logs = /* @__PURE__ */ new Map();
  idempotency = /* @__PURE__ */ new Map();
  locks = /* @__PURE__ */ new Map();
  schedules = /* @__PURE__ */ new Map();
  /** Event triggers by name. */
  triggers = /* @__PURE__ */ new Map();
  /** Runner advertisements by runner id. */
  runners = /* @__PURE__ */ new Map();
  /** Awaiting children by the id of a parent that has not ended yet. */
  children = /* @__PURE__ */ new Map();
  /** Parents each Awaiting child still waits for. */
  pendingParents = /* @__PURE__ */ new Map();
  /** Concurrency keys held by Processing jobs. */
  heldKeys = /* @__PURE__ */ new Map();
  /** Processing jobs per customer. */
  runningPerCustomer = /* @__PURE__ */ new Map();
  ready = /* @__PURE__ */ new Map();
  delayed = new BinaryHeap(
    (a, b) => a.runAt < b.runAt || a.runAt === b.runAt && a.seq < b.seq
  );
  /** Its channels; listen to `change` and `wake` through `listen`, which keeps their counts. */
  events = new import_eventemitter32.EventEmitter();
  seq = 0;
  lastDate;
  /** Listeners of each channel (`listen`). */
  listeners = { change: 0, wake: 0 };
  /** Next sequence number (enqueue order). */
  nextSeq() {
    this.seq += 1;
    return this.seq;
  }
  /** The ready heap of a queue. */
  readyHeap(queue) {
    let heap = this.ready.get(queue);
    if (!heap) {
      heap = new BinaryHeap(
        (a, b) => a.priority < b.priority || a.priority === b.priority && (a.runAt < b.runAt || a.runAt === b.runAt && a.seq < b.seq)
      );
      this.ready.set(queue, heap);
    }
    return heap;
  }
  /** Puts a runnable job in the ready heap, or the delayed heap when not due. */
  schedule(job, now) {
    const entry = {
      id: job.id,
      priority: job.priority,
      runAt: job.runAt.getTime(),
      seq: this.seqOf.get(job.id) ?? 0
    };
    if (entry.runAt > now) this.delayed.push(entry);
    else this.readyHeap(job.queue).push(entry);
  }
  /**
   * The date of `now` (ms) for the store's records. One object serves every record written in
   * the same millisecond: the store never changes a date in place (it assigns a new one) and
   * hands out only copies, and a no-op job's few dates per transition, each kept as long as
   * its record, were much of the garbage collector's work.
   */
  dateAt(now) {
    if (this.lastDate?.getTime() !== now) this.lastDate = new Date(now);
    return this.lastDate;
  }
  /**
   * Listens to one channel until the returned function is called (once). The store counts its
   * listeners itself: eventemitter3's `listenerCount` builds its key string on every call, and
   * asking it twice per job transition was a thirtieth of the memory queue's time per job.
   */
  listen(channel, handler) {
    this.events.on(channel, handler);
    this.listeners[channel] += 1;
    let listening = true;
    return () => {
      if (!listening) return;
      listening = false;
      this.events.off(channel, handler);
      this.listeners[channel] -= 1;
    };
  }
  /** Whether anyone listens for a move to `state` (else the change need not be built). */
  watches(state) {
    return this.listeners.change > 0 || state === "Enqueued" && this.listeners.wake > 0;
  }
  /** Publishes a change to every subscriber of this store. */
  publish(change) {
    if (this.listeners.change > 0) this.events.emit("change", change);
    if (this.listeners.wake > 0 && (0, import_core49.isWakeUp)(change)) this.events.emit("wake", change);
  }
};
function idempotencyIndexKey(job) {
  return job.idempotencyKey === void 0 ? void 0 : `${job.customerId ?? ""}\0${job.idempotencyKey}`;
}

// src/memory/record-copy.ts
init_cjs_shims();
var RUN_AT = 0;
var CREATED_AT = 1;
var UPDATED_AT = 2;
var STARTED_AT = 3;
var FINISHED_AT = 4;
var LEASE = 5;
var WORKER = 6;
var RecordCopier = class {
  sources = [
    void 0,
    void 0,
    void 0,
    void 0,
    void 0,
    void 0,
    void 0
  ];
  copies = [
    void 0,
    void 0,
    void 0,
    void 0,
    void 0,
    void 0,
    void 0
  ];
  /** A copy of `job` sharing no object with it. */
  copy(job) {
    const copy = { ...job };
    copy.params = copyValue(job.params);
    copy.runAt = this.date(RUN_AT, job.runAt);
    copy.createdAt = this.date(CREATED_AT, job.createdAt);
    copy.updatedAt = this.date(UPDATED_AT, job.updatedAt);
    if (job.startedAt) copy.startedAt = this.date(STARTED_AT, job.startedAt);
    if (job.finishedAt) copy.finishedAt = this.date(FINISHED_AT, job.finishedAt);
    if (job.leaseExpiresAt) copy.leaseExpiresAt = this.date(LEASE, job.leaseExpiresAt);
    if (job.worker) {
      if (this.sources[WORKER] !== job.worker) {
        this.sources[WORKER] = job.worker;
        this.copies[WORKER] = { ...job.worker };
      }
      copy.worker = this.copies[WORKER];
    }
    copy.parents = job.parents.length === 0 ? [] : copyValue(job.parents);
    if (job.progress) copy.progress = copyValue(job.progress);
    if (job.result) copy.result = copyValue(job.result);
    if (job.errorInfo) copy.errorInfo = copyValue(job.errorInfo);
    if (job.metadata) copy.metadata = copyValue(job.metadata);
    return copy;
  }
  date(slot, source) {
    if (this.sources[slot] === source) return this.copies[slot];
    const copy = new Date(source.getTime());
    this.sources[slot] = source;
    this.copies[slot] = copy;
    return copy;
  }
};
function copyRecord(job) {
  return new RecordCopier().copy(job);
}

// src/memory/memory-enqueue.ts
function insertJobs(store, requests) {
  (0, import_adapter4.checkEnqueueRequests)(requests);
  checkParents(store, requests);
  const now = Date.now();
  const copier = new RecordCopier();
  return requests.map((r) => insert(store, r, now, copier));
}
function checkParents(store, requests) {
  for (const r of requests) {
    const missing = (0, import_adapter4.requestParents)(r).find((p) => !store.jobs.has(p.id));
    if (missing === void 0 || existingFor(store, r)) continue;
    throw new import_core50.JobNotFoundError(missing.id);
  }
}
function existingFor(store, request) {
  const key = idempotencyIndexKey(request);
  const id = key === void 0 ? void 0 : store.idempotency.get(key);
  return id ? store.jobs.get(id) : void 0;
}
function insert(s, request, now, copier) {
  const existing = existingFor(s, request);
  if (existing) return { id: existing.id, created: false, job: copier.copy(existing) };
  const idemKey = idempotencyIndexKey(request);
  const createdAt = s.dateAt(now);
  const runAt = request.runAt ? new Date(request.runAt.getTime()) : createdAt;
  const parents = (0, import_adapter4.requestParents)(request);
  const gate = (0, import_adapter4.parentGate)(parents, (id) => s.jobs.get(id)?.state);
  let state = runAt.getTime() > now ? "Scheduled" : "Enqueued";
  if (gate.kind === "awaiting") state = "Awaiting";
  if (gate.kind === "cancelled") state = "Cancelled";
  const job = (0, import_adapter4.newJobRecord)(request, {
    id: (0, import_node_crypto7.randomUUID)(),
    state,
    unmet: gate.kind === "cancelled" ? gate.unmet : void 0,
    runAt,
    createdAt,
    params: copyValue(request.params),
    metadata: request.metadata ? copyValue(request.metadata) : void 0
  });
  job.updatedAt = createdAt;
  if (job.finishedAt) job.finishedAt = createdAt;
  s.jobs.set(job.id, job);
  s.seqOf.set(job.id, s.nextSeq());
  if (idemKey !== void 0) s.idempotency.set(idemKey, job.id);
  if (gate.kind === "awaiting") awaitParents(s, job, parents, gate.pending);
  if (state === "Enqueued" || state === "Scheduled") s.schedule(job, now);
  s.publish({ kind: "enqueued", jobId: job.id, queue: job.queue, state });
  return { id: job.id, created: true, job: copier.copy(job) };
}

// src/memory/memory-listing.ts
init_cjs_shims();
var import_core52 = require("@hangar/core");
var import_adapter6 = require("@hangar/core/adapter");

// src/memory/memory-retry-delete.ts
init_cjs_shims();
var import_core51 = require("@hangar/core");
var import_adapter5 = require("@hangar/core/adapter");
function visible(store, jobId, customerId2) {
  const job = store.jobs.get(jobId);
  return job && (customerId2 === void 0 || job.customerId === customerId2) ? job : void 0;
}
function retryStoredJob(store, jobId, request) {
  (0, import_adapter5.checkRetryRequest)(request);
  const job = visible(store, jobId, request.customerId);
  if (!job) return { outcome: "not-found" };
  if (!import_core51.RETRYABLE_STATES.includes(job.state)) return { outcome: "not-retryable", state: job.state };
  const now = Date.now();
  job.state = "Enqueued";
  job.maxAttempts = Math.min(job.attempts + request.attempts, import_adapter5.MAX_ATTEMPTS_CAP);
  job.runAt = new Date(now);
  job.updatedAt = new Date(now);
  job.finishedAt = void 0;
  job.result = void 0;
  job.cancelRequested = false;
  job.leaseExpiresAt = void 0;
  store.schedule(job, now);
  store.publish({ kind: "state", jobId: job.id, queue: job.queue, state: "Enqueued" });
  return { outcome: "retried", job: copyValue(job) };
}
function deleteStoredJob(store, jobId, customerId2) {
  const job = visible(store, jobId, customerId2);
  if (!job) return "not-found";
  if (!(0, import_core51.isTerminalState)(job.state)) return "not-finished";
  removeStoredJob(store, job);
  return "deleted";
}
function removeStoredJob(store, job) {
  store.jobs.delete(job.id);
  store.logs.delete(job.id);
  store.seqOf.delete(job.id);
  const idemKey = idempotencyIndexKey(job);
  if (idemKey !== void 0 && store.idempotency.get(idemKey) === job.id) store.idempotency.delete(idemKey);
}

// src/memory/memory-listing.ts
function decodeCursor(cursor) {
  if (!/^[0-9]{1,15}$/.test(cursor)) {
    throw new import_core52.ConfigurationError("cursor", "pass the `nextCursor` of the previous page unchanged");
  }
  return Number(cursor);
}
function listJobs(s, filter) {
  const limit = (0, import_adapter6.listPageSize)(filter.limit);
  const before = filter.cursor ? decodeCursor(filter.cursor) : Number.POSITIVE_INFINITY;
  const states = filter.states ? new Set(filter.states) : void 0;
  const types = filter.types ? new Set(filter.types) : void 0;
  const matches = [];
  for (const job of s.jobs.values()) {
    const seq = s.seqOf.get(job.id) ?? 0;
    if (seq >= before) continue;
    if (filter.customerId !== void 0 && job.customerId !== filter.customerId) continue;
    if (filter.userId !== void 0 && job.userId !== filter.userId) continue;
    if (filter.queue !== void 0 && job.queue !== filter.queue) continue;
    if (states && !states.has(job.state)) continue;
    if (types && !types.has(job.type)) continue;
    if (filter.parentId !== void 0 && !job.parents.some((p) => p.id === filter.parentId)) continue;
    if (!(0, import_adapter6.jobHasLabels)(job, filter.metadata)) continue;
    matches.push([seq, job]);
  }
  matches.sort((x, y) => y[0] - x[0]);
  const page = matches.slice(0, limit);
  const last = page[page.length - 1];
  const copier = new RecordCopier();
  return {
    items: page.map(([, job]) => copier.copy(job)),
    nextCursor: matches.length > limit && last ? String(last[0]) : void 0
  };
}
function countStoredJobs(s, filter = {}) {
  const counts = /* @__PURE__ */ new Map();
  const oldest = /* @__PURE__ */ new Map();
  for (const job of s.jobs.values()) {
    if (filter.customerId !== void 0 && job.customerId !== filter.customerId) continue;
    const key = `${job.queue}\0${import_core52.JOB_STATES.indexOf(job.state)}`;
    const count = counts.get(key);
    if (count) count.count += 1;
    else counts.set(key, { queue: job.queue, state: job.state, count: 1, estimated: false });
    const seq = s.seqOf.get(job.id) ?? 0;
    const first = oldest.get(job.queue);
    if (job.state === "Enqueued" && (!first || seq < first.seq)) oldest.set(job.queue, { seq, job });
  }
  const byKey = (entries) => [...entries].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([, value]) => value);
  return {
    counts: byKey(counts),
    oldestWaiting: byKey(oldest).map(({ job }) => ({
      queue: job.queue,
      jobId: job.id,
      createdAt: new Date(job.createdAt)
    })),
    finishedCountedAt: /* @__PURE__ */ new Date()
  };
}
function cleanupJobs(store, policy) {
  const now = Date.now();
  const limit = (0, import_adapter6.checkRetentionPolicy)(policy);
  const maxAge = { Succeeded: policy.succeededMs, Cancelled: policy.cancelledMs, Failed: policy.failedMs };
  let deleted = 0;
  for (const job of [...store.jobs.values()]) {
    if (deleted >= limit) break;
    if (job.state !== "Succeeded" && job.state !== "Cancelled" && job.state !== "Failed") continue;
    if (!job.finishedAt || now - job.finishedAt.getTime() < maxAge[job.state]) continue;
    removeStoredJob(store, job);
    deleted += 1;
  }
  return deleted;
}

// src/memory/memory-runners.ts
init_cjs_shims();
var import_adapter7 = require("@hangar/core/adapter");
function advertiseStoredRunner(store, info, ttlMs) {
  (0, import_adapter7.checkPositiveInteger)("ttlMs", Math.ceil(ttlMs));
  const now = Date.now();
  store.runners.set(info.id, {
    ...copyValue(info),
    seenAt: new Date(now),
    expiresAt: new Date(now + Math.ceil(ttlMs))
  });
}
function listStoredRunners(store) {
  const now = Date.now();
  const alive = [];
  for (const [id, record] of store.runners) {
    if (record.expiresAt.getTime() <= now) store.runners.delete(id);
    else alive.push(copyValue(record));
  }
  return alive.sort((x, y) => x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}
function storedQueueDepths(store) {
  const depths = /* @__PURE__ */ new Map();
  for (const job of store.jobs.values()) {
    if (job.state !== "Enqueued") continue;
    const depth = depths.get(job.queue);
    if (!depth) depths.set(job.queue, { queue: job.queue, waiting: 1, oldestRunAt: new Date(job.runAt) });
    else {
      depth.waiting += 1;
      if (job.runAt < depth.oldestRunAt) depth.oldestRunAt = new Date(job.runAt);
    }
  }
  return [...depths.values()].sort((x, y) => x.queue < y.queue ? -1 : x.queue > y.queue ? 1 : 0);
}

// src/memory/memory-triggers.ts
init_cjs_shims();
var import_core53 = require("@hangar/core");
var import_adapter8 = require("@hangar/core/adapter");
var clone2 = copyValue;
function isAfter(job, finishedAt, cursor) {
  const at = cursor.at.getTime();
  if (finishedAt !== at) return finishedAt > at;
  return cursor.jobId !== void 0 && job.id > cursor.jobId;
}
var MemoryTriggers = class {
  constructor(store) {
    this.store = store;
  }
  store;
  async saveTrigger(trigger2) {
    this.store.triggers.set(trigger2.name, clone2(trigger2));
  }
  async getTrigger(name) {
    const trigger2 = this.store.triggers.get(name);
    return trigger2 ? clone2(trigger2) : void 0;
  }
  async listTriggers() {
    return [...this.store.triggers.values()].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0).map(clone2);
  }
  async deleteTrigger(name) {
    return this.store.triggers.delete(name);
  }
  async advanceTrigger(name, expected, next, firedAt) {
    const trigger2 = this.store.triggers.get(name);
    if (!trigger2 || !(0, import_core53.sameTriggerCursor)(trigger2.cursor, expected)) return false;
    trigger2.cursor = clone2(next);
    if (firedAt) trigger2.lastFiredAt = new Date(firedAt);
    return true;
  }
  async listFinishedJobs(query) {
    const limit = (0, import_adapter8.checkFinishedJobsQuery)(query);
    const upTo = Date.now() - query.settledMs;
    const types = new Set(query.types);
    const states = new Set(query.states);
    const found = [];
    for (const job of this.store.jobs.values()) {
      if (!job.finishedAt || !states.has(job.state) || !types.has(job.type)) continue;
      if (query.customerId !== void 0 && job.customerId !== query.customerId) continue;
      const at = job.finishedAt.getTime();
      if (at > upTo || !isAfter(job, at, query.after)) continue;
      found.push({ job, at });
    }
    found.sort((a, b) => a.at - b.at || (a.job.id < b.job.id ? -1 : a.job.id > b.job.id ? 1 : 0));
    const page = found.slice(0, limit);
    const last = page.at(-1);
    return {
      jobs: page.map((f) => clone2(f.job)),
      reached: last ? { at: new Date(last.at), jobId: last.job.id } : void 0,
      more: found.length > limit
    };
  }
};

// src/memory/memory-queue.ts
var clone3 = copyValue;
var MemoryQueue = class extends TriggerCallsBase {
  name = "memory";
  /** The shared state; pass it to another MemoryQueue to simulate a second runner. */
  store;
  cleanups = [];
  coordination;
  triggerStore;
  constructor(options = {}) {
    super();
    this.store = options.store ?? new MemoryStore();
    this.coordination = new MemoryCoordination(this.store);
    this.triggerStore = new MemoryTriggers(this.store);
  }
  async enqueue(request, options) {
    options?.signal?.throwIfAborted();
    (0, import_adapter9.refuseTransaction)(options, "the memory queue");
    const [result] = insertJobs(this.store, [request]);
    if (!result) throw new Error("enqueue stored no job");
    return result;
  }
  async enqueueMany(requests, options) {
    options?.signal?.throwIfAborted();
    (0, import_adapter9.refuseTransaction)(options, "the memory queue");
    return insertJobs(this.store, requests);
  }
  async claim(request) {
    (0, import_adapter9.checkClaimRequest)(request);
    const s = this.store;
    const now = Date.now();
    for (let due = s.delayed.peek(); due && due.runAt <= now; due = s.delayed.peek()) {
      s.delayed.pop();
      const job = s.jobs.get(due.id);
      if (job && job.state === "Scheduled" && job.runAt.getTime() === due.runAt) {
        job.state = "Enqueued";
        s.readyHeap(job.queue).push(due);
      }
    }
    const types = new Set(request.types);
    const claimed = [];
    const worker = { ...request.worker };
    const leaseExpiresAt = new Date(now + request.leaseMs);
    const startedAt = s.dateAt(now);
    const copier = new RecordCopier();
    for (const queue of request.queues) {
      const heap = s.ready.get(queue);
      if (!heap) continue;
      const skipped = [];
      while (claimed.length < request.limit) {
        const entry = heap.pop();
        if (!entry) break;
        const job = s.jobs.get(entry.id);
        if (job?.state !== "Enqueued" || job.runAt.getTime() !== entry.runAt) continue;
        const customerCount = job.customerId ? s.runningPerCustomer.get(job.customerId) ?? 0 : 0;
        if (!types.has(job.type) || job.concurrencyKey !== void 0 && s.heldKeys.has(job.concurrencyKey) || request.maxPerCustomer !== void 0 && job.customerId && customerCount >= request.maxPerCustomer) {
          skipped.push(entry);
          continue;
        }
        (0, import_core54.assertTransition)(job.id, job.state, "Processing");
        job.attempts += 1;
        job.worker = worker;
        job.leaseExpiresAt = leaseExpiresAt;
        job.startedAt = startedAt;
        job.cancelRequested = false;
        this.entered(job, "Processing", startedAt);
        if (job.concurrencyKey !== void 0) s.heldKeys.set(job.concurrencyKey, job.id);
        if (job.customerId) s.runningPerCustomer.set(job.customerId, customerCount + 1);
        claimed.push(copier.copy(job));
      }
      for (const entry of skipped) heap.push(entry);
      if (claimed.length >= request.limit) break;
    }
    return claimed;
  }
  async heartbeat(workerId, jobIds, leaseMs) {
    (0, import_adapter9.checkPositiveInteger)("leaseMs", leaseMs);
    const leaseExpiresAt = new Date(Date.now() + leaseMs);
    const held = [];
    for (const id of jobIds) {
      const job = this.held(id, workerId);
      if (!job) continue;
      job.leaseExpiresAt = leaseExpiresAt;
      held.push(id);
    }
    return held;
  }
  async complete(jobId, workerId, result) {
    const job = this.held(jobId, workerId);
    if (!job) return false;
    job.result = clone3(result);
    this.finish(job, "Succeeded");
    return true;
  }
  async fail(jobId, workerId, request) {
    const job = this.held(jobId, workerId);
    if (!job) return false;
    job.errorInfo = clone3(request.errorInfo);
    if (request.retryAt && job.attempts < job.maxAttempts) {
      this.leaveProcessing(job);
      job.runAt = new Date(request.retryAt.getTime());
      const now = Date.now();
      const state = job.runAt.getTime() > now ? "Scheduled" : "Enqueued";
      this.transition(job, state, now, () => this.store.schedule(job, now));
    } else {
      this.finish(job, "Failed");
    }
    return true;
  }
  async markCancelled(jobId, workerId, result) {
    const job = this.held(jobId, workerId);
    if (!job) return false;
    job.result = clone3(result);
    this.finish(job, "Cancelled");
    return true;
  }
  async release(jobId, workerId) {
    const job = this.held(jobId, workerId);
    if (!job) return false;
    job.attempts -= 1;
    this.requeue(job);
    return true;
  }
  async recoverExpiredLeases() {
    const now = Date.now();
    const recovered = [];
    for (const job of this.store.jobs.values()) {
      if (job.state !== "Processing" || !job.leaseExpiresAt || job.leaseExpiresAt.getTime() > now) continue;
      recovered.push(job.id);
      if (job.attempts < job.maxAttempts) {
        this.requeue(job);
      } else {
        job.errorInfo = [
          {
            code: "LEASE_EXPIRED",
            key: "hangar.error.leaseExpired",
            params: { jobId: job.id },
            severity: "error",
            source: job.worker?.id
          }
        ];
        this.finish(job, "Failed");
      }
    }
    return recovered;
  }
  async requestCancel(jobId, options = {}) {
    const job = this.visible(jobId, options.customerId);
    if (!job) return "not-found";
    if ((0, import_core54.isTerminalState)(job.state)) return "finished";
    if (job.state !== "Processing") {
      this.finish(job, "Cancelled");
      return "cancelled";
    }
    job.cancelRequested = true;
    job.updatedAt = /* @__PURE__ */ new Date();
    if (job.worker) this.store.events.emit("cancel", job.worker.id, job.id);
    this.store.publish({ kind: "cancel-requested", jobId, queue: job.queue });
    return "requested";
  }
  async retryJob(jobId, request) {
    return retryStoredJob(this.store, jobId, request);
  }
  async deleteJob(jobId, options = {}) {
    return deleteStoredJob(this.store, jobId, options.customerId);
  }
  async onCancelRequest(workerId, listener) {
    const handler = (target, jobId) => {
      if (target === workerId) listener(jobId);
    };
    this.store.events.on("cancel", handler);
    const off = () => void this.store.events.off("cancel", handler);
    this.cleanups.push(off);
    return off;
  }
  async get(jobId, options = {}) {
    const job = this.visible(jobId, options.customerId);
    return job ? copyRecord(job) : void 0;
  }
  async list(filter = {}) {
    return listJobs(this.store, filter);
  }
  async countJobs(filter) {
    return countStoredJobs(this.store, filter);
  }
  async appendLog(jobId, entries) {
    if (entries.length === 0) return;
    const job = this.store.jobs.get(jobId);
    if (!job) throw new import_core54.JobNotFoundError(jobId);
    const log = this.store.logs.get(jobId) ?? [];
    this.store.logs.set(jobId, log);
    for (const e of entries) {
      const entry = { ...clone3(e), seq: log.length + 1 };
      log.push(entry);
      if (entry.level === "progress") {
        job.progress = { message: entry.message, current: entry.current, total: entry.total };
      }
      this.store.publish({ kind: "log", jobId, queue: job.queue, entry: clone3(entry) });
    }
  }
  async getLog(jobId, options = {}) {
    const after = options.afterSeq ?? 0;
    return clone3((this.store.logs.get(jobId) ?? []).filter((e) => e.seq > after));
  }
  acquireLock(name, owner, ttlMs) {
    return this.coordination.acquireLock(name, owner, ttlMs);
  }
  extendLock(name, owner, ttlMs) {
    return this.coordination.extendLock(name, owner, ttlMs);
  }
  releaseLock(name, owner) {
    return this.coordination.releaseLock(name, owner);
  }
  saveSchedule(schedule) {
    return this.coordination.saveSchedule(schedule);
  }
  getSchedule(name) {
    return this.coordination.getSchedule(name);
  }
  listSchedules() {
    return this.coordination.listSchedules();
  }
  deleteSchedule(name) {
    return this.coordination.deleteSchedule(name);
  }
  advanceSchedule(name, expected, next, firedAt) {
    return this.coordination.advanceSchedule(name, expected, next, firedAt);
  }
  async advertiseRunner(info, ttlMs) {
    advertiseStoredRunner(this.store, info, ttlMs);
  }
  async withdrawRunner(id) {
    this.store.runners.delete(id);
  }
  async listRunners() {
    return listStoredRunners(this.store);
  }
  async queueDepths() {
    return storedQueueDepths(this.store);
  }
  async cleanup(policy) {
    return cleanupJobs(this.store, policy);
  }
  async subscribe(listener, options = {}) {
    const off = this.store.listen(
      options.wakeUpsOnly ? "wake" : "change",
      (change) => listener(clone3(change))
    );
    this.cleanups.push(off);
    return off;
  }
  async close() {
    for (const off of this.cleanups.splice(0)) off();
  }
  visible(jobId, customerId2) {
    const job = this.store.jobs.get(jobId);
    if (!job || customerId2 !== void 0 && job.customerId !== customerId2) return void 0;
    return job;
  }
  held(jobId, workerId) {
    const job = this.store.jobs.get(jobId);
    return job && job.state === "Processing" && job.worker?.id === workerId ? job : void 0;
  }
  /**
   * Moves `job` to `to` with the other changes of the same step (`apply`), and only then tells
   * the subscribers: a listener runs synchronously inside `publish`, and one that reads the job
   * there (as `waitFor` does) must see the record as `get` will return it from then on.
   */
  transition(job, to, now, apply) {
    (0, import_core54.assertTransition)(job.id, job.state, to);
    job.state = to;
    job.updatedAt = this.store.dateAt(now);
    apply?.();
    if (this.store.watches(to))
      this.store.publish({ kind: "state", jobId: job.id, queue: job.queue, state: to });
  }
  /**
   * The end of a move whose caller already checked it (`assertTransition`) and made its other
   * changes: the claim and the end of a job, which `transition` would cost a closure each.
   */
  entered(job, to, at) {
    job.state = to;
    job.updatedAt = at;
    if (this.store.watches(to))
      this.store.publish({ kind: "state", jobId: job.id, queue: job.queue, state: to });
  }
  leaveProcessing(job) {
    if (job.state !== "Processing") return;
    job.leaseExpiresAt = void 0;
    if (job.concurrencyKey !== void 0 && this.store.heldKeys.get(job.concurrencyKey) === job.id) {
      this.store.heldKeys.delete(job.concurrencyKey);
    }
    if (job.customerId) {
      const n = (this.store.runningPerCustomer.get(job.customerId) ?? 1) - 1;
      if (n > 0) this.store.runningPerCustomer.set(job.customerId, n);
      else this.store.runningPerCustomer.delete(job.customerId);
    }
  }
  requeue(job) {
    const now = Date.now();
    this.leaveProcessing(job);
    job.runAt = new Date(now);
    this.transition(job, "Enqueued", now, () => this.store.schedule(job, now));
  }
  /**
   * Ends `job` and, in the same step, settles the Awaiting children that wait on it: one whose
   * condition this ending breaks is cancelled naming it (and its own children settled in turn);
   * one for which it was the last parent is released.
   */
  finish(job, to) {
    const now = Date.now();
    if (job.state === "Awaiting") forgetWaiting(this.store, job);
    this.leaveProcessing(job);
    (0, import_core54.assertTransition)(job.id, job.state, to);
    const at = this.store.dateAt(now);
    job.finishedAt = at;
    this.entered(job, to, at);
    if (!this.store.children.has(job.id)) return;
    const { released, cancelled } = settleChildren(this.store, job);
    for (const { child, errorInfo } of cancelled) {
      child.errorInfo = errorInfo;
      this.finish(child, "Cancelled");
    }
    for (const child of released) {
      const state = child.runAt.getTime() > now ? "Scheduled" : "Enqueued";
      this.transition(child, state, now, () => this.store.schedule(child, now));
    }
  }
};

// src/cli/queue-factory.ts
async function loadAdapter(kind, driver, load) {
  try {
    return await load();
  } catch (error) {
    throw configError("hangar.cli.adapterMissing", { kind, driver, reason: error.message }, error);
  }
}
async function createQueue(queue) {
  switch (queue.kind) {
    case "memory":
      return new MemoryQueue();
    case "postgres": {
      const { PostgresQueue: PostgresQueue2 } = await loadAdapter("postgres", "pg", () => Promise.resolve().then(() => (init_postgres(), postgres_exports)));
      return new PostgresQueue2({
        connectionString: queue.url,
        ...queue.schema ? { schema: queue.schema } : {}
      });
    }
    case "redis": {
      const { RedisQueue: RedisQueue2 } = await loadAdapter("redis", "ioredis", () => Promise.resolve().then(() => (init_redis(), redis_exports)));
      return new RedisQueue2({ connection: queue.url, ...queue.prefix ? { prefix: queue.prefix } : {} });
    }
  }
}

// src/cli/commands/serve.ts
var OPTIONS3 = {
  config: { type: "string", short: "c" },
  port: { type: "string", short: "p" },
  host: { type: "string" },
  help: { type: "boolean", short: "h" }
};
function untilStopped(signal) {
  return new Promise((resolve5) => {
    if (signal) {
      if (signal.aborted) resolve5();
      else signal.addEventListener("abort", () => resolve5(), { once: true });
      return;
    }
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve5();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}
function inConfigEntry(entry, error) {
  if (!(error instanceof import_core73.HangarError)) return error;
  if (error instanceof import_core73.ConfigurationError) {
    return new import_core73.ConfigurationError(`${entry}.${String(error.params.option)}`, String(error.params.problem));
  }
  return new import_core73.ConfigurationError(entry, error.message);
}
var serveCommand = {
  name: "serve",
  summary: "Run a runner and the HTTP API from a config file",
  help: [
    "Usage: hangar serve [--config FILE] [--port N] [--host HOST]",
    "",
    "Starts a runner with the configured queue and plugins, and the HTTP API. Stops",
    "gracefully on SIGTERM or Ctrl-C: running jobs get the runner\u2019s grace period.",
    "",
    "  -c, --config FILE   Config file (env HANGAR_CONFIG; default hangar.config.json)",
    "  -p, --port N        Port, instead of http.port (0 picks a free one)",
    "      --host HOST     Interface, instead of http.host",
    "",
    'Config: { "queue": { "kind": "memory" | "postgres" | "redis", "url": "...", "schema" | "prefix": "..." },',
    '          "plugins": ["@hangar/jobs-database", "./my-plugin.js"], "discover": true,',
    '          "http": { "port": 8080, "host": "127.0.0.1", "filesRoot": "./files",',
    '                    "tokens": [{ "token": "env:HANGAR_ADMIN_TOKEN", "customerId": "...", "userId": "...", "roles": ["admin"] }] },',
    '          "runner": { "concurrency": 4, "queues": { "default": 4 }, ... },',
    '          "log": { "level": "info", "format": "auto" | "json" | "pretty" } }',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: help text showing the config file's variable references
    'A plugins entry may be { "package": "@hangar/jobs-database", "settings": { "database": "${HANGAR_CONSO_DB_URL}" } }.',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: help text showing the config file's variable references
    '${NAME} (or ${NAME:-default}) in any string is read from the environment; so is a whole "env:NAME".',
    "The log goes to stderr: JSON lines, pretty on a terminal when pino-pretty is installed;",
    "HANGAR_LOG_LEVEL overrides log.level."
  ],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, OPTIONS3);
    if (values.help) return printHelp(serveCommand, ctx);
    if (positionals.length > 0)
      throw usageError("hangar.cli.usageError", { problem: `Unexpected argument "${positionals[0]}"` });
    const portFlag = intFlag("--port", values.port, 0, 65535);
    const path = configPath(ctx.cwd, ctx.env, values.config);
    const config = await loadConfig(path, ctx.env, true);
    if (!config.http)
      throw configError("hangar.cli.configInvalid", {
        path,
        problem: 'http: add { "tokens": [...] } to serve the API'
      });
    const port = portFlag ?? config.http.port;
    const host = values.host ?? config.http.host;
    const plugins2 = await collectPlugins(ctx, config);
    const explicitFailure = plugins2.failures.find((f) => f.source.origin !== "node_modules");
    if (explicitFailure) {
      const { source, error } = explicitFailure;
      throw configError("hangar.cli.pluginFailed", {
        specifier: source.specifier,
        origin: source.origin,
        reason: error.message
      });
    }
    reportFailures(ctx, plugins2.failures);
    const { logger, flush } = await createServeLogger(
      ctx.stderr,
      logLevelOf(ctx.env, config.log.level),
      config.log.format
    );
    const invalid = (error) => error instanceof import_core73.ConfigurationError ? configError("hangar.cli.configInvalid", { path, problem: error.message }, error) : error;
    let settled;
    try {
      settled = checkPluginSettings(config.plugins, plugins2.loaded);
    } catch (error) {
      throw invalid(error);
    }
    for (const plugin of pluginsWithoutSettings(plugins2.loaded, settled))
      logger.warn(ctx.t("hangar.cli.pluginNeedsSettings", { plugin: plugin.name }));
    const pluginServices = await buildPluginServices(settled, config.dir);
    let queue;
    let runner;
    let app;
    const shutdown = async () => {
      await app?.close();
      await runner?.stop();
      await queue?.close();
      await pluginServices.dispose();
    };
    try {
      queue = await createQueue(config.queue);
      runner = createRunner({
        ...config.runner,
        queue,
        plugins: plugins2.loaded.map((p) => p.plugin),
        services: pluginServices.services,
        logger
      });
      app = createHttpServer({
        client: runner.client,
        auth: { tokens: config.http.tokens },
        filesRoot: config.http.filesRoot,
        dashboard: config.http.dashboard,
        metrics: config.http.metrics,
        fastify: { loggerInstance: logger }
      });
      await runner.start();
      for (const schedule of config.schedules) await runner.client.schedules.upsert(schedule);
      for (const [i, trigger2] of config.triggers.entries()) {
        await runner.client.triggers.upsert(trigger2).catch((error) => {
          throw inConfigEntry(`triggers[${i}]`, error);
        });
      }
      try {
        await app.listen({ port, host });
      } catch (error) {
        throw new CliError(EXIT.UNAVAILABLE, "hangar.cli.listenFailed", {
          host,
          port,
          reason: error.message
        });
      }
    } catch (error) {
      await shutdown().catch(() => {
      });
      await flush();
      throw invalid(error);
    }
    const address = app.server.address();
    const actualPort = typeof address === "object" && address ? address.port : port;
    const shownHost = host.includes(":") ? `[${host}]` : host;
    const url = `http://${shownHost}:${actualPort}`;
    ctx.out(ctx.t("hangar.cli.listening", { url, count: runner.registry.types().length }));
    logger.info({ url, jobTypes: runner.registry.types().length }, "Listening");
    await untilStopped(ctx.signal);
    logger.info(ctx.t("hangar.cli.stopping"));
    await shutdown();
    logger.info(ctx.t("hangar.cli.stopped"));
    await flush();
    return EXIT.OK;
  }
};

// src/cli/commands/status.ts
init_cjs_shims();
var statusCommand = {
  name: "status",
  summary: "Show a job: state, progress, messages, errors, result and files",
  help: ["Usage: hangar status <id> [options]", "", ...REMOTE_HELP],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, REMOTE_OPTIONS);
    if (values.help) return printHelp(statusCommand, ctx);
    const [id] = positionals;
    if (!id) throw usageError("hangar.cli.missingArgument", { name: "<id>", hint: "hangar status <job id>" });
    const api = remoteClient(ctx, values);
    const job = await api.request("GET", `/jobs/${encodeURIComponent(id)}`);
    if (values.json) ctx.out(JSON.stringify(job, null, 2));
    else for (const line of formatJob(job)) ctx.out(line);
    return EXIT.OK;
  }
};

// src/cli/commands/trigger-commands.ts
init_cjs_shims();
var triggerPath = (name) => `/triggers/${encodeURIComponent(name)}`;
var text3 = (values, flag) => {
  const value = values[flag];
  return typeof value === "string" ? value : void 0;
};
var listTriggers = {
  name: "triggers",
  summary: "List the event triggers",
  help: ["Usage: hangar triggers [options]", "", ...REMOTE_HELP],
  async run(args, ctx) {
    const { values, positionals } = parseCommand(args, REMOTE_OPTIONS);
    if (values.help) return printHelp(listTriggers, ctx);
    if (positionals.length > 0)
      throw usageError("hangar.cli.usageError", { problem: `Unexpected argument "${positionals[0]}"` });
    const api = remoteClient(ctx, values);
    const { items } = await api.request("GET", "/triggers");
    if (values.json) ctx.out(JSON.stringify(items, null, 2));
    else if (items.length === 0) ctx.out(ctx.t("hangar.cli.noTriggers"));
    else for (const line of formatTriggerTable(items)) ctx.out(line);
    return EXIT.OK;
  }
};
function metadataOf(values) {
  const given = values.meta;
  const pairs = Array.isArray(given) ? given : typeof given === "string" ? [given] : [];
  if (pairs.length === 0) return void 0;
  const metadata = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at <= 0) {
      throw usageError("hangar.cli.usageError", {
        problem: `--meta "${pair}" is not KEY=VALUE, e.g. --meta workflow=month-end`
      });
    }
    metadata[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return metadata;
}
var create2 = {
  name: "create",
  summary: "Create or replace an event trigger on your customer\u2019s jobs",
  args: ["<name>"],
  options: {
    on: { type: "string" },
    states: { type: "string" },
    meta: { type: "string", multiple: true },
    type: { type: "string" },
    params: { type: "string", short: "p" },
    queue: { type: "string" },
    priority: { type: "string" },
    paused: { type: "boolean" },
    system: { type: "boolean" }
  },
  optionHelp: [
    "      --on TYPE        Job type whose ends fire it (required), e.g. conso.workflow",
    "      --states LIST    End states that fire it, comma-separated: Succeeded, Failed, Cancelled;",
    "                       default Succeeded",
    "      --meta K=V       Only jobs whose metadata has this value (repeatable), e.g. workflow=month-end",
    "      --type TYPE      Job type to enqueue (required)",
    "  -p, --params JSON    Its parameters; default {}",
    "      --queue Q        Queue of each job",
    "      --priority N     Priority of each job (lower runs first)",
    "      --paused         Create it paused",
    "      --system         Admins only: fire on every customer\u2019s jobs (each job runs as the ended job\u2019s customer)"
  ],
  async run([name = ""], values, api, ctx) {
    const on = text3(values, "on");
    const type = text3(values, "type");
    if (!on)
      throw usageError("hangar.cli.missingArgument", { name: "--on", hint: "e.g. --on conso.workflow" });
    if (!type)
      throw usageError("hangar.cli.missingArgument", { name: "--type", hint: "the job type to enqueue" });
    const states = (text3(values, "states") ?? "Succeeded").split(",").map((s) => s.trim()).filter((s) => s !== "");
    const metadata = metadataOf(values);
    const body = {
      on: { type: on, states, ...metadata ? { metadata } : {} },
      job: {
        type,
        params: jsonFlag("--params", text3(values, "params")),
        queue: text3(values, "queue"),
        priority: intFlag("--priority", text3(values, "priority"), -1e6)
      },
      paused: values.paused === true ? true : void 0,
      system: values.system === true ? true : void 0
    };
    const res = await api.request("PUT", triggerPath(name), { body });
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else ctx.out(ctx.t(res.created ? "hangar.cli.triggerCreated" : "hangar.cli.triggerReplaced", { name }));
    return EXIT.OK;
  }
};
function toggle2(action) {
  return {
    name: action,
    summary: action === "pause" ? "Stop a trigger from firing" : "Fire a paused trigger again on jobs that end from now on (ends while paused are not replayed)",
    args: ["<name>"],
    async run([name = ""], values, api, ctx) {
      const res = await api.request("POST", `${triggerPath(name)}/${action}`);
      if (values.json) ctx.out(JSON.stringify(res, null, 2));
      else
        ctx.out(
          ctx.t(action === "pause" ? "hangar.cli.triggerPaused" : "hangar.cli.triggerResumed", {
            name: res.name
          })
        );
      return EXIT.OK;
    }
  };
}
var remove3 = {
  name: "delete",
  summary: "Delete a trigger (the jobs it enqueued stay)",
  args: ["<name>"],
  async run([name = ""], values, api, ctx) {
    const res = await api.request("DELETE", triggerPath(name));
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else ctx.out(ctx.t("hangar.cli.triggerDeleted", { name: res.name }));
    return EXIT.OK;
  }
};
var triggerCommands = subcommandGroup(
  "triggers",
  "List event triggers (jobs enqueued when other jobs end), or create, pause, resume or delete one",
  [create2, toggle2("pause"), toggle2("resume"), remove3],
  listTriggers
);

// src/cli/commands/workflows.ts
init_cjs_shims();
var workflowPath = (id) => `/workflows/${encodeURIComponent(id)}`;
function printWorkflow(view, ctx) {
  ctx.out(
    ctx.t("hangar.cli.workflow", {
      name: view.name,
      id: view.id,
      state: view.state,
      done: view.done,
      total: view.total
    })
  );
  for (const step of view.steps) {
    const detail = step.errors[0]?.text ?? step.progress?.text ?? "";
    ctx.out(
      `  ${step.id}  ${step.state}${step.jobId ? `  ${step.jobId}` : ""}${detail ? `  ${detail}` : ""}`
    );
  }
}
var show = {
  name: "show",
  summary: "A workflow: its state, each step with its state and latest progress",
  args: ["<id>"],
  async run([id = ""], values, api, ctx) {
    const view = await api.request("GET", workflowPath(id));
    if (values.json) ctx.out(JSON.stringify(view, null, 2));
    else printWorkflow(view, ctx);
    return EXIT.OK;
  }
};
var cancel = {
  name: "cancel",
  summary: "Cancel a workflow and its steps still waiting or running",
  args: ["<id>"],
  async run([id = ""], values, api, ctx) {
    const res = await api.request(
      "POST",
      `${workflowPath(id)}/cancel`
    );
    if (values.json) ctx.out(JSON.stringify(res, null, 2));
    else
      ctx.out(ctx.t("hangar.cli.workflowCancelled", { id: res.id, outcome: res.outcome, steps: res.steps }));
    return EXIT.OK;
  }
};
var retryStep = {
  name: "retry-step",
  summary: "Run a Failed or Cancelled step of an ended workflow again, without rerunning the steps that succeeded",
  args: ["<id>", "<step>"],
  async run([id = "", step = ""], values, api, ctx) {
    const view = await api.request(
      "POST",
      `${workflowPath(id)}/steps/${encodeURIComponent(step)}/retry`
    );
    if (values.json) ctx.out(JSON.stringify(view, null, 2));
    else printWorkflow(view, ctx);
    return EXIT.OK;
  }
};
var workflowsCommand = subcommandGroup("workflows", "Read, cancel or retry a step of a workflow", [
  show,
  cancel,
  retryStep
]);

// src/cli/embedded-host.ts
init_cjs_shims();
var embeddedCliHost = {
  async startEmbedded(options) {
    const runner = createRunner({
      queue: new MemoryQueue(),
      plugins: options.plugins,
      services: options.services ?? [],
      retention: false
    });
    await runner.start();
    return {
      async run(type, params, runOptions = {}) {
        const { id } = await runner.client.enqueue(type, params, runOptions);
        return runner.client.waitFor(id);
      },
      async messages(jobId, lang2 = "en") {
        const log = await runner.client.getLog(jobId);
        return log.map((entry) => runner.registry.translator.render(entry.message, lang2));
      },
      stop: () => runner.stop()
    };
  }
};

// src/cli/runner-version.ts
init_cjs_shims();
var import_node_fs4 = require("fs");
var import_node_path6 = require("path");
var import_node_url6 = require("url");
var PACKAGE_NAME2 = "@hangar/runner";
function runnerVersion() {
  for (let dir = (0, import_node_path6.dirname)((0, import_node_url6.fileURLToPath)(importMetaUrl)); ; dir = (0, import_node_path6.dirname)(dir)) {
    try {
      const pkg = JSON.parse((0, import_node_fs4.readFileSync)((0, import_node_path6.join)(dir, "package.json"), "utf8"));
      if (pkg.name === PACKAGE_NAME2 && typeof pkg.version === "string") return pkg.version;
    } catch {
    }
    if ((0, import_node_path6.dirname)(dir) === dir) return "unknown";
  }
}

// src/cli/run-cli.ts
var BUILTIN_COMMANDS = [
  serveCommand,
  enqueueCommand,
  statusCommand,
  cancelCommand,
  listCommand,
  jobsCommand,
  workflowsCommand,
  scheduleCommands,
  triggerCommands
];
var HELP_WORDS = /* @__PURE__ */ new Set(["--help", "-h", "help"]);
var VERSION_WORDS = /* @__PURE__ */ new Set(["--version", "-V", "version"]);
function usageLines(mounted, hidden) {
  const rows = BUILTIN_COMMANDS.map((c) => [c.name, c.summary]);
  const pluginRows = mounted.map(
    (m) => [m.command.path.join(" "), `${m.command.summary}  [${m.plugin}]`]
  );
  const width = Math.max(...[...rows, ...pluginRows].map(([name]) => name.length)) + 2;
  const lines = ["Usage: hangar <command> [options]", "       hangar --version", "", "Commands:"];
  for (const [name, summary] of rows) lines.push(`  ${name.padEnd(width)}${summary}`);
  if (pluginRows.length > 0) {
    lines.push("", "Plugin commands:");
    for (const [name, summary] of pluginRows) lines.push(`  ${name.padEnd(width)}${summary}`);
  }
  for (const h of hidden)
    lines.push(`  (not mounted: "${h.command.path.join(" ")}" of ${h.plugin} clashes with another command)`);
  lines.push(
    "",
    'Run "hangar <command> --help" for its options. Commands that talk to a server use --server',
    `and --token, or HANGAR_URL and HANGAR_TOKEN. Plugins come from the config file's "plugins",`,
    "HANGAR_PLUGINS (comma-separated) and every installed @hangar/jobs-* package.",
    "",
    "Exit codes: 0 done (job Succeeded), 1 job Failed or not found, 2 job Cancelled, 64 bad command",
    "line, 65 input refused by the server, 69 server unreachable, 70 internal error, 77 token refused,",
    "78 config, plugin or adapter problem, 130 interrupted."
  );
  return lines;
}
async function plugins(ctx) {
  const config = await loadConfig(configPath(ctx.cwd, ctx.env), ctx.env, false);
  return collectPlugins(ctx, config);
}
async function runPluginCommand(ctx, entry, args) {
  const { command } = entry;
  if (args.length === 1 && (args[0] === "--help" || args[0] === "-h")) {
    ctx.out(`Usage: ${command.usage}`);
    ctx.out("");
    ctx.out(command.summary);
    return EXIT.OK;
  }
  try {
    return await command.run(args, { stdout: ctx.stdout, stderr: ctx.stderr, host: embeddedCliHost });
  } catch (error) {
    const reason = import_core74.HangarError.isInstance(error) ? ctx.t(error.key, error.params) : error instanceof Error ? error.message : String(error);
    ctx.err(`hangar: ${ctx.t("hangar.cli.commandFailed", { command: command.path.join(" "), reason })}`);
    return EXIT.SOFTWARE;
  }
}
async function runCli(argv, io) {
  const ctx = new CliContext(io);
  try {
    const [first, ...rest] = argv;
    const builtinNames = BUILTIN_COMMANDS.map((c) => c.name);
    if (first !== void 0 && VERSION_WORDS.has(first)) {
      ctx.out(ctx.t("hangar.cli.version", { version: runnerVersion() }));
      return EXIT.OK;
    }
    if (first === void 0 || HELP_WORDS.has(first)) {
      const topic = first === "help" ? BUILTIN_COMMANDS.find((c) => c.name === rest[0]) : void 0;
      if (topic) return await topic.run(["--help"], ctx);
      const loaded3 = await plugins(ctx);
      reportFailures(ctx, loaded3.failures);
      const { mounted: mounted2, hidden: hidden2 } = mountCommands(loaded3.loaded, builtinNames);
      const print = first === void 0 ? (l) => ctx.err(l) : (l) => ctx.out(l);
      for (const line of usageLines(mounted2, hidden2)) print(line);
      return first === void 0 ? EXIT.USAGE : EXIT.OK;
    }
    const builtin = BUILTIN_COMMANDS.find((c) => c.name === first);
    if (builtin) return await builtin.run(rest, ctx);
    const loaded2 = await plugins(ctx);
    const { mounted, hidden } = mountCommands(loaded2.loaded, builtinNames);
    const found = first.startsWith("-") ? void 0 : matchCommand(mounted, argv);
    if (found) return await runPluginCommand(ctx, found.match, found.args);
    reportFailures(ctx, loaded2.failures);
    ctx.err(`hangar: ${ctx.t("hangar.cli.unknownCommand", { command: first })}`);
    ctx.err("");
    for (const line of usageLines(mounted, hidden)) ctx.err(line);
    return EXIT.USAGE;
  } catch (error) {
    return ctx.fail(error);
  }
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  BUILTIN_COMMANDS,
  CliError,
  DEFAULT_CONFIG_FILE,
  EXIT,
  ProgressBar,
  SseParser,
  cliMessages,
  configPath,
  configSchema,
  discoverInstalledPlugins,
  exitCodeForApiError,
  explicitPluginSources,
  isPlugin,
  languageFromEnv,
  loadConfig,
  loadPlugin,
  loadPlugins,
  runCli
});
//# sourceMappingURL=index.cjs.map