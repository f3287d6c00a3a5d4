import type { SchemaNames } from './schema-names.js';
import { FINISHED_STATES, LIVE_STATES } from './state-sql.js';

/**
 * Schema version 7: indexes the listing reads in order (`list-sql.ts`) and statistics the counts
 * estimate from (`count-sql.ts`), at no more index writes per job than version 5.
 *
 * The per-customer index of every job is split in two, so each job still has one entry in it
 * per state change, as before: live jobs (written by enqueue and claim), and finished jobs by
 * state (written once, when the job finishes), which also carries the type, queue and user, so a
 * listing filtered by them reads this index alone, without visiting the table, until it has a
 * page. A job's children are found by their parent (only jobs with a parent have an entry). The
 * multi-column statistics let the planner estimate a customer's jobs per queue and state from
 * ANALYZE's sample instead of multiplying independent guesses.
 */
export function listIndexesSql(n: SchemaNames): string {
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
