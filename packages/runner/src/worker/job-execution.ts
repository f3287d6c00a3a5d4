import {
  type AnyJobDefinition,
  type ErrorInfo,
  errorInfoFromError,
  HangarError,
  type Job,
  JobCancelledError,
  type JobRecord,
  type JobResult,
  JobTerminatedError,
  JobTimeoutError,
  type LockHandle,
  type LockOptions,
  type Logger,
  type NewLogEntry,
  type OutputFile,
  type ProgressCounts,
  type QueueAdapter,
  type ServiceResolver,
  type TranslatableString,
  validateParams,
} from '@hangar/core';
import type { ValidatedParams } from '../registry/validated-params.js';
import { AttemptContext, type AttemptHost } from './attempt-context.js';
import type { ThreadPool } from './isolation/thread-pool.js';
import { WorkerThreadJob } from './isolation/worker-thread-job.js';
import { JobLocks } from './job-locks.js';
import { JobLogWriter } from './job-log-writer.js';

/** Why a running job was asked to stop. */
export type StopReason = 'cancel' | 'timeout' | 'shutdown' | 'lease-lost';

/** How one attempt ended. */
export type AttemptOutcome =
  | { kind: 'succeeded'; result: JobResult }
  | {
      kind: 'failed';
      error: unknown;
      errorInfo: ErrorInfo;
      retryable: boolean;
      warnings: TranslatableString[];
    }
  | { kind: 'cancelled'; result: JobResult }
  | { kind: 'released' }
  | { kind: 'lease-lost' };

/** Everything one attempt needs. */
export interface ExecutionDeps {
  queue: QueueAdapter;
  services: ServiceResolver;
  logger: Logger;
  abortGraceMs: number;
  /** Worker threads of isolated jobs, reused across attempts. */
  threads: ThreadPool;
  /**
   * Called once a stopped job outlived the grace (`abortGraceMs`): its end is recorded now, as
   * `outcome(true, stopError)`, while its promise may never settle.
   */
  abandoned: (execution: JobExecution) => void;
  /** Called with each message the job writes (the `job:progress` event). */
  onLog: (jobId: string, entry: NewLogEntry) => void;
  /**
   * Parameters this process's client already validated with the same registry; a job whose
   * stored parameters still equal them is not validated again.
   */
  validated: ValidatedParams;
}

/**
 * Runs one attempt of one job: context, timeout, cancellation, abort and dispose.
 *
 * The abort controller, the lock set, the message writer, the context's functions, the child
 * logger and the lists of warnings and output files are made the first time the job (or a
 * stop) needs them: a short job that uses none of them costs none of them, and measured on
 * no-op jobs an AbortController with its listeners was a tenth of the runner's time per job.
 * The deps are one object shared by every execution of a pool.
 */
export class JobExecution implements AttemptHost {
  private controller: AbortController | undefined;
  private stopReason: StopReason | undefined;
  /** Why the job was stopped; `ctx.checkpoint()` throws it. */
  stopError: Error | undefined;
  /** `start` called the job and its promise has not settled yet (`outcome` not called). */
  private waiting = false;
  private grace: NodeJS.Timeout | undefined;
  /** The attempt's timeout, when it has one. */
  private timer: NodeJS.Timeout | undefined;
  /** The stopped job outlived the grace period (an isolated job's thread is then terminated). */
  private gaveUp = false;
  private job: Job | undefined;
  /** When the attempt was launched (`performance.now()`) if the pool times it, else NaN. */
  startedAt = Number.NaN;
  private outputFiles: OutputFile[] | undefined;
  private warnings: TranslatableString[] | undefined;
  private log: JobLogWriter | undefined;
  private locks: JobLocks | undefined;

  constructor(
    readonly record: JobRecord,
    private readonly definition: AnyJobDefinition,
    private readonly deps: ExecutionDeps,
  ) {}

