import type { QueueAdapter, ScheduleRecord } from '@hangar/core';
import { TriggerCallsBase } from './trigger-calls-base.js';

/** The contract calls of cron schedules. */
export type ScheduleCalls = Pick<
  QueueAdapter,
  'saveSchedule' | 'getSchedule' | 'listSchedules' | 'deleteSchedule' | 'advanceSchedule'
>;

/**
 * Base of the runner's three adapters' operator calls: serves the schedule calls through
 * `scheduleStore`, which each adapter builds in a file of its own (and the trigger calls through
 * `triggerStore`, see `TriggerCallsBase`).
 */
export abstract class ScheduleCallsBase extends TriggerCallsBase implements ScheduleCalls {
  /** The adapter's implementation of the schedule calls. */
  protected abstract readonly scheduleStore: ScheduleCalls;

  saveSchedule(schedule: ScheduleRecord): Promise<void> {
    return this.scheduleStore.saveSchedule(schedule);
  }

  getSchedule(name: string): Promise<ScheduleRecord | undefined> {
    return this.scheduleStore.getSchedule(name);
  }

  listSchedules(): Promise<ScheduleRecord[]> {
    return this.scheduleStore.listSchedules();
  }

  deleteSchedule(name: string): Promise<boolean> {
    return this.scheduleStore.deleteSchedule(name);
  }

  advanceSchedule(name: string, expected: Date, next: Date | null, firedAt: Date): Promise<boolean> {
    return this.scheduleStore.advanceSchedule(name, expected, next, firedAt);
  }
}
