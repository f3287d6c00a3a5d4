import {
  type CancelOutcome,
  type ClaimRequest,
  type EnqueueOptions,
  type EnqueueRequest,
  type EnqueueResult,
  type FailRequest,
  type JobCounts,
  type JobCountsFilter,
  JobNotFoundError,
  type JobPage,
  type JobRecord,
  type JobResult,
  type ListJobsFilter,
  type LogEntry,
  type NewLogEntry,
  type QueueAdapter,
  type QueueChange,
  type RetentionPolicy,
  type SubscribeOptions,
  type TriggerStore,
  type Unsubscribe,
} from '@hangar/core';
import {
  CallBatcher,
  checkClaimRequest,
  checkEnqueueRequests,
  checkPositiveInteger,
  checkRetentionPolicy,
  lockTtlMs,
} from '@hangar/core/adapter';
import type pg from 'pg';
import { type OperatorCalls, OperatorCallsBase } from '../operator-calls/operator-calls.js';
import { transactionClient } from './argument-checks.js';
import { ChangeHub } from './change-hub.js';
import { claimJobs } from './claim-jobs.js';
import { type Completion, completeBatch } from './complete-batch.js';
import { PostgresJobCounts } from './count-sql.js';
import { enqueueJobs } from './enqueue-jobs.js';
import { insertJobsSql } from './enqueue-sql.js';
import { postgresTriggers } from './event-trigger-sql.js';
import { parseJobId } from './job-id.js';
import { type JobRow, rowToJob } from './job-row.js';
import { type JobSql, jobSql, RECOVER_BATCH } from './job-sql.js';
import { encodeCursor, listJobsQuery } from './list-sql.js';
import { lockSql } from './lock-sql.js';
import { latestProgress, toLogInputs } from './log-input.js';
import { runMigrations } from './migrations.js';
import { toLogEntry } from './notification.js';
import { postgresOperatorCalls } from './operator-calls.js';
import {
  type PostgresQueueOptions,
  type ResolvedPostgresQueueOptions,
  resolvePostgresQueueOptions,
} from './options.js';
import { PostgresSchedules } from './postgres-schedules.js';
import { openQueuePool } from './queue-pool.js';
import { type SchemaNames, schemaNames } from './schema-names.js';
import { execute, queryRows, rerunOnDeadlock, type SqlClient, sqlState } from './sql-client.js';

/** `lock_timeout` expired (`extendLease`). */
const LOCK_NOT_AVAILABLE = '55P03';
/** Shortest wait for the lock of a lease the heartbeat found locked, in ms. */
const EXTEND_LOCK_TIMEOUT_MIN_MS = 100;

/**
 * The PostgreSQL queue: durable jobs in the queue's own schema, claimed with
 * `FOR UPDATE SKIP LOCKED`, leases recovered after a crash, and changes pushed to every
 * process with LISTEN/NOTIFY. Safe to run from any number of processes on one database.
 */
export class PostgresQueue extends OperatorCallsBase implements QueueAdapter {
  /** Adapter name for logs. */
  readonly name = 'postgres';
  private readonly options: ResolvedPostgresQueueOptions;
  private readonly pool: pg.Pool;
  private readonly ownsPool: boolean;
  private readonly names: SchemaNames;
  private readonly sql: JobSql;
  protected readonly operatorCalls: OperatorCalls;
  protected readonly triggerStore: TriggerStore;
  private readonly locks: ReturnType<typeof lockSql>;
  protected readonly scheduleStore: PostgresSchedules;
  private readonly hub: ChangeHub;
  private readonly counts: PostgresJobCounts;
  private readonly insertSql: string;
  private migrated: Promise<void> | undefined;
  private closed = false;
  /**
   * Completions coalesced into batch statements, sent once the current turn of the event loop
   * is over; two statements on their way keep both the database and this process busy. A job
   * completed twice waits for the next statement, so only its first completion succeeds.
   */
  private readonly completions = new CallBatcher<Completion, boolean>({
    send: (batch) => this.sendCompletions(batch),
    maxBatch: 500,
    maxInFlight: 2,
    defer: setImmediate,
    key: (c) => c.id,
  });

  /** Validates the options (throwing `ConfigurationError`); connects lazily. */
  constructor(options: PostgresQueueOptions) {
    super();
    this.options = resolvePostgresQueueOptions(options);
    this.names = schemaNames(this.options.schema);
    this.sql = jobSql(this.names);
    this.operatorCalls = postgresOperatorCalls((text, values) => this.rows(text, values), this.names);
    this.triggerStore = postgresTriggers((text, values) => this.rows(text, values), this.names);
    this.locks = lockSql(this.names);
    this.scheduleStore = new PostgresSchedules(this.names, {
      rows: (text, values) => this.rows(text, values),
      exec: (text, values) => this.exec(text, values),
    });
    this.insertSql = insertJobsSql(this.names);
    this.counts = new PostgresJobCounts((text, values) => this.rows(text, values), this.names, {
      cacheMs: this.options.countCacheMs,
      exactLimit: this.options.exactCountLimit,
    });
    const { pool, owned } = openQueuePool(this.options);
    this.pool = pool;
    this.ownsPool = owned;
    this.hub = new ChangeHub({
      pool: this.pool,
      names: this.names,
      pollIntervalMs: this.options.pollIntervalMs,
      reconnectDelayMs: this.options.reconnectDelayMs,
      maxReconnectDelayMs: this.options.maxReconnectDelayMs,
      logger: this.options.logger,
      query: <R>(text: string, values: unknown[]) => this.rows<R>(text, values),
    });
  }

