import {
  type AnyJobDefinition,
  type ErrorInfo,
  errorInfoFromError,
  HangarError,
  type Job,
  JobCancelledError,
  type JobContext,
  type JobRecord,
  type JobResult,
  JobTimeoutError,
  type Logger,
  type NewLogEntry,
  type OutputFile,
  type QueueAdapter,
  type ServiceResolver,
  type TranslatableString,
  validateParams,
} from '@hangar/core';
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
  onLog: (jobId: string, entry: NewLogEntry) => void;
}

/** Runs one attempt of one job: context, timeout, cancellation, abort and dispose. */
export class JobExecution {
  private readonly controller = new AbortController();
  private stopReason: StopReason | undefined;
  private job: Job | undefined;
  private readonly outputFiles: OutputFile[] = [];
  private readonly warnings: TranslatableString[] = [];
  private readonly log: JobLogWriter;
  private readonly locks: JobLocks;

  constructor(
    readonly record: JobRecord,
    private readonly definition: AnyJobDefinition,
    private readonly deps: ExecutionDeps,
  ) {
    this.log = new JobLogWriter(deps.queue, record.id, deps.logger);
    this.locks = new JobLocks(
      deps.queue,
      `${record.worker?.id ?? 'worker'}:${record.id}`,
      this.controller.signal,
    );
  }

  /** Asks the job to stop: fires its signal and calls `abort()`. The first reason wins. */
  stop(reason: StopReason): void {
    if (this.stopReason) return;
    this.stopReason = reason;
    const error =
      reason === 'timeout'
        ? new JobTimeoutError(this.record.id, this.record.timeoutMs ?? this.definition.timeoutMs ?? 0)
        : new JobCancelledError(this.record.id);
    this.controller.abort(error);
    try {
      const aborted = this.job?.abort?.();
      if (aborted instanceof Promise)
        aborted.catch((err: unknown) => this.deps.logger.warn({ err }, 'abort() threw'));
    } catch (err) {
      this.deps.logger.warn({ err, jobId: this.record.id }, 'abort() threw');
    }
  }

  /** Runs the attempt to its end and says how it ended; never throws. */
  async run(): Promise<AttemptOutcome> {
    const { record, definition, deps } = this;
    const timeoutMs = record.timeoutMs ?? definition.timeoutMs;
    const timer = timeoutMs ? setTimeout(() => this.stop('timeout'), timeoutMs) : undefined;
    let outcome: AttemptOutcome;
    try {
      const params = validateParams(record.type, definition.params, record.params);
      this.job = definition.create(deps.services);
      const value = await this.untilStopped(this.job.execute(params, this.context()));
      outcome = this.stopReason ? this.stoppedOutcome(undefined) : this.success(value);
    } catch (error) {
      outcome = this.stopReason ? this.stoppedOutcome(error) : this.failure(error);
    } finally {
      if (timer) clearTimeout(timer);
      await this.dispose();
      await this.locks.releaseAll();
      await this.log.flush();
    }
    return outcome;
  }

  /** Resolves with the job's promise, or rejects once the job was stopped and ignored the signal past the grace. */
  private untilStopped<T>(work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let grace: NodeJS.Timeout | undefined;
      const onAbort = () => {
        grace = setTimeout(() => reject(this.controller.signal.reason), this.deps.abortGraceMs);
      };
      this.controller.signal.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject).finally(() => {
        if (grace) clearTimeout(grace);
        this.controller.signal.removeEventListener('abort', onAbort);
      });
    });
  }

  private success(value: unknown): AttemptOutcome {
    const result: JobResult = { success: true, result: value };
    if (this.outputFiles.length) result.outputFiles = this.outputFiles;
    if (this.warnings.length) result.warnings = this.warnings;
    return { kind: 'succeeded', result };
  }

  private failure(error: unknown): AttemptOutcome {
    const retryable = !(HangarError.isInstance(error) && !error.retryable);
    const errorInfo = [errorInfoFromError(error, this.record.type)];
    const detailed = (error as { errorInfo?: unknown }).errorInfo;
    if (Array.isArray(detailed) && detailed.length > 0) errorInfo.splice(0, 1, ...(detailed as ErrorInfo));
    return { kind: 'failed', error, errorInfo, retryable, warnings: this.warnings };
  }

  private stoppedOutcome(error: unknown): AttemptOutcome {
    switch (this.stopReason) {
      case 'cancel': {
        const reason = this.controller.signal.reason;
        return {
          kind: 'cancelled',
          result: {
            success: false,
            errorInfo: [errorInfoFromError(reason, this.record.type)],
            warnings: this.warnings,
          },
        };
      }
      case 'timeout':
        return this.failure(this.controller.signal.reason);
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

  private context(): JobContext {
    const { record, deps } = this;
    const signal = this.controller.signal;
    const write = (
      level: 'progress' | 'info' | 'warning' | 'error',
      message: TranslatableString,
      counts = {},
    ) => {
      const entry = { at: new Date(), level, message, ...counts };
      this.log.write(entry);
      deps.onLog(record.id, entry);
    };
    return {
      jobId: record.id,
      type: record.type,
      attempt: record.attempts,
      customerId: record.customerId,
      userId: record.userId,
      signal,
      log: deps.logger.child({ jobId: record.id, type: record.type, attempt: record.attempts }),
      services: deps.services,
      progress: (message, counts) => write('progress', message, counts),
      info: (message) => write('info', message),
      warn: (message) => {
        this.warnings.push(message);
        write('warning', message);
      },
      error: (message) => write('error', message),
      addOutputFile: (file) => void this.outputFiles.push(file),
      lock: (name, options) => this.locks.acquire(name, options),
      checkpoint: () => {
        if (signal.aborted) {
          throw signal.reason instanceof Error ? signal.reason : new JobCancelledError(record.id);
        }
      },
    };
  }
}
