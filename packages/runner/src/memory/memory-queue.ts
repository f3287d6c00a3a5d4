import {
  assertTransition,
  type CancelOutcome,
  type ClaimRequest,
  type DeleteOutcome,
  type EnqueueOptions,
  type EnqueueRequest,
  type EnqueueResult,
  type FailRequest,
  isTerminalState,
  type JobCounts,
  type JobCountsFilter,
  JobNotFoundError,
  type JobPage,
  type JobRecord,
  type JobResult,
  type JobState,
  type ListJobsFilter,
  type LogEntry,
  type NewLogEntry,
  type QueueAdapter,
  type QueueChange,
  type QueueDepth,
  type RetentionPolicy,
  type RetryOutcome,
  type RetryRequest,
  type RunnerInfo,
  type RunnerRecord,
  type SubscribeOptions,
  type TriggerStore,
  type Unsubscribe,
} from '@hangar/core';
import { checkClaimRequest, checkPositiveInteger, refuseTransaction } from '@hangar/core/adapter';
import { type ScheduleCalls, ScheduleCallsBase } from '../operator-calls/schedule-calls-base.js';
import { MemoryCoordination } from './memory-coordination.js';
import { insertJobs } from './memory-enqueue.js';
import { cleanupJobs, countStoredJobs, listJobs } from './memory-listing.js';
import { forgetWaiting, settleChildren } from './memory-parents.js';
import { deleteStoredJob, retryStoredJob } from './memory-retry-delete.js';
import { advertiseStoredRunner, listStoredRunners, storedQueueDepths } from './memory-runners.js';
import { MemoryStore } from './memory-store.js';
import { MemoryTriggers } from './memory-triggers.js';
import { copyRecord, RecordCopier } from './record-copy.js';
import { copyValue } from './value-copy.js';

/** Options of the in-memory queue. */
export interface MemoryQueueOptions {
  /** Share one store between several queues (like several runners on one database). @defaultValue a new store */
  store?: MemoryStore;
}

const clone = copyValue;

/**
 * The embedded, in-process queue: complete (it passes the whole adapter contract) and fast, but
 * jobs live only as long as the process. Use Postgres or Redis to survive restarts or scale out.
 * It cannot join a caller's transaction: `enqueue(…, { transaction })` is `ConfigurationError`
 * naming `transaction`, as on Redis, rather than a job stored whatever the transaction does.
 */
export class MemoryQueue extends ScheduleCallsBase implements QueueAdapter {
  readonly name = 'memory';
  /** The shared state; pass it to another MemoryQueue to simulate a second runner. */
  readonly store: MemoryStore;
  private readonly cleanups: Array<() => void> = [];
  private readonly coordination: MemoryCoordination;
  protected readonly triggerStore: TriggerStore;
  protected readonly scheduleStore: ScheduleCalls;

  constructor(options: MemoryQueueOptions = {}) {
    super();
    this.store = options.store ?? new MemoryStore();
    this.coordination = new MemoryCoordination(this.store);
    this.triggerStore = new MemoryTriggers(this.store);
    this.scheduleStore = this.coordination;
  }

  async enqueue(request: EnqueueRequest, options?: EnqueueOptions): Promise<EnqueueResult> {
    options?.signal?.throwIfAborted();
    refuseTransaction(options, 'the memory queue');
    const [result] = insertJobs(this.store, [request]);
    if (!result) throw new Error('enqueue stored no job');
    return result;
  }

  async enqueueMany(requests: readonly EnqueueRequest[], options?: EnqueueOptions): Promise<EnqueueResult[]> {
    options?.signal?.throwIfAborted();
    refuseTransaction(options, 'the memory queue');
    return insertJobs(this.store, requests);
  }

