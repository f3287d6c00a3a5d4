import { T as TracingOptions, R as ResolvedTracingOptions, J as JobRegistry, H as HangarClient, E as EnqueueCallOptions } from './hangar-client-iJw3uohK.cjs';
export { C as ClientOptions, D as DeclaredStep, a as JobId, b as JobRecordOf, c as JobTypeInfo, S as ScheduleEnqueue, d as ScheduleInput, e as ScheduleManager, f as TRACEPARENT_KEY, g as TRACING_DEFAULTS, h as TracerProviderLike, i as TriggerInput, j as TriggerManager, k as TypedEnqueueResult, W as WaitForOptions, l as WorkflowCallOptions, m as WorkflowCancelOutcome, n as WorkflowOperations, o as WorkflowStepCondition, p as WorkflowStepState, q as WorkflowStepView, r as WorkflowStepWhen, s as WorkflowView, t as createClient, w as workflowView } from './hangar-client-iJw3uohK.cjs';
import { ServiceResolver, HangarPlugin, ServiceRegistration, ServiceToken, QueueAdapter, AnyJobDefinition, RetentionPolicy, Logger, HangarEvents, WorkerIdentity, JobSubmitter, JobContext, SubmitOptions, JobRecord, SubmitRequest, JobWatch, CancelOutcome, EnqueueResult, TriggerEndState } from '@hangar/core';
export { MemoryQueue, MemoryQueueOptions, MemoryStore } from './memory/index.cjs';
import { EventEmitter } from 'eventemitter3';
import './trigger-calls-base-eyjTZDEw.cjs';

/**
 * The typedi container a runner assembles its plugins' services into. Each runner gets its own
 * container instance, so two runners in one process never share services by accident.
 */
declare class PluginContainer implements ServiceResolver {
    private readonly id;
    private readonly container;
    constructor(plugins: readonly HangarPlugin[], extra: readonly ServiceRegistration[]);
    /** Registers one service; a later registration of the same token replaces the earlier one. */
    register(reg: ServiceRegistration): void;
    get<T>(token: ServiceToken<T>): T;
    has(token: ServiceToken<unknown>): boolean;
    /** Drops the container and its service instances. */
    dispose(): Promise<void>;
}

/** Options of `createRunner`. */
interface RunnerOptions {
    /** Where jobs are stored: `MemoryQueue`, `PostgresQueue` or `RedisQueue`. */
    queue: QueueAdapter;
    /** Plugins whose job types and services this runner registers. @defaultValue [] */
    plugins?: readonly HangarPlugin[];
    /** Extra job types registered directly, without a plugin. @defaultValue [] */
    jobs?: readonly AnyJobDefinition[];
    /** Job types this runner executes; others are left to other runners. @defaultValue every registered type */
    jobTypes?: readonly string[];
    /** Queues served and their concurrency. @defaultValue `{ default: concurrency }` */
    queues?: Readonly<Record<string, number>>;
    /** Concurrency of each queue named without its own. @defaultValue 4 */
    concurrency?: number;
    /**
     * Lease length; a job whose worker stops heartbeating is handed out again by the next recovery
     * pass after it, so at most `leaseMs` + `recoveryIntervalMs` after its worker died. @defaultValue 30_000
     */
    leaseMs?: number;
    /** How often running jobs' leases are extended. @defaultValue leaseMs / 3 */
    heartbeatMs?: number;
    /** Safety poll of an idle worker (change events wake it sooner). @defaultValue 1000 */
    pollIntervalMs?: number;
    /** How often expired leases of dead workers are recovered (adds up to this much to `leaseMs`). @defaultValue 5000 */
    recoveryIntervalMs?: number;
    /** How often due recurring schedules are checked, and event triggers swept. @defaultValue 1000 */
    schedulerIntervalMs?: number;
    /**
     * An event trigger's sweep looks only at jobs that ended at least this long ago (by the
     * backend's clock), so an end still being committed with an earlier time is not passed over;
     * ends seen by the runner that records them fire at once. @defaultValue 1000
     */
    triggerSettleMs?: number;
    /** On shutdown, how long running jobs may finish before they are aborted and handed back. @defaultValue 10_000 */
    shutdownGraceMs?: number;
    /** After abort, how long a job may take to stop before the runner stops waiting for it. @defaultValue 5000 */
    abortGraceMs?: number;
    /** At most this many running jobs per customer across all runners. @defaultValue no limit */
    maxPerCustomer?: number;
    /** Retention of finished jobs; `false` disables cleanup. @defaultValue 7 days succeeded/cancelled, 30 days failed */
    retention?: RetentionPolicy | false;
    /** How often retention cleanup runs. @defaultValue 60_000 */
    cleanupIntervalMs?: number;
    /** Extra services for jobs, besides the plugins' own. @defaultValue [] */
    services?: readonly ServiceRegistration[];
    /**
     * Structured logger (pino-compatible); pass `silentLogger` from `@hangar/core` for none.
     * @defaultValue JSON lines on stderr at `warn` and above: failed jobs and worker errors
     */
    logger?: Logger;
    /** Stop gracefully on SIGTERM and SIGINT. @defaultValue false */
    handleSignals?: boolean;
    /** Worker id recorded on each job it runs. @defaultValue `<host>:<pid>:<random>` */
    workerId?: string;
    /**
     * OpenTelemetry spans of enqueues and attempts (needs the optional peer `@opentelemetry/api` 1):
     * `true`, or `{ tracerProvider, tracerName }`. @defaultValue false
     */
    tracing?: boolean | TracingOptions;
}
/** The defaults of every optional runner option. */
declare const RUNNER_DEFAULTS: {
    readonly plugins: readonly [];
    readonly jobs: readonly [];
    readonly concurrency: 4;
    readonly leaseMs: 30000;
    readonly pollIntervalMs: 1000;
    readonly recoveryIntervalMs: 5000;
    readonly schedulerIntervalMs: 1000;
    readonly triggerSettleMs: 1000;
    readonly shutdownGraceMs: 10000;
    readonly abortGraceMs: 5000;
    readonly retention: {
        readonly succeededMs: number;
        readonly cancelledMs: number;
        readonly failedMs: number;
        readonly batchSize: 1000;
    };
    readonly cleanupIntervalMs: 60000;
    readonly services: readonly [];
    readonly logger: Logger;
    readonly handleSignals: false;
};
/** Runner options with every default applied. */
type ResolvedRunnerOptions = Required<Omit<RunnerOptions, 'jobTypes' | 'maxPerCustomer' | 'workerId' | 'queues' | 'tracing'>> & {
    tracing: ResolvedTracingOptions | undefined;
    jobTypes: readonly string[] | undefined;
    maxPerCustomer: number | undefined;
    workerId: string | undefined;
    queues: Readonly<Record<string, number>>;
};
/** Applies defaults and checks every option, naming the one to fix. */
declare function resolveRunnerOptions(options: RunnerOptions): ResolvedRunnerOptions;

