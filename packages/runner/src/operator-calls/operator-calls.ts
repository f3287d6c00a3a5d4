import type {
  DeleteOutcome,
  QueueAdapter,
  QueueDepth,
  RetryOutcome,
  RetryRequest,
  RunnerInfo,
  RunnerRecord,
} from '@hangar/core';
import { ScheduleCallsBase } from './schedule-calls-base.js';

/**
 * The contract calls that operators and monitoring make rather than workers: retries and
 * deletions by hand, runner advertisements and queue depths.
 */
export type OperatorCalls = Pick<
  QueueAdapter,
  'retryJob' | 'deleteJob' | 'advertiseRunner' | 'withdrawRunner' | 'listRunners' | 'queueDepths'
>;

/**
 * Base of the Redis and PostgreSQL adapters: serves the operator calls through `operatorCalls`,
 * which each adapter builds from helpers of its own, so the adapter's file stays about the hot path
 * (and the schedule and trigger calls, see `ScheduleCallsBase`).
 */
export abstract class OperatorCallsBase extends ScheduleCallsBase implements OperatorCalls {
  /** The adapter's implementation of the operator calls. */
  protected abstract readonly operatorCalls: OperatorCalls;

  retryJob(jobId: string, request: RetryRequest): Promise<RetryOutcome> {
    return this.operatorCalls.retryJob(jobId, request);
  }

  deleteJob(jobId: string, options?: { customerId?: string }): Promise<DeleteOutcome> {
    return this.operatorCalls.deleteJob(jobId, options);
  }

  advertiseRunner(info: RunnerInfo, ttlMs: number): Promise<void> {
    return this.operatorCalls.advertiseRunner(info, ttlMs);
  }

  withdrawRunner(id: string): Promise<void> {
    return this.operatorCalls.withdrawRunner(id);
  }

  listRunners(): Promise<RunnerRecord[]> {
    return this.operatorCalls.listRunners();
  }

  queueDepths(): Promise<QueueDepth[]> {
    return this.operatorCalls.queueDepths();
  }
}
