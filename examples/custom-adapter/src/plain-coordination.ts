import type { ScheduleRecord } from '@hangar/core';
import { lockTtlMs } from '@hangar/core/adapter';
import type { PlainStore } from './plain-store.js';

/**
 * Named locks and recurring schedules of a `PlainStore`, what runners coordinate through: the
 * part of the adapter that does not touch jobs, kept apart from `PlainQueue`, its subclass.
 */
export class PlainCoordination {
  /** @param store The backend this queue shares with others. */
  constructor(readonly store: PlainStore) {}

  /** Takes the lock if it is free, expired or already `owner`'s. */
  async acquireLock(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const ms = lockTtlMs(ttlMs);
    const now = Date.now();
    const lock = this.store.locks.get(name);
    if (lock && lock.expiresAt > now && lock.owner !== owner) return false;
    this.store.locks.set(name, { owner, expiresAt: now + ms });
    return true;
  }

  /** Extends a lock `owner` still holds. */
  async extendLock(name: string, owner: string, ttlMs: number): Promise<boolean> {
    const ms = lockTtlMs(ttlMs);
    const lock = this.lockHeldBy(name, owner);
    if (lock) lock.expiresAt = Date.now() + ms;
    return lock !== undefined;
  }

  /** Releases a lock `owner` still holds; never another owner's. */
  async releaseLock(name: string, owner: string): Promise<boolean> {
    return this.lockHeldBy(name, owner) !== undefined && this.store.locks.delete(name);
  }

  async saveSchedule(schedule: ScheduleRecord): Promise<void> {
    this.store.schedules.set(schedule.name, structuredClone(schedule));
  }

  async getSchedule(name: string): Promise<ScheduleRecord | undefined> {
    const schedule = this.store.schedules.get(name);
    return schedule && structuredClone(schedule);
  }

  async listSchedules(): Promise<ScheduleRecord[]> {
    const names = [...this.store.schedules.keys()].sort();
    return names.map((name) => structuredClone(this.store.schedules.get(name) as ScheduleRecord));
  }

  async deleteSchedule(name: string): Promise<boolean> {
    return this.store.schedules.delete(name);
  }

  /** Compare-and-set: only the caller that still sees `expected` as the next run fires it. */
  async advanceSchedule(name: string, expected: Date, next: Date | null, firedAt: Date): Promise<boolean> {
    const schedule = this.store.schedules.get(name);
    if (schedule?.nextRunAt?.getTime() !== expected.getTime()) return false;
    schedule.nextRunAt = next && new Date(next);
    schedule.lastRunAt = new Date(firedAt);
    return true;
  }

  private lockHeldBy(name: string, owner: string): { owner: string; expiresAt: number } | undefined {
    const lock = this.store.locks.get(name);
    return lock && lock.owner === owner && lock.expiresAt > Date.now() ? lock : undefined;
  }
}