  /** Creates a queue and migrates its schema before returning it. */
  static async connect(options: PostgresQueueOptions): Promise<PostgresQueue> {
    const queue = new PostgresQueue(options);
    try {
      await queue.migrate();
    } catch (err) {
      await queue.close();
      throw err;
    }
    return queue;
  }

  /** Creates or upgrades the schema; safe to run from many processes at once. Returns versions applied. */
  async migrate(): Promise<number[]> {
    this.assertOpen();
    const applied = await runMigrations(this.pool, this.names);
    this.migrated = Promise.resolve();
    return applied;
  }

  async enqueue(request: EnqueueRequest, options?: EnqueueOptions): Promise<EnqueueResult> {
    const [result] = await this.enqueueMany([request], options);
    if (!result) throw new Error('enqueue returned no result');
    return result;
  }

  async enqueueMany(requests: readonly EnqueueRequest[], options?: EnqueueOptions): Promise<EnqueueResult[]> {
    options?.signal?.throwIfAborted();
    if (requests.length === 0) return [];
    checkEnqueueRequests(requests);
    const client = transactionClient(options?.transaction) ?? this.pool;
    return enqueueJobs(
      (text, values, on, name) => this.rows(text, values, on, name),
      this.names,
      this.insertSql,
      requests,
      client,
    );
  }

  async claim(request: ClaimRequest): Promise<JobRecord[]> {
    checkClaimRequest(request);
    if (request.queues.length === 0 || request.types.length === 0) return [];
    return claimJobs(this.pool, this.names, request, async () => {
      this.assertOpen();
      await this.ready();
    });
  }

  async heartbeat(workerId: string, jobIds: readonly string[], leaseMs: number): Promise<string[]> {
    checkPositiveInteger('leaseMs', leaseMs);
    const ids = jobIds.map(parseJobId).filter((id) => id !== undefined);
    if (ids.length === 0) return [];
    const rows = await this.rows<{ id: string; extended: boolean }>(
      this.sql.heartbeat,
      [workerId, ids, leaseMs],
      this.pool,
      'heartbeat',
    );
    for (const row of rows) {
      if (row.extended) continue;
      const lockTimeoutMs = Math.max(EXTEND_LOCK_TIMEOUT_MIN_MS, Math.floor(leaseMs / 3));
      await this.exec(this.sql.extendLease, [row.id, workerId, leaseMs, lockTimeoutMs]).catch(
        (err: unknown) => {
          // still locked after a heartbeat's worth of waiting: held, extended by a later beat
          if (sqlState(err) !== LOCK_NOT_AVAILABLE) throw err;
        },
      );
    }
    const held = new Set(rows.map((r) => r.id));
    return jobIds.filter((id) => held.has(parseJobId(id) ?? ''));
  }

  async complete(jobId: string, workerId: string, result: JobResult): Promise<boolean> {
    const id = parseJobId(jobId);
    if (id === undefined) return false;
    this.assertOpen();
    return this.completions.add({ id, workerId, result: JSON.stringify(result) });
  }

  fail(jobId: string, workerId: string, request: FailRequest): Promise<boolean> {
    return this.transition(this.sql.fail, jobId, workerId, [
      JSON.stringify(request.errorInfo),
      request.retryAt ?? null,
    ]);
  }

  markCancelled(jobId: string, workerId: string, result: JobResult): Promise<boolean> {
    return this.transition(this.sql.markCancelled, jobId, workerId, [JSON.stringify(result)]);
  }

  release(jobId: string, workerId: string): Promise<boolean> {
    return this.transition(this.sql.release, jobId, workerId, []);
  }

  async recoverExpiredLeases(): Promise<string[]> {
    const rows = await this.rows<{ id: string }>(this.sql.recover, [RECOVER_BATCH]);
    return rows.map((r) => r.id).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  }

  async requestCancel(jobId: string, options?: { customerId?: string }): Promise<CancelOutcome> {
    const id = parseJobId(jobId);
    if (id === undefined) return 'not-found';
    const customer = options?.customerId ?? null;
    const [row] = await this.rows<{ state: string }>(this.sql.requestCancel, [id, customer]);
    if (row) return row.state === 'Processing' ? 'requested' : 'cancelled';
    const found = await this.rows(this.sql.exists, [id, customer]);
    return found.length > 0 ? 'finished' : 'not-found';
  }

