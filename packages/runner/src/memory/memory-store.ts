import {
  isWakeUp,
  type JobRecord,
  type JobState,
  type LogEntry,
  type QueueChange,
  type RunnerRecord,
  type ScheduleRecord,
  type TriggerRecord,
} from '@hangar/core';
import { EventEmitter } from 'eventemitter3';
import { BinaryHeap } from './binary-heap.js';

/** A runnable job's place in the ready heap. */
export interface ReadyEntry {
  id: string;
  priority: number;
  runAt: number;
  seq: number;
}

interface StoreEvents {
  change: (change: QueueChange) => void;
  /** Only the changes that may make a job claimable (`isWakeUp`), for workers. */
  wake: (change: QueueChange) => void;
  /** A cancellation request for a job a worker holds (`MemoryQueue.onCancelRequest`). */
  cancel: (workerId: string, jobId: string) => void;
}

/**
 * The state behind one or more `MemoryQueue` instances in one process. Several instances over
 * one store behave like several runners sharing a database.
 */
export class MemoryStore {
  readonly jobs = new Map<string, JobRecord>();
  readonly seqOf = new Map<string, number>();
  readonly logs = new Map<string, LogEntry[]>();
  readonly idempotency = new Map<string, string>();
  readonly locks = new Map<string, { owner: string; expiresAt: number }>();
  readonly schedules = new Map<string, ScheduleRecord>();
  /** Event triggers by name. */
  readonly triggers = new Map<string, TriggerRecord>();
  /** Runner advertisements by runner id. */
  readonly runners = new Map<string, RunnerRecord>();
  /** Awaiting children by the id of a parent that has not ended yet. */
  readonly children = new Map<string, Set<string>>();
  /** Parents each Awaiting child still waits for. */
  readonly pendingParents = new Map<string, number>();
  /** Concurrency keys held by Processing jobs. */
  readonly heldKeys = new Map<string, string>();
  /** Processing jobs per customer. */
  readonly runningPerCustomer = new Map<string, number>();
  readonly ready = new Map<string, BinaryHeap<ReadyEntry>>();
  readonly delayed = new BinaryHeap<ReadyEntry>(
    (a, b) => a.runAt < b.runAt || (a.runAt === b.runAt && a.seq < b.seq),
  );
  /** Its channels; listen to `change` and `wake` through `listen`, which keeps their counts. */
  readonly events = new EventEmitter<StoreEvents>();
  private seq = 0;
  private lastDate: Date | undefined;
  /** Listeners of each channel (`listen`). */
  private readonly listeners = { change: 0, wake: 0 };

  /** Next sequence number (enqueue order). */
  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** The ready heap of a queue. */
  readyHeap(queue: string): BinaryHeap<ReadyEntry> {
    let heap = this.ready.get(queue);
    if (!heap) {
      heap = new BinaryHeap<ReadyEntry>(
        (a, b) =>
          a.priority < b.priority ||
          (a.priority === b.priority && (a.runAt < b.runAt || (a.runAt === b.runAt && a.seq < b.seq))),
      );
      this.ready.set(queue, heap);
    }
    return heap;
  }

  /** Puts a runnable job in the ready heap, or the delayed heap when not due. */
  schedule(job: JobRecord, now: number): void {
    const entry: ReadyEntry = {
      id: job.id,
      priority: job.priority,
      runAt: job.runAt.getTime(),
      seq: this.seqOf.get(job.id) ?? 0,
    };
    if (entry.runAt > now) this.delayed.push(entry);
    else this.readyHeap(job.queue).push(entry);
  }

  /**
   * The date of `now` (ms) for the store's records. One object serves every record written in
   * the same millisecond: the store never changes a date in place (it assigns a new one) and
   * hands out only copies, and a no-op job's few dates per transition, each kept as long as
   * its record, were much of the garbage collector's work.
   */
  dateAt(now: number): Date {
    if (this.lastDate?.getTime() !== now) this.lastDate = new Date(now);
    return this.lastDate;
  }

  /**
   * Listens to one channel until the returned function is called (once). The store counts its
   * listeners itself: eventemitter3's `listenerCount` builds its key string on every call, and
   * asking it twice per job transition was a thirtieth of the memory queue's time per job.
   */
  listen(channel: 'change' | 'wake', handler: (change: QueueChange) => void): () => void {
    this.events.on(channel, handler);
    this.listeners[channel] += 1;
    let listening = true;
    return () => {
      if (!listening) return;
      listening = false;
      this.events.off(channel, handler);
      this.listeners[channel] -= 1;
    };
  }

  /** Whether anyone listens for a move to `state` (else the change need not be built). */
  watches(state: JobState): boolean {
    return this.listeners.change > 0 || (state === 'Enqueued' && this.listeners.wake > 0);
  }

  /** Publishes a change to every subscriber of this store. */
  publish(change: QueueChange): void {
    if (this.listeners.change > 0) this.events.emit('change', change);
    if (this.listeners.wake > 0 && isWakeUp(change)) this.events.emit('wake', change);
  }
}

/** The idempotency index key of a job: keys are unique per customer. */
export function idempotencyIndexKey(job: {
  customerId?: string | undefined;
  idempotencyKey?: string | undefined;
}): string | undefined {
  return job.idempotencyKey === undefined ? undefined : `${job.customerId ?? ''}\u0000${job.idempotencyKey}`;
}
