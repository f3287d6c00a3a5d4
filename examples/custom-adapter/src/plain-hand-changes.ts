import {
  type DeleteOutcome,
  isTerminalState,
  type QueueDepth,
  RETRYABLE_STATES,
  type RetryOutcome,
  type RetryRequest,
  type RunnerInfo,
  type RunnerRecord,
} from '@hangar/core';
import { checkPositiveInteger, checkRetryRequest, MAX_ATTEMPTS_CAP } from '@hangar/core/adapter';
import { idempotencyIndex, type PlainStore } from './plain-store.js';

/**
 * What an operator does by hand (retry, delete) and what runners advertise of themselves, over
 * the plain store. Each function runs to completion without awaiting, so each is atomic.
 */
export class PlainHandChanges {
  constructor(private readonly store: PlainStore) {}

  private get runners(): Map<string, RunnerRecord> {
    return this.store.runners;
  }

  /** A Failed or Cancelled job back to Enqueued, now, with `request.attempts` more attempts. */
  retry(jobId: string, request: RetryRequest): RetryOutcome {
    checkRetryRequest(request);
    const stored = this.store.jobs.get(jobId);
    const job = stored?.record;
    if (!job || (request.customerId !== undefined && job.customerId !== request.customerId)) {
      return { outcome: 'not-found' };
    }
    if (!RETRYABLE_STATES.includes(job.state)) return { outcome: 'not-retryable', state: job.state };
    const now = new Date();
    job.state = 'Enqueued';
    job.maxAttempts = Math.min(job.attempts + request.attempts, MAX_ATTEMPTS_CAP);
    job.runAt = now;
    job.updatedAt = now;
    job.finishedAt = undefined;
    job.result = undefined;
    job.cancelRequested = false;
    job.leaseExpiresAt = undefined;
    this.store.publish({ kind: 'state', jobId: job.id, queue: job.queue, state: 'Enqueued' });
    return { outcome: 'retried', job: structuredClone(job) };
  }

  /** Deletes a finished job with its log and idempotency key. */
  delete(jobId: string, customerId: string | undefined): DeleteOutcome {
    const job = this.store.jobs.get(jobId)?.record;
    if (!job || (customerId !== undefined && job.customerId !== customerId)) return 'not-found';
    if (!isTerminalState(job.state)) return 'not-finished';
    this.store.jobs.delete(jobId);
    this.store.logs.delete(jobId);
    if (job.idempotencyKey !== undefined) {
      const key = idempotencyIndex(job.customerId, job.idempotencyKey);
      if (this.store.idempotency.get(key) === jobId) this.store.idempotency.delete(key);
    }
    return 'deleted';
  }

  /** Stores or refreshes a runner's advertisement until `ttlMs` from now. */
  advertise(info: RunnerInfo, ttlMs: number): void {
    checkPositiveInteger('ttlMs', Math.ceil(ttlMs));
    const now = Date.now();
    this.runners.set(info.id, {
      ...structuredClone(info),
      seenAt: new Date(now),
      expiresAt: new Date(now + Math.ceil(ttlMs)),
    });
  }

  /** Removes a runner's advertisement. */
  withdraw(id: string): void {
    this.runners.delete(id);
  }

  /** Advertisements that have not lapsed, by id. */
  alive(): RunnerRecord[] {
    const now = Date.now();
    for (const [id, record] of this.runners) if (record.expiresAt.getTime() <= now) this.runners.delete(id);
    return [...this.runners.values()].map((r) => structuredClone(r)).sort((x, y) => (x.id < y.id ? -1 : 1));
  }

  /** Enqueued jobs per queue, with the earliest run-at among them, by queue name. */
  depths(): QueueDepth[] {
    const depths = new Map<string, QueueDepth>();
    for (const { record } of this.store.jobs.values()) {
      if (record.state !== 'Enqueued') continue;
      const depth = depths.get(record.queue);
      if (!depth)
        depths.set(record.queue, { queue: record.queue, waiting: 1, oldestRunAt: new Date(record.runAt) });
      else {
        depth.waiting += 1;
        if (record.runAt < depth.oldestRunAt) depth.oldestRunAt = new Date(record.runAt);
      }
    }
    return [...depths.values()].sort((x, y) => (x.queue < y.queue ? -1 : 1));
  }
}
