import {
  ConfigurationError,
  type JobPage,
  type JobRecord,
  type ListJobsFilter,
  type RetentionPolicy,
} from '@hangar/core';
import { checkRetentionPolicy, jobHasLabels, listPageSize } from '@hangar/core/adapter';
import { removeStoredJob } from './memory-retry-delete.js';
import { idempotencyIndexKey, type MemoryStore } from './memory-store.js';
import { copyValue } from './value-copy.js';

const clone = copyValue;

/** The enqueue sequence inside a cursor; a cursor this adapter did not issue is a `ConfigurationError`. */
function decodeCursor(cursor: string): number {
  if (!/^[0-9]{1,15}$/.test(cursor)) {
    throw new ConfigurationError('cursor', 'pass the `nextCursor` of the previous page unchanged');
  }
  return Number(cursor);
}

/** Jobs matching the filter, newest first, paginated by enqueue sequence. */
export function listJobs(s: MemoryStore, filter: ListJobsFilter): JobPage {
  const limit = listPageSize(filter.limit);
  const before = filter.cursor ? decodeCursor(filter.cursor) : Number.POSITIVE_INFINITY;
  const states = filter.states ? new Set(filter.states) : undefined;
  const types = filter.types ? new Set(filter.types) : undefined;
  const matches: Array<[number, JobRecord]> = [];
  for (const job of s.jobs.values()) {
    const seq = s.seqOf.get(job.id) ?? 0;
    if (seq >= before) continue;
    if (filter.customerId !== undefined && job.customerId !== filter.customerId) continue;
    if (filter.userId !== undefined && job.userId !== filter.userId) continue;
    if (filter.queue !== undefined && job.queue !== filter.queue) continue;
    if (states && !states.has(job.state)) continue;
    if (types && !types.has(job.type)) continue;
    if (!jobHasLabels(job, filter.metadata)) continue;
    matches.push([seq, job]);
  }
  matches.sort((x, y) => y[0] - x[0]);
  const page = matches.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(([, job]) => clone(job)),
    nextCursor: matches.length > limit && last ? String(last[0]) : undefined,
  };
}

/** Deletes finished jobs past their retention, at most `batchSize` per call. */
export function cleanupJobs(store: MemoryStore, policy: RetentionPolicy): number {
  const now = Date.now();
  const limit = checkRetentionPolicy(policy);
  const maxAge = { Succeeded: policy.succeededMs, Cancelled: policy.cancelledMs, Failed: policy.failedMs };
  let deleted = 0;
  for (const job of [...store.jobs.values()]) {
    if (deleted >= limit) break;
    if (job.state !== 'Succeeded' && job.state !== 'Cancelled' && job.state !== 'Failed') continue;
    if (!job.finishedAt || now - job.finishedAt.getTime() < maxAge[job.state]) continue;
    removeStoredJob(store, job);
    deleted += 1;
  }
  return deleted;
}
