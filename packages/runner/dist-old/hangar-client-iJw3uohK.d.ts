import { Translator, HangarPlugin, AnyJobDefinition, RetryPolicy, QueueAdapter, ScheduleJobOptions, EnqueueResult, ScheduleRecord, EnqueueRequest, HangarEvents, TriggerEndState, TriggerStore, TriggerRecord, JobState, ProgressSnapshot, ErrorInfo, JobRecord, CancelOutcome, JobResult, Logger, JobDefinition, ParentDependencyInput, MessageParam, LogEntry, ListJobsFilter, JobPage } from '@hangar/core';
import { EventEmitter } from 'eventemitter3';

/**
 * The parameters a client validated against its registry, by job id, so that a runner on the
 * same registry does not validate them a second time.
 *
 * Trust rule: the runner skips its validation only when (1) this process enqueued the job
 * through a client on the very registry the runner runs it with (so the same definition and
 * schema), and (2) the parameters it claimed from the queue are still equal, value for value,
 * to what that validation returned. Nothing read from the store alone is trusted: a job enqueued
 * by another process or straight through the adapter, a record edited in the store, and any
 * later attempt are validated as before.
 */
declare class ValidatedParams {
    private readonly entries;
    private readers;
    /**
     * A runner on this registry starts (`true`) or stops (`false`) reading the entries; with no
     * runner, as in a process that only enqueues, nothing is remembered.
     */
    setReading(reading: boolean): void;
    /** Remembers the parameters validated for a job just enqueued. */
    remember(jobId: string, params: unknown): void;
    /**
     * Whether `params`, claimed for `jobId`, are what this process validated for it; forgets the
     * job either way, so only its first attempt here can skip validation.
     */
    take(jobId: string, params: unknown): boolean;
}

/** Description of a job type for the API and the CLI. */
interface JobTypeInfo {
    /** Type name. */
    type: string;
    /** Queue it goes to by default. */
    defaultQueue: string;
    /** Its retry policy. */
    retry: RetryPolicy;
    /** Timeout of one attempt, in ms. */
    timeoutMs: number | undefined;
    /** JSON schema of its parameters. */
    paramsSchema: unknown;
    /** Message key of its description. */
    description: string | undefined;
}
/** The job types, services and messages of the registered plugins. */
declare class JobRegistry {
    private readonly definitions;
    /** Renders every message key of the framework and the plugins. */
    readonly translator: Translator;
    /**
     * Parameters the clients on this registry validated, so that a runner on it validates a job's
     * parameters once (see `ValidatedParams` for the trust rule).
     */
    readonly validated: ValidatedParams;
    constructor(plugins?: readonly HangarPlugin[], jobs?: readonly AnyJobDefinition[]);
    private add;
    /** The definition of `type`; throws `UnknownJobTypeError` when missing. */
    get(type: string): AnyJobDefinition;
    /** Whether `type` is registered. */
    has(type: string): boolean;
    /** Every registered type name, sorted. */
    types(): string[];
    /** Validates parameters of `type`, throwing `ParamsValidationError` with field-level issues. */
    validate(type: string, params: unknown): unknown;
    /** The full retry policy of `type`. */
    retryPolicy(type: string): RetryPolicy;
    /** Descriptions of every type, for the API. */
    describe(): JobTypeInfo[];
}

