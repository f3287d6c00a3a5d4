import type { ErrorInfo, JobRecord, ProgressSnapshot, WorkerIdentity } from '@hangar/core';
import { json, recordFields, type StoredRecord } from './job-codec.js';

/** Lines per claimed job in a claim reply. */
const LINES_PER_JOB = 7;

/** What one claim script call (or an enqueue claiming for a waiting claimer) replied. */
export interface ClaimReply {
  /** The jobs taken, in claim order. */
  jobs: JobRecord[];
  /** Set when nothing was taken and the claimer now waits for an enqueue to hand it jobs. */
  waiting?: {
    /** The next scheduled run-at (ms, Redis' clock), past which waiting is pointless. */
    nextRunAt: number | undefined;
    /** Redis' clock when the reply was made, to turn `nextRunAt` into a delay. */
    now: number;
  };
}

/**
 * Reads a claim reply: a single string of lines (no stored value holds a raw line break: they
 * are JSON or plain numbers). Start time, lease expiry, the wait mark ('' or `w` followed by the
 * next scheduled run-at), then per job its id, attempts before the take, `rec`, run-at,
 * created-at, progress and errors, '' standing for absent. One string costs Redis far less than a
 * reply element per value; the worker and the fields the take wrote are known, so they are not
 * read back.
 */
export function decodeClaimReply(reply: string, worker: WorkerIdentity): ClaimReply {
  const lines = reply.split('\n');
  const now = Number(lines[0]);
  const lease = Number(lines[1]);
  const mark = lines[2] ?? '';
  const jobs: JobRecord[] = [];
  for (let i = 3; i + LINES_PER_JOB <= lines.length; i += LINES_PER_JOB) {
    const rec = JSON.parse(lines[i + 2] as string) as StoredRecord;
    jobs.push({
      id: lines[i] as string,
      ...recordFields(rec),
      state: 'Processing',
      runAt: new Date(Number(lines[i + 3])),
      attempts: Number(lines[i + 1] || 0) + 1,
      worker: { ...worker },
      leaseExpiresAt: new Date(lease),
      cancelRequested: false,
      progress: json<ProgressSnapshot>(lines[i + 5]),
      result: undefined,
      errorInfo: json<ErrorInfo>(lines[i + 6]),
      createdAt: new Date(Number(lines[i + 4])),
      updatedAt: new Date(now),
      startedAt: new Date(now),
      finishedAt: undefined,
    });
  }
  if (!mark.startsWith('w')) return { jobs };
  return { jobs, waiting: { nextRunAt: mark.length > 1 ? Number(mark.slice(1)) : undefined, now } };
}
