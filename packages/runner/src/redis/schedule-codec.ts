import type { ScheduleJobOptions, ScheduleRecord } from '@hangar/core';

/**
 * A schedule as hash fields. Run times are separate fields in ms, so that `advanceSchedule` can
 * compare-and-set `nextRunAt` in Lua without touching the rest.
 */
export function encodeSchedule(schedule: ScheduleRecord): Record<string, string> {
  const fields: Record<string, string> = {
    name: schedule.name,
    cron: schedule.cron,
    timezone: schedule.timezone,
    type: schedule.type,
    options: JSON.stringify(schedule.options),
    paused: schedule.paused ? '1' : '0',
  };
  const params = JSON.stringify(schedule.params) as string | undefined;
  if (params !== undefined) fields.params = params;
  if (schedule.nextRunAt) fields.nextRunAt = String(schedule.nextRunAt.getTime());
  if (schedule.lastRunAt) fields.lastRunAt = String(schedule.lastRunAt.getTime());
  return fields;
}

/** Reads a schedule hash; undefined when it is empty. */
export function decodeSchedule(hash: Record<string, string>): ScheduleRecord | undefined {
  if (hash.name === undefined) return undefined;
  return {
    name: hash.name,
    cron: hash.cron ?? '',
    timezone: hash.timezone ?? 'UTC',
    type: hash.type ?? '',
    params: hash.params === undefined ? undefined : JSON.parse(hash.params),
    options: JSON.parse(hash.options ?? '{}') as ScheduleJobOptions,
    paused: hash.paused === '1',
    nextRunAt: hash.nextRunAt === undefined ? null : new Date(Number(hash.nextRunAt)),
    lastRunAt: hash.lastRunAt === undefined ? null : new Date(Number(hash.lastRunAt)),
  };
}