/** Hosts a set of job types: claims and runs them, recovers dead workers' jobs, fires schedules. */
declare class HangarRunner {
    /** Typed events of the runner and its client. */
    readonly events: EventEmitter<HangarEvents>;
    /** Registered job types and messages. */
    readonly registry: JobRegistry;
    /** Client on the same queue and registry. */
    readonly client: HangarClient;
    /** The typedi-backed service container of the plugins. */
    readonly services: PluginContainer;
    /** Identity recorded on every job this runner runs. */
    readonly worker: WorkerIdentity;
    /** Job types this runner executes. */
    readonly jobTypes: readonly string[];
    private readonly options;
    private readonly logger;
    private readonly pool;
    private readonly scheduler;
    private readonly triggers;
    private timers;
    private startedAt;
    private stopTracing;
    private unfollow;
    private state;
    private stopping;
    private readonly onSignal;
    constructor(options: RunnerOptions);
    /** Whether the runner is claiming jobs. */
    get isRunning(): boolean;
    /** Starts the workers, lease recovery, schedules and retention. */
    start(): Promise<this>;
    /** Fires event triggers on the ends this runner records, without waiting for the sweep. */
    private followJobEnds;
    /** Sweeps the event triggers now (also runs periodically); returns the ids of the jobs enqueued. */
    fireTriggers(): Promise<string[]>;
    /** Tells every process sharing the queue that this runner is alive, and which queues it serves. */
    private advertise;
    /** Hands jobs of dead workers back to the queue now (also runs periodically). */
    recover(): Promise<string[]>;
    /** Fires due schedules now (also runs periodically); returns the ids of the jobs enqueued. */
    fireDueSchedules(): Promise<string[]>;
    /**
     * Graceful shutdown: stops claiming, lets running jobs finish for up to `graceMs`, then aborts
     * the rest and hands them back to the queue. Does not close the queue adapter (you own it).
     */
    stop(graceMs?: number): Promise<void>;
}
/** Creates a runner (not yet started): `await createRunner(options).start()`. */
declare function createRunner(options: RunnerOptions): HangarRunner;

/** Next fire time of a cron expression in a time zone strictly after `after` (DST-correct); null if none. */
declare function nextCronRun(cron: string, timezone: string, after: Date): Date | null;

/**
 * The runner's {@link JobSubmitter}: a running job enqueues other jobs through the runner's
 * client, so their params are validated against the registry and their enqueue is traced and
 * emitted like any other. The tenant and user always come from the submitting job's context,
 * never from the call, and a parent of another tenant reads as absent.
 *
 * @example
 * const jobs = ctx.services.get(jobSubmitterToken);
 * const [rates] = await jobs.submitAll(ctx, [
 *   { type: 'importexport.import-rates', params: { file: 'rates.csv' } },
 *   { type: 'conso.consolidate', params: { conso: 'ACT-2026-12' }, parents: [{ index: 0 }] },
 * ]);
 */
