import { randomUUID } from 'node:crypto';
import {
  type CancelOutcome,
  type ClaimRequest,
  type DeleteOutcome,
  type EnqueueOptions,
  type EnqueueRequest,
  type EnqueueResult,
  type FailRequest,
  isTerminalState,
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
  type Unsubscribe,
} from '@hangar/core';
import {
  checkClaimRequest,
  checkEnqueueRequests,
  checkPositiveInteger,
  newJobRecord,
  parentGate,
  refuseTransaction,
  requestParents,
} from '@hangar/core/adapter';
import { claimableJobs } from './plain-claim.js';
import { PlainCoordination } from './plain-coordination.js';
import { PlainHandChanges } from './plain-hand-changes.js';
import { cleanupJobs, listJobs } from './plain-listing.js';
import { endJob, handBack, moveJob } from './plain-moves.js';
import { idempotencyIndex, PlainStore } from './plain-store.js';

/** Options of a `PlainQueue`. */
export interface PlainQueueOptions {
  /** The store to share with other queues (as runners share a database). @defaultValue a new store */
  store?: PlainStore;
}

/**
 * A queue adapter over plain maps in this process: every job is found by scanning, which keeps
 * the code short and is fast enough for a few thousand jobs. It checks its input with the adapter
 * kit (`@hangar/core/adapter`), so it refuses what the runner's adapters refuse, and it passes the
 * whole contract suite (`queueAdapterContract` from `@hangar/core/testing`).
 *
 * @example
 * const store = new PlainStore();
 * const queue = new PlainQueue({ store }); // give the same store to a second queue to share jobs
 * const { id } = await queue.enqueue({ type: 'report', params: {}, queue: 'default', maxAttempts: 3 });
 */
export class PlainQueue extends PlainCoordination implements QueueAdapter {
  readonly name = 'plain';
  private readonly unsubscribes = new Set<() => void>();
  private readonly hand: PlainHandChanges;

  constructor(options: PlainQueueOptions = {}) {
    // locks and schedules come from the base class, which holds the store
    super(options.store ?? new PlainStore());
    this.hand = new PlainHandChanges(this.store);
  }

  async enqueue(request: EnqueueRequest, options?: EnqueueOptions): Promise<EnqueueResult> {
    const [result] = await this.enqueueMany([request], options);
    if (!result) throw new Error('the plain queue stored no job');
    return result;
  }

  async enqueueMany(requests: readonly EnqueueRequest[], options?: EnqueueOptions): Promise<EnqueueResult[]> {
    options?.signal?.throwIfAborted();
    // a caller's transaction cannot cover a map in memory: refuse it rather than ignore it
    refuseTransaction(options, 'the plain queue');
    checkEnqueueRequests(requests);
    for (const request of requests) {
      const missing = requestParents(request).find((p) => !this.store.jobs.has(p.id));
      if (missing && !this.existing(request)) throw new JobNotFoundError(missing.id);
    }
    return requests.map((request) => this.insert(request, Date.now()));
  }

  async claim(request: ClaimRequest): Promise<JobRecord[]> {
    checkClaimRequest(request);
    const now = Date.now();
    const claimed: JobRecord[] = [];
    for (const job of claimableJobs(this.store, request, now)) {
      moveJob(this.store, job, 'Processing', now, () => {
        job.attempts += 1;
        job.worker = { ...request.worker };
        job.leaseExpiresAt = new Date(now + request.leaseMs);
        job.startedAt = new Date(now);
        job.cancelRequested = false;
      });
      claimed.push(structuredClone(job));
    }
    return claimed;
  }

  async heartbeat(workerId: string, jobIds: readonly string[], leaseMs: number): Promise<string[]> {
    checkPositiveInteger('leaseMs', leaseMs);
    const until = new Date(Date.now() + leaseMs);
    return jobIds.filter((id) => {
      const job = this.heldBy(id, workerId);
      if (job) job.leaseExpiresAt = until;
      return job !== undefined;
    });
  }

  async complete(jobId: string, workerId: string, result: JobResult): Promise<boolean> {
    return this.endHeld(jobId, workerId, 'Succeeded', result);
  }

