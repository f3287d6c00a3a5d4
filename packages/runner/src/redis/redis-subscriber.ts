import { isWakeUp, type Logger, type QueueChange, type Unsubscribe } from '@hangar/core';
import type { Redis } from 'ioredis';
import { closeConnection } from './connection.js';
import { decodeLogEntry } from './log-codec.js';
import type { RedisKeys } from './redis-keys.js';

/** What the subscriber needs from its queue. */
export interface RedisSubscriberDeps {
  /** The command connection; duplicated for pub/sub and used to read pending cancellations. */
  main: Redis;
  /** Key layout of the deployment. */
  keys: RedisKeys;
  /** Name given to the pub/sub connection. */
  connectionName: string;
  /** Where connection trouble is reported. */
  logger: Logger;
}

type ChangeListener = (change: QueueChange) => void;
/** Which channel carries the changes this process listens to. */
type ChangeFeed = 'all' | 'wake' | 'none';
type CancelListener = (jobId: string) => void;

/** A change as the scripts publish it: a run of changes alike, or one change (log entries). */
type PublishedChange =
  | [QueueChange['kind'], QueueChange['state'] | null, string | null, ...string[]]
  | (QueueChange & { entry?: unknown });

/** Remembered deliveries per worker, to skip repeats after a reconnect; bounded. */
const MAX_DELIVERED = 10_000;

/**
 * Pub/sub on one dedicated connection (a subscribed connection cannot run other commands).
 * The scripts publish every change on `changes` and the wake-ups among them again on `wake`: a
 * process whose listeners all want wake-ups only (workers) subscribes to `wake` alone and never
 * receives the other changes, the bulk of the traffic with many runners; once one listener wants
 * everything, the process subscribes to `changes` instead and picks the wake-ups out of it.
 * Opened on the first listener. ioredis resubscribes after a reconnect; messages published while
 * it was away are lost, so after each reconnect the pending cancellations recorded in Redis are
 * read and delivered. Change events are best-effort notifications; the job records are the truth.
 */
export class RedisSubscriber {
  private conn: Redis | undefined;
  private readonly changeListeners = new Set<ChangeListener>();
  private readonly wakeListeners = new Set<ChangeListener>();
  /** The change channel subscribed to, or being subscribed to. */
  private feed: ChangeFeed = 'none';
  private feedSync: Promise<void> = Promise.resolve();
  private readonly cancelListeners = new Map<string, Set<CancelListener>>();
  private readonly delivered = new Map<string, Set<string>>();
  private readonly handlers = new Map<string, (message: string) => void>();
  private readonly changesChannel: string;
  private readonly wakeChannel: string;
  private readonly cancelChannel: string;
  private readyOnce = false;
  private closed = false;

  constructor(private readonly deps: RedisSubscriberDeps) {
    // ioredis adds `keyPrefix` to keys, scripts see it in KEYS[1], but channels are not keys
    const keyPrefix = deps.main.options.keyPrefix ?? '';
    this.changesChannel = deps.keys.changesChannel(keyPrefix);
    this.wakeChannel = deps.keys.wakeChannel(keyPrefix);
    this.cancelChannel = deps.keys.cancelChannel(keyPrefix);
  }

  /**
   * Calls `listener` for every change published by any process, or with `wakeUpsOnly` for the
   * wake-ups at least (see `isWakeUp`; it may get other changes too).
   */
  async onChange(listener: ChangeListener, wakeUpsOnly = false): Promise<Unsubscribe> {
    const set = wakeUpsOnly ? this.wakeListeners : this.changeListeners;
    this.connection();
    set.add(listener);
    try {
      await this.syncFeed();
    } catch (err) {
      set.delete(listener);
      throw err;
    }
    return async () => {
      if (!set.delete(listener) || this.closed) return;
      await this.syncFeed().catch(() => {});
    };
  }

  /** The change channel the listeners need now. */
  private wantedFeed(): ChangeFeed {
    if (this.changeListeners.size > 0) return 'all';
    return this.wakeListeners.size > 0 ? 'wake' : 'none';
  }

  /**
   * Moves the subscription to the channel the listeners need, subscribing to the new one before
   * leaving the old; messages are read from the current one only, so none comes twice.
   */
  private syncFeed(): Promise<void> {
    const next = this.feedSync.then(async () => {
      const conn = this.conn;
      const wanted = this.wantedFeed();
      if (!conn || wanted === this.feed) return;
      const channelOf = (feed: ChangeFeed) => (feed === 'all' ? this.changesChannel : this.wakeChannel);
      if (wanted !== 'none') await conn.subscribe(channelOf(wanted));
      const previous = this.feed;
      this.feed = wanted;
      if (previous !== 'none') await conn.unsubscribe(channelOf(previous)).catch(() => {});
    });
    this.feedSync = next.catch(() => {});
    return next;
  }

  /**
   * Calls `handler` with every message on an adapter-internal `channel` (full name, key prefix
   * included) until the subscriber closes; resolves once subscribed.
   */
  async onMessage(channel: string, handler: (message: string) => void): Promise<void> {
    const conn = this.connection();
    this.handlers.set(channel, handler);
    try {
      await conn.subscribe(channel);
    } catch (err) {
      this.handlers.delete(channel);
      throw err;
    }
  }