  async claim(request: ClaimRequest): Promise<JobRecord[]> {
    checkClaimRequest(request);
    const s = this.store;
    const now = Date.now();
    for (let due = s.delayed.peek(); due && due.runAt <= now; due = s.delayed.peek()) {
      s.delayed.pop();
      const job = s.jobs.get(due.id);
      if (job && job.state === 'Scheduled' && job.runAt.getTime() === due.runAt) {
        job.state = 'Enqueued';
        s.readyHeap(job.queue).push(due);
      }
    }
    const types = new Set(request.types);
    const claimed: JobRecord[] = [];
    // One worker identity and one pair of dates for every job of the claim: the store never
    // changes a date or an identity in place (it assigns new ones) and hands out only copies,
    // so its records may share them, and a claim of hundreds makes three objects, not hundreds.
    // The copier then copies each shared object once for the whole answer.
    const worker = { ...request.worker };
    const leaseExpiresAt = new Date(now + request.leaseMs);
    const startedAt = s.dateAt(now);
    const copier = new RecordCopier();
    for (const queue of request.queues) {
      const heap = s.ready.get(queue);
      if (!heap) continue;
      const skipped = [];
      while (claimed.length < request.limit) {
        const entry = heap.pop();
        if (!entry) break;
        const job = s.jobs.get(entry.id);
        if (job?.state !== 'Enqueued' || job.runAt.getTime() !== entry.runAt) continue;
        const customerCount = job.customerId ? (s.runningPerCustomer.get(job.customerId) ?? 0) : 0;
        if (
          !types.has(job.type) ||
          (job.concurrencyKey !== undefined && s.heldKeys.has(job.concurrencyKey)) ||
          (request.maxPerCustomer !== undefined && job.customerId && customerCount >= request.maxPerCustomer)
        ) {
          skipped.push(entry);
          continue;
        }
        assertTransition(job.id, job.state, 'Processing');
        job.attempts += 1;
        job.worker = worker;
        job.leaseExpiresAt = leaseExpiresAt;
        job.startedAt = startedAt;
        job.cancelRequested = false;
        this.entered(job, 'Processing', startedAt);
        if (job.concurrencyKey !== undefined) s.heldKeys.set(job.concurrencyKey, job.id);
        if (job.customerId) s.runningPerCustomer.set(job.customerId, customerCount + 1);
        claimed.push(copier.copy(job));
      }
      for (const entry of skipped) heap.push(entry);
      if (claimed.length >= request.limit) break;
    }
    return claimed;
  }

  async heartbeat(workerId: string, jobIds: readonly string[], leaseMs: number): Promise<string[]> {
    checkPositiveInteger('leaseMs', leaseMs);
    const leaseExpiresAt = new Date(Date.now() + leaseMs);
    const held: string[] = [];
    for (const id of jobIds) {
      const job = this.held(id, workerId);
      if (!job) continue;
      job.leaseExpiresAt = leaseExpiresAt;
      held.push(id);
    }
    return held;
  }

  async complete(jobId: string, workerId: string, result: JobResult): Promise<boolean> {
    const job = this.held(jobId, workerId);
    if (!job) return false;
    job.result = clone(result);
    this.finish(job, 'Succeeded');
    return true;
  }

  async fail(jobId: string, workerId: string, request: FailRequest): Promise<boolean> {
    const job = this.held(jobId, workerId);
    if (!job) return false;
    job.errorInfo = clone(request.errorInfo);
    if (request.retryAt && job.attempts < job.maxAttempts) {
      this.leaveProcessing(job);
      job.runAt = new Date(request.retryAt.getTime());
      const now = Date.now();
      // A retry already due (a backoff shorter than the way here) is Enqueued at once: `schedule`
      // puts it in the ready heap, where a Scheduled job would never be claimed.
      const state = job.runAt.getTime() > now ? 'Scheduled' : 'Enqueued';
      this.transition(job, state, now, () => this.store.schedule(job, now));
    } else {
      this.finish(job, 'Failed');
    }
    return true;
  }

  async markCancelled(jobId: string, workerId: string, result: JobResult): Promise<boolean> {
    const job = this.held(jobId, workerId);
    if (!job) return false;
    job.result = clone(result);
    this.finish(job, 'Cancelled');
    return true;
  }

  async release(jobId: string, workerId: string): Promise<boolean> {
    const job = this.held(jobId, workerId);
    if (!job) return false;
    job.attempts -= 1;
    this.requeue(job);
    return true;
  }

