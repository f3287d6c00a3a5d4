import type { SchemaNames } from './schema-names.js';

/** SQLSTATE raised when a child job names a parent that does not exist. */
export const PARENT_NOT_FOUND_SQLSTATE = 'HG404';

// Ids per notification: 100 ids of up to 19 digits plus a 200-byte queue name keep every
// payload far below the 8000-byte NOTIFY limit, which would otherwise abort the transaction.
const IDS_PER_NOTIFY = 100;
const MAX_NAME_IN_PAYLOAD = 200;

/**
 * Functions and triggers of the first schema version: parent/child propagation and the
 * NOTIFY of every change. Triggers make each change notify in the same transaction, whatever
 * statement made it, including the cascades the child trigger performs.
 */
export function triggersSql(n: SchemaNames): string {
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
      FROM (SELECT t.*, (row_number() OVER (PARTITION BY t.queue, t.state ORDER BY t.id) - 1) / ${IDS_PER_NOTIFY} AS chunk
              FROM (SELECT id, state, CASE WHEN length(queue) <= ${MAX_NAME_IN_PAYLOAD} THEN queue END AS queue
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
      FROM (SELECT t.*, (row_number() OVER (PARTITION BY t.queue, t.state ORDER BY t.id) - 1) / ${IDS_PER_NOTIFY} AS chunk
              FROM (SELECT nr.id, nr.state, CASE WHEN length(nr.queue) <= ${MAX_NAME_IN_PAYLOAD} THEN nr.queue END AS queue
                      FROM new_rows nr JOIN old_rows o ON o.id = nr.id
                     WHERE o.state IS DISTINCT FROM nr.state) t) c
     GROUP BY c.queue, c.state, c.chunk
  LOOP
    PERFORM pg_notify(${channel}, json_build_object('k', 's', 'q', r.queue, 'st', r.state, 'ids', r.ids)::text);
  END LOOP;
  FOR r IN
    SELECT c.w, c.wh, array_agg(c.id::text ORDER BY c.id) AS ids
      FROM (SELECT t.*, (row_number() OVER (PARTITION BY t.w, t.wh ORDER BY t.id) - 1) / ${IDS_PER_NOTIFY} AS chunk
              FROM (SELECT nr.id,
                           CASE WHEN length(nr.worker_id) <= ${MAX_NAME_IN_PAYLOAD} THEN nr.worker_id END AS w,
                           CASE WHEN length(nr.worker_id) > ${MAX_NAME_IN_PAYLOAD} THEN md5(nr.worker_id) END AS wh
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

/**
 * Schema version 2: parent/child propagation once per statement instead of once per row, so a
 * batch of completions runs two updates in all rather than two per job. Like the row trigger
 * it replaces, its queries take a fresh snapshot (see `release_children`), and cancelling
 * children cascades to grandchildren through the trigger of that update.
 */
export function statementChildTriggerSql(n: SchemaNames): string {
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

/**
 * The updates that release the Awaiting children of the jobs in `v_succeeded` and cancel those
 * of the jobs in `v_ended` (plpgsql arrays of ids); shared by every version of `release_children`.
 */
export function releaseChildUpdatesSql(n: SchemaNames): string {
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
