import { createHash } from 'node:crypto';
import { isWakeUp, type Logger, type QueueChange, type Unsubscribe } from '@hangar/core';
import type pg from 'pg';
import { ListenConnection } from './listen-connection.js';
import { parseNotification } from './notification.js';
import type { SchemaNames } from './schema-names.js';

/** What a `ChangeHub` needs from its queue. */
export interface ChangeHubOptions {
  /** Pool the listening connection is taken from. */
  pool: pg.Pool;
  /** Schema objects and channel. */
  names: SchemaNames;
  /** Safety poll period for cancellation requests. */
  pollIntervalMs: number;
  /** First reconnect delay of the listening connection. */
  reconnectDelayMs: number;
  /** Longest reconnect delay. */
  maxReconnectDelayMs: number;
  /** Logger. */
  logger: Logger;
  /** Runs a read query once the schema is migrated. */
  query<R>(text: string, values: unknown[]): Promise<R[]>;
}

type CancelListener = (jobId: string) => void;

/**
 * Fans the schema's notifications out to `subscribe` and `onCancelRequest` listeners of one
 * queue, over a single listening connection opened on first use. Cancellation requests are
 * also polled slowly and right after a reconnect, because NOTIFY is fire-and-forget: one
 * sent while the connection was down is never redelivered.
 */
export class ChangeHub {
  /** Change listeners, each with whether it wants wake-ups only. */
  private readonly listeners = new Map<(change: QueueChange) => void, boolean>();
  /** Listeners that want every change, not only wake-ups. */
  private fullListeners = 0;
  private readonly cancelListeners = new Map<string, Set<CancelListener>>();
  private readonly workerByHash = new Map<string, string>();
  /** Jobs already handed to each worker's listeners, so poll and notify never repeat one. */
  private readonly delivered = new Map<string, Set<string>>();
  private readonly connection: ListenConnection;
  private pollTimer: NodeJS.Timeout | undefined;
  private pollRun: Promise<void> | undefined;
  private pollAgain = false;

  constructor(private readonly options: ChangeHubOptions) {
    this.connection = new ListenConnection({
      pool: options.pool,
      channel: options.names.channel,
      reconnectDelayMs: options.reconnectDelayMs,
      maxReconnectDelayMs: options.maxReconnectDelayMs,
      logger: options.logger,
      onNotification: (payload) => this.dispatch(payload),
      onReconnected: () => void this.pollCancellations(),
    });
  }

  /**
   * Adds a change listener (of wake-ups only: jobs enqueued or become Enqueued, when
   * `wakeUpsOnly`); resolves once changes from every process reach it.
   */
  async subscribe(listener: (change: QueueChange) => void, wakeUpsOnly = false): Promise<Unsubscribe> {
    const remove = () => {
      if (!this.listeners.has(listener)) return;
      if (this.listeners.get(listener) === false) this.fullListeners -= 1;
      this.listeners.delete(listener);
    };
    remove();
    this.listeners.set(listener, wakeUpsOnly);
    if (!wakeUpsOnly) this.fullListeners += 1;
    try {
      await this.connection.start();
    } catch (err) {
      remove();
      throw err;
    }
    return remove;
  }

  /** Adds a cancellation listener for one worker; resolves once requests reach it. */
  async onCancelRequest(workerId: string, listener: CancelListener): Promise<Unsubscribe> {
    let set = this.cancelListeners.get(workerId);
    if (!set) {
      set = new Set();
      this.cancelListeners.set(workerId, set);
      this.workerByHash.set(md5(workerId), workerId);
    }
    set.add(listener);
    const remove = () => {
      const current = this.cancelListeners.get(workerId);
      current?.delete(listener);
      if (current && current.size === 0) {
        this.cancelListeners.delete(workerId);
        this.workerByHash.delete(md5(workerId));
        this.delivered.delete(workerId);
      }
      if (this.cancelListeners.size === 0) this.stopPolling();
    };
    try {
      await this.connection.start();
    } catch (err) {
      remove();
      throw err;
    }
    this.startPolling();
    return remove;
  }

