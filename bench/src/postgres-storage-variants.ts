/**
 * Storage layouts of a PostgreSQL job queue, each as the DDL that turns a freshly migrated Hangar
 * schema into it and the two statements a no-op job costs: a claim of up to 256 runnable jobs
 * and one batched completion. They answer "what would another layout cost?" with the server's
 * own CPU per job (`postgres-storage-bench.ts`), before anyone builds one.
 *
 * Every claim here is the statement the claim function's fast path runs (no concurrency key, no
 * customer limit), inlined, and every statement publishes its changes with `notify_states` as
 * Hangar's do, so the layouts differ only in what they store and index.
 */

/** One layout: how to build it from a migrated schema `s`, and its two statements. */
export interface StorageVariant {
  /** Short name printed in the table. */
  name: string;
  /** What it changes against the current layout. */
  what: string;
  /** DDL run on a freshly migrated schema, before the jobs are inserted. */
  setup(s: string): string;
  /** Inserts `n` runnable no-op jobs. */
  fill(s: string, n: number): string;
  /** The table the claim reads, vacuumed and analyzed before measuring. */
  claimedTable: string;
  /** `$1` queues, `$2` types, `$3` worker: claims up to 256 jobs, returning their rows. */
  claim(s: string): string;
  /** `$1` ids (bigint array literal), `$2` worker, `$3` results (JSON array): completes them, returning the ids. */
  complete(s: string): string;
}

const notify = (s: string, rel: string) =>
  `${s}.notify_states(array_agg(${rel}.id), array_agg(${rel}.queue), array_agg(${rel}.state), 's')`;

const pick = (s: string, table: string, extra = '') => `
  SELECT id FROM ${s}.${table}
   WHERE state IN ('Enqueued', 'Scheduled') AND run_at <= now() AND queue = ANY ($1) AND type = ANY ($2)${extra}
   ORDER BY priority, run_at, id LIMIT 256 FOR UPDATE SKIP LOCKED`;

const results = `(SELECT c.id, $3::jsonb -> (c.n - 1)::integer AS result
                   FROM unnest($1::bigint[]) WITH ORDINALITY AS c(id, n)) AS i`;

const fillJob = (s: string, n: number) => `
  INSERT INTO ${s}.job (type, queue, state, max_attempts, params, change_seq)
  SELECT 'bench.noop', 'default', 'Enqueued', 1, jsonb_build_object('i', g), 1 FROM generate_series(1, ${n}) g`;

/** The claim and completion of the current layout: both update the one wide row. */
const updateInPlace = {
  claim: (s: string) => `
    WITH c AS (${pick(s, 'job')}),
    claimed AS (
      UPDATE ${s}.job j SET state = 'Processing', attempts = j.attempts + 1, worker_id = $3, worker_host = 'h',
             worker_pid = 1, lease_expires_at = now() + interval '30 s', cancel_requested = false,
             started_at = now(), updated_at = now(), change_seq = j.change_seq + 1
        FROM c WHERE j.id = c.id RETURNING j.*),
    noted AS (SELECT ${notify(s, 'claimed')} AS sent FROM claimed)
    SELECT claimed.* FROM claimed CROSS JOIN noted`,
  complete: (s: string) => `
    WITH changed AS (
      UPDATE ${s}.job j SET state = 'Succeeded', result = i.result, lease_expires_at = NULL, finished_at = now(),
             updated_at = now(), change_seq = j.change_seq + 1
        FROM ${results}
       WHERE j.id = i.id AND j.state = 'Processing' AND j.worker_id = $2 RETURNING j.id, j.queue, j.state),
    noted AS (SELECT ${notify(s, 'changed')} AS sent FROM changed)
    SELECT changed.id::text AS id FROM changed CROSS JOIN noted`,
};