/** A recurring job to create or replace. */
interface ScheduleInput {
    /** Unique name. */
    name: string;
    /** Cron expression, 5 fields (minute precision) or 6 (seconds). */
    cron: string;
    /** IANA time zone the expression is read in. @defaultValue 'UTC' */
    timezone?: string;
    /** Job type. */
    type: string;
    /** Its parameters, validated now. */
    params: unknown;
    /** Enqueue options of each run. */
    options?: ScheduleJobOptions;
    /** Create it paused. @defaultValue false */
    paused?: boolean;
}
/** Enqueues one job with the client's parameter checks (`HangarClient.enqueue`). */
type ScheduleEnqueue = (type: string, params: unknown, options: ScheduleJobOptions) => Promise<EnqueueResult>;
/** Creates, pauses, resumes, triggers, lists and deletes recurring schedules. */
declare class ScheduleManager {
    private readonly queue;
    private readonly registry;
    private readonly enqueue;
    constructor(queue: QueueAdapter, registry: JobRegistry, enqueue: ScheduleEnqueue);
    /** One schedule, or undefined. */
    get(name: string): Promise<ScheduleRecord | undefined>;
    /**
     * Enqueues one job of the schedule now, with its parameters and options, whether paused or
     * not; its cron times are left as they are. `ScheduleNotFoundError` when there is none.
     */
    trigger(name: string): Promise<EnqueueResult>;
    /** Creates or replaces a schedule; its parameters and cron are checked first. */
    upsert(input: ScheduleInput, now?: Date): Promise<ScheduleRecord>;
    /** Stops a schedule from firing until resumed; `ScheduleNotFoundError` when there is none. */
    pause(name: string): Promise<ScheduleRecord>;
    /**
     * Resumes a paused schedule from its next cron time after now (missed runs are not replayed);
     * `ScheduleNotFoundError` when there is none.
     */
    resume(name: string, now?: Date): Promise<ScheduleRecord>;
    /** Every schedule with its next run time. */
    list(): Promise<ScheduleRecord[]>;
    /** Deletes a schedule; false if there was none. */
    delete(name: string): Promise<boolean>;
    private require;
}

/** Where spans go: an OpenTelemetry `TracerProvider` (typed loosely so `@opentelemetry/api` stays optional). */
interface TracerProviderLike {
    /** Returns the tracer spans are started with. */
    getTracer(name: string, version?: string): unknown;
}
/** Options of OpenTelemetry tracing (`tracing` of the runner and the client). */
interface TracingOptions {
    /** Tracer provider to take the tracer from. @defaultValue the global one of `@opentelemetry/api` */
    tracerProvider?: TracerProviderLike;
    /** Name of the tracer. @defaultValue '@hangar/runner' */
    tracerName?: string;
}
/** The defaults of the tracing options. */
declare const TRACING_DEFAULTS: {
    readonly tracerName: "@hangar/runner";
};
/** Tracing options with defaults applied; undefined when tracing is off. */
type ResolvedTracingOptions = {
    tracerProvider: TracerProviderLike | undefined;
    tracerName: string;
};

/** Metadata key holding the trace context of a job's enqueue span (W3C `traceparent`). */
declare const TRACEPARENT_KEY = "traceparent";
/**
 * OpenTelemetry spans of jobs: one per enqueue (its trace context stored in the job's metadata
 * as `traceparent`) and one per attempt, a child of the enqueue span whichever process runs it,
 * since the context travels in the stored record, not in memory.
 */
declare class JobTracing {
    private readonly api;
    private readonly tracer;
    private constructor();
    /** Loads `@opentelemetry/api` and takes the tracer. */
    static create(options: ResolvedTracingOptions): Promise<JobTracing>;
    /**
     * Runs an enqueue inside one span per job (children of the caller's active span), each job
     * carrying its span's context in `metadata.traceparent`.
     */
    enqueue(requests: readonly EnqueueRequest[], store: (requests: EnqueueRequest[]) => Promise<EnqueueResult[]>): Promise<EnqueueResult[]>;
    /**
     * Starts a span per attempt when a runner's `job:started` fires, as a child of the job's enqueue
     * span, and ends it on the attempt's outcome. Returns the function that stops following (and
     * ends the spans of attempts still open, handed back at shutdown).
     */
    followAttempts(events: EventEmitter<HangarEvents>): () => void;
    /** The context of the job's enqueue span, read back from its metadata; the root context without one. */
    private parentOf;
}

/** An event trigger to create or replace. */
interface TriggerInput {
    /** Unique name among triggers. */
    name: string;
    /** Which job ends fire it. */
    on: {
        /** Job type of the ended job (`conso.workflow` for a workflow). */
        type: string;
        /** Only this customer's jobs (its jobs then run as that customer). @defaultValue every customer */
        customerId?: string;
        /** End states that fire it: `Succeeded`, `Failed`, `Cancelled`. */
        states: readonly TriggerEndState[];
        /** Only jobs whose metadata holds these values. @defaultValue no condition */
        metadata?: Record<string, string>;
    };
    /** What it enqueues; the job runs as the ended job's customer. */
    job: {
        /** Job type. */
        type: string;
        /** Its parameters, validated now. */
        params: unknown;
        /** Queue. @defaultValue the type's default queue */
        queue?: string;
        /** Lower runs first. @defaultValue 0 */
        priority?: number;
    };
    /** Create it paused. @defaultValue false (a replaced trigger keeps its pause) */
    paused?: boolean;
}

