import type { HangarEvents, Logger, QueueAdapter, ScheduleJobOptions } from '@hangar/core';
import { safeEmit } from '@hangar/core';
import type { EventEmitter } from 'eventemitter3';
import { nextCronRun } from './cron-expression.js';

/**
 * What firing a schedule needs of a client: its queue, which job types it knows, and enqueue
 * (with the parameter checks of the client). A `HangarClient` is one.
 */
export interface ScheduleFiringClient {
  /** The queue holding the schedules. */
  readonly queue: QueueAdapter;
  /** The job types this client can enqueue. */
  readonly registry: { has(type: string): boolean };
  /** Enqueues one occurrence. */
  enqueue(
    type: string,
    params: unknown,
    options: ScheduleJobOptions & { idempotencyKey: string },
  ): Promise<{ id: string }>;
}

/**
 * Fires due schedules. Every runner runs one; the adapter's compare-and-set on the schedule's
 * next run lets exactly one of them enqueue each occurrence, and the occurrence's idempotency
 * key makes a retried enqueue harmless.
 */
export class RecurringScheduler {
  private running = false;

  constructor(
    private readonly client: ScheduleFiringClient,
    private readonly events: EventEmitter<HangarEvents>,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Enqueues every due occurrence once; returns the ids of the jobs it enqueued. */
  async tick(): Promise<string[]> {
    if (this.running) return [];
    this.running = true;
    const fired: string[] = [];
    try {
      const now = this.now();
      for (const schedule of await this.client.queue.listSchedules()) {
        if (schedule.paused || !schedule.nextRunAt || schedule.nextRunAt > now) continue;
        const due = schedule.nextRunAt;
        // Missed occurrences (all runners down) collapse into one run, then the next future time.
        const next = nextCronRun(schedule.cron, schedule.timezone, now);
        if (!(await this.client.queue.advanceSchedule(schedule.name, due, next, now))) continue;
        if (!this.client.registry.has(schedule.type)) {
          this.logger.warn(
            { schedule: schedule.name, type: schedule.type },
            'Schedule names an unknown job type',
          );
          continue;
        }
        const { id } = await this.client.enqueue(schedule.type, schedule.params, {
          ...schedule.options,
          idempotencyKey: `schedule:${schedule.name}:${due.toISOString()}`,
        });
        fired.push(id);
        safeEmit(this.events, this.logger, 'schedule:fired', { name: schedule.name, jobId: id, at: due });
      }
    } catch (error) {
      safeEmit(this.events, this.logger, 'worker:error', { error, context: 'recurring schedules' });
    } finally {
      this.running = false;
    }
    return fired;
  }
}
