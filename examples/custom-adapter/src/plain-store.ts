import type { JobRecord, LogEntry, QueueChange, RunnerRecord, ScheduleRecord } from '@hangar/core';

/** A job as the store keeps it: its record, and its place in enqueue order. */
export interface StoredJob {
  /** The record `get` returns a copy of. */
  record: JobRecord;
  /** Enqueue order, from 1; breaks ties in claims and orders listings. */
  seq: number;
}

type ChangeListener = (change: QueueChange) => void;
type CancelListener = (workerId: string, jobId: string) => void;

/**
 * The backend of one or more `PlainQueue`s: plain maps in this process. Queues sharing a store
 * behave like runners sharing a database, which is how the contract suite plays two processes.
 * Every method of the queue runs to completion without awaiting, so each is atomic.
 */
export class PlainStore {
  /** Jobs by id. */
  readonly jobs = new Map<string, StoredJob>();
  /** Log entries by job id, in order. */
  readonly logs = new Map<string, LogEntry[]>();
  /** Job id by idempotency key, per customer (see `idempotencyIndex`). */
  readonly idempotency = new Map<string, string>();
  /** Named locks. */
  readonly locks = new Map<string, { owner: string; expiresAt: number }>();
  /** Runner advertisements by id, with when they lapse. */
  readonly runners = new Map<string, RunnerRecord>();
  /** Schedules by name. */
  readonly schedules = new Map<string, ScheduleRecord>();
  /** Subscribers to job changes, of every queue on this store. */
  readonly changeListeners = new Set<ChangeListener>();
  /** Subscribers to cancellation requests, of every queue on this store. */
  readonly cancelListeners = new Set<CancelListener>();
  private lastSeq = 0;

  /** The next enqueue-order number. */
  nextSeq(): number {
    this.lastSeq += 1;
    return this.lastSeq;
  }

  /** Tells every subscriber; each gets its own copy, so none can change what another sees. */
  publish(change: QueueChange): void {
    for (const listener of this.changeListeners) listener(structuredClone(change));
  }

  /** Hands a cancellation request to the worker running the job, in whichever queue it listens. */
  requestCancel(workerId: string, jobId: string): void {
    for (const listener of this.cancelListeners) listener(workerId, jobId);
  }
}

/** Where an idempotency key is indexed: keys are unique per customer, not across customers. */
export function idempotencyIndex(customerId: string | undefined, key: string): string {
  return JSON.stringify([customerId ?? null, key]);
}
