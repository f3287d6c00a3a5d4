import type { SchemaNames } from './schema-names.js';
import { FINISHED_STATES, LIVE_STATES } from './state-sql.js';

/**
 * Schema version 6: indexes the listing reads in order (`list-sql.ts`) and statistics the counts
 * estimate from (`count-sql.ts`).
 *
 * The per-customer index of every job is split in two: live jobs (written by enqueue and claim,
 * as the index it replaces was) and finished jobs by state. Finished jobs get one index per
 * filter of the listing (type, queue, user); each holds finished jobs only, so enqueuing and
 * claiming write none of them, and finishing a job writes each once. A job's children are found
 * by their parent. The multi-column statistics let the planner estimate a customer's jobs per
 * queue and state from ANALYZE's sample instead of multiplying independent guesses.
 */
export function listIndexesSql(n: SchemaNames): string {
  const done = `state IN (${FINISHED_STATES}) AND customer_id IS NOT NULL`;
  return `
DROP INDEX ${n.q}.job_customer_list_idx;
CREATE INDEX job_customer_live_idx ON ${n.job} (customer_id, id DESC)
  WHERE state IN (${LIVE_STATES}) AND customer_id IS NOT NULL;
CREATE INDEX job_customer_done_idx ON ${n.job} (customer_id, state, id DESC) WHERE ${done};
CREATE INDEX job_customer_done_type_idx ON ${n.job} (customer_id, type, id DESC) WHERE ${done};
CREATE INDEX job_customer_done_queue_idx ON ${n.job} (customer_id, queue, id DESC) WHERE ${done};
CREATE INDEX job_customer_done_user_idx ON ${n.job} (customer_id, user_id, id DESC)
  WHERE ${done} AND user_id IS NOT NULL;
CREATE INDEX job_parent_idx ON ${n.job} (parent_id, id DESC) WHERE parent_id IS NOT NULL;
CREATE STATISTICS ${n.q}.job_customer_queue_state_stats (mcv) ON customer_id, queue, state FROM ${n.job};
`;
}
