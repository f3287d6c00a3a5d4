import { randomUUID } from 'node:crypto';
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
  checkClaimRequest,
  checkEnqueueRequests,
  checkPositiveInteger,
  checkRetentionPolicy,
  jobHasLabels,
  listPageSize,
  lockTtlMs,
  refuseTransaction,
} from '@hangar/core/adapter';
import type { Redis } from 'ioredis';
import { type OperatorCalls, OperatorCallsBase } from '../operator-calls/operator-calls.js';
import { type ClaimReply, decodeClaimReply } from './claim-reply.js';
import { ClaimWaits } from './claim-waits.js';
import { closeConnection, openConnection } from './connection.js';
import { type EnqueueReply, enqueueArgs, enqueueResults, refuseMissingParent } from './enqueue-script-io.js';
import { decodeJob, type FlatHash } from './job-codec.js';
import { decodeCursor, encodeCursor, listArgs } from './list-query.js';
import { decodeLogEntry, encodeLogEntry, progressOf } from './log-codec.js';
import { redisOperatorCalls } from './operator-calls.js';
import {
  type RedisQueueOptions,
  type ResolvedRedisQueueOptions,
  resolveRedisQueueOptions,
} from './options.js';
import { countRedisJobs } from './redis-job-counts.js';
import { RedisKeys, readyGroup } from './redis-keys.js';
import { RedisSchedules } from './redis-schedules.js';
import { type RedisScripts, registerScripts } from './redis-scripts.js';
import { RedisSubscriber } from './redis-subscriber.js';
import { RedisTriggers } from './redis-triggers.js';
import { SettleBatcher } from './settle-batcher.js';

/**
 * The Redis queue adapter: every state change is one Lua script, so it is atomic and safe with
 * any number of runner processes; events and cancellations travel over pub/sub.
 */
export class RedisQueue extends OperatorCallsBase implements QueueAdapter, TriggerStore {
  readonly name = 'redis';
  /** The options in effect, defaults applied. */
  readonly options: Readonly<ResolvedRedisQueueOptions>;
  /** The command connection (yours when you passed a client). */
  readonly redis: Redis;
  private readonly keys: RedisKeys;
  protected readonly operatorCalls: OperatorCalls;
  private readonly scripts: RedisScripts;
  private readonly subscriber: RedisSubscriber;
  private readonly ownsConnection: boolean;
  private closing: Promise<void> | undefined;
  private readonly settles: SettleBatcher;
  /** This instance's hand-over channel: enqueues publish there the jobs they claimed for its waits. */
  private readonly pushChannel = randomUUID();
  private waitsReady: Promise<ClaimWaits> | undefined;
  private waits: ClaimWaits | undefined;
  protected readonly triggerStore: TriggerStore;
  protected readonly scheduleStore: RedisSchedules;

  constructor(options: RedisQueueOptions = {}) {
    super();
    this.options = resolveRedisQueueOptions(options);
    const { connection, connectionName, prefix, logger } = this.options;
    this.ownsConnection = typeof connection === 'string';
    this.redis = typeof connection === 'string' ? openConnection(connection, connectionName) : connection;
    if (this.ownsConnection) {
      this.redis.on('error', (err: Error) => logger.warn({ err }, 'Redis connection error'));
    }
    this.keys = new RedisKeys(prefix);
    this.scripts = registerScripts(this.redis, this.keys.base, this.options.functions);
    this.operatorCalls = redisOperatorCalls(this.redis, this.scripts, this.keys.base);
    this.settles = new SettleBatcher(this.scripts.settle);
    this.triggerStore = new RedisTriggers(this.redis, this.keys, this.scripts);
    this.scheduleStore = new RedisSchedules(this.redis, this.keys, this.scripts);
    this.subscriber = new RedisSubscriber({ main: this.redis, keys: this.keys, connectionName, logger });
  }

  async enqueue(request: EnqueueRequest, options?: EnqueueOptions): Promise<EnqueueResult> {
    const [result] = await this.enqueueMany([request], options);
    if (!result) throw new Error('The enqueue script returned no result');
    return result;
  }

  async enqueueMany(requests: readonly EnqueueRequest[], options?: EnqueueOptions): Promise<EnqueueResult[]> {
    options?.signal?.throwIfAborted();
    refuseTransaction(options, 'the Redis queue');
    if (requests.length === 0) return [];
    checkEnqueueRequests(requests);
    const { ids, encoded, args } = enqueueArgs(requests);
    const replies = (await this.scripts.enqueue(args).catch(refuseMissingParent)) as EnqueueReply[];
    return enqueueResults(requests, ids, encoded, replies);
  }

