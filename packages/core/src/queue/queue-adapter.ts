import type { ErrorInfo } from '../error-info/error-info.js';
import type { MessageParam } from '../i18n/translatable-string.js';
import type { JobResult } from '../job/job-result.js';
import type { JobState } from '../state/job-state.js';
import type { JobRecord, LogEntry, NewLogEntry, WorkerIdentity } from './job-record.js';
import type { ParentDependencyInput } from './parent-dependency.js';
import type { QueueDepth, RunnerInfo, RunnerRecord } from './runner-record.js';

/** A job to put on the queue; parameters are already validated. */
export interface EnqueueRequest {
  /** Job type name. */
  type: string;
  /** Validated parameters (JSON-serialisable). */
  params: unknown;
  /** Queue name. */
  queue: string;
  /** Lower runs first. @defaultValue 0 */
  priority?: number;
  /** Earliest run time; in the future makes the job Scheduled. @defaultValue now */
  runAt?: Date;
  /** Attempts allowed in all. */
  maxAttempts: number;
  /** Tenant. */
  customerId?: string;
  /** User. */
  userId?: string;
  /** Enqueuing twice with the same key (per customer) gives one job. */
  idempotencyKey?: string;
  /** Jobs with the same key never run at once. */
  concurrencyKey?: string;
  /** Parent job: this one stays Awaiting until the parent succeeds, and is cancelled if it does not. */
  parentId?: string;
  /**
   * Parents with their conditions: the job stays Awaiting until every parent ended satisfying
   * its condition, and is cancelled when one no longer can. `parentId` is the shorthand for one
   * `success` parent. @defaultValue none
   */
  parents?: ParentDependencyInput[];
  /** Timeout of one attempt, in ms. */
  timeoutMs?: number;
  /** Labels. */
  metadata?: Record<string, MessageParam>;
}

/** Options of enqueue calls. */
export interface EnqueueOptions {
  /** Aborts the call. */
  signal?: AbortSignal;
  /**
   * A transaction of the caller (adapter-specific: a pg client or kysely transaction for
   * Postgres). The job exists only if that transaction commits.
   */
  transaction?: unknown;
}

/** Outcome of one enqueue. */
export interface EnqueueResult {
  /** The job's id (the existing job's id when the idempotency key matched). */
  id: string;
  /** False when an existing job with the same idempotency key was returned. */
  created: boolean;
  /** The job as stored. */
  job: JobRecord;
}

/** What a worker asks for when it claims jobs. */
export interface ClaimRequest {
  /** The claiming worker. */
  worker: WorkerIdentity;
  /** Queues it serves. */
  queues: readonly string[];
  /** Job types it can run; other types are left for other runners. */
  types: readonly string[];
  /** At most this many jobs (a positive integer). */
  limit: number;
  /** Lease length in whole ms; the worker must heartbeat before it ends. */
  leaseMs: number;
  /** At most this many Processing jobs per customer across all runners. @defaultValue no limit */
  maxPerCustomer?: number;
}

/** How a failed attempt is recorded. */
export interface FailRequest {
  /** Errors of the attempt. */
  errorInfo: ErrorInfo;
  /** When set, the job is retried at this time (Scheduled); otherwise it ends Failed. */
  retryAt?: Date;
}

/** Filter and page of a job listing. */
export interface ListJobsFilter {
  /** Only this tenant (required by the API for tenant isolation). */
  customerId?: string;
  /** Only jobs of this user. */
  userId?: string;
  /** Only these states. */
  states?: readonly JobState[];
  /** Only these types. */
  types?: readonly string[];
  /** Only this queue. */
  queue?: string;
  /** Page size, a positive integer; a page holds at most 1000 jobs, whatever this asks. @defaultValue 50 */
  limit?: number;
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor?: string;
}

/** One page of jobs, newest first. */
export interface JobPage {
  /** The jobs. */
  items: JobRecord[];
  /** Cursor of the next page, or undefined on the last page. */
  nextCursor: string | undefined;
}

/** Outcome of a cancellation request. */
export type CancelOutcome =
  /** It had not started: it is now Cancelled and will never run. */
  | 'cancelled'
  /** It is running: the request was delivered to its worker. */
  | 'requested'
  /** It already finished. */
  | 'finished'
  /** No such job (or not visible to this customer). */
  | 'not-found';

/** A retry by hand of a Failed or Cancelled job. */
export interface RetryRequest {
  /** Attempts the job gets on top of those it has used: a positive integer. */
  attempts: number;
  /** With it, a job of another customer is `not-found`. */
  customerId?: string;
}

