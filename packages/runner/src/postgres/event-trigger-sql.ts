import type {
  FinishedJobsPage,
  FinishedJobsQuery,
  TriggerCursor,
  TriggerEvent,
  TriggerJob,
  TriggerRecord,
  TriggerStore,
} from '@hangar/core';
import { checkFinishedJobsQuery } from '@hangar/core/adapter';
import { parseJobId } from './job-id.js';
import { type JobRow, jobColumns, optionalDate, rowToJob, toDate } from './job-row.js';
import type { RowsQuery } from './retry-delete-sql.js';
import type { SchemaNames } from './schema-names.js';

/**
 * Schema version 8: event triggers. (The `trigger-sql*` files are about PostgreSQL's own
 * triggers; these are Hangar's event triggers.) The cursor is two columns so that its
 * compare-and-set is one plain UPDATE.
 */
export function eventTriggerTableSql(n: SchemaNames): string {
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

interface TriggerRow {
  name: string;
  event: TriggerEvent;
  job: TriggerJob;
  paused: boolean;
  since: Date | string;
  cursor_at: Date | string;
  cursor_job_id: string | null;
  last_fired_at: Date | string | null;
}

const COLUMNS =
  'name, event, job, paused, since, cursor_at, cursor_job_id::text AS cursor_job_id, last_fired_at';

function rowToTrigger(row: TriggerRow): TriggerRecord {
  return {
    name: row.name,
    on: row.event,
    job: row.job,
    paused: row.paused,
    since: toDate(row.since),
    cursor: {
      at: toDate(row.cursor_at),
      ...(row.cursor_job_id === null ? {} : { jobId: row.cursor_job_id }),
    },
    lastFiredAt: optionalDate(row.last_fired_at) ?? null,
  };
}

/** A cursor's job id as the bigint column holds it; null for none (or an id of another adapter). */
function cursorId(cursor: TriggerCursor): string | null {
  return cursor.jobId === undefined ? null : (parseJobId(cursor.jobId) ?? null);
}

/** Event triggers on PostgreSQL (see `TriggerStore`); finish times come from the server's clock. */
export function postgresTriggers(rows: RowsQuery, n: SchemaNames): TriggerStore {
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
          trigger.lastFiredAt,
        ],
      );
    },
    getTrigger: async (name) => {
      const [row] = await rows<TriggerRow>(`SELECT ${COLUMNS} FROM ${t} WHERE name = $1`, [name]);
      return row ? rowToTrigger(row) : undefined;
    },
    // by name in byte order, so every runner lists them alike whatever its collation
    listTriggers: async () =>
      (await rows<TriggerRow>(`SELECT ${COLUMNS} FROM ${t} ORDER BY name COLLATE "C"`, [])).map(rowToTrigger),
    deleteTrigger: async (name) =>
      (await rows(`DELETE FROM ${t} WHERE name = $1 RETURNING name`, [name])).length === 1,
    advanceTrigger: async (name, expected, next, firedAt) => {
      const done = await rows(
        `UPDATE ${t} SET cursor_at = $4, cursor_job_id = $5::bigint,
           last_fired_at = COALESCE($6, last_fired_at), updated_at = now()
         WHERE name = $1 AND cursor_at = $2 AND cursor_job_id IS NOT DISTINCT FROM $3::bigint
         RETURNING name`,
        [name, expected.at, cursorId(expected), next.at, cursorId(next), firedAt],
      );
      return done.length === 1;
    },
    listFinishedJobs: async (query: FinishedJobsQuery): Promise<FinishedJobsPage> => {
      const limit = checkFinishedJobsQuery(query);
      // Ordered by the finish time in whole ms (what a Date holds), then id, so that a cursor
      // taken from a row is exact. A NULL cursor id makes the row comparison NULL (false) for
      // jobs of the cursor's own ms: "strictly after that ms".
      const found = await rows<JobRow & { finished_ms: number }>(
        `SELECT ${jobColumns('j')},
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
          limit,
        ],
      );
      const last = found.at(-1);
      return {
        jobs: found.map(rowToJob),
        reached: last ? { at: new Date(Number(last.finished_ms)), jobId: last.id } : undefined,
        more: found.length === limit,
      };
    },
  };
}