  async claim(request: ClaimRequest): Promise<JobRecord[]> {
    checkClaimRequest(request);
    if (request.queues.length === 0 || request.types.length === 0) return [];
    if (this.options.claimWaitMs === 0 || this.closing) return (await this.runClaim(request, '')).jobs;
    // sent in this tick: an await first would let work queued meanwhile (an enqueue) overtake it
    if (this.waits) return this.waits.claim(request);
    this.waitsReady ??= this.openWaits().then(
      (waits) => {
        this.waits = waits;
        return waits;
      },
      (error: unknown) => {
        this.waitsReady = undefined;
        throw error;
      },
    );
    return (await this.waitsReady).claim(request);
  }

  /** Runs the claim script; see `RunClaim`. */
  private async runClaim(
    request: ClaimRequest,
    unwait: string,
    next?: { ms: number; token: string } | 'end',
  ): Promise<ClaimReply> {
    const { worker, limit, leaseMs, maxPerCustomer } = request;
    const groups = new Map<string, string>();
    for (const queue of request.queues)
      for (const type of request.types) groups.set(readyGroup(queue, type), queue);
    const { claimScanLimit, promoteBatchSize } = this.options;
    const reply = (await this.scripts.claim(
      worker.id,
      JSON.stringify(worker),
      Math.floor(limit),
      Math.ceil(leaseMs),
      maxPerCustomer === undefined ? '' : Math.floor(maxPerCustomer),
      claimScanLimit,
      promoteBatchSize,
      unwait,
      next === undefined ? '' : next === 'end' ? '-' : next.ms,
      next === undefined || next === 'end' ? '' : next.token,
      next === undefined || next === 'end' ? '' : this.waiterSpec(request, groups),
      [...groups].flat(),
    )) as string;
    return decodeClaimReply(reply, worker);
  }

  /** A waiting claimer as the enqueue script reads it (see `CLAIM_WAIT`). */
  private waiterSpec(request: ClaimRequest, groups: ReadonlyMap<string, string>): string {
    const { worker, limit, leaseMs, maxPerCustomer } = request;
    return JSON.stringify({
      w: worker.id,
      j: JSON.stringify(worker),
      l: Math.floor(limit),
      ms: Math.ceil(leaseMs),
      mp: maxPerCustomer === undefined ? undefined : Math.floor(maxPerCustomer),
      s: this.options.claimScanLimit,
      c: this.pushChannel,
      g: [...groups.keys()],
      q: [...groups.values()],
    });
  }

  /** Subscribes to this queue's hand-over channel and to changes, for claims that wait. */
  private async openWaits(): Promise<ClaimWaits> {
    const waits = new ClaimWaits({
      waitMs: this.options.claimWaitMs,
      channel: this.pushChannel,
      run: (request, unwait, next) => this.runClaim(request, unwait, next),
      decode: (reply, request) => decodeClaimReply(reply, request.worker).jobs,
      release: async (request, jobs) => {
        await Promise.all(jobs.map((job) => this.release(job.id, request.worker.id)));
      },
    });
    const keyPrefix = this.redis.options.keyPrefix ?? '';
    await this.subscriber.onMessage(this.keys.pushChannel(keyPrefix, this.pushChannel), (message) =>
      waits.onPush(message),
    );
    await this.subscriber.onChange((change) => waits.onChange(change), true);
    return waits;
  }

  async heartbeat(workerId: string, jobIds: readonly string[], leaseMs: number): Promise<string[]> {
    checkPositiveInteger('leaseMs', leaseMs);
    if (jobIds.length === 0) return [];
    return (await this.scripts.heartbeat(workerId, leaseMs, jobIds)) as string[];
  }

  async complete(jobId: string, workerId: string, result: JobResult): Promise<boolean> {
    return this.settles.add('complete', jobId, workerId, JSON.stringify(result));
  }

  async fail(jobId: string, workerId: string, request: FailRequest): Promise<boolean> {
    const retryAt = request.retryAt === undefined ? '' : String(request.retryAt.getTime());
    return this.settles.add('fail', jobId, workerId, JSON.stringify(request.errorInfo), retryAt);
  }

  async markCancelled(jobId: string, workerId: string, result: JobResult): Promise<boolean> {
    return this.settles.add('cancelled', jobId, workerId, JSON.stringify(result));
  }

  async release(jobId: string, workerId: string): Promise<boolean> {
    return this.settles.add('release', jobId, workerId, '');
  }

  async recoverExpiredLeases(): Promise<string[]> {
    return (await this.scripts.recover(this.options.recoverBatchSize)) as string[];
  }

