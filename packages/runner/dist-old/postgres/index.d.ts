import { Logger, QueueAdapter, TriggerStore, EnqueueRequest, EnqueueOptions, EnqueueResult, ClaimRequest, JobRecord, JobResult, FailRequest, CancelOutcome, Unsubscribe, ListJobsFilter, JobPage, JobCountsFilter, JobCounts, NewLogEntry, LogEntry, ScheduleRecord, RetentionPolicy, QueueChange, SubscribeOptions } from '@hangar/core';
import pg from 'pg';
import { O as OperatorCallsBase, a as OperatorCalls } from '../operator-calls-ACN_q-1b.js';
import '../trigger-calls-base-eyjTZDEw.js';

/** Latest schema version this code knows. */
declare const LATEST_SCHEMA_VERSION: number;

/** Options of a `PostgresQueue`. Give either `connectionString` or `pool`. */
interface PostgresQueueOptions {
    /**
     * Connection string of the database, e.g. `postgres://user@host:5432/db`. The queue then
     * creates its own pool and ends it on `close()`.
     * @defaultValue undefined
     */
    connectionString?: string;
    /**
     * An existing pool to use instead of `connectionString`. It stays open after `close()`; the
     * queue keeps one of its connections checked out for LISTEN while anyone subscribes. The pool
     * the queue creates turns JIT compilation off (`options: '-c jit=off'`), which a large `job`
     * table otherwise triggers on every enqueue; give yours the same setting.
     * @defaultValue undefined
     */
    pool?: pg.Pool;
    /**
     * Schema holding the queue's tables; created by the migrations. Lower-case letters, digits
     * and `_`, at most 48 characters (the NOTIFY channel name is derived from it).
     * @defaultValue 'hangar'
     */
    schema?: string;
    /**
     * Size of the pool the queue creates from `connectionString` (one connection is used for
     * LISTEN once something subscribes).
     * @defaultValue 10
     */
    poolSize?: number;
    /**
     * Period of the slow safety poll for cancellation requests, which catches notifications
     * lost while the listening connection was down. NOTIFY delivers them at once otherwise.
     * @defaultValue 5000
     */
    pollIntervalMs?: number;
    /**
     * First delay before reconnecting the listening connection after it drops; doubled on each
     * failure up to `maxReconnectDelayMs`.
     * @defaultValue 100
     */
    reconnectDelayMs?: number;
    /**
     * Longest delay between two reconnection attempts of the listening connection.
     * @defaultValue 5000
     */
    maxReconnectDelayMs?: number;
    /**
     * Runs the migrations before the first operation. Turn it off when migrations are applied
     * by a deployment step calling `migrate()`.
     * @defaultValue true
     */
    autoMigrate?: boolean;
    /**
     * `application_name` of the connections the queue opens, shown in `pg_stat_activity`.
     * @defaultValue 'hangar'
     */
    applicationName?: string;
    /**
     * How long `countJobs` keeps its counts of finished jobs before counting again; live jobs are
     * counted on every call.
     * @defaultValue 5000
     */
    countCacheMs?: number;
    /**
     * Finished jobs of one state `countJobs` counts exactly; past it, the count is the planner's
     * estimate from the table statistics, flagged `estimated`.
     * @defaultValue 10000
     */
    exactCountLimit?: number;
    /**
     * Logger for connection problems.
     * @defaultValue silentLogger
     */
    logger?: Logger;
}
/** Defaults of the optional settings. */
declare const POSTGRES_QUEUE_DEFAULTS: {
    readonly schema: "hangar";
    readonly poolSize: 10;
    readonly pollIntervalMs: 5000;
    readonly reconnectDelayMs: 100;
    readonly maxReconnectDelayMs: 5000;
    readonly autoMigrate: true;
    readonly applicationName: "hangar";
    readonly countCacheMs: 5000;
    readonly exactCountLimit: 10000;
};

/**
 * The PostgreSQL queue: durable jobs in the queue's own schema, claimed with
 * `FOR UPDATE SKIP LOCKED`, leases recovered after a crash, and changes pushed to every
 * process with LISTEN/NOTIFY. Safe to run from any number of processes on one database.
 */
declare class PostgresQueue extends OperatorCallsBase implements QueueAdapter {
    /** Adapter name for logs. */
    readonly name = "postgres";
    private readonly options;
    private readonly pool;
    private readonly ownsPool;
    private readonly names;
    private readonly sql;
    protected readonly operatorCalls: OperatorCalls;
    protected readonly triggerStore: TriggerStore;
    private readonly locks;
    private readonly schedules;
    private readonly hub;
    private readonly counts;
    private readonly insertSql;
    private migrated;
    private closed;
    /**
     * Completions coalesced into batch statements, sent once the current turn of the event loop
     * is over; two statements on their way keep both the database and this process busy. A job
     * completed twice waits for the next statement, so only its first completion succeeds.
     */
    private readonly completions;
    /** Validates the options (throwing `ConfigurationError`); connects lazily. */
    constructor(options: PostgresQueueOptions);
    /** Creates a queue and migrates its schema before returning it. */
    static connect(options: PostgresQueueOptions): Promise<PostgresQueue>;
    /** Creates or upgrades the schema; safe to run from many processes at once. Returns versions applied. */
    migrate(): Promise<number[]>;
    enqueue(request: EnqueueRequest, options?: EnqueueOptions): Promise<EnqueueResult>;
    enqueueMany(requests: readonly EnqueueRequest[], options?: EnqueueOptions): Promise<EnqueueResult[]>;
    claim(request: ClaimRequest): Promise<JobRecord[]>;
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
    /** Per queue and state: live jobs exactly, finished ones up to `exactCountLimit`, then estimated. */
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
    /** Stops listening and polling, and ends the pool if the queue created it. */
    close(): Promise<void>;
    /** Not through `rows`: completions accepted before `close()` are still sent. */
    private sendCompletions;
    private transition;
    private ready;
    /**
     * Runs a query; with `name` (hot statements only, on the queue's pool) as a named prepared
     * statement, which each connection parses and plans once.
     */
    private rows;
    private exec;
    private assertOpen;
}

/**
 * Anything that runs a parameterised query: a `pg.Pool`, or the `pg.Client` / `pg.PoolClient`
 * of a transaction the caller opened (passed as `EnqueueOptions.transaction`).
 */
interface SqlClient {
    /** Runs `text` with positional `$n` parameters. */
    query(text: string, values?: unknown[]): Promise<{
        rows: unknown[];
        rowCount: number | null;
    }>;
}

export { LATEST_SCHEMA_VERSION, POSTGRES_QUEUE_DEFAULTS, PostgresQueue, type PostgresQueueOptions, type SqlClient };
