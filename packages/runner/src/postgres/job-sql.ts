import { jobColumns } from './job-row.js';
import type { SchemaNames } from './schema-names.js';
import { CANCELLABLE_STATES } from './state-sql.js';
import { notifyStatesOf } from './trigger-sql-v4.js';

/** Expired leases handed back per `recoverExpiredLeases` call, so one call stays short. */
export const RECOVER_BATCH = 1000;

const leaseExpiredInfo = `jsonb_build_array(jsonb_build_object(
  'code', 'LEASE_EXPIRED', 'key', 'hangar.error.leaseExpired',
  'params', jsonb_build_object('jobId', j.id::text), 'severity', 'error'))`;

/**
 * SQL of the job lifecycle after enqueue. Each statement is a single round trip; moves out of
 * Processing are guarded by `worker_id`, so a worker that lost its lease changes nothing.
 * Every statement that changes a state publishes it itself and bumps `change_seq` (schema
 * version 4, `trigger-sql-v4.ts`); parent/child propagation happens in a row trigger.
 */
export function jobSql(n: SchemaNames) {
  const held = `j.id = $1 AND j.state = 'Processing' AND j.worker_id = $2`;
  const bump = 'change_seq = j.change_seq + 1';
  // An UPDATE of `j` (after optional CTEs) whose rows are published, then returned as ids.
  const published = (update: string, before = '') => `
      WITH ${before}changed AS (${update}
        RETURNING j.id, j.queue, j.state
      ), noted AS (SELECT ${notifyStatesOf(n, 'changed')} AS sent FROM changed)
      SELECT changed.id::text AS id FROM changed CROSS JOIN noted`;
  return {
    /** `$1` id, `$2` customer or null. */
    get: `SELECT ${jobColumns('j')} FROM ${n.job} j WHERE j.id = $1 AND ($2::text IS NULL OR j.customer_id = $2)`,

    /**
     * `$1` worker, `$2` ids, `$3` lease ms; returns the ids still held, each with whether its
     * lease was extended. A heartbeat never waits for a row lock here (SKIP LOCKED), so it can
     * never be one side of a deadlock with a batch of completions: a row locked right now is
     * being completed, cancelled or logged to, and is reported as held (not extended) from the
     * statement's snapshot. The caller extends those one at a time (`extendLease`): a job that
     * writes messages without pause keeps its row locked most of the time, and skipping it beat
     * after beat let its lease expire while it ran.
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
      SELECT id::text AS id, true AS extended FROM extended
      UNION ALL
      SELECT j.id::text, false FROM ${n.job} j
       WHERE j.id = ANY ($2::bigint[]) AND j.state = 'Processing' AND j.worker_id = $1
         AND j.id NOT IN (SELECT id FROM locked)`,

    /**
     * `$1` id, `$2` worker, `$3` lease ms, `$4` lock timeout ms: extends one lease the heartbeat
     * found locked, waiting for the lock. One row per statement, so it holds no lock while
     * waiting for another and cannot close a deadlock cycle; a job that ended meanwhile is simply
     * not updated. The wait is bounded (`lock_timeout`, set for this statement's own transaction
     * only): a row held for long by someone else's open transaction must not keep a connection
     * of the pool per beat; the next beat tries again.
     */
    extendLease: `
      WITH timeout_set AS (SELECT set_config('lock_timeout', $4::text, true) AS value)
      UPDATE ${n.job} j SET lease_expires_at = now() + $3 * interval '1 millisecond'
        FROM timeout_set
       WHERE j.id = $1 AND j.state = 'Processing' AND j.worker_id = $2`,

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
      ), `,
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
     * `$1..$3` ages in ms of Succeeded, Failed, Cancelled; `$4` batch size. Each arm walks
     * `job_finished_idx` from its state's oldest finished job and stops after a batch, and the
     * merge keeps the batch's oldest of all three, so a call reads about one batch of index
     * entries wherever the due jobs lie in the heap. (Unordered, the planner picked a scan of the
     * table, which reads every younger job stored before the first due one.) The ids go to the
     * primary key as one array. The DELETE checks state and age again on the row it deletes, so
     * a job retried in between (live again) is never deleted.
     */
    cleanup: `
      DELETE FROM ${n.job} j
       WHERE j.id = ANY (ARRAY(
         SELECT due.id FROM (
          (SELECT id, finished_at FROM ${n.job}
            WHERE state = 'Succeeded' AND finished_at < now() - $1 * interval '1 millisecond'
            ORDER BY finished_at LIMIT $4)
          UNION ALL
          (SELECT id, finished_at FROM ${n.job}
            WHERE state = 'Failed' AND finished_at < now() - $2 * interval '1 millisecond'
            ORDER BY finished_at LIMIT $4)
          UNION ALL
          (SELECT id, finished_at FROM ${n.job}
            WHERE state = 'Cancelled' AND finished_at < now() - $3 * interval '1 millisecond'
            ORDER BY finished_at LIMIT $4)
         ) due ORDER BY due.finished_at LIMIT $4))
         AND j.finished_at < now() - CASE j.state
               WHEN 'Succeeded' THEN $1 WHEN 'Failed' THEN $2 WHEN 'Cancelled' THEN $3
             END * interval '1 millisecond'`,
  };
}

/** The statements of `jobSql`. */
export type JobSql = ReturnType<typeof jobSql>;
