import type { ErrorInfo } from '../error-info/error-info.js';
import type { MessageParam, TranslatableString } from '../i18n/translatable-string.js';
import type { JobResult } from '../job/job-result.js';
import type { JobState } from '../state/job-state.js';
import type { ParentDependency } from './parent-dependency.js';

/** Identity of the worker process that runs a job. */
export interface WorkerIdentity {
  /** Unique id of the worker (one per runner process). */
  id: string;
  /** Host name. */
  host: string;
  /** Process id. */
  pid: number;
}

/** Kind of a message kept on the job record. */
export type LogLevel = 'progress' | 'info' | 'warning' | 'error';

/** A progress message or user message on a job, in the order it was written. */
export interface LogEntry {
  /** Position in the job's log, from 1; assigned by the adapter. */
  seq: number;
  /** When it was written. */
  at: Date;
  /** What kind of message it is. */
  level: LogLevel;
  /** The message, rendered later in the reader's language. */
  message: TranslatableString;
  /** Units done, for progress entries. */
  current?: number;
  /** Units in all, for progress entries. */
  total?: number;
}

/** A log entry before the adapter has numbered it. */
export type NewLogEntry = Omit<LogEntry, 'seq'>;

/** Latest progress of a job, kept on the record for cheap reads. */
export interface ProgressSnapshot {
  /** The latest progress message. */
  message: TranslatableString;
  /** Units done. */
  current?: number;
  /** Units in all. */
  total?: number;
}

/** Everything the queue knows about one job. */
export interface JobRecord {
  /** Unique id (assigned by the adapter). */
  id: string;
  /** Job type name. */
  type: string;
  /** Queue name. */
  queue: string;
  /** Validated parameters (JSON). */
  params: unknown;
  /** Current state. */
  state: JobState;
  /** Lower runs first. */
  priority: number;
  /** Earliest time it may run. */
  runAt: Date;
  /** Attempts started so far. */
  attempts: number;
  /** Attempts allowed in all. */
  maxAttempts: number;
  /** Tenant. */
  customerId: string | undefined;
  /** User who enqueued it. */
  userId: string | undefined;
  /** Idempotency key, if one was given. */
  idempotencyKey: string | undefined;
  /** Jobs sharing a concurrency key never run at once. */
  concurrencyKey: string | undefined;
  /** Its first parent (of `parents`), for readers that know of one parent only. */
  parentId: string | undefined;
  /** The parents it waits on and how each has to end, in the order given; empty when none. */
  parents: readonly ParentDependency[];
  /** Timeout of one attempt, in ms. */
  timeoutMs: number | undefined;
  /** Worker running it, or the last one that did. */
  worker: WorkerIdentity | undefined;
  /** While Processing: when the worker's lease ends unless extended. */
  leaseExpiresAt: Date | undefined;
  /** A cancellation was requested while it ran. */
  cancelRequested: boolean;
  /** Latest progress. */
  progress: ProgressSnapshot | undefined;
  /** Result, once finished. */
  result: JobResult | undefined;
  /** Errors of the last failed attempt. */
  errorInfo: ErrorInfo | undefined;
  /** Free-form labels for filtering (JSON). */
  metadata: Record<string, MessageParam> | undefined;
  /** When it was enqueued. */
  createdAt: Date;
  /** When the record last changed. */
  updatedAt: Date;
  /** When the current or last attempt started. */
  startedAt: Date | undefined;
  /** When it reached a terminal state. */
  finishedAt: Date | undefined;
}
