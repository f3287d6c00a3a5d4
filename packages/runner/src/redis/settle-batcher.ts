import type { ScriptCall } from './redis-scripts.js';

/** How an attempt ends: Succeeded, Failed or retried, Cancelled, or handed back unused. */
export type SettleAction = 'complete' | 'fail' | 'cancelled' | 'release';

interface PendingSettle {
  args: [SettleAction, string, string, string, string];
  resolve: (held: boolean) => void;
  reject: (error: unknown) => void;
}

/** Attempt ends sent in one settle call at most. */
const MAX_SETTLE_BATCH = 256;
/** Settle calls on their way at once; further attempt ends wait and go out together. */
const MAX_SETTLES_IN_FLIGHT = 1;

/**
 * Coalesces attempt ends into settle script calls. Calls made while a settle call is on its way
 * go out together in the next one, so a busy worker pays one script call per batch of jobs rather
 * than one per job; an idle one sends at once (after the current tick).
 */
export class SettleBatcher {
  private readonly pending: PendingSettle[] = [];
  private scheduled = false;
  private inFlight = 0;

  constructor(private readonly settle: ScriptCall) {}

  /** Queues one attempt end; resolves to whether the worker still held the job. */
  add(
    action: SettleAction,
    jobId: string,
    workerId: string,
    payload: string,
    retryAt = '',
  ): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.pending.push({ args: [action, jobId, workerId, payload, retryAt], resolve, reject });
      if (this.pending.length >= MAX_SETTLE_BATCH) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        process.nextTick(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    if (this.inFlight >= MAX_SETTLES_IN_FLIGHT || this.pending.length === 0) return;
    const batch = this.pending.splice(0, MAX_SETTLE_BATCH);
    const args: string[] = [];
    for (const entry of batch) for (const arg of entry.args) args.push(arg);
    this.inFlight += 1;
    this.settle(args)
      .then(
        (reply) => {
          const outcomes = reply as number[];
          for (const [i, entry] of batch.entries()) entry.resolve(outcomes[i] === 1);
        },
        (error: unknown) => {
          for (const entry of batch) entry.reject(error);
        },
      )
      .finally(() => {
        this.inFlight -= 1;
        this.flush();
      });
  }
}
