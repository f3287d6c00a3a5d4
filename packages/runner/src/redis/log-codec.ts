import type { LogEntry, NewLogEntry, ProgressSnapshot } from '@hangar/core';

/** A log entry as stored (JSON with `at` as an ISO string) back to a `LogEntry`. */
export function decodeLogEntry(raw: string): LogEntry {
  const stored = JSON.parse(raw) as Omit<LogEntry, 'at'> & { at: string };
  return { ...stored, at: new Date(stored.at) };
}

/** A log entry as the append script expects it: a JSON object without `seq`. */
export function encodeLogEntry(entry: NewLogEntry): string {
  const { at, ...rest } = entry;
  return JSON.stringify({ at: at.toISOString(), ...rest });
}

/** The progress snapshot the last progress entry of a batch leaves on the job, or ''. */
export function progressOf(entries: readonly NewLogEntry[]): string {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e?.level !== 'progress') continue;
    const snapshot: ProgressSnapshot = { message: e.message };
    if (e.current !== undefined) snapshot.current = e.current;
    if (e.total !== undefined) snapshot.total = e.total;
    return JSON.stringify(snapshot);
  }
  return '';
}
