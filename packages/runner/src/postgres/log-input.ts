import type { NewLogEntry, ProgressSnapshot } from '@hangar/core';

/** One entry as a JSON record for `jsonb_to_recordset`; `ord` numbers it from 1 in the call. */
export interface LogInput {
  ord: number;
  at: string;
  level: string;
  message: unknown;
  current: number | null;
  total: number | null;
}

/** The entries of one `appendLog` call as input records. */
export function toLogInputs(entries: readonly NewLogEntry[]): LogInput[] {
  return entries.map((e, i) => ({
    ord: i + 1,
    at: e.at.toISOString(),
    level: e.level,
    message: e.message,
    current: e.current ?? null,
    total: e.total ?? null,
  }));
}

/**
 * The snapshot of the last progress entry, or null when the call has none. Computed here, not
 * in SQL, so the job row is written once per call whatever the number of entries.
 */
export function latestProgress(entries: readonly NewLogEntry[]): ProgressSnapshot | null {
  const latest = [...entries].reverse().find((e) => e.level === 'progress');
  if (!latest) return null;
  const snapshot: ProgressSnapshot = { message: latest.message };
  if (latest.current !== undefined) snapshot.current = latest.current;
  if (latest.total !== undefined) snapshot.total = latest.total;
  return snapshot;
}