  /** Drops every listener, stops polling and closes the listening connection. */
  async close(): Promise<void> {
    this.stopPolling();
    this.listeners.clear();
    this.fullListeners = 0;
    this.cancelListeners.clear();
    // A poll still running would otherwise query a pool its queue is about to end.
    await this.pollRun;
    await this.connection.close();
  }

  private dispatch(payload: string): void {
    const parsed = parseNotification(payload, this.fullListeners === 0);
    if (!parsed) return;
    // One payload carries up to a hundred changes: copy the listeners once, not per change.
    const listeners = [...this.listeners];
    for (const change of parsed.changes) {
      const wakeUp = isWakeUp(change);
      for (const [listener, wakeUpsOnly] of listeners) {
        if (wakeUpsOnly && !wakeUp) continue;
        try {
          listener(change);
        } catch (err) {
          this.options.logger.error({ err }, 'A queue change listener threw');
        }
      }
    }
    const cancel = parsed.cancel;
    if (!cancel) return;
    const workerId =
      cancel.workerId ?? (cancel.workerHash ? this.workerByHash.get(cancel.workerHash) : undefined);
    if (workerId !== undefined) this.deliver(workerId, cancel.jobIds);
  }

  private deliver(workerId: string, jobIds: readonly string[]): void {
    const listeners = this.cancelListeners.get(workerId);
    if (!listeners) return;
    let seen = this.delivered.get(workerId);
    if (!seen) {
      seen = new Set();
      this.delivered.set(workerId, seen);
    }
    for (const jobId of jobIds) {
      if (seen.has(jobId)) continue;
      seen.add(jobId);
      for (const listener of [...listeners]) this.safely(() => listener(jobId));
    }
  }

  private startPolling(): void {
    if (this.pollTimer) return;
    this.pollTimer = setInterval(() => void this.pollCancellations(), this.options.pollIntervalMs);
    // The poll is a safety net; it must not keep a process alive on its own.
    this.pollTimer.unref();
  }

  private stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private pollCancellations(): Promise<void> {
    if (this.pollRun) {
      // The running query may predate a request made while the connection was down: run again.
      this.pollAgain = true;
      return this.pollRun;
    }
    if (this.cancelListeners.size === 0) return Promise.resolve();
    this.pollRun = this.pollOnce().finally(() => {
      this.pollRun = undefined;
      if (this.pollAgain && this.pollTimer) {
        this.pollAgain = false;
        void this.pollCancellations();
      }
    });
    return this.pollRun;
  }

  private async pollOnce(): Promise<void> {
    const workers = [...this.cancelListeners.keys()];
    // Only ids delivered before the query may be forgotten when it no longer returns them: one
    // delivered by NOTIFY while the query ran would otherwise be delivered again.
    const before = new Map([...this.delivered].map(([w, ids]) => [w, new Set(ids)]));
    try {
      const rows = await this.options.query<{ id: string; worker_id: string }>(
        `SELECT id::text AS id, worker_id FROM ${this.options.names.job}
          WHERE state = 'Processing' AND cancel_requested AND worker_id = ANY ($1::text[])`,
        [workers],
      );
      const requested = new Map<string, string[]>();
      for (const row of rows) requested.set(row.worker_id, [...(requested.get(row.worker_id) ?? []), row.id]);
      for (const [workerId, ids] of before) {
        const still = new Set(requested.get(workerId) ?? []);
        const seen = this.delivered.get(workerId);
        for (const id of ids) if (!still.has(id)) seen?.delete(id);
      }
      for (const [workerId, ids] of requested) this.deliver(workerId, ids);
    } catch (err) {
      this.options.logger.warn({ err }, 'Polling cancellation requests failed');
    }
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.options.logger.error({ err }, 'A queue change listener threw');
    }
  }
}

function md5(value: string): string {
  return createHash('md5').update(value).digest('hex');
}