/**
 * Creates, pauses, resumes, lists and deletes event triggers. A trigger fires only on jobs that
 * end after it was created or last resumed: it never replays earlier ends.
 *
 * @example
 * await client.triggers.upsert({
 *   name: 'report-after-month-end',
 *   on: { type: 'conso.workflow', metadata: { workflow: 'month-end' }, states: ['Succeeded'] },
 *   job: { type: 'report', params: { conso: '202612ACT001' } },
 * });
 */
declare class TriggerManager {
    private readonly queue;
    private readonly registry;
    constructor(queue: QueueAdapter, registry: JobRegistry);
    /** The adapter's trigger storage; `TriggersUnsupportedError` when it has none. */
    get store(): TriggerStore;
    /** One trigger, or undefined. */
    get(name: string): Promise<TriggerRecord | undefined>;
    /** Every trigger, by name. */
    list(): Promise<TriggerRecord[]>;
    /**
     * Creates or replaces a trigger; its shape (`ConfigurationError` naming the field) and its
     * job's parameters (`ParamsValidationError`) are checked first and nothing is stored when
     * either is wrong. A replaced trigger keeps where it stands, so ends that happened while no
     * runner was alive still fire it; one that was paused and is saved unpaused starts from now.
     */
    upsert(input: TriggerInput, now?: Date): Promise<TriggerRecord>;
    /** Stops a trigger from firing until resumed; `TriggerNotFoundError` when there is none. */
    pause(name: string): Promise<TriggerRecord>;
    /**
     * Resumes a paused trigger from now: jobs that ended while it was paused do not fire it.
     * `TriggerNotFoundError` when there is none.
     */
    resume(name: string, now?: Date): Promise<TriggerRecord>;
    /** Deletes a trigger; false if there was none. */
    delete(name: string): Promise<boolean>;
    private require;
}

/** Where a step of a workflow is. */
type WorkflowStepState = JobState | 'Waiting' | 'Skipped';
/** How the steps a step runs after have to end for it to run (`on` of the declaration). */
type WorkflowStepCondition = 'success' | 'failure' | 'end';
/** A step's `when`: a test of the result of one of the steps it runs after. */
interface WorkflowStepWhen {
    /** The step whose result is read. */
    readonly step: string;
    /** Dotted path in that result; empty for the whole result. */
    readonly path: string;
    /** The comparison: `eq`, `ne`, `gt`, `gte`, `lt`, `lte`, `exists`, `missing`. */
    readonly op: string;
    /** The value compared to (none for `exists` and `missing`). */
    readonly value: string | number | boolean | null | undefined;
}
/** A step as declared in the workflow job's params: the graph's node and its incoming edges. */
interface DeclaredStep {
    /** The step's id in the declaration. */
    readonly id: string;
    /** Its job type. */
    readonly type: string;
    /** The steps it runs after (the edges into it), in declaration order. */
    readonly after: readonly string[];
    /** How each of those has to end. */
    readonly on: WorkflowStepCondition;
    /** The condition on a parent's result, if any. */
    readonly when: WorkflowStepWhen | undefined;
}
/** One step of a workflow as read by `getWorkflow`. */
interface WorkflowStepView extends DeclaredStep {
    /**
     * The state of its job; `Waiting` before it was submitted, `Skipped` when the workflow ended
     * without submitting it (a parent ended otherwise than it asks, or its condition was false).
     */
    readonly state: WorkflowStepState;
    /** Its job's id, once submitted. */
    readonly jobId: string | undefined;
    /** Its job's latest progress. */
    readonly progress: ProgressSnapshot | undefined;
    /** Its job's result, once Succeeded. */
    readonly result: unknown;
    /** Its job's errors, once Failed. */
    readonly errorInfo: ErrorInfo | undefined;
}
/** A workflow read as one unit: its job, its steps' jobs, progress and outputs. */
interface WorkflowView {
    /** The workflow job's id. */
    readonly id: string;
    /** The workflow's name (`name` of its params). */
    readonly name: string;
    /** The workflow job's state: the workflow's. */
    readonly state: JobState;
    /** Tenant. */
    readonly customerId: string | undefined;
    /** Steps ended (or skipped), and in all. */
    readonly done: number;
    readonly total: number;
    /** Every declared step, in declaration order. */
    readonly steps: readonly WorkflowStepView[];
    /** The steps running now, with their latest progress. */
    readonly current: readonly WorkflowStepView[];
    /** The workflow job's result (its `outputs`, step job ids, skipped steps) once Succeeded. */
    readonly result: unknown;
    /** Its errors once Failed (`WORKFLOW_FAILED` naming the steps). */
    readonly errorInfo: ErrorInfo | undefined;
    /** The workflow job itself. */
    readonly job: JobRecord;
}
/** Builds the view from the workflow job and its steps' jobs (`metadata.step` names the step). */
declare function workflowView(job: JobRecord, stepJobs: readonly JobRecord[]): WorkflowView;