  async fail(jobId: string, workerId: string, request: FailRequest): Promise<boolean> {
    const job = this.heldBy(jobId, workerId);
    if (!job) return false;
    const errorInfo = structuredClone(request.errorInfo);
    if (request.retryAt && job.attempts < job.maxAttempts) {
      const runAt = new Date(request.retryAt);
      moveJob(this.store, job, 'Scheduled', Date.now(), () => {
        job.errorInfo = errorInfo;
        job.runAt = runAt;
        job.leaseExpiresAt = undefined;
      });
    } else {
      endJob(this.store, job, 'Failed', () => {
        job.errorInfo = errorInfo;
      });
    }
    return true;
  }

  async markCancelled(jobId: string, workerId: string, result: JobResult): Promise<boolean> {
    return this.endHeld(jobId, workerId, 'Cancelled', result);
  }

  async release(jobId: string, workerId: string): Promise<boolean> {
    const job = this.heldBy(jobId, workerId);
    if (!job) return false;
    handBack(this.store, job, Date.now(), true);
    return true;
  }

  async recoverExpiredLeases(): Promise<string[]> {
    const now = Date.now();
    const expired = [...this.store.jobs.values()]
      .map((j) => j.record)
      .filter((r) => r.state === 'Processing' && (r.leaseExpiresAt?.getTime() ?? 0) <= now);
    for (const job of expired) {
      if (job.attempts < job.maxAttempts) {
        handBack(this.store, job, now, false);
        continue;
      }
      const source = job.worker?.id;
      endJob(this.store, job, 'Failed', () => {
        job.errorInfo = [
          {
            code: 'LEASE_EXPIRED',
            key: 'hangar.error.leaseExpired',
            params: { jobId: job.id },
            severity: 'error',
            source,
          },
        ];
      });
    }
    return expired.map((job) => job.id);
  }

  async requestCancel(jobId: string, options: { customerId?: string } = {}): Promise<CancelOutcome> {
    const job = this.visible(jobId, options.customerId);
    if (!job) return 'not-found';
    if (isTerminalState(job.state)) return 'finished';
    if (job.state !== 'Processing') {
      endJob(this.store, job, 'Cancelled');
      return 'cancelled';
    }
    job.cancelRequested = true;
    job.updatedAt = new Date();
    if (job.worker) this.store.requestCancel(job.worker.id, job.id);
    this.store.publish({ kind: 'cancel-requested', jobId, queue: job.queue });
    return 'requested';
  }

  async onCancelRequest(workerId: string, listener: (jobId: string) => void): Promise<Unsubscribe> {
    const forWorker = (target: string, jobId: string) => {
      if (target === workerId) listener(jobId);
    };
    this.store.cancelListeners.add(forWorker);
    return this.track(() => this.store.cancelListeners.delete(forWorker));
  }

  async get(jobId: string, options: { customerId?: string } = {}): Promise<JobRecord | undefined> {
    const job = this.visible(jobId, options.customerId);
    return job && structuredClone(job);
  }

  async list(filter: ListJobsFilter = {}): Promise<JobPage> {
    return listJobs(this.store, filter);
  }

  async appendLog(jobId: string, entries: readonly NewLogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const job = this.store.jobs.get(jobId)?.record;
    if (!job) throw new JobNotFoundError(jobId);
    const log = this.store.logs.get(jobId) ?? [];
    this.store.logs.set(jobId, log);
    for (const newEntry of entries) {
      const entry: LogEntry = { ...structuredClone(newEntry), seq: log.length + 1 };
      log.push(entry);
      if (entry.level === 'progress') {
        job.progress = { message: entry.message, current: entry.current, total: entry.total };
      }
      this.store.publish({ kind: 'log', jobId, queue: job.queue, entry });
    }
  }

  async getLog(jobId: string, options: { afterSeq?: number } = {}): Promise<LogEntry[]> {
    const after = options.afterSeq ?? 0;
    return structuredClone((this.store.logs.get(jobId) ?? []).filter((entry) => entry.seq > after));
  }

