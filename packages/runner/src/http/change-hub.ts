import type { QueueAdapter, QueueChange, Unsubscribe } from '@hangar/core';

type Listener = (change: QueueChange) => void;

/**
 * Fans the queue's change feed out to event streams by job id. One subscription serves every
 * open stream, so a thousand watchers cost the adapter one listener, not a thousand.
 */
export class JobChangeHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private subscription: Promise<Unsubscribe> | undefined;
  private closed = false;

  constructor(private readonly queue: QueueAdapter) {}

  /** Calls `listener` on every change of `jobId` until the returned function is called. */
  async watch(jobId: string, listener: Listener): Promise<() => void> {
    if (this.closed) return () => {};
    let set = this.listeners.get(jobId);
    if (!set) {
      set = new Set();
      this.listeners.set(jobId, set);
    }
    set.add(listener);
    this.subscription ??= this.queue.subscribe((change) => this.dispatch(change));
    const subscription = this.subscription;
    try {
      await subscription;
    } catch (error) {
      // Let the next watcher try to subscribe again instead of inheriting this failure forever.
      set.delete(listener);
      if (this.subscription === subscription) this.subscription = undefined;
      throw error;
    }
    return () => {
      const current = this.listeners.get(jobId);
      current?.delete(listener);
      if (current?.size === 0) this.listeners.delete(jobId);
    };
  }

  private dispatch(change: QueueChange): void {
    const set = this.listeners.get(change.jobId);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(change);
      } catch {
        // One broken stream must not stop the others from hearing about the change.
      }
    }
  }

  /** Drops every listener and the queue subscription. */
  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    const subscription = this.subscription;
    this.subscription = undefined;
    if (subscription) await (await subscription.catch(() => () => {}))();
  }
}