/** What the workflow operations need of the client. */
interface WorkflowHost {
    readonly queue: QueueAdapter;
    retry(id: string, options: {
        customerId?: string;
    }): Promise<JobRecord>;
}
/** Tenant of a call: another customer's workflow is not found. */
interface WorkflowCallOptions {
    /** Tenant. */
    customerId?: string;
}
/** Outcome of cancelling a workflow. */
interface WorkflowCancelOutcome {
    /** What became of the workflow job. */
    readonly workflow: CancelOutcome;
    /** Its steps on the queue that were cancelled or asked to stop. */
    readonly steps: number;
}
/**
 * A workflow is a job plus the jobs carrying its id as `metadata.workflowId`; these read and act
 * on it as one unit, for the client, the HTTP API and the CLI alike.
 */
declare class WorkflowOperations {
    private readonly host;
    constructor(host: WorkflowHost);
    /** The workflow, its steps, progress and outputs; undefined when missing or another tenant's. */
    get(id: string, options?: WorkflowCallOptions): Promise<WorkflowView | undefined>;
    /** Cancels the workflow job and every step of it still waiting or running. */
    cancel(id: string, options?: WorkflowCallOptions): Promise<WorkflowCancelOutcome>;
    /**
     * Runs a Failed or Cancelled step again, then the ended workflow job, which finds the steps that
     * succeeded where they are (never run again), waits for this one and goes on with the steps
     * after it. `JobStateConflictError` while the workflow is still running (wait for it to end) or
     * for a step that is not Failed or Cancelled; `JobNotFoundError` for a step never submitted.
     */
    retryStep(id: string, stepId: string, options?: WorkflowCallOptions): Promise<WorkflowView>;
    /** Every job of the workflow, all pages. */
    private stepJobs;
    /**
     * The tenant's jobs with these labels, all pages: an adapter may filter labels after its scan
     * (Redis), so a page can come back short, or empty, with more to come.
     */
    private jobsLabelled;
}

declare const resultType: unique symbol;
/**
 * The id of an enqueued job that remembers, at compile time only, the type of the job's result,
 * so that `client.waitFor(id)` returns a record whose `result.result` has that type. At run time
 * it is the plain string id: it can be stored, sent and compared like any id.
 */
type JobId<R = unknown> = string & {
    readonly [resultType]?: R;
};
/** A job record whose result is typed as the job type's result. */
type JobRecordOf<R> = Omit<JobRecord, 'result'> & {
    /** Result, once finished; `result.result` is what the job's `execute` returned (as JSON). */
    result: JobResult<R> | undefined;
};
/** What `client.enqueue(definition, …)` returns: the id and record, typed by the job's result. */
type TypedEnqueueResult<R> = Omit<EnqueueResult, 'id' | 'job'> & {
    /** The job's id (the existing job's id when the idempotency key matched). */
    id: JobId<R>;
    /** The job as stored. */
    job: JobRecordOf<R>;
};

