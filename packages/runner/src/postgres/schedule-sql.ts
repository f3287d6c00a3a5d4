import type { ScheduleJobOptions, ScheduleRecord } from '@hangar/core';
import { optionalDate } from './job-row.js';
import type { SchemaNames } from './schema-names.js';

/** A schedule row. */
export interface ScheduleRow {
  name: string;
  cron: string;
  timezone: string;
  type: string;
  params: unknown;
  options: ScheduleJobOptions;
  paused: boolean;
  next_run_at: Date | string | null;
  last_run_at: Date | string | null;
}

const COLUMNS = 'name, cron, timezone, type, params, options, paused, next_run_at, last_run_at';

/** SQL of recurring schedules. */
export function scheduleSql(n: SchemaNames) {
  return {
    /** `$1..$9` the columns in `COLUMNS` order. */
    save: `
      INSERT INTO ${n.schedule} (${COLUMNS}) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8, $9)
      ON CONFLICT (name) DO UPDATE SET
        cron = EXCLUDED.cron, timezone = EXCLUDED.timezone, type = EXCLUDED.type, params = EXCLUDED.params,
        options = EXCLUDED.options, paused = EXCLUDED.paused, next_run_at = EXCLUDED.next_run_at,
        last_run_at = EXCLUDED.last_run_at, updated_at = now()`,
    /** `$1` name. */
    get: `SELECT ${COLUMNS} FROM ${n.schedule} WHERE name = $1`,
    /** All, by name in byte order so every runner lists them alike whatever its collation. */
    list: `SELECT ${COLUMNS} FROM ${n.schedule} ORDER BY name COLLATE "C"`,
    /** `$1` name. */
    delete: `DELETE FROM ${n.schedule} WHERE name = $1`,
    /**
     * `$1` name, `$2` expected next run, `$3` new next run, `$4` fired at. Compare-and-set: the
     * row lock makes every other runner re-check `next_run_at` after the winner commits.
     */
    advance: `
      UPDATE ${n.schedule} SET next_run_at = $3, last_run_at = $4, updated_at = now()
       WHERE name = $1 AND next_run_at = $2`,
  };
}

/** The values of `save`, in column order. */
export function scheduleValues(s: ScheduleRecord): unknown[] {
  return [
    s.name,
    s.cron,
    s.timezone,
    s.type,
    JSON.stringify(s.params ?? null),
    JSON.stringify(s.options ?? {}),
    s.paused,
    s.nextRunAt,
    s.lastRunAt,
  ];
}

/** Converts a row to the record the contract exposes. */
export function rowToSchedule(row: ScheduleRow): ScheduleRecord {
  return {
    name: row.name,
    cron: row.cron,
    timezone: row.timezone,
    type: row.type,
    params: row.params,
    options: row.options,
    paused: row.paused,
    nextRunAt: optionalDate(row.next_run_at) ?? null,
    lastRunAt: optionalDate(row.last_run_at) ?? null,
  };
}