  /** Calls `listener` with the id of each job of `workerId` whose cancellation is requested. */
  async onCancel(workerId: string, listener: CancelListener): Promise<Unsubscribe> {
    const conn = this.connection();
    const set = this.cancelListeners.get(workerId) ?? new Set<CancelListener>();
    this.cancelListeners.set(workerId, set);
    set.add(listener);
    try {
      await conn.subscribe(this.cancelChannel);
    } catch (err) {
      set.delete(listener);
      if (set.size === 0) this.cancelListeners.delete(workerId);
      throw err;
    }
    return async () => {
      const listeners = this.cancelListeners.get(workerId);
      if (!listeners?.delete(listener)) return;
      if (listeners.size === 0) {
        this.cancelListeners.delete(workerId);
        this.delivered.delete(workerId);
      }
      if (this.cancelListenerCount() > 0 || this.closed) return;
      await conn.unsubscribe(this.cancelChannel).catch(() => {});
    };
  }

  /** Drops every listener and closes the pub/sub connection. */
  async close(): Promise<void> {
    this.closed = true;
    this.changeListeners.clear();
    this.wakeListeners.clear();
    this.cancelListeners.clear();
    this.handlers.clear();
    const conn = this.conn;
    this.conn = undefined;
    if (conn) await closeConnection(conn);
  }

  private connection(): Redis {
    if (this.closed) throw new Error('The Redis queue is closed');
    if (this.conn) return this.conn;
    const conn = this.deps.main.duplicate({
      connectionName: `${this.deps.connectionName}:subscriber`,
      lazyConnect: false,
    });
    conn.on('error', (err: Error) => this.deps.logger.warn({ err }, 'Redis pub/sub connection error'));
    conn.on('ready', () => {
      if (this.readyOnce) void this.afterReconnect(conn);
      this.readyOnce = true;
    });
    conn.on('message', (channel: string, message: string) => this.dispatch(channel, message));
    this.conn = conn;
    return conn;
  }

  private dispatch(channel: string, message: string): void {
    const handler = this.handlers.get(channel);
    if (handler) {
      this.call(() => handler(message));
      return;
    }
    try {
      const all = channel === this.changesChannel;
      if (all || channel === this.wakeChannel) {
        // during a move between the two channels a message may arrive on the one being left
        if ((all ? 'all' : 'wake') !== this.feed) return;
        for (const raw of JSON.parse(message) as PublishedChange[]) {
          if (Array.isArray(raw)) {
            // consecutive changes of one kind, state and queue: [kind, state, queue, id...]
            const [kind, state, queue] = raw;
            for (let i = 3; i < raw.length; i++) {
              const change: QueueChange = { kind, jobId: raw[i] as string };
              if (queue !== null) change.queue = queue;
              if (state !== null) change.state = state;
              this.deliverChange(change);
            }
          } else {
            this.deliverChange(
              raw.kind === 'log' && raw.entry !== undefined
                ? { ...raw, entry: decodeLogEntry(JSON.stringify(raw.entry)) }
                : raw,
            );
          }
        }
      } else if (channel === this.cancelChannel) {
        const { workerId, jobId } = JSON.parse(message) as { workerId: string; jobId: string };
        this.deliverCancel(workerId, jobId);
      }
    } catch (err) {
      this.deps.logger.error({ err, channel }, 'Unreadable message on a Hangar channel');
    }
  }

  private deliverChange(change: QueueChange): void {
    for (const listener of this.changeListeners) this.call(() => listener(change));
    if (this.wakeListeners.size > 0 && isWakeUp(change))
      for (const listener of this.wakeListeners) this.call(() => listener(change));
  }

  private deliverCancel(workerId: string, jobId: string): void {
    const listeners = this.cancelListeners.get(workerId);
    if (!listeners || listeners.size === 0) return;
    const seen = this.delivered.get(workerId) ?? new Set<string>();
    this.delivered.set(workerId, seen);
    seen.add(jobId);
    if (seen.size > MAX_DELIVERED) {
      const oldest = seen.values().next().value;
      if (oldest !== undefined) seen.delete(oldest);
    }
    for (const listener of listeners) this.call(() => listener(jobId));
  }

  /** Confirms the subscriptions, then catches up on cancellations published while disconnected. */
  private async afterReconnect(conn: Redis): Promise<void> {
    try {
      const channels = [
        ...(this.feed === 'all' ? [this.changesChannel] : this.feed === 'wake' ? [this.wakeChannel] : []),
        ...(this.cancelListenerCount() > 0 ? [this.cancelChannel] : []),
        ...this.handlers.keys(),
      ];
      // the reply to our SUBSCRIBE follows ioredis' own resubscription, so nothing published
      // after the read below can be missed
      if (channels.length > 0) await conn.subscribe(...channels);
      for (const workerId of [...this.cancelListeners.keys()]) {
        const pending = await this.deps.main.smembers(this.deps.keys.cancels(workerId));
        const seen = this.delivered.get(workerId);
        for (const jobId of pending) if (!seen?.has(jobId)) this.deliverCancel(workerId, jobId);
        // forget deliveries whose jobs have left Processing
        const still = new Set(pending);
        for (const jobId of seen ?? []) if (!still.has(jobId)) seen?.delete(jobId);
      }
    } catch (err) {
      this.deps.logger.warn({ err }, 'Could not catch up on cancellations after reconnecting to Redis');
    }
  }

  private cancelListenerCount(): number {
    let n = 0;
    for (const set of this.cancelListeners.values()) n += set.size;
    return n;
  }

  private call(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.deps.logger.error({ err }, 'A Hangar change listener threw');
    }
  }
}
