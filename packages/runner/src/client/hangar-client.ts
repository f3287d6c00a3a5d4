import {
  type AnyJobDefinition,
  type CancelOutcome,
  ConfigurationError,
  type EnqueueResult,
  type HangarEvents,
  type HangarPlugin,
  isTerminalState,
  type JobDefinition,
  JobNotFoundError,
  type JobPage,
  type JobRecord,
  JobStateConflictError,
  JobTypeMismatchError,
  type ListJobsFilter,
  type LogEntry,
  type Logger,
  type MessageParam,
  type ParentDependencyInput,
  parentConditionHolds,
  type QueueAdapter,
  safeEmit,
  silentLogger,
} from '@hangar/core';
import { EventEmitter } from 'eventemitter3';
import { JobRegistry } from '../registry/job-registry.js';
import { ScheduleManager } from '../scheduler/schedule-manager.js';
import { JobTracing } from '../tracing/job-tracing.js';
import {
  type ResolvedTracingOptions,
  resolveTracingOptions,
  type TracingOptions,
} from '../tracing/tracing-options.js';
import { TriggerManager } from '../triggers/trigger-manager.js';
import {
  type WorkflowCallOptions,
  type WorkflowCancelOutcome,
  WorkflowOperations,
} from '../workflows/workflow-operations.js';
import type { WorkflowView } from '../workflows/workflow-view.js';
import type { JobId, JobRecordOf, TypedEnqueueResult } from './typed-job.js';

/** Options of one enqueue call. */
export interface EnqueueCallOptions {
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
export interface WaitForOptions {
  /** Stops waiting (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
  /** Tenant: another customer's job is not found. */
  customerId?: string;
  /** Safety poll between change events, in ms. @defaultValue 1000 */
  pollMs?: number;
}

/** Options of `createClient`. */
export interface ClientOptions {
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
export class HangarClient {
  /** Typed events of this client (`job:enqueued`). */
  readonly events = new EventEmitter<HangarEvents>();
  /** Recurring schedules. */
  readonly schedules: ScheduleManager;
  /** Workflows: a job plus the jobs carrying its id as `metadata.workflowId`. */
  readonly workflows: WorkflowOperations;
  /** Event triggers: jobs enqueued when other jobs end. */
  readonly triggers: TriggerManager;
  private readonly logger: Logger;
  private readonly tracingOptions: ResolvedTracingOptions | undefined;
  private tracingLoad: Promise<JobTracing> | undefined;

  constructor(
    /** The adapter. */
    readonly queue: QueueAdapter,
    /** Registered job types and messages. */
    readonly registry: JobRegistry,
    logger: Logger = silentLogger,
    tracing?: boolean | TracingOptions,
  ) {
    this.logger = logger;
    this.tracingOptions = resolveTracingOptions(tracing);
    this.workflows = new WorkflowOperations(this);
    this.schedules = new ScheduleManager(queue, registry, (type, params, options) =>
      this.enqueue(type, params, options),
    );
    this.triggers = new TriggerManager(queue, registry);
  }

  /**
   * Validates parameters and enqueues one job; bad parameters throw `ParamsValidationError` and
   * nothing is enqueued. Given the job's definition, `params` are typed as its schema's input and
   * the returned id is typed so that `waitFor(id)` returns the job's result typed; given a type
   * name (dynamic callers), both are `unknown`.
   */
  async enqueue<P, R, I>(
    definition: JobDefinition<P, R, I>,
    params: NoInfer<I>,
    options?: EnqueueCallOptions,
  ): Promise<TypedEnqueueResult<R>>;
  async enqueue(type: string, params: unknown, options?: EnqueueCallOptions): Promise<EnqueueResult>;
  async enqueue(
    typeOrDefinition: string | JobDefinition<unknown, unknown, unknown>,
    params: unknown,
    options: EnqueueCallOptions = {},
  ): Promise<EnqueueResult> {
    const type = typeof typeOrDefinition === 'string' ? typeOrDefinition : typeOrDefinition.type;
    const [result] = await this.enqueueMany([{ type, params, options }], {
      transaction: options.transaction,
      signal: options.signal,
    });
    return result as EnqueueResult;
  }

