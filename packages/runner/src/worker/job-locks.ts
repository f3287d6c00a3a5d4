import { type LockHandle, type LockOptions, LockUnavailableError, type QueueAdapter } from '@hangar/core';

const DEFAULT_TTL_MS = 30_000;

/**
 * The named locks one job attempt holds through the queue adapter: renewed at a third of their
 * TTL while held, released when the job ends, so a dead worker blocks others for one TTL at most.
 */
export class JobLocks {
  private readonly held = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly queue: QueueAdapter,
    private readonly owner: string,
    private readonly signal: AbortSignal,
  ) {}

  /** Takes `name`, waiting up to `waitMs` with short polls. */
  async acquire(name: string, options: LockOptions = {}): Promise<LockHandle> {
    const ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    const waitMs = options.waitMs ?? 0;
    const deadline = Date.now() + waitMs;
    let delay = 25;
    while (!(await this.queue.acquireLock(name, this.owner, ttlMs))) {
      this.signal.throwIfAborted();
      if (Date.now() >= deadline) throw new LockUnavailableError(name, waitMs);
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(delay, Math.max(1, deadline - Date.now()))),
      );
      delay = Math.min(delay * 2, 500);
    }
    const renew = setInterval(
      () => {
        void this.queue.extendLock(name, this.owner, ttlMs).catch(() => {});
      },
      Math.max(10, Math.floor(ttlMs / 3)),
    );
    renew.unref();
    this.held.set(name, renew);
    return { name, release: () => this.release(name) };
  }

  /** Releases one lock if held. */
  async release(name: string): Promise<void> {
    const renew = this.held.get(name);
    if (!renew) return;
    clearInterval(renew);
    this.held.delete(name);
    await this.queue.releaseLock(name, this.owner);
  }

  /** Releases every lock still held. */
  async releaseAll(): Promise<void> {
    await Promise.all([...this.held.keys()].map((name) => this.release(name).catch(() => {})));
  }
}
