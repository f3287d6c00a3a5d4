import {
  JOB_STATES,
  type JobState,
  type LogEntry,
  type LogLevel,
  type QueueChange,
  type TranslatableString,
} from '@hangar/core';

/** A cancellation request carried by a notification, addressed to one worker. */
export interface CancelNotice {
  /** Worker id, when short enough to travel in the payload. */
  workerId: string | undefined;
  /** md5 of the worker id otherwise. */
  workerHash: string | undefined;
  /** Jobs to cancel. */
  jobIds: string[];
}

/** What one NOTIFY payload means. */
export interface ParsedNotification {
  /** Changes for `subscribe` listeners. */
  changes: QueueChange[];
  /** Set for cancellation requests. */
  cancel: CancelNotice | undefined;
}

const STATES = new Set<string>(JOB_STATES);
const LEVELS = new Set(['progress', 'info', 'warning', 'error']);

/**
 * Decodes a payload written by the notify triggers (see `trigger-sql.ts`):
 * `{k:'e'|'s', q, st, ids}` for inserted and state-changed jobs, `{k:'c', w|wh, ids}` for
 * cancellation requests and `{k:'l', id, e?}` for log entries. Anything else is ignored, so a
 * newer schema's payload never crashes an older listener. With `wakeUpsOnly` (every listener
 * wants only wake-ups) no change is built for anything else: a busy worker's own claims and
 * completions come back as notifications of a hundred jobs each.
 */
export function parseNotification(payload: string, wakeUpsOnly = false): ParsedNotification | undefined {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (!isObject(value)) return undefined;
  const queue = typeof value.q === 'string' ? value.q : undefined;
  switch (value.k) {
    case 'e':
    case 's': {
      const state = typeof value.st === 'string' && STATES.has(value.st) ? (value.st as JobState) : undefined;
      const kind = value.k === 'e' ? 'enqueued' : 'state';
      if (wakeUpsOnly && kind === 'state' && state !== 'Enqueued') return { changes: [], cancel: undefined };
      const ids = stringArray(value.ids);
      // The common payload names both: one object literal per id, no copy.
      const changes: QueueChange[] =
        queue !== undefined && state !== undefined
          ? ids.map((jobId) => ({ kind, jobId, queue, state }))
          : ids.map((jobId) => withOptional({ kind, jobId }, queue, state));
      return { changes, cancel: undefined };
    }
    case 'c': {
      const jobIds = stringArray(value.ids);
      return {
        changes: wakeUpsOnly ? [] : jobIds.map((jobId) => ({ kind: 'cancel-requested', jobId })),
        cancel: {
          workerId: typeof value.w === 'string' ? value.w : undefined,
          workerHash: typeof value.wh === 'string' ? value.wh : undefined,
          jobIds,
        },
      };
    }
    case 'l': {
      if (typeof value.id !== 'string' || wakeUpsOnly) return undefined;
      const jobId = value.id;
      const entries = Array.isArray(value.e) ? value.e.map(toLogEntry).filter((e) => e !== undefined) : [];
      // Without entries (too large for a payload) listeners still learn there is something to read.
      const changes: QueueChange[] =
        entries.length === 0
          ? [{ kind: 'log', jobId }]
          : entries.map((entry) => ({ kind: 'log', jobId, entry }));
      return { changes, cancel: undefined };
    }
    default:
      return undefined;
  }
}

/** A log row as the API returns it: SQL NULL counts are left out. */
export function toLogEntry(value: unknown): LogEntry | undefined {
  if (!isObject(value)) return undefined;
  const { seq, at, level, message, current, total } = value;
  if (typeof seq !== 'number' || typeof level !== 'string' || !LEVELS.has(level) || !isObject(message)) {
    return undefined;
  }
  if (typeof message.key !== 'string') return undefined;
  const entry: LogEntry = {
    seq,
    at: at instanceof Date ? at : new Date(String(at)),
    level: level as LogLevel,
    message: message as unknown as TranslatableString,
  };
  if (typeof current === 'number') entry.current = current;
  if (typeof total === 'number') entry.total = total;
  return entry;
}

function withOptional(
  change: { kind: 'enqueued' | 'state'; jobId: string },
  queue: string | undefined,
  state: JobState | undefined,
): QueueChange {
  const result: QueueChange = { ...change };
  if (queue !== undefined) result.queue = queue;
  if (state !== undefined) result.state = state;
  return result;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
