import type { TranslatableString } from '../i18n/translatable-string.js';
import type { Logger } from '../logger/logger.js';
import type { OutputFile } from './job-result.js';
import type { ServiceResolver } from './services.js';

/** Counters that go with a progress message. */
export interface ProgressCounts {
  /** Units done so far. */
  current?: number;
  /** Units in all. */
  total?: number;
}

/** A named lock held by a job; extended automatically while held. */
export interface LockHandle {
  /** Lock name. */
  readonly name: string;
  /** Releases the lock (also released when the job ends). */
  release(): Promise<void>;
}

/** Options of `ctx.lock`. */
export interface LockOptions {
  /** Lock lifetime, renewed while the job runs; bounds how long a dead worker blocks others. @defaultValue 30_000 */
  ttlMs?: number;
  /** How long to wait for the lock before failing; 0 fails at once. @defaultValue 0 */
  waitMs?: number;
}

/** What a running job sees of the world. */
export interface JobContext {
  /** Id of the running job. */
  readonly jobId: string;
  /** Its type name. */
  readonly type: string;
  /** 1-based attempt number. */
  readonly attempt: number;
  /** Tenant the job belongs to. */
  readonly customerId: string | undefined;
  /** User who enqueued it. */
  readonly userId: string | undefined;
  /** Fires when the job is cancelled, times out, or the runner shuts down. */
  readonly signal: AbortSignal;
  /** Structured logger bound to the job (pino-compatible). */
  readonly log: Logger;
  /** Services from the runner's container. */
  readonly services: ServiceResolver;
  /** Records a progress message (kept in order on the job record) with optional counters. */
  progress(message: TranslatableString, counts?: ProgressCounts): void;
  /** Records an informational user message. */
  info(message: TranslatableString): void;
  /** Records a warning; warnings are also returned on the job result. */
  warn(message: TranslatableString): void;
  /** Records a non-fatal error message. */
  error(message: TranslatableString): void;
  /** Declares a file the job produced. */
  addOutputFile(file: OutputFile): void;
  /** Throws `JobCancelledError` if the signal has fired; call it between units of work. */
  checkpoint(): void;
  /**
   * Takes a named lock shared by every runner on the queue (e.g. `conso:42`), so two jobs never
   * work on the same thing at once. Throws `LockUnavailableError` when it cannot be had in time.
   */
  lock(name: string, options?: LockOptions): Promise<LockHandle>;
}