/** Options of one enqueue call. */
interface EnqueueCallOptions {
    /** Queue; defaults to the job type's default queue. */
    queue?: string;
    /** Lower runs first. @defaultValue 0 */
    priority?: number;
    /** Run after this many ms. */
    delayMs?: number;
    /** Run at this time (wins over `delayMs`). */
    runAt?: Date;
    /** Attempts in all; defaults to the type's retry policy. */
    maxAttempts?: number;
    /** Enqueuing twice with the same key (per customer) gives one job. */
    idempotencyKey?: string;
    /** Tenant. */
    customerId?: string;
    /** User. */
    userId?: string;
    /** Run only after this job succeeds (shorthand for `parents: [{ id: parentId }]`; not with `parents`). */
    parentId?: string;
    /**
     * Run only once every one of these jobs has ended as its condition asks (`success`, the
     * default; `failure`: Failed or Cancelled; `end`: either); cancelled, naming the parent, as soon
     * as one cannot. At most 1000, each once, all existing. @defaultValue none
     */
    parents?: readonly ParentDependencyInput[];
    /** Labels. */
    metadata?: Record<string, MessageParam>;
    /** The caller's transaction (Postgres adapter): the job exists only if it commits. */
    transaction?: unknown;
    /** Aborts the call. */
    signal?: AbortSignal;
}
/** Options of `waitFor`. */
interface WaitForOptions {
    /** Stops waiting (the promise rejects with the signal's reason). */
    signal?: AbortSignal;
    /** Tenant: another customer's job is not found. */
    customerId?: string;
    /** Safety poll between change events, in ms. @defaultValue 1000 */
    pollMs?: number;
}
/** Options of `createClient`. */
interface ClientOptions {
    /** The queue adapter shared with the runners. */
    queue: QueueAdapter;
    /** Plugins whose job types may be enqueued (their parameters are validated here). @defaultValue [] */
    plugins?: readonly HangarPlugin[];
    /** Extra job types. @defaultValue [] */
    jobs?: readonly AnyJobDefinition[];
    /** Logger. @defaultValue silent */
    logger?: Logger;
    /**
     * OpenTelemetry spans of enqueues (needs the optional peer `@opentelemetry/api` 1): `true`, or
     * `{ tracerProvider, tracerName }`. @defaultValue false
     */
    tracing?: boolean | TracingOptions;
}
/** Enqueues, reads, cancels and waits for jobs; usable without a runner in the same process. */
declare class HangarClient {
    /** The adapter. */
    readonly queue: QueueAdapter;
    /** Registered job types and messages. */
    readonly registry: JobRegistry;
    /** Typed events of this client (`job:enqueued`). */
    readonly events: EventEmitter<HangarEvents, any>;
    /** Recurring schedules. */
    readonly schedules: ScheduleManager;
    /** Workflows: a job plus the jobs carrying its id as `metadata.workflowId`. */
    readonly workflows: WorkflowOperations;
    /** Event triggers: jobs enqueued when other jobs end. */
    readonly triggers: TriggerManager;
    private readonly logger;
    private readonly tracingOptions;
    private tracingLoad;
    constructor(
    /** The adapter. */
    queue: QueueAdapter, 
    /** Registered job types and messages. */
    registry: JobRegistry, logger?: Logger, tracing?: boolean | TracingOptions);
    /**
     * Validates parameters and enqueues one job; bad parameters throw `ParamsValidationError` and
     * nothing is enqueued. Given the job's definition, `params` are typed as its schema's input and
     * the returned id is typed so that `waitFor(id)` returns the job's result typed; given a type
     * name (dynamic callers), both are `unknown`.
     */
    enqueue<P, R, I>(definition: JobDefinition<P, R, I>, params: NoInfer<I>, options?: EnqueueCallOptions): Promise<TypedEnqueueResult<R>>;
    enqueue(type: string, params: unknown, options?: EnqueueCallOptions): Promise<EnqueueResult>;
    /** Validates every job first, then enqueues them all in one call, or none. */
    enqueueMany(jobs: ReadonlyArray<{
        type: string;
        params: unknown;
        options?: EnqueueCallOptions;
    }>, common?: {
        transaction?: unknown;
        signal?: AbortSignal;
    }): Promise<EnqueueResult[]>;
    /**
     * The OpenTelemetry spans of this client and its runner, or undefined when tracing is off;
     * `@opentelemetry/api` is loaded on first use (a `ConfigurationError` naming `tracing` says to
     * install it when missing).
     */
    tracing(): Promise<JobTracing | undefined>;
    /** One job; with `customerId`, another customer's job is not found. */
    get(id: string, options?: {
        customerId?: string;
    }): Promise<JobRecord | undefined>;
    /** The job's progress and messages in order. */
    getLog(id: string, options?: {
        afterSeq?: number;
    }): Promise<LogEntry[]>;
    /** Cancels a job: a queued job never runs; a running one is stopped and ends Cancelled. */
    cancel(id: string, options?: {
        customerId?: string;
    }): Promise<CancelOutcome>;
    /**
     * Runs a Failed or Cancelled job again: the same job (same id, log and attempt count, its last
     * errors kept until the next attempt) goes back on its queue, runnable now, with as many
     * attempts again as its type's retry policy allows. A job with a parent that has not ended as
     * its condition asks (one still running, or retried and running again, or ended the other way)
     * is refused: that parent has to end so first. Retrying a parent does not revive children
     * cancelled on its first ending; retry them once it has ended as they need. `JobNotFoundError` for a missing (or another customer's)
     * job, `JobStateConflictError` for a job that is not Failed or Cancelled.
     */
    retry(id: string, options?: {
        customerId?: string;
    }): Promise<JobRecord>;
    /**
     * Deletes a finished job with its log. `JobNotFoundError` for a missing (or another
     * customer's) job, `JobStateConflictError` for one that is waiting or running (cancel it first).
     */
    delete(id: string, options?: {
        customerId?: string;
    }): Promise<void>;
    /** A workflow read as one unit (state, steps, done/total, current steps' progress, outputs). */
    getWorkflow(id: string, options?: WorkflowCallOptions): Promise<WorkflowView | undefined>;
    /** Cancels a workflow: its job and every step still waiting or running. */
    cancelWorkflow(id: string, options?: WorkflowCallOptions): Promise<WorkflowCancelOutcome>;
    /** Retries a Failed or Cancelled step of an ended workflow without rerunning the steps that succeeded. */
    retryWorkflowStep(id: string, stepId: string, options?: WorkflowCallOptions): Promise<WorkflowView>;
    /** Jobs matching the filter, newest first. */
    list(filter?: ListJobsFilter): Promise<JobPage>;
    /**
     * Resolves with the job once it is Succeeded, Failed or Cancelled. An id returned by
     * `enqueue(definition, …)` gives a record whose result is typed; so does passing the definition
     * first (`waitFor(definition, id)`), which also checks that the job is of that type
     * (`JobTypeMismatchError`).
     */
    waitFor<R>(id: JobId<R>, options?: WaitForOptions): Promise<JobRecordOf<R>>;
    waitFor<P, R, I>(definition: JobDefinition<P, R, I>, id: string, options?: WaitForOptions): Promise<JobRecordOf<R>>;
    private waitForId;
}
/** Creates a client for enqueuing and managing jobs of the given plugins. */
declare function createClient(options: ClientOptions): HangarClient;

export { type ClientOptions as C, type DeclaredStep as D, type EnqueueCallOptions as E, HangarClient as H, JobRegistry as J, type ResolvedTracingOptions as R, type ScheduleEnqueue as S, type TracingOptions as T, type WaitForOptions as W, type JobId as a, type JobRecordOf as b, type JobTypeInfo as c, type ScheduleInput as d, ScheduleManager as e, TRACEPARENT_KEY as f, TRACING_DEFAULTS as g, type TracerProviderLike as h, type TriggerInput as i, TriggerManager as j, type TypedEnqueueResult as k, type WorkflowCallOptions as l, type WorkflowCancelOutcome as m, WorkflowOperations as n, type WorkflowStepCondition as o, type WorkflowStepState as p, type WorkflowStepView as q, type WorkflowStepWhen as r, type WorkflowView as s, createClient as t, workflowView as w };