  async requestCancel(jobId: string, options: { customerId?: string } = {}): Promise<CancelOutcome> {
    const { customerId } = options;
    const checkCustomer = customerId === undefined ? '0' : '1';
    return (await this.scripts.requestCancel(jobId, checkCustomer, customerId ?? '')) as CancelOutcome;
  }

  async onCancelRequest(workerId: string, listener: (jobId: string) => void): Promise<Unsubscribe> {
    return this.subscriber.onCancel(workerId, listener);
  }

  async get(jobId: string, options: { customerId?: string } = {}): Promise<JobRecord | undefined> {
    // MULTI: the lease expiry (kept in the leases zset) is read with the hash it belongs to
    const replies = await this.redis
      .multi()
      .hgetall(this.keys.job(jobId))
      .zscore(this.keys.leases(), jobId)
      .exec();
    const [hashReply, leaseReply] = replies ?? [];
    if (hashReply?.[0]) throw hashReply[0];
    if (leaseReply?.[0]) throw leaseReply[0];
    const job = decodeJob(
      (hashReply?.[1] ?? {}) as Record<string, string>,
      jobId,
      leaseReply?.[1] as string | null,
    );
    if (!job || (options.customerId !== undefined && job.customerId !== options.customerId)) return undefined;
    return job;
  }

  async list(filter: ListJobsFilter = {}): Promise<JobPage> {
    const limit = listPageSize(filter.limit);
    const before = filter.cursor === undefined ? undefined : decodeCursor(filter.cursor);
    const reply = (await this.scripts.list(listArgs(filter, limit, before, this.options.listScanLimit))) as [
      string,
      Array<string | FlatHash>,
    ];
    const [cursor, items] = reply;
    const jobs: JobRecord[] = [];
    for (let i = 0; i + 1 < items.length; i += 2) {
      const job = decodeJob(items[i + 1] as FlatHash, items[i] as string);
      // Labels are not indexed: a page keeps the scanned jobs that carry them (it may hold fewer than asked; the cursor goes on).
      if (job && jobHasLabels(job, filter.metadata)) jobs.push(job);
    }
    return { items: jobs, nextCursor: cursor === '' ? undefined : encodeCursor(cursor) };
  }

  /** Per queue and state, exactly, from the counts the scripts keep on every move (nothing scanned). */
  countJobs(filter?: JobCountsFilter): Promise<JobCounts> {
    return countRedisJobs(this.redis, this.scripts, this.keys.base, filter);
  }

  async appendLog(jobId: string, entries: readonly NewLogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const last = await this.scripts.appendLog(jobId, progressOf(entries), entries.map(encodeLogEntry));
    if (last === 0) throw new JobNotFoundError(jobId);
  }

  async getLog(jobId: string, options: { afterSeq?: number } = {}): Promise<LogEntry[]> {
    const after = Math.max(0, Math.floor(options.afterSeq ?? 0));
    const raw = await this.redis.lrange(this.keys.log(jobId), after, -1);
    return raw.map(decodeLogEntry);
  }

  async acquireLock(name: string, owner: string, ttlMs: number): Promise<boolean> {
    return (await this.scripts.acquireLock(name, owner, lockTtlMs(ttlMs))) === 1;
  }

  async extendLock(name: string, owner: string, ttlMs: number): Promise<boolean> {
    return (await this.scripts.extendLock(name, owner, lockTtlMs(ttlMs))) === 1;
  }

  async releaseLock(name: string, owner: string): Promise<boolean> {
    return (await this.scripts.releaseLock(name, owner)) === 1;
  }

  async cleanup(policy: RetentionPolicy): Promise<number> {
    const batch = checkRetentionPolicy(policy);
    const ages = [policy.succeededMs, policy.cancelledMs, policy.failedMs];
    return (await this.scripts.cleanup(batch, ...ages.map((ms) => Math.floor(ms)))) as number;
  }

  async subscribe(listener: (change: QueueChange) => void, options?: SubscribeOptions): Promise<Unsubscribe> {
    return this.subscriber.onChange(listener, options?.wakeUpsOnly === true);
  }

  /** Closes the pub/sub connection, and the command connection when the queue opened it. */
  async close(): Promise<void> {
    this.closing ??= (async () => {
      // attempt ends already accepted still reach Redis
      await this.settles.drain().catch(() => undefined);
      // waits end first: their last claims need the connections
      const waits = await this.waitsReady?.catch(() => undefined);
      await waits?.close();
      await this.subscriber.close();
      if (this.ownsConnection) await closeConnection(this.redis);
    })();
    return this.closing;
  }
}