  /** Validates every job first, then enqueues them all in one call, or none. */
  async enqueueMany(
    jobs: ReadonlyArray<{ type: string; params: unknown; options?: EnqueueCallOptions }>,
    common: { transaction?: unknown; signal?: AbortSignal } = {},
  ): Promise<EnqueueResult[]> {
    const requests = jobs.map(({ type, params, options = {} }) => {
      const def = this.registry.get(type);
      const valid = this.registry.validate(type, params);
      if (options.priority !== undefined && !Number.isInteger(options.priority)) {
        throw new ConfigurationError('priority', `must be an integer, got ${options.priority}`);
      }
      const runAt = options.runAt ?? (options.delayMs ? new Date(Date.now() + options.delayMs) : undefined);
      return {
        type,
        params: valid,
        queue: options.queue ?? def.defaultQueue ?? 'default',
        priority: options.priority,
        runAt,
        maxAttempts: options.maxAttempts ?? this.registry.retryPolicy(type).maxAttempts,
        customerId: options.customerId,
        userId: options.userId,
        idempotencyKey: options.idempotencyKey,
        concurrencyKey: def.concurrencyKey?.(valid),
        parentId: options.parentId,
        parents: options.parents,
        timeoutMs: def.timeoutMs,
        metadata: options.metadata,
      };
    });
    const tracing = await this.tracing();
    const results = tracing
      ? await tracing.enqueue(requests, (traced) => this.queue.enqueueMany(traced, common))
      : await this.queue.enqueueMany(requests, common);
    const announce = this.events.listenerCount('job:enqueued') > 0;
    for (let i = 0; i < results.length; i++) {
      const r = results[i];
      if (!r?.created) continue;
      // results come in the order of the requests (the adapter contract)
      this.registry.validated.remember(r.id, requests[i]?.params);
      if (announce) safeEmit(this.events, this.logger, 'job:enqueued', { job: r.job });
    }
    return results;
  }

  /**
   * The OpenTelemetry spans of this client and its runner, or undefined when tracing is off;
   * `@opentelemetry/api` is loaded on first use (a `ConfigurationError` naming `tracing` says to
   * install it when missing).
   */
  tracing(): Promise<JobTracing | undefined> {
    if (!this.tracingOptions) return Promise.resolve(undefined);
    this.tracingLoad ??= JobTracing.create(this.tracingOptions);
    return this.tracingLoad;
  }

  /** One job; with `customerId`, another customer's job is not found. */
  async get(id: string, options: { customerId?: string } = {}): Promise<JobRecord | undefined> {
    return this.queue.get(id, options);
  }

  /** The job's progress and messages in order. */
  async getLog(id: string, options: { afterSeq?: number } = {}): Promise<LogEntry[]> {
    return this.queue.getLog(id, options);
  }

  /** Cancels a job: a queued job never runs; a running one is stopped and ends Cancelled. */
  async cancel(id: string, options: { customerId?: string } = {}): Promise<CancelOutcome> {
    return this.queue.requestCancel(id, options);
  }

  /**
   * Runs a Failed or Cancelled job again: the same job (same id, log and attempt count, its last
   * errors kept until the next attempt) goes back on its queue, runnable now, with as many
   * attempts again as its type's retry policy allows. A job with a parent that has not ended as
   * its condition asks (one still running, or retried and running again, or ended the other way)
   * is refused: that parent has to end so first. Retrying a parent does not revive children
   * cancelled on its first ending; retry them once it has ended as they need. `JobNotFoundError` for a missing (or another customer's)
   * job, `JobStateConflictError` for a job that is not Failed or Cancelled.
   */
  async retry(id: string, options: { customerId?: string } = {}): Promise<JobRecord> {
    const job = await this.queue.get(id, options);
    if (!job) throw new JobNotFoundError(id);
    for (const { id: parentId, on } of job.parents) {
      const parent = await this.queue.get(parentId);
      if (parent && !(isTerminalState(parent.state) && parentConditionHolds(on, parent.state))) {
        throw new JobStateConflictError(id, parent.state, 'retry-parent', parent.id, on);
      }
    }
    // A type this client does not know gets one attempt: its policy is not known here.
    const attempts = this.registry.has(job.type) ? this.registry.retryPolicy(job.type).maxAttempts : 1;
    const result = await this.queue.retryJob(id, { attempts, customerId: options.customerId });
    if (result.outcome === 'not-found') throw new JobNotFoundError(id);
    if (result.outcome === 'not-retryable') throw new JobStateConflictError(id, result.state, 'retry');
    safeEmit(this.events, this.logger, 'job:retried', { job: result.job });
    return result.job;
  }