  async onCancelRequest(workerId: string, listener: (jobId: string) => void): Promise<Unsubscribe> {
    this.assertOpen();
    await this.ready();
    return this.hub.onCancelRequest(workerId, listener);
  }

  async get(jobId: string, options?: { customerId?: string }): Promise<JobRecord | undefined> {
    const id = parseJobId(jobId);
    if (id === undefined) return undefined;
    const [row] = await this.rows<JobRow>(this.sql.get, [id, options?.customerId ?? null]);
    return row ? rowToJob(row) : undefined;
  }

  async list(filter: ListJobsFilter = {}): Promise<JobPage> {
    const query = listJobsQuery(this.names, filter);
    const rows = await this.rows<JobRow>(query.text, query.values);
    const items = rows.slice(0, query.limit).map(rowToJob);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.id) : undefined };
  }

  /** Per queue and state: live jobs exactly, finished ones up to `exactCountLimit`, then estimated. */
  countJobs(filter?: JobCountsFilter): Promise<JobCounts> {
    return this.counts.count(filter);
  }

  async appendLog(jobId: string, entries: readonly NewLogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const id = parseJobId(jobId);
    if (id === undefined) throw new JobNotFoundError(jobId);
    const progress = latestProgress(entries);
    const inserted = await this.exec(this.sql.appendLog, [
      id,
      JSON.stringify(toLogInputs(entries)),
      entries.length,
      progress && JSON.stringify(progress),
    ]);
    if (inserted === 0) throw new JobNotFoundError(jobId);
  }

  async getLog(jobId: string, options?: { afterSeq?: number }): Promise<LogEntry[]> {
    const id = parseJobId(jobId);
    if (id === undefined) return [];
    const rows = await this.rows<Record<string, unknown>>(this.sql.getLog, [id, options?.afterSeq ?? 0]);
    return rows.map(toLogEntry).filter((e) => e !== undefined);
  }

  async acquireLock(name: string, owner: string, ttlMs: number): Promise<boolean> {
    return (await this.rows(this.locks.acquire, [name, owner, lockTtlMs(ttlMs)])).length === 1;
  }

  async extendLock(name: string, owner: string, ttlMs: number): Promise<boolean> {
    return (await this.exec(this.locks.extend, [name, owner, lockTtlMs(ttlMs)])) === 1;
  }

  async releaseLock(name: string, owner: string): Promise<boolean> {
    return (await this.exec(this.locks.release, [name, owner])) === 1;
  }

  async cleanup(policy: RetentionPolicy): Promise<number> {
    const batch = checkRetentionPolicy(policy);
    return this.exec(this.sql.cleanup, [policy.succeededMs, policy.failedMs, policy.cancelledMs, batch]);
  }

  async subscribe(listener: (change: QueueChange) => void, options?: SubscribeOptions): Promise<Unsubscribe> {
    this.assertOpen();
    await this.ready();
    return this.hub.subscribe(listener, options?.wakeUpsOnly === true);
  }

  /** Stops listening and polling, and ends the pool if the queue created it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.completions.drain();
    await this.hub.close();
    await Promise.allSettled([this.migrated]);
    if (this.ownsPool) await this.pool.end();
  }

  /** Not through `rows`: completions accepted before `close()` are still sent. */
  private async sendCompletions(batch: readonly Completion[]): Promise<boolean[]> {
    await this.ready();
    return completeBatch(this.pool, `${this.names.schema}.complete`, this.sql.completeMany, batch);
  }

  private async transition(
    text: string,
    jobId: string,
    workerId: string,
    extra: unknown[],
  ): Promise<boolean> {
    const id = parseJobId(jobId);
    if (id === undefined) return false;
    return (await this.exec(text, [id, workerId, ...extra])) === 1;
  }

  private ready(): Promise<void> {
    if (!this.options.autoMigrate) return Promise.resolve();
    if (!this.migrated) {
      this.migrated = runMigrations(this.pool, this.names).then(
        () => undefined,
        (err: unknown) => {
          // Retry on the next operation (e.g. the database was still starting).
          this.migrated = undefined;
          throw err;
        },
      );
    }
    return this.migrated;
  }

  /**
   * Runs a query; with `name` (hot statements only, on the queue's pool) as a named prepared
   * statement, which each connection parses and plans once.
   */
  private async rows<R>(
    text: string,
    values: unknown[],
    client: SqlClient = this.pool,
    name?: string,
  ): Promise<R[]> {
    this.assertOpen();
    await this.ready();
    if (client !== this.pool) return queryRows<R>(client, text, values);
    return rerunOnDeadlock(async () => {
      if (name === undefined) return queryRows<R>(client, text, values);
      const result = await this.pool.query({ name: `${this.names.schema}.${name}`, text, values });
      return result.rows as R[];
    });
  }

  private async exec(text: string, values: unknown[]): Promise<number> {
    this.assertOpen();
    await this.ready();
    return rerunOnDeadlock(() => execute(this.pool, text, values));
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`PostgresQueue on schema "${this.names.schema}" is closed`);
  }
}
