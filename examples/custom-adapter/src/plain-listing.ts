import {
  ConfigurationError,
  isTerminalState,
  type JobPage,
  type JobState,
  type ListJobsFilter,
  type RetentionPolicy,
} from '@hangar/core';
import { checkRetentionPolicy, listPageSize } from '@hangar/core/adapter';
import type { PlainStore, StoredJob } from './plain-store.js';

/** One page of the jobs matching `filter`, newest first; the cursor is the last job's enqueue order. */
export function listJobs(store: PlainStore, filter: ListJobsFilter): JobPage {
  const size = listPageSize(filter.limit);
  const before = filter.cursor === undefined ? Number.POSITIVE_INFINITY : cursorSeq(filter.cursor);
  const states = filter.states && new Set<JobState>(filter.states);
  const types = filter.types && new Set(filter.types);
  const matches = ({ record: r, seq }: StoredJob) =>
    seq < before &&
    (filter.customerId === undefined || r.customerId === filter.customerId) &&
    (filter.userId === undefined || r.userId === filter.userId) &&
    (filter.queue === undefined || r.queue === filter.queue) &&
    (filter.parentId === undefined || r.parents.some((p) => p.id === filter.parentId)) &&
    (!states || states.has(r.state)) &&
    (!types || types.has(r.type));
  const found = [...store.jobs.values()].filter(matches).sort((a, b) => b.seq - a.seq);
  const page = found.slice(0, size);
  const last = page.at(-1);
  return {
    items: page.map((job) => structuredClone(job.record)),
    nextCursor: found.length > size && last ? String(last.seq) : undefined,
  };
}

/** Deletes finished jobs older than their state's retention, at most the policy's batch size. */
export function cleanupJobs(store: PlainStore, policy: RetentionPolicy): number {
  const batch = checkRetentionPolicy(policy);
  const now = Date.now();
  const keepFor: Partial<Record<JobState, number>> = {
    Succeeded: policy.succeededMs,
    Failed: policy.failedMs,
    Cancelled: policy.cancelledMs,
  };
  let deleted = 0;
  for (const [id, { record }] of store.jobs) {
    if (deleted >= batch) break;
    const age = record.finishedAt ? now - record.finishedAt.getTime() : -1;
    if (!isTerminalState(record.state) || age <= (keepFor[record.state] ?? Number.POSITIVE_INFINITY))
      continue;
    store.jobs.delete(id);
    store.logs.delete(id);
    if (record.idempotencyKey !== undefined) {
      for (const [key, jobId] of store.idempotency) if (jobId === id) store.idempotency.delete(key);
    }
    deleted += 1;
  }
  return deleted;
}

/** The enqueue order inside a cursor; a cursor this adapter did not issue is a `ConfigurationError`. */
function cursorSeq(cursor: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(cursor)) {
    throw new ConfigurationError('cursor', 'pass the `nextCursor` of the previous page unchanged');
  }
  return Number(cursor);
}
