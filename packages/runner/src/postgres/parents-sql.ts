import { PARENT_CONDITION_STATES, type ParentCondition } from '@hangar/core';
import type { SchemaNames } from './schema-names.js';
import { FINISHED_STATES, sqlStateList } from './state-sql.js';
import { notifyStatesOf } from './trigger-sql-v4.js';

/** The parent conditions as the items of a SQL `IN (…)` list. */
const CONDITIONS = Object.keys(PARENT_CONDITION_STATES)
  .map((c) => `'${c}'`)
  .join(', ');

/**
 * Whether a parent in `state` meets `condition` (SQL text expressions), written from
 * `PARENT_CONDITION_STATES` so that the statements cannot drift from the other adapters.
 */
export function conditionHoldsSql(condition: string, state: string): string {
  const cases = (Object.keys(PARENT_CONDITION_STATES) as ParentCondition[])
    .map((c) => `WHEN '${c}' THEN ${state} IN (${sqlStateList(PARENT_CONDITION_STATES[c])})`)
    .join(' ');
  return `(CASE ${condition} ${cases} ELSE false END)`;
}

/** The `error_info` of a child cancelled because `parentId` ended in `state`, breaking `condition`. */
export function parentUnmetErrorSql(parentId: string, state: string, condition: string): string {
  return `jsonb_build_array(jsonb_build_object(
    'code', 'PARENT_CONDITION_UNMET', 'key', 'hangar.error.parentConditionUnmet',
    'params', jsonb_build_object('parentId', ${parentId}, 'state', ${state}, 'condition', ${condition}),
    'severity', 'error'))`;
}

/**
 * Schema version 6: several parents per job, each with a condition.
 *
 * - `job.parents` (jsonb `[{id, on}]`, null for a job without parents) is what the record shows;
 *   `parent_id` stays the first parent.
 * - `job_parent` holds one row per (parent, child) for each parent that had not ended when the
 *   child was stored, with the child's condition on it; `job.pending_parents` counts them.
 * - The row trigger of version 4 (fired only for jobs marked `has_children`, so a job without
 *   children runs no trigger function) now takes the ended parent's rows out of `job_parent`
 *   and, in the same statement, cancels the children whose condition the ending breaks (naming
 *   the parent) and counts down the others, releasing those that reach zero. Concurrent endings
 *   of two parents of one child serialise on the child's row: the second sees the first's count.
 * - A child stored by an earlier version (`parent_id` only, no count) is still released on its
 *   parent's success and cancelled otherwise.
 */
export function parentsSchemaSql(n: SchemaNames): string {
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
    SELECT child_id, condition, ${conditionHoldsSql('condition', 'NEW.state')} AS holds
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
             ELSE ${parentUnmetErrorSql('NEW.id::text', 'NEW.state', 's.condition')} END,
           updated_at = now(), change_seq = c.change_seq + 1
      FROM settled s
     WHERE c.id = s.child_id AND c.state = 'Awaiting'
    RETURNING c.id, c.queue, c.state
  )
  SELECT ${notifyStatesOf(n, 'changed')} INTO v_sent FROM changed WHERE changed.state <> 'Awaiting';
  RETURN NULL;
END $fn$;
`;
}

/** The states that end a job, as a SQL list (for the enqueue statement's parent checks). */
export const ENDED = `(${FINISHED_STATES})`;

/**
 * Schema version 10: the children of a job beyond their first parent. `parent_id` (indexed) is
 * only a child's first parent, and its `job_parent` rows go once that parent has ended, so
 * listing a finished job's other children would have to read every later job's `parents`. This
 * GIN index holds only the jobs that have more than one parent (the predicate the listing
 * repeats), so enqueueing or updating any other job adds no entry to it.
 */
export function otherParentsIndexSql(n: SchemaNames): string {
  return `
CREATE INDEX job_other_parents_idx ON ${n.job} USING gin (parents jsonb_path_ops)
  WHERE jsonb_array_length(parents) > 1;
`;
}
