import type { ScheduleRecord } from '@hangar/core';
import { lockTtlMs } from '@hangar/core/adapter';
import type { MemoryStore } from './memory-store.js';
import { copyValue } from './value-copy.js';

const clone = copyValue;

/** Named locks and recurring schedules of the in-memory queue. */
export class MemoryCoordination {
  constructor(private readonly store: MemoryStore) {}

  /** See `QueueAdapter`. */
  async acquireLock(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const ttl = lockTtlMs(ttlMs);
    const now = Date.now();
    const lock = this.store.locks.get(name);
    if (lock && lock.expiresAt > now && lock.owner !== owner) return false;
    this.store.locks.set(name, { owner, expiresAt: now + ttl });
    return true;
  }

  /** See `QueueAdapter`. */
  async extendLock(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const ttl = lockTtlMs(ttlMs);
    const now = Date.now();
    const lock = this.store.locks.get(name);
    if (!lock || lock.owner !== owner || lock.expiresAt <= now) return false;
    lock.expiresAt = now + ttl;
    return true;
  }

  /** See `QueueAdapter`. */
  async releaseLock(name: string, owner: string): Promise<boolean> {
    const lock = this.store.locks.get(name);
    if (!lock || lock.owner !== owner || lock.expiresAt <= Date.now()) return false;
    this.store.locks.delete(name);
    return true;
  }

  /** See `QueueAdapter`. */
  async saveSchedule(schedule: ScheduleRecord): Promise<void> {
    this.store.schedules.set(schedule.name, clone(schedule));
  }

  /** See `QueueAdapter`. */
  async getSchedule(name: string): Promise<ScheduleRecord | undefined> {
    const schedule = this.store.schedules.get(name);
    return schedule ? clone(schedule) : undefined;
  }

  /** See `QueueAdapter`. */
  async listSchedules(): Promise<ScheduleRecord[]> {
    return [...this.store.schedules.values()].sort((a, b) => a.name.localeCompare(b.name)).map(clone);
  }

  /** See `QueueAdapter`. */
  async deleteSchedule(name: string): Promise<boolean> {
    return this.store.schedules.delete(name);
  }

  /** See `QueueAdapter`. */
  async advanceSchedule(name: string, expected: Date, next: Date | null, firedAt: Date): Promise<boolean> {
    const schedule = this.store.schedules.get(name);
    if (!schedule || schedule.nextRunAt?.getTime() !== expected.getTime()) return false;
    schedule.nextRunAt = next;
    schedule.lastRunAt = firedAt;
    return true;
  }
}
