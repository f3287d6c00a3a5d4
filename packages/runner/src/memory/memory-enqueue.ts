import { randomUUID } from 'node:crypto';
import {
  type EnqueueRequest,
  type EnqueueResult,
  JobNotFoundError,
  type JobRecord,
  type JobState,
} from '@hangar/core';
import { checkEnqueueRequests, newJobRecord, parentGate, requestParents } from '@hangar/core/adapter';
import { awaitParents } from './memory-parents.js';
import { idempotencyIndexKey, type MemoryStore } from './memory-store.js';
import { RecordCopier } from './record-copy.js';
import { copyValue as clone } from './value-copy.js';

/**
 * Stores a batch of jobs, all or none: every request is checked, and every parent looked up,
 * before the first job is written.
 */
export function insertJobs(store: MemoryStore, requests: readonly EnqueueRequest[]): EnqueueResult[] {
  checkEnqueueRequests(requests);
  checkParents(store, requests);
  const now = Date.now();
  const copier = new RecordCopier();
  return requests.map((r) => insert(store, r, now, copier));
}

/** A parent that does not exist is `JobNotFoundError`, before anything of the batch is stored. */
function checkParents(store: MemoryStore, requests: readonly EnqueueRequest[]): void {
  for (const r of requests) {
    const missing = requestParents(r).find((p) => !store.jobs.has(p.id));
    // a request answered by an existing job's idempotency key stores nothing, as on every adapter
    if (missing === undefined || existingFor(store, r)) continue;
    throw new JobNotFoundError(missing.id);
  }
}

function existingFor(store: MemoryStore, request: EnqueueRequest): JobRecord | undefined {
  const key = idempotencyIndexKey(request);
  const id = key === undefined ? undefined : store.idempotency.get(key);
  return id ? store.jobs.get(id) : undefined;
}

function insert(s: MemoryStore, request: EnqueueRequest, now: number, copier: RecordCopier): EnqueueResult {
  const existing = existingFor(s, request);
  if (existing) return { id: existing.id, created: false, job: copier.copy(existing) };
  const idemKey = idempotencyIndexKey(request);
  // The jobs of one batch share one date (`dateAt`); a caller's own date is copied, not kept.
  const createdAt = s.dateAt(now);
  const runAt = request.runAt ? new Date(request.runAt.getTime()) : createdAt;
  const parents = requestParents(request);
  const gate = parentGate(parents, (id) => s.jobs.get(id)?.state);
  let state: JobState = runAt.getTime() > now ? 'Scheduled' : 'Enqueued';
  if (gate.kind === 'awaiting') state = 'Awaiting';
  if (gate.kind === 'cancelled') state = 'Cancelled';
  const job = newJobRecord(request, {
    id: randomUUID(),
    state,
    unmet: gate.kind === 'cancelled' ? gate.unmet : undefined,
    runAt,
    createdAt,
    params: clone(request.params),
    metadata: request.metadata ? clone(request.metadata) : undefined,
  });
  job.updatedAt = createdAt;
  if (job.finishedAt) job.finishedAt = createdAt;
  s.jobs.set(job.id, job);
  s.seqOf.set(job.id, s.nextSeq());
  if (idemKey !== undefined) s.idempotency.set(idemKey, job.id);
  if (gate.kind === 'awaiting') awaitParents(s, job, parents, gate.pending);
  if (state === 'Enqueued' || state === 'Scheduled') s.schedule(job, now);
  s.publish({ kind: 'enqueued', jobId: job.id, queue: job.queue, state });
  return { id: job.id, created: true, job: copier.copy(job) };
}
