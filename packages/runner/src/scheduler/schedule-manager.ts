import type { EnqueueResult, QueueAdapter, ScheduleJobOptions, ScheduleRecord } from '@hangar/core';
import { ConfigurationError, ScheduleNotFoundError } from '@hangar/core';
import type { JobRegistry } from '../registry/job-registry.js';
import { nextCronRun } from './cron-expression.js';

/** A recurring job to create or replace. */
export interface ScheduleInput {
  /** Unique name. */
  name: string;
  /** Cron expression, 5 fields (minute precision) or 6 (seconds). */
  cron: string;
  /** IANA time zone the expression is read in. @defaultValue 'UTC' */
  timezone?: string;
  /** Job type. */
  type: string;
  /** Its parameters, validated now. */
  params: unknown;
  /** Enqueue options of each run. */
  options?: ScheduleJobOptions;
  /** Create it paused. @defaultValue false */
  paused?: boolean;
}

/** Enqueues one job with the client's parameter checks (`HangarClient.enqueue`). */
export type ScheduleEnqueue = (
  type: string,
  params: unknown,
  options: ScheduleJobOptions,
) => Promise<EnqueueResult>;

/** Creates, pauses, resumes, triggers, lists and deletes recurring schedules. */
export class ScheduleManager {
  constructor(
    private readonly queue: QueueAdapter,
    private readonly registry: JobRegistry,
    private readonly enqueue: ScheduleEnqueue,
  ) {}

  /** One schedule, or undefined. */
  async get(name: string): Promise<ScheduleRecord | undefined> {
    return this.queue.getSchedule(name);
  }

  /**
   * Enqueues one job of the schedule now, with its parameters and options, whether paused or
   * not; its cron times are left as they are. `ScheduleNotFoundError` when there is none.
   */
  async trigger(name: string): Promise<EnqueueResult> {
    const schedule = await this.require(name);
    return this.enqueue(schedule.type, schedule.params, { ...schedule.options });
  }

  /** Creates or replaces a schedule; its parameters and cron are checked first. */
  async upsert(input: ScheduleInput, now: Date = new Date()): Promise<ScheduleRecord> {
    if (!input.name?.trim()) throw new ConfigurationError('name', 'a schedule needs a non-empty name');
    const params = this.registry.validate(input.type, input.params);
    const timezone = input.timezone ?? 'UTC';
    const paused = input.paused ?? false;
    const nextRunAt = nextCronRun(input.cron, timezone, now);
    const existing = await this.queue.getSchedule(input.name);
    const record: ScheduleRecord = {
      name: input.name,
      cron: input.cron,
      timezone,
      type: input.type,
      params,
      options: input.options ?? {},
      paused,
      nextRunAt: paused ? null : nextRunAt,
      lastRunAt: existing?.lastRunAt ?? null,
    };
    await this.queue.saveSchedule(record);
    return record;
  }

  /** Stops a schedule from firing until resumed; `ScheduleNotFoundError` when there is none. */
  async pause(name: string): Promise<ScheduleRecord> {
    const schedule = await this.require(name);
    schedule.paused = true;
    schedule.nextRunAt = null;
    await this.queue.saveSchedule(schedule);
    return schedule;
  }

  /**
   * Resumes a paused schedule from its next cron time after now (missed runs are not replayed);
   * `ScheduleNotFoundError` when there is none.
   */
  async resume(name: string, now: Date = new Date()): Promise<ScheduleRecord> {
    const schedule = await this.require(name);
    schedule.paused = false;
    schedule.nextRunAt = nextCronRun(schedule.cron, schedule.timezone, now);
    await this.queue.saveSchedule(schedule);
    return schedule;
  }

  /** Every schedule with its next run time. */
  async list(): Promise<ScheduleRecord[]> {
    return this.queue.listSchedules();
  }

  /** Deletes a schedule; false if there was none. */
  async delete(name: string): Promise<boolean> {
    return this.queue.deleteSchedule(name);
  }

  private async require(name: string): Promise<ScheduleRecord> {
    const schedule = await this.queue.getSchedule(name);
    if (!schedule) throw new ScheduleNotFoundError(name);
    return schedule;
  }
}
