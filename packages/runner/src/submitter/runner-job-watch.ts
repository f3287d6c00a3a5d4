import {
  type EndedJob,
  isTerminalState,
  type JobState,
  type JobWatch,
  type QueueAdapter,
  type Unsubscribe,
} from '@hangar/core';

/** Ends heard of jobs not (yet) watched, kept so that a job ending before `add` is not missed. */
const EARLY_ENDS_KEPT = 100_000;

/**
 * Waits for a running job's jobs to end from the adapter's change stream (one subscription per
 * watch), with a slow safety check of a few watched jobs at a time in case a change was lost:
 * a Redis pub/sub message is not durable.
 */
export class RunnerJobWatch implements JobWatch {
  private readonly watched = new Set<string>();
  private readonly ended = new Map<string, JobState>();
  private readonly earlyEnds = new Map<string, JobState>();
  private wake: (() => void) | undefined;
  private unsubscribe: Unsubscribe | undefined;
  private checkCursor = 0;

  private constructor(
    private readonly queue: QueueAdapter,
    private readonly customerId: string | undefined,
    private readonly checkEveryMs: number,
  ) {}

  /** Subscribes first, so that every end after this resolves is heard. */
  static async open(
    queue: QueueAdapter,
    customerId: string | undefined,
    checkEveryMs: number,
  ): Promise<RunnerJobWatch> {
    const watch = new RunnerJobWatch(queue, customerId, checkEveryMs);
    watch.unsubscribe = await queue.subscribe((change) => {
      if (change.kind === 'state' && change.state !== undefined && isTerminalState(change.state))
        watch.heard(change.jobId, change.state);
    });
    return watch;
  }

  add(ids: Iterable<string>): void {
    for (const id of ids) {
      const early = this.earlyEnds.get(id);
      if (early === undefined) this.watched.add(id);
      else {
        this.earlyEnds.delete(id);
        this.ended.set(id, early);
      }
    }
    if (this.ended.size > 0) this.wake?.();
  }

  async next(options: { signal?: AbortSignal } = {}): Promise<EndedJob[]> {
    const { signal } = options;
    while (this.ended.size === 0) {
      signal?.throwIfAborted();
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          this.wake = undefined;
          resolve();
        };
        const timer = setTimeout(() => void this.check().then(done, done), this.checkEveryMs);
        signal?.addEventListener('abort', done, { once: true });
        this.wake = done;
      });
    }
    const out = [...this.ended].map(([id, state]) => ({ id, state }));
    this.ended.clear();
    return out;
  }

  async close(): Promise<void> {
    this.wake?.();
    await this.unsubscribe?.();
  }

  private heard(id: string, state: JobState): void {
    if (this.watched.delete(id)) {
      this.ended.set(id, state);
      this.wake?.();
      return;
    }
    this.earlyEnds.set(id, state);
    if (this.earlyEnds.size > EARLY_ENDS_KEPT) {
      const oldest = this.earlyEnds.keys().next().value;
      if (oldest !== undefined) this.earlyEnds.delete(oldest);
    }
  }

  /** Reads a few watched jobs, in turn, for an end whose change was lost. */
  private async check(): Promise<void> {
    const ids = [...this.watched];
    if (ids.length === 0) return;
    const start = this.checkCursor % ids.length;
    const batch = ids.slice(start, start + 50);
    this.checkCursor = start + batch.length;
    for (const id of batch) {
      const job = await this.queue.get(id, { customerId: this.customerId });
      // A job gone (deleted, or never the tenant's) cannot end any more: it is reported as it was last known, Cancelled.
      const state: JobState | undefined = job === undefined ? 'Cancelled' : job.state;
      if (isTerminalState(state) && this.watched.delete(id)) this.ended.set(id, state);
    }
  }
}
