import { QueueAdapter, RetryRequest, RetryOutcome, DeleteOutcome, RunnerInfo, RunnerRecord, QueueDepth } from '@hangar/core';
import { T as TriggerCallsBase } from './trigger-calls-base-eyjTZDEw.js';

/**
 * The contract calls that operators and monitoring make rather than workers: retries and
 * deletions by hand, runner advertisements and queue depths.
 */
type OperatorCalls = Pick<QueueAdapter, 'retryJob' | 'deleteJob' | 'advertiseRunner' | 'withdrawRunner' | 'listRunners' | 'queueDepths'>;
/**
 * Base of the Redis and PostgreSQL adapters: serves the operator calls through `operatorCalls`,
 * which each adapter builds from helpers of its own, so the adapter's file stays about the hot path
 * (and the trigger calls through `triggerStore`, see `TriggerCallsBase`).
 */
declare abstract class OperatorCallsBase extends TriggerCallsBase implements OperatorCalls {
    /** The adapter's implementation of the operator calls. */
    protected abstract readonly operatorCalls: OperatorCalls;
    retryJob(jobId: string, request: RetryRequest): Promise<RetryOutcome>;
    deleteJob(jobId: string, options?: {
        customerId?: string;
    }): Promise<DeleteOutcome>;
    advertiseRunner(info: RunnerInfo, ttlMs: number): Promise<void>;
    withdrawRunner(id: string): Promise<void>;
    listRunners(): Promise<RunnerRecord[]>;
    queueDepths(): Promise<QueueDepth[]>;
}

export { OperatorCallsBase as O, type OperatorCalls as a };
