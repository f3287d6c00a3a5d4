import type { QueueAdapter, QueueDepth, RunnerRecord } from '@hangar/core';

/**
 * How long one read of the runner advertisements answers for: enqueues come in bursts, and a
 * runner's record changes at most every heartbeat, so a second-old answer is as good as a fresh
 * one at a fraction of the reads.
 */
const RUNNERS_FRESH_MS = 1_000;

/** Which queues and job types the live runners serve, read from their advertisements. */
export class QueueCoverage {
  private cached: { at: number; runners: Promise<RunnerRecord[]> } | undefined;

  constructor(private readonly queue: QueueAdapter) {}

  /** Whether some live runner serves `queue` and runs `type`. */
  async serves(queue: string, type: string): Promise<boolean> {
    const runners = await this.runners();
    return runners.some((r) => Object.hasOwn(r.queues, queue) && r.types.includes(type));
  }

  /** Queues holding Enqueued jobs that no live runner serves. */
  async unserved(): Promise<QueueDepth[]> {
    const [runners, depths] = await Promise.all([this.runners(), this.queue.queueDepths()]);
    return depths.filter((d) => !runners.some((r) => Object.hasOwn(r.queues, d.queue)));
  }

  private runners(): Promise<RunnerRecord[]> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at >= RUNNERS_FRESH_MS) {
      const runners = this.queue.listRunners();
      // A failed read is not kept: the next call asks again.
      runners.catch(() => {
        if (this.cached?.runners === runners) this.cached = undefined;
      });
      this.cached = { at: now, runners };
    }
    return this.cached.runners;
  }
}
