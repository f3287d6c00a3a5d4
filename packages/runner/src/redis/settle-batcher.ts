import { CallBatcher } from '@hangar/core/adapter';
import type { ScriptCall } from './redis-scripts.js';

/** How an attempt ends: Succeeded, Failed or retried, Cancelled, or handed back unused. */
export type SettleAction = 'complete' | 'fail' | 'cancelled' | 'release';

type SettleArgs = [SettleAction, string, string, string, string];

/** Attempt ends sent in one settle call at most. */
const MAX_SETTLE_BATCH = 256;
/** Settle calls on their way at once; further attempt ends wait and go out together. */
const MAX_SETTLES_IN_FLIGHT = 1;

/**
 * Coalesces attempt ends into settle script calls, so a busy worker pays one script call per
 * batch of jobs rather than one per job; an idle one sends at once (after the current tick).
 */
export class SettleBatcher {
  private readonly batcher: CallBatcher<SettleArgs, boolean>;

  constructor(settle: ScriptCall) {
    this.batcher = new CallBatcher({
      maxBatch: MAX_SETTLE_BATCH,
      maxInFlight: MAX_SETTLES_IN_FLIGHT,
      defer: process.nextTick,
      send: async (batch) => {
        const args: string[] = [];
        for (const entry of batch) for (const arg of entry) args.push(arg);
        const outcomes = (await settle(args)) as number[];
        return batch.map((_, i) => outcomes[i] === 1);
      },
    });
  }

  /** Queues one attempt end; resolves to whether the worker still held the job. */
  add(
    action: SettleAction,
    jobId: string,
    workerId: string,
    payload: string,
    retryAt = '',
  ): Promise<boolean> {
    return this.batcher.add([action, jobId, workerId, payload, retryAt]);
  }

  /** Sends every queued attempt end and waits for the calls on their way. */
  drain(): Promise<void> {
    return this.batcher.drain();
  }
}