/** Outcome of a retry by hand. */
export type RetryOutcome =
  /** The same job (same id, log and attempt count) is Enqueued again with a fresh attempt budget. */
  | { outcome: 'retried'; job: JobRecord }
  /** No such job (or not visible to this customer). */
  | { outcome: 'not-found' }
  /** The job is not Failed or Cancelled: nothing changed. */
  | { outcome: 'not-retryable'; state: JobState };

/** Outcome of deleting a job. */
export type DeleteOutcome =
  /** The job and its log are gone. */
  | 'deleted'
  /** No such job (or not visible to this customer). */
  | 'not-found'
  /** The job has not finished (Succeeded, Failed or Cancelled): nothing changed. */
  | 'not-finished';

/** A recurring schedule. */
export interface ScheduleRecord {
  /** Unique name. */
  name: string;
  /** Cron expression (5 or 6 fields). */
  cron: string;
  /** IANA time zone the expression is read in. */
  timezone: string;
  /** Job type to enqueue. */
  type: string;
  /** Its parameters. */
  params: unknown;
  /** Queue, priority, tenant and the like for the enqueued jobs. */
  options: ScheduleJobOptions;
  /** A paused schedule does not fire. */
  paused: boolean;
  /** Next time it fires; null when paused or exhausted. */
  nextRunAt: Date | null;
  /** Last time it fired. */
  lastRunAt: Date | null;
}

/** Enqueue options stored with a schedule. */
export interface ScheduleJobOptions {
  /** Queue. */
  queue?: string;
  /** Priority. */
  priority?: number;
  /** Tenant. */
  customerId?: string;
  /** User. */
  userId?: string;
}

/** A change to a job, published to every process that shares the queue. */
export interface QueueChange {
  /** What happened. */
  kind: 'enqueued' | 'state' | 'log' | 'cancel-requested';
  /** The job. */
  jobId: string;
  /** Queue of the job, when known. */
  queue?: string;
  /** New state, for `state` and `enqueued`. */
  state?: JobState;
  /** New entry, for `log`. */
  entry?: LogEntry;
}

/** What a subscriber needs to hear of. */
export interface SubscribeOptions {
  /**
   * Only wake-ups (see `isWakeUp`): enough for a worker waiting for claimable jobs. An adapter
   * may then leave out every other change, which with many runners is most of the traffic; it
   * may also deliver them, so the listener still filters. @defaultValue false
   */
  wakeUpsOnly?: boolean;
}

/**
 * Whether a change can make a job claimable: a job was enqueued (in any state: a scheduled one
 * moves the next due time), or a job became Enqueued.
 */
export function isWakeUp(change: QueueChange): boolean {
  return change.kind === 'enqueued' || (change.kind === 'state' && change.state === 'Enqueued');
}

/** Retention of finished jobs, by age in ms. */
export interface RetentionPolicy {
  /** Delete Succeeded jobs older than this. */
  succeededMs: number;
  /** Delete Cancelled jobs older than this. */
  cancelledMs: number;
  /** Delete Failed jobs older than this. */
  failedMs: number;
  /** At most this many deletions per call, so cleanup never blocks the hot path. @defaultValue 1000 */
  batchSize?: number;
}

/** Stops a subscription. */
export type Unsubscribe = () => void | Promise<void>;

/**
 * The storage and coordination contract every queue backend implements. Delivery is
 * at-least-once: a job whose worker dies is handed out again after its lease expires.
 * Every method is safe to call concurrently from many processes sharing one backend.
 */
export interface QueueAdapter {
  /** Adapter name for logs (`memory`, `postgres`, `redis`). */
  readonly name: string;

  /** Stores one job atomically. Enqueued, Scheduled (runAt in the future) or Awaiting (parent not done). */
  enqueue(request: EnqueueRequest, options?: EnqueueOptions): Promise<EnqueueResult>;
  /** Stores many jobs; all or none. Results are in request order. */
  enqueueMany(requests: readonly EnqueueRequest[], options?: EnqueueOptions): Promise<EnqueueResult[]>;

  /**
   * Atomically moves up to `limit` runnable jobs (Enqueued, or Scheduled and due) of the given
   * queues and types to Processing under a lease, ordered by priority, then run-at, then
   * enqueue order. Never hands one job to two claimers. Skips jobs whose concurrency key is held
   * by a Processing job, and jobs of customers at their concurrency limit.
   */
  claim(request: ClaimRequest): Promise<JobRecord[]>;
  /** Extends the worker's leases; returns the ids it still holds (a missing id means the lease was lost). */
  heartbeat(workerId: string, jobIds: readonly string[], leaseMs: number): Promise<string[]>;
  /** Processing → Succeeded with the result; false if this worker no longer holds the job. */
  complete(jobId: string, workerId: string, result: JobResult): Promise<boolean>;
  /** Processing → Scheduled (retryAt) or Failed; false if this worker no longer holds the job. */
  fail(jobId: string, workerId: string, request: FailRequest): Promise<boolean>;
  /** Processing → Cancelled once the worker has stopped it; false if it no longer holds the job. */
  markCancelled(jobId: string, workerId: string, result: JobResult): Promise<boolean>;
  /** Processing → Enqueued without using up the attempt (graceful shutdown); false if not held. */
  release(jobId: string, workerId: string): Promise<boolean>;
  /**
   * Hands back Processing jobs whose lease expired (their worker died): retried while attempts
   * remain, else Failed. Returns the ids handed back or failed.
   */
  recoverExpiredLeases(): Promise<string[]>;

