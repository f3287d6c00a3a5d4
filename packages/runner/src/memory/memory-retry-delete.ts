import {
  type DeleteOutcome,
  isTerminalState,
  RETRYABLE_STATES,
  type RetryOutcome,
  type RetryRequest,
} from '@hangar/core';
import { checkRetryRequest, MAX_ATTEMPTS_CAP } from '@hangar/core/adapter';
import { idempotencyIndexKey, type MemoryStore } from './memory-store.js';
import { copyValue } from './value-copy.js';

function visible(store: MemoryStore, jobId: string, customerId: string | undefined) {
  const job = store.jobs.get(jobId);
  return job && (customerId === undefined || job.customerId === customerId) ? job : undefined;
}

/** A Failed or Cancelled job back to Enqueued, runnable now, with `request.attempts` more attempts. */
export function retryStoredJob(store: MemoryStore, jobId: string, request: RetryRequest): RetryOutcome {
  checkRetryRequest(request);
  const job = visible(store, jobId, request.customerId);
  if (!job) return { outcome: 'not-found' };
  if (!RETRYABLE_STATES.includes(job.state)) return { outcome: 'not-retryable', state: job.state };
  const now = Date.now();
  job.state = 'Enqueued';
  job.maxAttempts = Math.min(job.attempts + request.attempts, MAX_ATTEMPTS_CAP);
  job.runAt = new Date(now);
  job.updatedAt = new Date(now);
  job.finishedAt = undefined;
  job.result = undefined;
  job.cancelRequested = false;
  job.leaseExpiresAt = undefined;
  store.schedule(job, now);
  store.publish({ kind: 'state', jobId: job.id, queue: job.queue, state: 'Enqueued' });
  return { outcome: 'retried', job: copyValue(job) };
}

/** Deletes a finished job with its log and idempotency key. */
export function deleteStoredJob(
  store: MemoryStore,
  jobId: string,
  customerId: string | undefined,
): DeleteOutcome {
  const job = visible(store, jobId, customerId);
  if (!job) return 'not-found';
  if (!isTerminalState(job.state)) return 'not-finished';
  removeStoredJob(store, job);
  return 'deleted';
}

/** Forgets a job, its log, enqueue order and idempotency key (the job must be finished). */
export function removeStoredJob(
  store: MemoryStore,
  job: { id: string; customerId?: string | undefined; idempotencyKey?: string | undefined },
): void {
  store.jobs.delete(job.id);
  store.logs.delete(job.id);
  store.seqOf.delete(job.id);
  const idemKey = idempotencyIndexKey(job);
  if (idemKey !== undefined && store.idempotency.get(idemKey) === job.id) store.idempotency.delete(idemKey);
}
