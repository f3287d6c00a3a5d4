import {
  type HangarEvents,
  type JobRecord,
  type JobResult,
  type Logger,
  type QueueAdapter,
  retryDelayMs,
  safeEmit,
} from '@hangar/core';
import type { EventEmitter } from 'eventemitter3';
import type { JobRegistry } from '../registry/job-registry.js';
import type { AttemptOutcome } from './job-execution.js';

/**
 * Records how an attempt ended in the queue and, when this worker still held the job, emits the
 * matching event: a worker that lost its lease meanwhile reports nothing for a job another
 * worker now owns.
 */
export class AttemptRecorder {
  constructor(
    private readonly queue: QueueAdapter,
    private readonly workerId: string,
    private readonly registry: JobRegistry,
    private readonly events: EventEmitter<HangarEvents>,
    private readonly logger: Logger,
  ) {}

  /** Records one attempt's outcome: complete, cancel, hand back, retry or fail the job. */
  async record(job: JobRecord, outcome: AttemptOutcome): Promise<void> {
    const { queue: q, workerId } = this;
    switch (outcome.kind) {
      case 'succeeded':
        if (await q.complete(job.id, workerId, outcome.result)) this.succeeded(job, outcome.result);
        return;
      case 'cancelled':
        if (await q.markCancelled(job.id, workerId, outcome.result)) {
          safeEmit(this.events, this.logger, 'job:cancelled', { job });
        }
        return;
      case 'released':
        await q.release(job.id, workerId);
        return;
      case 'lease-lost':
        this.logger.warn({ jobId: job.id }, 'Lease lost; another worker has the job now');
        return;
      case 'failed':
        return this.recordFailure(job, outcome);
    }
  }

  /** Tells the listeners, if any, of a success the queue confirmed (`complete` returned true). */
  succeeded(job: JobRecord, result: JobResult): void {
    if (this.events.listenerCount('job:succeeded') > 0) {
      safeEmit(this.events, this.logger, 'job:succeeded', { job, result });
    }
  }

  private async recordFailure(
    job: JobRecord,
    outcome: Extract<AttemptOutcome, { kind: 'failed' }>,
  ): Promise<void> {
    const { queue: q, workerId } = this;
    const maxAttempts = Math.min(job.maxAttempts, Number.MAX_SAFE_INTEGER);
    if (outcome.retryable && job.attempts < maxAttempts) {
      const delayMs = retryDelayMs(this.registry.retryPolicy(job.type), job.attempts);
      const retryAt = new Date(Date.now() + delayMs);
      if (await q.fail(job.id, workerId, { errorInfo: outcome.errorInfo, retryAt })) {
        safeEmit(this.events, this.logger, 'job:retrying', {
          job,
          attempt: job.attempts,
          delayMs,
          errorInfo: outcome.errorInfo,
        });
      }
      return;
    }
    if (await q.fail(job.id, workerId, { errorInfo: outcome.errorInfo })) {
      safeEmit(this.events, this.logger, 'job:failed', { job, errorInfo: outcome.errorInfo });
    }
  }
}