  /**
   * Cancels a job. Not started: Cancelled at once and never runs. Running: the request is
   * recorded and delivered to the worker's `onCancelRequest` subscription in any process.
   * With `customerId`, a job of another customer is `not-found`.
   */
  requestCancel(jobId: string, options?: { customerId?: string }): Promise<CancelOutcome>;
  /**
   * Atomically moves a Failed or Cancelled job back to Enqueued, runnable now: same id, its log,
   * attempt count and last errors kept, `maxAttempts` raised to its attempts so far plus
   * `request.attempts` (capped at 2147483647), result, finish time and cancellation request
   * cleared. Published as a change to Enqueued (a wake-up). Any other state is `not-retryable`
   * and changes nothing; of concurrent retries of one job exactly one succeeds.
   */
  retryJob(jobId: string, request: RetryRequest): Promise<RetryOutcome>;
  /**
   * Atomically deletes a finished (Succeeded, Failed or Cancelled) job with its log and frees
   * its idempotency key. A job that is waiting or running is `not-finished` and kept.
   */
  deleteJob(jobId: string, options?: { customerId?: string }): Promise<DeleteOutcome>;
  /** Delivers cancellation requests for jobs run by `workerId`, from any process. */
  onCancelRequest(workerId: string, listener: (jobId: string) => void): Promise<Unsubscribe>;

  /** One job; with `customerId`, undefined for another customer's job. */
  get(jobId: string, options?: { customerId?: string }): Promise<JobRecord | undefined>;
  /** Jobs matching the filter, newest first, paginated by cursor. */
  list(filter?: ListJobsFilter): Promise<JobPage>;
  /** Appends progress and user messages in order; also updates the job's latest progress. `JobNotFoundError` for a job that does not exist. */
  appendLog(jobId: string, entries: readonly NewLogEntry[]): Promise<void>;
  /** The job's messages in order, after `afterSeq` when given. */
  getLog(jobId: string, options?: { afterSeq?: number }): Promise<LogEntry[]>;

  /** Takes a named lock for `ttlMs` if free or expired; true when `owner` now holds it. */
  acquireLock(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Extends a lock held by `owner`; false if it is not held by `owner`. */
  extendLock(name: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Releases a lock held by `owner`; never releases another owner's lock. */
  releaseLock(name: string, owner: string): Promise<boolean>;

  /** Creates or replaces a schedule. */
  saveSchedule(schedule: ScheduleRecord): Promise<void>;
  /** One schedule. */
  getSchedule(name: string): Promise<ScheduleRecord | undefined>;
  /** All schedules, by name. */
  listSchedules(): Promise<ScheduleRecord[]>;
  /** Deletes a schedule; false if there was none. */
  deleteSchedule(name: string): Promise<boolean>;
  /**
   * Compare-and-set of a due schedule's next run: succeeds for exactly one caller among many
   * runners when `nextRunAt` still equals `expected`; that caller enqueues the job.
   */
  advanceSchedule(name: string, expected: Date, next: Date | null, firedAt: Date): Promise<boolean>;

  /**
   * Stores (or refreshes) a runner's advertisement until `ttlMs` from now by the backend's
   * clock; a runner advertises itself more often than that while it is alive.
   */
  advertiseRunner(info: RunnerInfo, ttlMs: number): Promise<void>;
  /** Removes a runner's advertisement (on a clean stop). */
  withdrawRunner(id: string): Promise<void>;
  /** The runners whose advertisement has not lapsed, by id. */
  listRunners(): Promise<RunnerRecord[]>;
  /** Queues holding Enqueued jobs, with how many, by queue name. */
  queueDepths(): Promise<QueueDepth[]>;

  /** Deletes finished jobs past their retention; returns how many. */
  cleanup(policy: RetentionPolicy): Promise<number>;

  /** Subscribes to job changes from every process sharing the backend. */
  subscribe(listener: (change: QueueChange) => void, options?: SubscribeOptions): Promise<Unsubscribe>;
  /** Releases connections and timers. */
  close(): Promise<void>;
}