  async recoverExpiredLeases(): Promise<string[]> {
    const now = Date.now();
    const recovered: string[] = [];
    for (const job of this.store.jobs.values()) {
      if (job.state !== 'Processing' || !job.leaseExpiresAt || job.leaseExpiresAt.getTime() > now) continue;
      recovered.push(job.id);
      if (job.attempts < job.maxAttempts) {
        this.requeue(job);
      } else {
        job.errorInfo = [
          {
            code: 'LEASE_EXPIRED',
            key: 'hangar.error.leaseExpired',
            params: { jobId: job.id },
            severity: 'error',
            source: job.worker?.id,
          },
        ];
        this.finish(job, 'Failed');
      }
    }
    return recovered;
  }

  async requestCancel(jobId: string, options: { customerId?: string } = {}): Promise<CancelOutcome> {
    const job = this.visible(jobId, options.customerId);
    if (!job) return 'not-found';
    if (isTerminalState(job.state)) return 'finished';
    if (job.state !== 'Processing') {
      this.finish(job, 'Cancelled');
      return 'cancelled';
    }
    job.cancelRequested = true;
    job.updatedAt = new Date();
    if (job.worker) this.store.events.emit('cancel', job.worker.id, job.id);
    this.store.publish({ kind: 'cancel-requested', jobId, queue: job.queue });
    return 'requested';
  }

  async retryJob(jobId: string, request: RetryRequest): Promise<RetryOutcome> {
    return retryStoredJob(this.store, jobId, request);
  }

  async deleteJob(jobId: string, options: { customerId?: string } = {}): Promise<DeleteOutcome> {
    return deleteStoredJob(this.store, jobId, options.customerId);
  }

  async onCancelRequest(workerId: string, listener: (jobId: string) => void): Promise<Unsubscribe> {
    const handler = (target: string, jobId: string) => {
      if (target === workerId) listener(jobId);
    };
    this.store.events.on('cancel', handler);
    const off = () => void this.store.events.off('cancel', handler);
    this.cleanups.push(off);
    return off;
  }

  async get(jobId: string, options: { customerId?: string } = {}): Promise<JobRecord | undefined> {
    const job = this.visible(jobId, options.customerId);
    return job ? copyRecord(job) : undefined;
  }

  async list(filter: ListJobsFilter = {}): Promise<JobPage> {
    return listJobs(this.store, filter);
  }

  async countJobs(filter?: JobCountsFilter): Promise<JobCounts> {
    return countStoredJobs(this.store, filter);
  }

  async appendLog(jobId: string, entries: readonly NewLogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const job = this.store.jobs.get(jobId);
    if (!job) throw new JobNotFoundError(jobId);
    const log = this.store.logs.get(jobId) ?? [];
    this.store.logs.set(jobId, log);
    for (const e of entries) {
      const entry: LogEntry = { ...clone(e), seq: log.length + 1 };
      log.push(entry);
      if (entry.level === 'progress') {
        job.progress = { message: entry.message, current: entry.current, total: entry.total };
      }
      this.store.publish({ kind: 'log', jobId, queue: job.queue, entry: clone(entry) });
    }
  }

  async getLog(jobId: string, options: { afterSeq?: number } = {}): Promise<LogEntry[]> {
    const after = options.afterSeq ?? 0;
    return clone((this.store.logs.get(jobId) ?? []).filter((e) => e.seq > after));
  }

  acquireLock(name: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.coordination.acquireLock(name, owner, ttlMs);
  }

  extendLock(name: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.coordination.extendLock(name, owner, ttlMs);
  }

  releaseLock(name: string, owner: string): Promise<boolean> {
    return this.coordination.releaseLock(name, owner);
  }

  async advertiseRunner(info: RunnerInfo, ttlMs: number): Promise<void> {
    advertiseStoredRunner(this.store, info, ttlMs);
  }

  async withdrawRunner(id: string): Promise<void> {
    this.store.runners.delete(id);
  }

  async listRunners(): Promise<RunnerRecord[]> {
    return listStoredRunners(this.store);
  }

  async queueDepths(): Promise<QueueDepth[]> {
    return storedQueueDepths(this.store);
  }

