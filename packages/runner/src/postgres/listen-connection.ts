import type { Logger } from '@hangar/core';
import type pg from 'pg';

/** What a `ListenConnection` needs. */
export interface ListenConnectionOptions {
  /** Pool the dedicated connection is checked out of (and destroyed into on failure). */
  pool: pg.Pool;
  /** Channel to LISTEN on. */
  channel: string;
  /** First reconnect delay, doubled on each failure. */
  reconnectDelayMs: number;
  /** Longest reconnect delay. */
  maxReconnectDelayMs: number;
  /** Where connection problems are reported. */
  logger: Logger;
  /** Called with each payload received on the channel. */
  onNotification(payload: string): void;
  /** Called after a dropped connection listens again, to catch up on what was missed. */
  onReconnected(): void;
}

/**
 * One connection kept checked out of the pool, listening on one channel. When it drops
 * (server restart, `pg_terminate_backend`, network) it is destroyed and replaced after a
 * backoff, and LISTEN is issued again; notifications sent in between are lost, which is why
 * callers catch up in `onReconnected`.
 */
export class ListenConnection {
  private client: pg.PoolClient | undefined;
  private ready: Promise<void> | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnecting: Promise<void> | undefined;
  private delayMs: number;
  private closed = false;

  constructor(private readonly options: ListenConnectionOptions) {
    this.delayMs = options.reconnectDelayMs;
  }

  /** Resolves once the channel is listened to; rejects if the first connection fails. */
  start(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The queue is closed'));
    if (!this.ready) {
      this.ready = this.connect().catch((err: unknown) => {
        // Let the next subscriber try again instead of caching the failure forever.
        this.ready = undefined;
        throw err;
      });
    }
    return this.ready;
  }

  /** Stops listening, cancels reconnection and releases the connection. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    await Promise.allSettled([this.ready, this.reconnecting]);
    const client = this.client;
    this.client = undefined;
    if (client) {
      // Destroy rather than return it: a pooled connection must not keep listening.
      client.release(true);
    }
  }

  private async connect(): Promise<void> {
    const client = await this.options.pool.connect();
    const onError = (err: Error) => this.dropped(client, err);
    client.on('error', onError);
    client.on('end', () => this.dropped(client, new Error('connection ended')));
    client.on('notification', (message) => {
      if (message.channel === this.options.channel) this.options.onNotification(message.payload ?? '');
    });
    try {
      await client.query(`LISTEN "${this.options.channel}"`);
    } catch (err) {
      client.removeAllListeners('end');
      client.release(true);
      throw err;
    }
    if (this.closed) {
      client.release(true);
      return;
    }
    this.client = client;
    this.delayMs = this.options.reconnectDelayMs;
  }

  private dropped(client: pg.PoolClient, err: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.options.logger.warn({ err, channel: this.options.channel }, 'LISTEN connection lost; reconnecting');
    client.removeAllListeners('end');
    try {
      client.release(err);
    } catch {
      // Already released by a concurrent close: nothing left to clean up.
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    const delay = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, this.options.maxReconnectDelayMs);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.reconnecting = this.connect().then(
        () => {
          if (!this.closed) this.options.onReconnected();
        },
        (err: unknown) => {
          this.options.logger.warn(
            { err, channel: this.options.channel },
            'LISTEN reconnection failed; retrying',
          );
          this.scheduleReconnect();
        },
      );
    }, delay);
  }
}
