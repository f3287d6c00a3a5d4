import type { TriggerEvent, TriggerJob, TriggerRecord } from '@hangar/core';

/**
 * A trigger as hash fields. The cursor is kept in separate fields (time in ms, job id), so that
 * `advanceTrigger` can compare-and-set it in Lua without touching the rest.
 */
export function encodeTrigger(trigger: TriggerRecord): Record<string, string> {
  const fields: Record<string, string> = {
    name: trigger.name,
    on: JSON.stringify(trigger.on),
    job: JSON.stringify(trigger.job),
    paused: trigger.paused ? '1' : '0',
    since: String(trigger.since.getTime()),
    cursorAt: String(trigger.cursor.at.getTime()),
  };
  if (trigger.cursor.jobId !== undefined) fields.cursorId = trigger.cursor.jobId;
  if (trigger.lastFiredAt) fields.lastFiredAt = String(trigger.lastFiredAt.getTime());
  return fields;
}

/** Reads a trigger hash; undefined when it is empty. */
export function decodeTrigger(hash: Record<string, string>): TriggerRecord | undefined {
  if (hash.name === undefined || hash.on === undefined || hash.job === undefined) return undefined;
  return {
    name: hash.name,
    on: JSON.parse(hash.on) as TriggerEvent,
    job: JSON.parse(hash.job) as TriggerJob,
    paused: hash.paused === '1',
    since: new Date(Number(hash.since ?? 0)),
    cursor: {
      at: new Date(Number(hash.cursorAt ?? hash.since ?? 0)),
      ...(hash.cursorId === undefined ? {} : { jobId: hash.cursorId }),
    },
    lastFiredAt: hash.lastFiredAt === undefined ? null : new Date(Number(hash.lastFiredAt)),
  };
}
