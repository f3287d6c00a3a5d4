import {
  type QueueAdapter,
  supportsTriggers,
  TriggerNotFoundError,
  type TriggerRecord,
  type TriggerStore,
  TriggersUnsupportedError,
} from '@hangar/core';
import type { JobRegistry } from '../registry/job-registry.js';
import { checkTriggerInput, type TriggerInput } from './trigger-input.js';

/**
 * Creates, pauses, resumes, lists and deletes event triggers. A trigger fires only on jobs that
 * end after it was created or last resumed: it never replays earlier ends.
 *
 * @example
 * await client.triggers.upsert({
 *   name: 'report-after-month-end',
 *   on: { type: 'conso.workflow', metadata: { workflow: 'month-end' }, states: ['Succeeded'] },
 *   job: { type: 'report', params: { conso: '202612ACT001' } },
 * });
 */
export class TriggerManager {
  constructor(
    private readonly queue: QueueAdapter,
    private readonly registry: JobRegistry,
  ) {}

  /** The adapter's trigger storage; `TriggersUnsupportedError` when it has none. */
  get store(): TriggerStore {
    if (!supportsTriggers(this.queue)) throw new TriggersUnsupportedError(this.queue.name);
    return this.queue;
  }

  /** One trigger, or undefined. */
  async get(name: string): Promise<TriggerRecord | undefined> {
    return this.store.getTrigger(name);
  }

  /** Every trigger, by name. */
  async list(): Promise<TriggerRecord[]> {
    return this.store.listTriggers();
  }

  /**
   * Creates or replaces a trigger; its shape (`ConfigurationError` naming the field) and its
   * job's parameters (`ParamsValidationError`) are checked first and nothing is stored when
   * either is wrong. A replaced trigger keeps where it stands, so ends that happened while no
   * runner was alive still fire it; one that was paused and is saved unpaused starts from now.
   */
  async upsert(input: TriggerInput, now: Date = new Date()): Promise<TriggerRecord> {
    const { on, job } = checkTriggerInput(input);
    const params = this.registry.validate(job.type, input.job.params);
    const existing = await this.store.getTrigger(input.name);
    const paused = input.paused ?? existing?.paused ?? false;
    const fresh = !existing || (existing.paused && !paused);
    const record: TriggerRecord = {
      name: input.name,
      on,
      job: { ...job, params },
      paused,
      since: fresh ? new Date(now) : existing.since,
      cursor: fresh ? { at: new Date(now) } : existing.cursor,
      lastFiredAt: existing?.lastFiredAt ?? null,
    };
    await this.store.saveTrigger(record);
    return record;
  }

  /** Stops a trigger from firing until resumed; `TriggerNotFoundError` when there is none. */
  async pause(name: string): Promise<TriggerRecord> {
    const trigger = await this.require(name);
    trigger.paused = true;
    await this.store.saveTrigger(trigger);
    return trigger;
  }

  /**
   * Resumes a paused trigger from now: jobs that ended while it was paused do not fire it.
   * `TriggerNotFoundError` when there is none.
   */
  async resume(name: string, now: Date = new Date()): Promise<TriggerRecord> {
    const trigger = await this.require(name);
    if (!trigger.paused) return trigger;
    trigger.paused = false;
    trigger.since = new Date(now);
    trigger.cursor = { at: new Date(now) };
    await this.store.saveTrigger(trigger);
    return trigger;
  }

  /** Deletes a trigger; false if there was none. */
  async delete(name: string): Promise<boolean> {
    return this.store.deleteTrigger(name);
  }

  private async require(name: string): Promise<TriggerRecord> {
    const trigger = await this.store.getTrigger(name);
    if (!trigger) throw new TriggerNotFoundError(name);
    return trigger;
  }
}
