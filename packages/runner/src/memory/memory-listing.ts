import {
  ConfigurationError,
  JOB_STATES,
  type JobCounts,
  type JobCountsFilter,
  type JobPage,
  type JobRecord,
  type ListJobsFilter,
  type QueueStateCount,
  type RetentionPolicy,
} from '@hangar/core';
import { checkRetentionPolicy, jobHasLabels, listPageSize } from '@hangar/core/adapter';
import { removeStoredJob } from './memory-retry-delete.js';
import type { MemoryStore } from './memory-store.js';
import { RecordCopier } from './record-copy.js';

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
    if (filter.parentId !== undefined && !job.parents.some((p) => p.id === filter.parentId)) continue;
    if (!jobHasLabels(job, filter.metadata)) continue;
    matches.push([seq, job]);
  }
  matches.sort((x, y) => y[0] - x[0]);
  const page = matches.slice(0, limit);
  const last = page[page.length - 1];
  const copier = new RecordCopier();
  return {
    items: page.map(([, job]) => copier.copy(job)),
    nextCursor: matches.length > limit && last ? String(last[0]) : undefined,
  };
}

/** Jobs per queue and state, all exact (the store is in memory), and the oldest waiting job of each queue. */
export function countStoredJobs(s: MemoryStore, filter: JobCountsFilter = {}): JobCounts {
  const counts = new Map<string, QueueStateCount>();
  const oldest = new Map<string, { seq: number; job: JobRecord }>();
  for (const job of s.jobs.values()) {
    if (filter.customerId !== undefined && job.customerId !== filter.customerId) continue;
    const key = `${job.queue}\u0000${JOB_STATES.indexOf(job.state)}`;
    const count = counts.get(key);
    if (count) count.count += 1;
    else counts.set(key, { queue: job.queue, state: job.state, count: 1, estimated: false });
    const seq = s.seqOf.get(job.id) ?? 0;
    const first = oldest.get(job.queue);
    if (job.state === 'Enqueued' && (!first || seq < first.seq)) oldest.set(job.queue, { seq, job });
  }
  const byKey = <T>(entries: Map<string, T>) =>
    [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, value]) => value);
  return {
    counts: byKey(counts),
    oldestWaiting: byKey(oldest).map(({ job }) => ({
      queue: job.queue,
      jobId: job.id,
      createdAt: new Date(job.createdAt),
    })),
    finishedCountedAt: new Date(),
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
