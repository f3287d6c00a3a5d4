import {
  JOB_STATES,
  type JobCounts,
  type JobCountsFilter,
  type JobState,
  type QueueStateCount,
  TERMINAL_STATES,
} from '@hangar/core';
import type { RowsQuery } from './retry-delete-sql.js';
import type { SchemaNames } from './schema-names.js';
import { LIVE_STATES } from './state-sql.js';

/** Settings of the counts. */
export interface CountSettings {
  /** How long finished counts are kept, in ms. */
  cacheMs: number;
  /** Finished jobs of one state counted exactly before estimating. */
  exactLimit: number;
}

interface FinishedCounts {
  counts: QueueStateCount[];
  at: Date;
}

// The live states, as OR-ed arms each matching the predicate of one partial index of the
// claim path (runnable, lease, awaiting parent), so that counting them reads those indexes only.
const LIVE_ARMS = `(j.state IN ('Enqueued', 'Scheduled') OR j.state = 'Processing' OR j.state = 'Awaiting')`;

const stateOrder = (state: JobState) => JOB_STATES.indexOf(state);

/**
 * Counts of jobs per queue and state on PostgreSQL without reading every job. Live jobs are few
 * and counted exactly on each call through the partial indexes that hold only them. Finished
 * jobs may be millions: per state, at most `exactLimit` of a customer's are read (through
 * `job_customer_done_idx`); a state with more is estimated, per queue seen among them, by the
 * planner from the table statistics (ANALYZE's sample and the customer/queue/state statistics
 * of schema version 7), never below what was read. Finished counts are kept `cacheMs` per
 * customer, so a dashboard polling them costs at most a few reads every few seconds.
 */
export class PostgresJobCounts {
  private readonly finished = new Map<string, Promise<FinishedCounts>>();

  constructor(
    private readonly rows: RowsQuery,
    private readonly n: SchemaNames,
    private readonly settings: CountSettings,
  ) {}

  /** Counts for one customer, or all jobs. */
  async count(filter: JobCountsFilter = {}): Promise<JobCounts> {
    const customerId = filter.customerId;
    const [live, oldest, finished] = await Promise.all([
      this.liveCounts(customerId),
      this.oldestWaiting(customerId),
      this.cachedFinished(customerId),
    ]);
    const counts = [...live, ...finished.counts].sort(
      (a, b) => compareText(a.queue, b.queue) || stateOrder(a.state) - stateOrder(b.state),
    );
    return { counts, oldestWaiting: oldest, finishedCountedAt: finished.at };
  }

  private cachedFinished(customerId: string | undefined): Promise<FinishedCounts> {
    const key = customerId === undefined ? '' : `=${customerId}`;
    const cached = this.finished.get(key);
    if (cached) return cached;
    const counting = this.finishedCounts(customerId);
    this.finished.set(key, counting);
    // Kept while it is fresh (a failed count is not kept); the map holds one entry per customer
    // asked for within the last `cacheMs`.
    const forget = () => {
      if (this.finished.get(key) === counting) this.finished.delete(key);
    };
    counting.then(() => setTimeout(forget, this.settings.cacheMs).unref(), forget);
    return counting;
  }

  private async liveCounts(customerId: string | undefined): Promise<QueueStateCount[]> {
    const rows = await this.rows<{ queue: string; state: JobState; n: number }>(
      `SELECT j.queue, j.state, count(*)::integer AS n FROM ${this.n.job} j
        WHERE ${customerId === undefined ? LIVE_ARMS : `j.customer_id = $1 AND j.state IN (${LIVE_STATES})`}
        GROUP BY j.queue, j.state`,
      customerId === undefined ? [] : [customerId],
    );
    return rows.map((r) => ({ queue: r.queue, state: r.state, count: r.n, estimated: false }));
  }

  private async oldestWaiting(customerId: string | undefined): Promise<JobCounts['oldestWaiting']> {
    const rows = await this.rows<{ queue: string; id: string; created_at: Date }>(
      `SELECT DISTINCT ON (j.queue) j.queue, j.id::text AS id, j.created_at FROM ${this.n.job} j
        WHERE j.state = 'Enqueued' ${customerId === undefined ? '' : 'AND j.customer_id = $1'}
        ORDER BY j.queue, j.id`,
      customerId === undefined ? [] : [customerId],
    );
    return rows
      .map((r) => ({ queue: r.queue, jobId: r.id, createdAt: new Date(r.created_at) }))
      .sort((a, b) => compareText(a.queue, b.queue));
  }

  private async finishedCounts(customerId: string | undefined): Promise<FinishedCounts> {
    const at = new Date();
    const perState = await Promise.all(TERMINAL_STATES.map((state) => this.stateCounts(customerId, state)));
    return { counts: perState.flat(), at };
  }

  /** One finished state: exact up to the limit, else estimated per queue. */
  private async stateCounts(customerId: string | undefined, state: JobState): Promise<QueueStateCount[]> {
    const limit = this.settings.exactLimit;
    const where = `j.state = '${state}'${customerId === undefined ? '' : ' AND j.customer_id = $2'}`;
    const values: unknown[] = customerId === undefined ? [limit] : [limit, customerId];
    const read = await this.rows<{ queue: string; n: number }>(
      `SELECT s.queue, count(*)::integer AS n
         FROM (SELECT j.queue FROM ${this.n.job} j WHERE ${where} LIMIT $1) s
        GROUP BY s.queue`,
      values,
    );
    const total = read.reduce((sum, r) => sum + r.n, 0);
    if (total < limit) return read.map((r) => ({ queue: r.queue, state, count: r.n, estimated: false }));
    return Promise.all(
      read.map(async (r) => {
        const planned = await this.plannedRows(`${where} AND j.queue = $1`, [r.queue, ...values.slice(1)]);
        return { queue: r.queue, state, count: Math.max(planned, r.n), estimated: true };
      }),
    );
  }

  /** The planner's estimate of the rows matching `where` (no row is read). */
  private async plannedRows(where: string, values: unknown[]): Promise<number> {
    const [row] = await this.rows<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>(
      `EXPLAIN (FORMAT JSON) SELECT 1 FROM ${this.n.job} j WHERE ${where}`,
      values,
    );
    return Math.round(row?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0);
  }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