/** Every layout measured. */
export const STORAGE_VARIANTS: readonly StorageVariant[] = [
  {
    name: 'current',
    what: 'one wide row per job, live and finished; claim and completion update it',
    setup: () => '',
    fill: fillJob,
    claimedTable: 'job',
    ...updateInPlace,
  },
  {
    name: 'narrow live + history',
    what: 'runnable and running jobs in a 19-column live table with 4 indexes; completion deletes the live row and inserts the finished one into the wide table (history written once)',
    setup: (s) => `
      CREATE TABLE ${s}.live (
        id bigint PRIMARY KEY, type text NOT NULL, queue text NOT NULL, state text NOT NULL,
        priority integer NOT NULL DEFAULT 0, run_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0, max_attempts integer NOT NULL, params jsonb,
        customer_id text, user_id text, concurrency_key text, timeout_ms bigint, worker_id text,
        lease_expires_at timestamptz, cancel_requested boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(), started_at timestamptz,
        change_seq integer NOT NULL DEFAULT 0) WITH (fillfactor = 80);
      CREATE INDEX ON ${s}.live (priority, run_at, id) WHERE state IN ('Enqueued', 'Scheduled');
      CREATE INDEX ON ${s}.live (lease_expires_at) WHERE state = 'Processing';
      CREATE INDEX ON ${s}.live (customer_id) WHERE state = 'Processing' AND customer_id IS NOT NULL;`,
    fill: (s, n) => `
      INSERT INTO ${s}.live (id, type, queue, state, max_attempts, params, change_seq)
      SELECT g, 'bench.noop', 'default', 'Enqueued', 1, jsonb_build_object('i', g), 1 FROM generate_series(1, ${n}) g`,
    claimedTable: 'live',
    claim: (s) => `
      WITH c AS (${pick(s, 'live')}),
      claimed AS (
        UPDATE ${s}.live j SET state = 'Processing', attempts = j.attempts + 1, worker_id = $3,
               lease_expires_at = now() + interval '30 s', cancel_requested = false, started_at = now(),
               change_seq = j.change_seq + 1
          FROM c WHERE j.id = c.id RETURNING j.*),
      noted AS (SELECT ${notify(s, 'claimed')} AS sent FROM claimed)
      SELECT claimed.* FROM claimed CROSS JOIN noted`,
    complete: (s) => `
      WITH gone AS (
        DELETE FROM ${s}.live j USING ${results}
         WHERE j.id = i.id AND j.state = 'Processing' AND j.worker_id = $2 RETURNING j.*, i.result),
      changed AS (
        INSERT INTO ${s}.job (id, type, queue, state, priority, run_at, attempts, max_attempts, params, customer_id,
                              user_id, concurrency_key, timeout_ms, worker_id, worker_host, worker_pid, result,
                              created_at, updated_at, started_at, finished_at, change_seq)
        SELECT id, type, queue, 'Succeeded', priority, run_at, attempts, max_attempts, params, customer_id, user_id,
               concurrency_key, timeout_ms, worker_id, 'h', 1, result, created_at, now(), started_at, now(), change_seq + 1
          FROM gone
        RETURNING id, queue, state),
      noted AS (SELECT ${notify(s, 'changed')} AS sent FROM changed)
      SELECT changed.id::text AS id FROM changed CROSS JOIN noted`,
  },
  {
    name: 'HOT claim',
    what: 'a claim changes no indexed column (the state stays Enqueued, a lease marks it taken; the lease and cancel indexes dropped), so it may be a heap-only update',
    setup: (s) => `DROP INDEX ${s}.job_lease_idx; DROP INDEX ${s}.job_cancel_requested_idx;`,
    fill: fillJob,
    claimedTable: 'job',
    claim: (s) => `
      WITH c AS (${pick(s, 'job', ' AND lease_expires_at IS NULL')}),
      claimed AS (
        UPDATE ${s}.job j SET attempts = j.attempts + 1, worker_id = $3, worker_host = 'h', worker_pid = 1,
               lease_expires_at = now() + interval '30 s', started_at = now(), updated_at = now(),
               change_seq = j.change_seq + 1
          FROM c WHERE j.id = c.id RETURNING j.*),
      noted AS (SELECT ${notify(s, 'claimed')} AS sent FROM claimed)
      SELECT claimed.* FROM claimed CROSS JOIN noted`,
    complete: (s) => updateInPlace.complete(s).replace("j.state = 'Processing'", "j.state = 'Enqueued'"),
  },
  {
    name: 'unlogged',
    what: 'the current layout with the job and log tables UNLOGGED (no WAL: lost in a server crash; shown only to price the WAL)',
    setup: (s) => `ALTER TABLE ${s}.job_log SET UNLOGGED; ALTER TABLE ${s}.job SET UNLOGGED;`,
    fill: fillJob,
    claimedTable: 'job',
    ...updateInPlace,
  },
  {
    name: 'partitioned by state',
    what: 'job LIST-partitioned into live and finished partitions, each with only its own indexes; completion moves the row between partitions',
    setup: (s) => `
      ALTER TABLE ${s}.job_log DROP CONSTRAINT job_log_job_id_fkey;
      DROP FUNCTION ${s}.claim;
      DROP TABLE ${s}.job CASCADE;
      CREATE TABLE ${s}.job (
        id bigint NOT NULL, type text NOT NULL, queue text NOT NULL, state text NOT NULL,
        priority integer NOT NULL DEFAULT 0, run_at timestamptz NOT NULL DEFAULT now(),
        attempts integer NOT NULL DEFAULT 0, max_attempts integer NOT NULL, params jsonb, customer_id text,
        user_id text, idempotency_key text, concurrency_key text, parent_id bigint, timeout_ms bigint,
        metadata jsonb, worker_id text, worker_host text, worker_pid integer, lease_expires_at timestamptz,
        cancel_requested boolean NOT NULL DEFAULT false, progress jsonb, log_seq integer NOT NULL DEFAULT 0,
        result jsonb, error_info jsonb, created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(), started_at timestamptz, finished_at timestamptz,
        has_children boolean NOT NULL DEFAULT false, change_seq integer NOT NULL DEFAULT 0, parents jsonb,
        pending_parents integer) PARTITION BY LIST (state);
      CREATE TABLE ${s}.job_live PARTITION OF ${s}.job
        FOR VALUES IN ('Scheduled', 'Awaiting', 'Enqueued', 'Processing') WITH (fillfactor = 80);
      CREATE TABLE ${s}.job_done PARTITION OF ${s}.job FOR VALUES IN ('Succeeded', 'Failed', 'Cancelled');
      CREATE UNIQUE INDEX ON ${s}.job_live (id);
      CREATE INDEX ON ${s}.job_live (priority, run_at, id) WHERE state IN ('Enqueued', 'Scheduled');
      CREATE INDEX ON ${s}.job_live (lease_expires_at) WHERE state = 'Processing';
      CREATE INDEX ON ${s}.job_live (customer_id) WHERE state = 'Processing' AND customer_id IS NOT NULL;
      CREATE INDEX ON ${s}.job_live (worker_id) WHERE state = 'Processing' AND cancel_requested;
      CREATE UNIQUE INDEX ON ${s}.job_done (id);
      CREATE INDEX ON ${s}.job_done (state, finished_at);
      CREATE INDEX ON ${s}.job_done (customer_id, state, id DESC) INCLUDE (type, queue, user_id)
        WHERE customer_id IS NOT NULL;`,
    fill: (s, n) =>
      fillJob(s, n).replace('(type,', '(id, type,').replace("SELECT 'bench.noop'", "SELECT g, 'bench.noop'"),
    claimedTable: 'job',
    ...updateInPlace,
  },
];