  /**
   * Deletes a finished job with its log. `JobNotFoundError` for a missing (or another
   * customer's) job, `JobStateConflictError` for one that is waiting or running (cancel it first).
   */
  async delete(id: string, options: { customerId?: string } = {}): Promise<void> {
    const outcome = await this.queue.deleteJob(id, options);
    if (outcome === 'not-found') throw new JobNotFoundError(id);
    if (outcome === 'not-finished') {
      const job = await this.queue.get(id, options);
      throw new JobStateConflictError(id, job?.state ?? 'Processing', 'delete');
    }
    safeEmit(this.events, this.logger, 'job:deleted', { jobId: id });
  }

  /** A workflow read as one unit (state, steps, done/total, current steps' progress, outputs). */
  getWorkflow(id: string, options: WorkflowCallOptions = {}): Promise<WorkflowView | undefined> {
    return this.workflows.get(id, options);
  }

  /** Cancels a workflow: its job and every step still waiting or running. */
  cancelWorkflow(id: string, options: WorkflowCallOptions = {}): Promise<WorkflowCancelOutcome> {
    return this.workflows.cancel(id, options);
  }

  /** Retries a Failed or Cancelled step of an ended workflow without rerunning the steps that succeeded. */
  retryWorkflowStep(id: string, stepId: string, options: WorkflowCallOptions = {}): Promise<WorkflowView> {
    return this.workflows.retryStep(id, stepId, options);
  }

  /** Jobs matching the filter, newest first. */
  async list(filter: ListJobsFilter = {}): Promise<JobPage> {
    return this.queue.list(filter);
  }

  /**
   * Resolves with the job once it is Succeeded, Failed or Cancelled. An id returned by
   * `enqueue(definition, …)` gives a record whose result is typed; so does passing the definition
   * first (`waitFor(definition, id)`), which also checks that the job is of that type
   * (`JobTypeMismatchError`).
   */
  async waitFor<R>(id: JobId<R>, options?: WaitForOptions): Promise<JobRecordOf<R>>;
  async waitFor<P, R, I>(
    definition: JobDefinition<P, R, I>,
    id: string,
    options?: WaitForOptions,
  ): Promise<JobRecordOf<R>>;
  async waitFor(
    idOrDefinition: string | JobDefinition<unknown, unknown, unknown>,
    idOrOptions?: string | WaitForOptions,
    maybeOptions: WaitForOptions = {},
  ): Promise<JobRecord> {
    if (typeof idOrDefinition === 'string') {
      return this.waitForId(idOrDefinition, typeof idOrOptions === 'object' ? idOrOptions : {});
    }
    const id = String(idOrOptions);
    const job = await this.waitForId(id, maybeOptions);
    if (job.type !== idOrDefinition.type) throw new JobTypeMismatchError(id, idOrDefinition.type, job.type);
    return job;
  }

  private async waitForId(id: string, options: WaitForOptions): Promise<JobRecord> {
    const { signal, customerId, pollMs = 1000 } = options;
    signal?.throwIfAborted();
    return new Promise<JobRecord>((resolve, reject) => {
      let done = false;
      let timer: NodeJS.Timeout | undefined;
      let unsubscribe: (() => void | Promise<void>) | undefined;
      const finish = (error: unknown, job?: JobRecord) => {
        if (done) return;
        done = true;
        if (timer) clearInterval(timer);
        signal?.removeEventListener('abort', onAbort);
        void unsubscribe?.();
        if (job) resolve(job);
        else reject(error);
      };
      const check = async () => {
        try {
          const job = await this.queue.get(id, { customerId });
          if (!job) finish(new JobNotFoundError(id));
          else if (isTerminalState(job.state)) finish(undefined, job);
        } catch (error) {
          finish(error);
        }
      };
      const onAbort = () => finish(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue
        .subscribe((change) => {
          if (change.jobId === id && change.kind === 'state' && change.state && isTerminalState(change.state))
            void check();
        })
        .then(
          (off) => {
            unsubscribe = off;
            if (done) void off();
            timer = setInterval(() => void check(), pollMs);
            void check();
          },
          (error: unknown) => finish(error),
        );
    });
  }
}

/** Creates a client for enqueuing and managing jobs of the given plugins. */
export function createClient(options: ClientOptions): HangarClient {
  if (!options || typeof options.queue?.enqueue !== 'function') {
    throw new ConfigurationError('queue', 'pass a queue adapter, e.g. `new MemoryQueue()`');
  }
  return new HangarClient(
    options.queue,
    new JobRegistry(options.plugins, options.jobs),
    options.logger,
    options.tracing,
  );
}