  async cleanup(policy: RetentionPolicy): Promise<number> {
    return cleanupJobs(this.store, policy);
  }

  async subscribe(
    listener: (change: QueueChange) => void,
    options: SubscribeOptions = {},
  ): Promise<Unsubscribe> {
    // A worker waits only for wake-ups, on a channel of their own: the claims and completions
    // of every job, built and copied for it and dropped by its filter, were the largest part of
    // the memory queue's cost per job.
    const off = this.store.listen(options.wakeUpsOnly ? 'wake' : 'change', (change) =>
      listener(clone(change)),
    );
    this.cleanups.push(off);
    return off;
  }

  async close(): Promise<void> {
    for (const off of this.cleanups.splice(0)) off();
  }

  private visible(jobId: string, customerId: string | undefined): JobRecord | undefined {
    const job = this.store.jobs.get(jobId);
    if (!job || (customerId !== undefined && job.customerId !== customerId)) return undefined;
    return job;
  }

  private held(jobId: string, workerId: string): JobRecord | undefined {
    const job = this.store.jobs.get(jobId);
    return job && job.state === 'Processing' && job.worker?.id === workerId ? job : undefined;
  }

  /**
   * Moves `job` to `to` with the other changes of the same step (`apply`), and only then tells
   * the subscribers: a listener runs synchronously inside `publish`, and one that reads the job
   * there (as `waitFor` does) must see the record as `get` will return it from then on.
   */
  private transition(job: JobRecord, to: JobState, now: number, apply?: () => void): void {
    assertTransition(job.id, job.state, to);
    job.state = to;
    job.updatedAt = this.store.dateAt(now);
    apply?.();
    if (this.store.watches(to))
      this.store.publish({ kind: 'state', jobId: job.id, queue: job.queue, state: to });
  }

  /**
   * The end of a move whose caller already checked it (`assertTransition`) and made its other
   * changes: the claim and the end of a job, which `transition` would cost a closure each.
   */
  private entered(job: JobRecord, to: JobState, at: Date): void {
    job.state = to;
    job.updatedAt = at;
    if (this.store.watches(to))
      this.store.publish({ kind: 'state', jobId: job.id, queue: job.queue, state: to });
  }

  private leaveProcessing(job: JobRecord): void {
    if (job.state !== 'Processing') return;
    job.leaseExpiresAt = undefined;
    if (job.concurrencyKey !== undefined && this.store.heldKeys.get(job.concurrencyKey) === job.id) {
      this.store.heldKeys.delete(job.concurrencyKey);
    }
    if (job.customerId) {
      const n = (this.store.runningPerCustomer.get(job.customerId) ?? 1) - 1;
      if (n > 0) this.store.runningPerCustomer.set(job.customerId, n);
      else this.store.runningPerCustomer.delete(job.customerId);
    }
  }

  private requeue(job: JobRecord): void {
    const now = Date.now();
    this.leaveProcessing(job);
    job.runAt = new Date(now);
    this.transition(job, 'Enqueued', now, () => this.store.schedule(job, now));
  }

  /**
   * Ends `job` and, in the same step, settles the Awaiting children that wait on it: one whose
   * condition this ending breaks is cancelled naming it (and its own children settled in turn);
   * one for which it was the last parent is released.
   */
  private finish(job: JobRecord, to: 'Succeeded' | 'Failed' | 'Cancelled'): void {
    const now = Date.now();
    if (job.state === 'Awaiting') forgetWaiting(this.store, job);
    this.leaveProcessing(job);
    assertTransition(job.id, job.state, to);
    const at = this.store.dateAt(now);
    job.finishedAt = at;
    this.entered(job, to, at);
    if (!this.store.children.has(job.id)) return;
    const { released, cancelled } = settleChildren(this.store, job);
    for (const { child, errorInfo } of cancelled) {
      child.errorInfo = errorInfo;
      this.finish(child, 'Cancelled');
    }
    for (const child of released) {
      const state = child.runAt.getTime() > now ? 'Scheduled' : 'Enqueued';
      this.transition(child, state, now, () => this.store.schedule(child, now));
    }
  }
}
