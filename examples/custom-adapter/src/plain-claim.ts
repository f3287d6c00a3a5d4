import type { ClaimRequest, JobRecord } from '@hangar/core';
import type { PlainStore, StoredJob } from './plain-store.js';

/**
 * The jobs a claim takes now, in claim order: runnable jobs of its queues and types, at most one
 * per concurrency key (counting the jobs already running), at most `maxPerCustomer` running per
 * customer, and at most `limit`. The caller moves them to Processing.
 */
export function claimableJobs(store: PlainStore, request: ClaimRequest, now: number): JobRecord[] {
  const queues = new Set(request.queues);
  const types = new Set(request.types);
  const running = [...store.jobs.values()].filter((j) => j.record.state === 'Processing');
  const heldKeys = new Set(running.map((j) => j.record.concurrencyKey).filter((k) => k !== undefined));
  const perCustomer = new Map<string, number>();
  for (const { record } of running) {
    if (record.customerId) perCustomer.set(record.customerId, (perCustomer.get(record.customerId) ?? 0) + 1);
  }
  const runnable = [...store.jobs.values()]
    .filter(({ record: r }) => queues.has(r.queue) && types.has(r.type) && isRunnable(r, now))
    .sort(claimOrder);
  const taken: JobRecord[] = [];
  for (const { record: job } of runnable) {
    if (taken.length >= request.limit) break;
    if (job.concurrencyKey !== undefined && heldKeys.has(job.concurrencyKey)) continue;
    const count = job.customerId ? (perCustomer.get(job.customerId) ?? 0) : 0;
    if (job.customerId && request.maxPerCustomer !== undefined && count >= request.maxPerCustomer) continue;
    if (job.concurrencyKey !== undefined) heldKeys.add(job.concurrencyKey);
    if (job.customerId) perCustomer.set(job.customerId, count + 1);
    taken.push(job);
  }
  return taken;
}

/** Whether a claim may take the job now: Enqueued, or Scheduled and due. */
function isRunnable(job: JobRecord, now: number): boolean {
  return job.state === 'Enqueued' || (job.state === 'Scheduled' && job.runAt.getTime() <= now);
}

/** Priority, then run-at, then enqueue order. */
function claimOrder(a: StoredJob, b: StoredJob): number {
  return (
    a.record.priority - b.record.priority ||
    a.record.runAt.getTime() - b.record.runAt.getTime() ||
    a.seq - b.seq
  );
}
