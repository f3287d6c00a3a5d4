import type { ErrorInfo, JobRecord, ProgressSnapshot, WorkerIdentity } from '@hangar/core';
import { json, recordFields, type StoredRecord } from './job-codec.js';

/** Lines per claimed job in the claim script's reply. */
const LINES_PER_JOB = 7;

/**
 * The records of the jobs one claim script call took. The reply is a single string of lines (no
 * stored value holds a raw line break: they are JSON or plain numbers): start time, lease expiry,
 * then per job its id, attempts before the take, `rec`, run-at, created-at, progress and errors,
 * '' standing for absent. One string costs Redis far less than a reply element per value; the
 * worker and the fields the take wrote are known, so they are not read back.
 */
export function decodeClaimReply(reply: string, worker: WorkerIdentity): JobRecord[] {
  const lines = reply.split('\n');
  const startedAt = new Date(Number(lines[0]));
  const lease = Number(lines[1]);
  const out: JobRecord[] = [];
  for (let i = 2; i + LINES_PER_JOB <= lines.length; i += LINES_PER_JOB) {
    const rec = JSON.parse(lines[i + 2] as string) as StoredRecord;
    out.push({
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
      updatedAt: startedAt,
      startedAt: new Date(startedAt.getTime()),
      finishedAt: undefined,
    });
  }
  return out;
}