  /** The attempt's signal, already aborted when the job was stopped before asking for it. */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.stopError) this.controller.abort(this.stopError);
    }
    return this.controller.signal;
  }

  private get logWriter(): JobLogWriter {
    this.log ??= new JobLogWriter(this.deps.queue, this.record.id, this.deps.logger);
    return this.log;
  }

  get logger(): Logger {
    return this.deps.logger;
  }

  /** Takes a named lock for this attempt (`ctx.lock`). */
  lock(name: string, options?: LockOptions): Promise<LockHandle> {
    this.locks ??= new JobLocks(
      this.deps.queue,
      `${this.record.worker?.id ?? 'worker'}:${this.record.id}`,
      this.signal,
    );
    return this.locks.acquire(name, options);
  }

  /** Stores one of the job's messages and reports it to listeners. */
  write(
    level: 'progress' | 'info' | 'warning' | 'error',
    message: TranslatableString,
    counts: ProgressCounts = {},
  ): void {
    const entry = { at: new Date(), level, message, ...counts };
    this.logWriter.write(entry);
    this.deps.onLog(this.record.id, entry);
  }

  /** Keeps a warning for the job's result. */
  warned(message: TranslatableString): void {
    this.warnings ??= [];
    this.warnings.push(message);
  }

  /** Keeps an output file for the job's result. */
  addOutputFile(file: OutputFile): void {
    this.outputFiles ??= [];
    this.outputFiles.push(file);
  }

  /** Asks the job to stop: fires its signal and calls `abort()`. The first reason wins. */
  stop(reason: StopReason): void {
    if (this.stopReason) return;
    this.stopReason = reason;
    const error =
      reason === 'timeout'
        ? new JobTimeoutError(this.record.id, this.record.timeoutMs ?? this.definition.timeoutMs ?? 0)
        : new JobCancelledError(this.record.id);
    this.stopError = error;
    this.controller?.abort(error);
    if (this.waiting) this.startGrace();
    try {
      const aborted = this.job?.abort?.();
      if (aborted instanceof Promise)
        aborted.catch((err: unknown) => this.deps.logger.warn({ err }, 'abort() threw'));
    } catch (err) {
      this.deps.logger.warn({ err, jobId: this.record.id }, 'abort() threw');
    }
  }

  /**
   * Starts the attempt: validates the parameters, creates the job and calls `execute`, and
   * returns the job's own promise. Then `outcome` says how it ended and, when `holdsResources`,
   * `release` gives back what the job took. A stopped job that outlives the grace is
   * `abandoned` instead (see `ExecutionDeps.abandoned`).
   *
   * Three calls and not one async `run` wrapping the job's promise in one of its own: the pool
   * awaits the job's promise itself, so an attempt is one async function from launch to recorded
   * outcome (the second function and the wrapper were a third of the memory queue's
   * allocations per no-op job).
   */
  start(): Promise<unknown> {
    const { record, definition, deps } = this;
    const timeoutMs = record.timeoutMs ?? definition.timeoutMs;
    if (timeoutMs) this.timer = setTimeout(() => this.stop('timeout'), timeoutMs);
    // Validated once: by this process's client when the stored parameters are still what it
    // validated with this registry, else here (another process, an edited record, a retry).
    const params = deps.validated.take(record.id, record.params)
      ? record.params
      : validateParams(record.type, definition.params, record.params);
    this.job =
      definition.isolation === 'worker'
        ? new WorkerThreadJob(record, definition, deps.services, deps.logger, deps.threads)
        : definition.create(deps.services);
    const work = this.job.execute(params, this.context());
    this.waiting = true;
    // stopped while `create` or `execute` was still being called: the grace starts now
    if (this.stopError && !this.grace) this.startGrace();
    return work;
  }

  /**
   * How the attempt ended, given what `start` threw or settled with (`threw`, `value`): a success,
   * a failure, or what its stop makes of it. Ends its timers.
   */
  outcome(threw: boolean, value: unknown): AttemptOutcome {
    if (this.timer) clearTimeout(this.timer);
    if (this.grace) clearTimeout(this.grace);
    this.waiting = false;
    if (this.stopReason) return this.stoppedOutcome(threw ? value : undefined);
    return threw ? this.failure(value) : this.success(value);
  }

  /** Whether the job holds something `release` must give back: a `dispose`, locks, messages. */
  get holdsResources(): boolean {
    return this.job?.dispose !== undefined || this.locks !== undefined || this.log !== undefined;
  }

  /** Disposes the job, releases its locks and stores its last messages; never throws. */
  async release(): Promise<void> {
    if (this.job?.dispose) await this.dispose();
    if (this.locks) await this.locks.releaseAll();
    if (this.log) await this.log.flush();
  }

  /**
   * Once a stopped job outlived the grace, the attempt ends without it (`abandoned`): the pool
   * records its end then, and ignores the job's promise should it ever settle.
   */
  private startGrace(): void {
    this.grace = setTimeout(() => {
      if (!this.waiting) return;
      this.waiting = false;
      this.gaveUp = true;
      this.deps.abandoned(this);
    }, this.deps.abortGraceMs);
  }

  /** The job outlived the grace after a stop: its end was recorded without waiting for it. */
  get abandoned(): boolean {
    return this.gaveUp;
  }

  /**
   * Why a stopped attempt ended: the stop itself, and for an isolated job that ignored it past the
   * grace, that its thread was terminated (both entries in its ErrorInfo).
   */
  private stopFailure(): Error | undefined {
    const stop = this.stopError;
    if (!stop || !this.gaveUp || this.definition.isolation !== 'worker') return stop;
    const reason = this.stopReason === 'timeout' ? 'timeout' : 'cancel';
    const terminated = new JobTerminatedError(this.record.id, reason, this.deps.abortGraceMs);
    const errorInfo = [
      errorInfoFromError(stop, this.record.type),
      errorInfoFromError(terminated, this.record.type),
    ];
    return Object.assign(terminated, { errorInfo });
  }

  private success(value: unknown): AttemptOutcome {
    const result: JobResult = { success: true, result: value };
    if (this.outputFiles?.length) result.outputFiles = this.outputFiles;
    if (this.warnings?.length) result.warnings = this.warnings;
    return { kind: 'succeeded', result };
  }

  private failure(error: unknown): AttemptOutcome {
    const retryable = !(HangarError.isInstance(error) && !error.retryable);
    const errorInfo = [errorInfoFromError(error, this.record.type)];
    const detailed = (error as { errorInfo?: unknown }).errorInfo;
    if (Array.isArray(detailed) && detailed.length > 0) errorInfo.splice(0, 1, ...(detailed as ErrorInfo));
    return { kind: 'failed', error, errorInfo, retryable, warnings: this.warnings ?? [] };
  }

  private stoppedOutcome(error: unknown): AttemptOutcome {
    switch (this.stopReason) {
      case 'cancel': {
        const reason = this.stopFailure();
        const detailed = (reason as { errorInfo?: ErrorInfo } | undefined)?.errorInfo;
        return {
          kind: 'cancelled',
          result: {
            success: false,
            errorInfo: detailed ?? [errorInfoFromError(reason, this.record.type)],
            warnings: this.warnings ?? [],
          },
        };
      }
      case 'timeout':
        return this.failure(this.stopFailure());
      case 'shutdown':
        return { kind: 'released' };
      case 'lease-lost':
        return { kind: 'lease-lost' };
      default:
        return this.failure(error);
    }
  }

  private async dispose(): Promise<void> {
    try {
      await this.job?.dispose?.();
    } catch (err) {
      this.deps.logger.warn({ err, jobId: this.record.id }, 'dispose() threw');
    }
  }

  private context(): AttemptContext {
    const { record } = this;
    return new AttemptContext(
      this,
      record.id,
      record.type,
      record.attempts,
      record.customerId,
      record.userId,
      this.deps.services,
    );
  }
}