declare class RunnerJobSubmitter implements JobSubmitter {
    private readonly client;
    /** How often a watch reads a few of its jobs in case a change was lost, in ms. */
    private readonly checkEveryMs;
    constructor(client: HangarClient, 
    /** How often a watch reads a few of its jobs in case a change was lost, in ms. */
    checkEveryMs?: number);
    submit(ctx: JobContext, type: string, params: unknown, options?: SubmitOptions): Promise<JobRecord>;
    /**
     * Validates every request first (nothing is stored when one is bad). Requests without a parent
     * among the same call are enqueued in one atomic adapter call; a request naming an earlier one
     * by `index` is enqueued after it, in a later call, so a crash between the calls can leave the
     * first ones alone: give idempotency keys, and submitting again completes the set without
     * duplicating any job.
     */
    submitAll(ctx: JobContext, jobs: readonly SubmitRequest[], options?: {
        signal?: AbortSignal;
    }): Promise<JobRecord[]>;
    get(ctx: JobContext, id: string): Promise<JobRecord | undefined>;
    validate(type: string, params: unknown): unknown;
    watch(ctx: JobContext): Promise<JobWatch>;
    cancel(ctx: JobContext, id: string): Promise<CancelOutcome>;
    private checkParentsVisible;
    private enqueueOptions;
}

/** What firing a trigger needs of a client (a `HangarClient` is one). */
interface TriggerFiringClient {
    /** The queue holding the triggers and the jobs. */
    readonly queue: QueueAdapter;
    /** The job types this client can enqueue. */
    readonly registry: {
        has(type: string): boolean;
    };
    /** Enqueues jobs with the client's parameter checks, all or none. */
    enqueueMany(jobs: ReadonlyArray<{
        type: string;
        params: unknown;
        options?: EnqueueCallOptions;
    }>): Promise<EnqueueResult[]>;
}
/** Settings of a runner's trigger firing. */
interface TriggerFiringSettings {
    /** Owner name of the sweep locks (the runner's worker id). */
    owner: string;
    /** The sweep looks only at jobs that ended at least this long ago. */
    settleMs: number;
    /** Finished jobs looked at per adapter call. @defaultValue 500 */
    pageSize?: number;
    /** Pages per trigger and sweep, so one busy trigger does not hold the others back. @defaultValue 20 */
    maxPages?: number;
    /** How long a sweep lock lasts if its runner dies holding it. @defaultValue 60_000 */
    lockTtlMs?: number;
}
/** The idempotency key of the job a trigger enqueues for one ended job. */
declare function triggeredJobKey(triggerName: string, eventJobId: string): string;
/**
 * Fires event triggers, each exactly once per matching job end however many runners are alive:
 * the job is enqueued under the idempotency key `trigger:<name>:<ended job id>` in the ended
 * job's customer, so every later attempt (another runner, the sweep, a retry after a crash)
 * gets the same job back.
 *
 * Two paths lead there. The runner that records an end fires at once (`onJobEnded`). The sweep
 * (`sweep`, every scheduler tick, one runner per trigger at a time under a lock) reads the jobs
 * that ended after the trigger's stored cursor, whoever ended them (an operator's cancel, lease
 * recovery, a runner that died before firing), fires the matching ones and moves the cursor on
 * with a compare-and-set.
 */
declare class TriggerFiring {
    private readonly client;
    private readonly events;
    private readonly logger;
    private readonly settings;
    /** The triggers as of the last sweep: the fast path reads a trigger again only when one matches. */
    private known;
    private sweeping;
    constructor(client: TriggerFiringClient, events: EventEmitter<HangarEvents>, logger: Logger, settings: TriggerFiringSettings);
    /**
     * Whether the last sweep found any trigger: with none, a job's end has nothing to fire and
     * the runner skips `onJobEnded` (a copy of the record, a date and a promise per job).
     */
    get watching(): boolean;
    private get store();
    /**
     * Fires the triggers matching a job this runner just ended; returns the ids of the jobs it
     * enqueued. A matching trigger is read again first, so a pause takes effect at once.
     */
    onJobEnded(job: JobRecord, state: TriggerEndState, endedAt?: Date): Promise<string[]>;
    /** Reads the triggers and sweeps each one; returns the ids of the jobs it enqueued. */
    sweep(): Promise<string[]>;
    private sweepOne;
    /** Enqueues the trigger's job once per ended job; returns the ids of the jobs created now. */
    private fire;
}

export { EnqueueCallOptions, HangarClient, HangarRunner, JobRegistry, PluginContainer, RUNNER_DEFAULTS, RunnerJobSubmitter, type RunnerOptions, TracingOptions, TriggerFiring, type TriggerFiringSettings, createRunner, nextCronRun, resolveRunnerOptions, triggeredJobKey };
