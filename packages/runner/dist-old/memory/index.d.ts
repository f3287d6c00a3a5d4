import { JobRecord, LogEntry, ScheduleRecord, TriggerRecord, RunnerRecord, QueueChange, JobState, QueueAdapter, TriggerStore, EnqueueRequest, EnqueueOptions, EnqueueResult, ClaimRequest, JobResult, FailRequest, CancelOutcome, RetryRequest, RetryOutcome, DeleteOutcome, Unsubscribe, ListJobsFilter, JobPage, JobCountsFilter, JobCounts, NewLogEntry, RunnerInfo, QueueDepth, RetentionPolicy, SubscribeOptions } from '@hangar/core';
import { T as TriggerCallsBase } from '../trigger-calls-base-eyjTZDEw.js';
import { EventEmitter } from 'eventemitter3';

/**
 * A min-queue ordered by `less`: a binary heap beside a sorted lane. An item pushed in order
 * (not less than the lane's last) is appended to the lane, O(1); any other goes to the heap,
 * O(log n); a pop takes the smaller of the lane's first and the heap's top. Jobs mostly arrive
 * in the order they run (enqueued now, one after the other), so on the memory queue nearly every
 * job passes through the lane: a claim of 20,000 jobs in a row spent a twentieth of its time
 * sifting the heap, which the lane does not.
 */
declare class BinaryHeap<T> {
    private readonly less;
    private readonly items;
    /** Sorted items from `head` on; the slots before it were taken. */
    private lane;
    private head;
    constructor(less: (a: T, b: T) => boolean);
    /** Number of items. */
    get size(): number;
    /** The smallest item without removing it. */
    peek(): T | undefined;
    /** Adds an item. */
    push(item: T): void;
    /** Removes and returns the smallest item. */
    pop(): T | undefined;
    private shiftLane;
    private popHeap;
}

/** A runnable job's place in the ready heap. */
interface ReadyEntry {
    id: string;
    priority: number;
    runAt: number;
    seq: number;
}
interface StoreEvents {
    change: (change: QueueChange) => void;
    /** Only the changes that may make a job claimable (`isWakeUp`), for workers. */
    wake: (change: QueueChange) => void;
    /** A cancellation request for a job a worker holds (`MemoryQueue.onCancelRequest`). */
    cancel: (workerId: string, jobId: string) => void;
}
/**
 * The state behind one or more `MemoryQueue` instances in one process. Several instances over
 * one store behave like several runners sharing a database.
 */
declare class MemoryStore {
    readonly jobs: Map<string, JobRecord>;
    readonly seqOf: Map<string, number>;
    readonly logs: Map<string, LogEntry[]>;
    readonly idempotency: Map<string, string>;
    readonly locks: Map<string, {
        owner: string;
        expiresAt: number;
    }>;
    readonly schedules: Map<string, ScheduleRecord>;
    /** Event triggers by name. */
    readonly triggers: Map<string, TriggerRecord>;
    /** Runner advertisements by runner id. */
    readonly runners: Map<string, RunnerRecord>;
    /** Awaiting children by the id of a parent that has not ended yet. */
    readonly children: Map<string, Set<string>>;
    /** Parents each Awaiting child still waits for. */
    readonly pendingParents: Map<string, number>;
    /** Concurrency keys held by Processing jobs. */
    readonly heldKeys: Map<string, string>;
    /** Processing jobs per customer. */
    readonly runningPerCustomer: Map<string, number>;
    readonly ready: Map<string, BinaryHeap<ReadyEntry>>;
    readonly delayed: BinaryHeap<ReadyEntry>;
    /** Its channels; listen to `change` and `wake` through `listen`, which keeps their counts. */
    readonly events: EventEmitter<StoreEvents, any>;
    private seq;
    private lastDate;
    /** Listeners of each channel (`listen`). */
    private readonly listeners;
    /** Next sequence number (enqueue order). */
    nextSeq(): number;
    /** The ready heap of a queue. */
    readyHeap(queue: string): BinaryHeap<ReadyEntry>;
    /** Puts a runnable job in the ready heap, or the delayed heap when not due. */
    schedule(job: JobRecord, now: number): void;
    /**
     * The date of `now` (ms) for the store's records. One object serves every record written in
     * the same millisecond: the store never changes a date in place (it assigns a new one) and
     * hands out only copies, and a no-op job's few dates per transition, each kept as long as
     * its record, were much of the garbage collector's work.
     */
    dateAt(now: number): Date;
    /**
     * Listens to one channel until the returned function is called (once). The store counts its
     * listeners itself: eventemitter3's `listenerCount` builds its key string on every call, and
     * asking it twice per job transition was a thirtieth of the memory queue's time per job.
     */
    listen(channel: 'change' | 'wake', handler: (change: QueueChange) => void): () => void;
    /** Whether anyone listens for a move to `state` (else the change need not be built). */
    watches(state: JobState): boolean;
    /** Publishes a change to every subscriber of this store. */
    publish(change: QueueChange): void;
}