  async cleanup(policy: RetentionPolicy): Promise<number> {
    return cleanupJobs(this.store, policy);
  }

  async subscribe(
    listener: (change: QueueChange) => void,
    _options?: SubscribeOptions,
  ): Promise<Unsubscribe> {
    // every change goes to every subscriber: a wake-ups-only one filters them itself, as allowed
    this.store.changeListeners.add(listener);
    return this.track(() => this.store.changeListeners.delete(listener));
  }

  async retryJob(jobId: string, request: RetryRequest): Promise<RetryOutcome> {
    return this.hand.retry(jobId, request);
  }

  async deleteJob(jobId: string, options: { customerId?: string } = {}): Promise<DeleteOutcome> {
    return this.hand.delete(jobId, options.customerId);
  }

  async advertiseRunner(info: RunnerInfo, ttlMs: number): Promise<void> {
    this.hand.advertise(info, ttlMs);
  }

  async withdrawRunner(id: string): Promise<void> {
    this.hand.withdraw(id);
  }

  async listRunners(): Promise<RunnerRecord[]> {
    return this.hand.alive();
  }

  async queueDepths(): Promise<QueueDepth[]> {
    return this.hand.depths();
  }

  async close(): Promise<void> {
    for (const unsubscribe of [...this.unsubscribes]) unsubscribe();
  }

  /** Remembers how to undo a subscription, so that `close` undoes what is left. */
  private track(undo: () => void): Unsubscribe {
    const unsubscribe = () => {
      undo();
      this.unsubscribes.delete(unsubscribe);
    };
    this.unsubscribes.add(unsubscribe);
    return unsubscribe;
  }

  private existing(request: EnqueueRequest): JobRecord | undefined {
    if (request.idempotencyKey === undefined) return undefined;
    const id = this.store.idempotency.get(idempotencyIndex(request.customerId, request.idempotencyKey));
    return id === undefined ? undefined : this.store.jobs.get(id)?.record;
  }

  private insert(request: EnqueueRequest, now: number): EnqueueResult {
    const existing = this.existing(request);
    if (existing) return { id: existing.id, created: false, job: structuredClone(existing) };
    const runAt = new Date(request.runAt ?? now);
    const gate = parentGate(requestParents(request), (id) => this.store.jobs.get(id)?.record.state);
    let state: JobState = runAt.getTime() > now ? 'Scheduled' : 'Enqueued';
    if (gate.kind !== 'ready') state = gate.kind === 'awaiting' ? 'Awaiting' : 'Cancelled';
    const record = newJobRecord(request, {
      id: randomUUID(),
      state,
      unmet: gate.kind === 'cancelled' ? gate.unmet : undefined,
      runAt,
      createdAt: new Date(now),
      params: structuredClone(request.params),
      metadata: request.metadata && structuredClone(request.metadata),
    });
    this.store.jobs.set(record.id, { record, seq: this.store.nextSeq() });
    if (request.idempotencyKey !== undefined) {
      this.store.idempotency.set(idempotencyIndex(request.customerId, request.idempotencyKey), record.id);
    }
    this.store.publish({ kind: 'enqueued', jobId: record.id, queue: record.queue, state });
    return { id: record.id, created: true, job: structuredClone(record) };
  }

  private visible(jobId: string, customerId: string | undefined): JobRecord | undefined {
    const job = this.store.jobs.get(jobId)?.record;
    return job && (customerId === undefined || job.customerId === customerId) ? job : undefined;
  }

  private heldBy(jobId: string, workerId: string): JobRecord | undefined {
    const job = this.store.jobs.get(jobId)?.record;
    return job?.state === 'Processing' && job.worker?.id === workerId ? job : undefined;
  }

  /** Ends the job `workerId` holds with its result; false when it no longer holds it. */
  private endHeld(
    jobId: string,
    workerId: string,
    to: 'Succeeded' | 'Cancelled',
    result: JobResult,
  ): boolean {
    const job = this.heldBy(jobId, workerId);
    if (!job) return false;
    endJob(this.store, job, to, () => {
      job.result = structuredClone(result);
    });
    return true;
  }
}
