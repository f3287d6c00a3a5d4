import type { EventEmitter } from 'eventemitter3';
import type { ErrorInfo } from '../error-info/error-info.js';
import type { JobResult } from '../job/job-result.js';
import type { Logger } from '../logger/logger.js';
import type { JobRecord, LogEntry } from '../queue/job-record.js';

/** Every event a runner or client emits, with its payload. */
export interface HangarEvents {
  /** A job was enqueued through this process. */
  'job:enqueued': (e: { job: JobRecord }) => void;
  /** A worker of this runner started a job. */
  'job:started': (e: { job: JobRecord }) => void;
  /** A running job reported progress or a message. */
  'job:progress': (e: { jobId: string; entry: LogEntry }) => void;
  /** A job finished successfully. */
  'job:succeeded': (e: { job: JobRecord; result: JobResult }) => void;
  /** A job failed for good. */
  'job:failed': (e: { job: JobRecord; errorInfo: ErrorInfo }) => void;
  /** A job was cancelled. */
  'job:cancelled': (e: { job: JobRecord }) => void;
  /** An attempt failed and another is scheduled. */
  'job:retrying': (e: { job: JobRecord; attempt: number; delayMs: number; errorInfo: ErrorInfo }) => void;
  /** A Failed or Cancelled job was put back on its queue by hand (same id, fresh attempts). */
  'job:retried': (e: { job: JobRecord }) => void;
  /** A finished job was deleted by hand, with its log. */
  'job:deleted': (e: { jobId: string }) => void;
  /** Jobs of dead workers were handed back to the queue. */
  'job:recovered': (e: { jobIds: string[] }) => void;
  /** A recurring schedule enqueued a job. */
  'schedule:fired': (e: { name: string; jobId: string; at: Date }) => void;
  /** An event trigger enqueued a job (`jobId`) for the end of another (`eventJobId`). */
  'trigger:fired': (e: { name: string; jobId: string; eventJobId: string }) => void;
  /** Something went wrong in the worker machinery itself (not in a job). */
  'worker:error': (e: { error: unknown; context: string }) => void;
  /** The runner stopped claiming and is draining. */
  'runner:stopping': () => void;
  /** The runner has stopped. */
  'runner:stopped': () => void;
}

/** Emits an event; a listener that throws is logged and never breaks the caller. */
export function safeEmit<K extends keyof HangarEvents>(
  emitter: EventEmitter<HangarEvents>,
  logger: Logger,
  event: K,
  ...args: Parameters<HangarEvents[K]>
): void {
  try {
    (emitter.emit as (event: K, ...a: Parameters<HangarEvents[K]>) => boolean)(event, ...args);
  } catch (error) {
    logger.error({ err: error, event }, 'A listener of a Hangar event threw; the error was ignored');
  }
}
