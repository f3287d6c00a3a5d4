import { Logger, QueueAdapter, TriggerStore, EnqueueRequest, EnqueueOptions, EnqueueResult, ClaimRequest, JobRecord, JobResult, FailRequest, CancelOutcome, Unsubscribe, ListJobsFilter, JobPage, JobCountsFilter, JobCounts, NewLogEntry, LogEntry, ScheduleRecord, RetentionPolicy, QueueChange, SubscribeOptions } from '@hangar/core';
import { Redis } from 'ioredis';
import { O as OperatorCallsBase, a as OperatorCalls } from '../operator-calls-Dnz6vuXB.cjs';
import '../trigger-calls-base-eyjTZDEw.cjs';

/** Options of the Redis queue. */
interface RedisQueueOptions {
    /**
     * An ioredis client or a `redis://` / `rediss://` URL. A client you pass stays yours: `close()`
     * leaves it open. The queue always opens one extra connection of its own for pub/sub.
     * @defaultValue 'redis://127.0.0.1:6379'
     */
    connection?: Redis | string;
    /**
     * Key prefix of this deployment; every key and channel starts with `<prefix>:`. Wrap it in braces
     * (`{hangar}`) to keep all keys in one hash slot behind a cluster proxy.
     * @defaultValue 'hangar'
     */
    prefix?: string;
    /** Name shown by `CLIENT LIST` for the connections the queue opens. @defaultValue 'hangar' */
    connectionName?: string;
    /** At most this many due delayed jobs are promoted per claim. @defaultValue 1000 */
    promoteBatchSize?: number;
    /**
     * At most this many ready entries a claim examines (claimed or set aside because their
     * concurrency key or customer is busy), which bounds the time Redis spends in one script.
     * @defaultValue 1000
     */
    claimScanLimit?: number;
    /** At most this many expired leases handled per `recoverExpiredLeases` call. @defaultValue 1000 */
    recoverBatchSize?: number;
    /** At most this many index entries one `list` page examines before returning a cursor. @defaultValue 5000 */
    listScanLimit?: number;
    /** Where connection problems of the pub/sub connection are reported. @defaultValue silentLogger */
    logger?: Logger;
    /**
     * Run the scripts as a Redis 7 function library (FCALL), loaded once with FUNCTION LOAD, which
     * saves Redis setting the shared Lua up again on every call. A server that refuses FUNCTION LOAD
     * (Redis 6.2, an ACL without it) gets EVALSHA instead; `false` always uses EVALSHA.
     * @defaultValue true
     */
    functions?: boolean;
    /**
     * How long a claim that finds no job waits for one, in ms. While it waits, an enqueue of its
     * queues claims for it in the same atomic step and hands the jobs over by message, so an idle
     * worker starts a job one round trip after its enqueue instead of two. The wait ends early when
     * a job becomes runnable another way (retry, release, expired lease), and never lasts past the
     * next scheduled run-at. 0 returns at once.
     * @defaultValue 1000
     */
    claimWaitMs?: number;
}
/** The options with every default applied. */
interface ResolvedRedisQueueOptions extends Required<Omit<RedisQueueOptions, 'connection'>> {
    /** The client or URL to connect with. */
    connection: Redis | string;
}
/** Defaults of every Redis queue option. */
declare const REDIS_QUEUE_DEFAULTS: {
    connection: string;
    prefix: string;
    connectionName: string;
    promoteBatchSize: number;
    claimScanLimit: number;
    recoverBatchSize: number;
    listScanLimit: number;
    logger: Logger;
    functions: true;
    claimWaitMs: number;
};

/**
 * The Redis queue adapter: every state change is one Lua script, so it is atomic and safe with
 * any number of runner processes; events and cancellations travel over pub/sub.
 */
declare class RedisQueue extends OperatorCallsBase implements QueueAdapter, TriggerStore {
    readonly name = "redis";
    /** The options in effect, defaults applied. */
    readonly options: Readonly<ResolvedRedisQueueOptions>;
    /** The command connection (yours when you passed a client). */
    readonly redis: Redis;
    private readonly keys;
    protected readonly operatorCalls: OperatorCalls;
    private readonly scripts;
    private readonly subscriber;
    private readonly ownsConnection;
    private closing;
    private readonly settles;
    /** This instance's hand-over channel: enqueues publish there the jobs they claimed for its waits. */
    private readonly pushChannel;
    private waitsReady;
    private waits;
    protected readonly triggerStore: TriggerStore;
    constructor(options?: RedisQueueOptions);
    enqueue(request: EnqueueRequest, options?: EnqueueOptions): Promise<EnqueueResult>;
    enqueueMany(requests: readonly EnqueueRequest[], options?: EnqueueOptions): Promise<EnqueueResult[]>;
    claim(request: ClaimRequest): Promise<JobRecord[]>;
    /** Runs the claim script; see `RunClaim`. */
    private runClaim;
    /** A waiting claimer as the enqueue script reads it (see `CLAIM_WAIT`). */
    private waiterSpec;
    /** Subscribes to this queue's hand-over channel and to changes, for claims that wait. */
    private openWaits;
    heartbeat(workerId: string, jobIds: readonly string[], leaseMs: number): Promise<string[]>;
    complete(jobId: string, workerId: string, result: JobResult): Promise<boolean>;
    fail(jobId: string, workerId: string, request: FailRequest): Promise<boolean>;
    markCancelled(jobId: string, workerId: string, result: JobResult): Promise<boolean>;
    release(jobId: string, workerId: string): Promise<boolean>;
    recoverExpiredLeases(): Promise<string[]>;
    requestCancel(jobId: string, options?: {
        customerId?: string;
    }): Promise<CancelOutcome>;
    onCancelRequest(workerId: string, listener: (jobId: string) => void): Promise<Unsubscribe>;
    get(jobId: string, options?: {
        customerId?: string;
    }): Promise<JobRecord | undefined>;
    list(filter?: ListJobsFilter): Promise<JobPage>;
    /** Per queue and state, exactly, from the counts the scripts keep on every move (nothing scanned). */
    countJobs(filter?: JobCountsFilter): Promise<JobCounts>;
    appendLog(jobId: string, entries: readonly NewLogEntry[]): Promise<void>;
    getLog(jobId: string, options?: {
        afterSeq?: number;
    }): Promise<LogEntry[]>;
    acquireLock(name: string, owner: string, ttlMs: number): Promise<boolean>;
    extendLock(name: string, owner: string, ttlMs: number): Promise<boolean>;
    releaseLock(name: string, owner: string): Promise<boolean>;
    saveSchedule(schedule: ScheduleRecord): Promise<void>;
    getSchedule(name: string): Promise<ScheduleRecord | undefined>;
    listSchedules(): Promise<ScheduleRecord[]>;
    deleteSchedule(name: string): Promise<boolean>;
    advanceSchedule(name: string, expected: Date, next: Date | null, firedAt: Date): Promise<boolean>;
    cleanup(policy: RetentionPolicy): Promise<number>;
    subscribe(listener: (change: QueueChange) => void, options?: SubscribeOptions): Promise<Unsubscribe>;
    /** Closes the pub/sub connection, and the command connection when the queue opened it. */
    close(): Promise<void>;
}

export { REDIS_QUEUE_DEFAULTS, RedisQueue, type RedisQueueOptions, type ResolvedRedisQueueOptions };