/** Options of the in-memory queue. */
interface MemoryQueueOptions {
    /** Share one store between several queues (like several runners on one database). @defaultValue a new store */
    store?: MemoryStore;
}
/**
 * The embedded, in-process queue: complete (it passes the whole adapter contract) and fast, but
 * jobs live only as long as the process. Use Postgres or Redis to survive restarts or scale out.
 * It cannot join a caller's transaction: `enqueue(…, { transaction })` is `ConfigurationError`
 * naming `transaction`, as on Redis, rather than a job stored whatever the transaction does.
 */
declare class MemoryQueue extends TriggerCallsBase implements QueueAdapter {
    readonly name = "memory";
    /** The shared state; pass it to another MemoryQueue to simulate a second runner. */
    readonly store: MemoryStore;
    private readonly cleanups;
    private readonly coordination;
    protected readonly triggerStore: TriggerStore;
    constructor(options?: MemoryQueueOptions);
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
    retryJob(jobId: string, request: RetryRequest): Promise<RetryOutcome>;
    deleteJob(jobId: string, options?: {
        customerId?: string;
    }): Promise<DeleteOutcome>;
    onCancelRequest(workerId: string, listener: (jobId: string) => void): Promise<Unsubscribe>;
    get(jobId: string, options?: {
        customerId?: string;
    }): Promise<JobRecord | undefined>;
    list(filter?: ListJobsFilter): Promise<JobPage>;
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
    advertiseRunner(info: RunnerInfo, ttlMs: number): Promise<void>;
    withdrawRunner(id: string): Promise<void>;
    listRunners(): Promise<RunnerRecord[]>;
    queueDepths(): Promise<QueueDepth[]>;
    cleanup(policy: RetentionPolicy): Promise<number>;
    subscribe(listener: (change: QueueChange) => void, options?: SubscribeOptions): Promise<Unsubscribe>;
    close(): Promise<void>;
    private visible;
    private held;
    /**
     * Moves `job` to `to` with the other changes of the same step (`apply`), and only then tells
     * the subscribers: a listener runs synchronously inside `publish`, and one that reads the job
     * there (as `waitFor` does) must see the record as `get` will return it from then on.
     */
    private transition;
    /**
     * The end of a move whose caller already checked it (`assertTransition`) and made its other
     * changes: the claim and the end of a job, which `transition` would cost a closure each.
     */
    private entered;
    private leaveProcessing;
    private requeue;
    /**
     * Ends `job` and, in the same step, settles the Awaiting children that wait on it: one whose
     * condition this ending breaks is cancelled naming it (and its own children settled in turn);
     * one for which it was the last parent is released.
     */
    private finish;
}

export { MemoryQueue, type MemoryQueueOptions, MemoryStore };
